/// Where each file's outputs go when `validate` is given `--out DIR`: DIR itself for one file; for
/// several, DIR/<file name without extension>/, with `-2`, `-3` … added when two files share a name
/// (`a/users.xlsx` and `b/users.csv` → `DIR/users/` and `DIR/users-2/`).
public enum OutputFolders {
    public static func assign(files: [String], out: String?) -> [String?] {
        guard let out else { return files.map { _ in nil } }
        guard files.count > 1 else { return files.map { _ in out } }
        var used: Set<String> = []
        return files.map { file in
            let stem = self.stem(of: file)
            var name = stem
            var n = 2
            while !used.insert(name.lowercased()).inserted {
                name = "\(stem)-\(n)"
                n += 1
            }
            return OutputFiles.path(name, in: out)
        }
    }

    /// The file name without folders and without its last extension; `file` when that leaves nothing
    /// usable (`.`, `..`, an empty name).
    static func stem(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name.isEmpty || name == "." || name == ".." ? "file" : name
    }
}
