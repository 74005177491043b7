/// OPC part names and relationship target resolution (ECMA-376 Part 2, 9.1 and 9.3).
enum PartName {
    /// The relationships part of a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        let (dir, base) = split(part)
        return dir + "_rels/" + base + ".rels"
    }

    /// Resolves a relationship target against the source part's folder. Absolute targets start at
    /// the package root. Returns nil when the target climbs out of the package.
    static func resolve(target: String, from sourcePart: String) -> String? {
        var t = percentDecoded(target.replacingBackslashes())
        if let hash = t.firstIndex(of: "#") { t = String(t[..<hash]) }
        let path: String
        if t.hasPrefix("/") {
            path = String(t.dropFirst())
        } else {
            path = split(sourcePart).dir + t
        }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if segments.isEmpty { return nil }
                segments.removeLast()
                continue
            }
            segments.append(segment)
        }
        if segments.isEmpty { return nil }
        return segments.joined(separator: "/")
    }

    static func split(_ part: String) -> (dir: String, base: String) {
        if let slash = part.lastIndex(of: "/") {
            return (String(part[...slash]), String(part[part.index(after: slash)...]))
        }
        return ("", part)
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = hex(b[i + 1]), let l = hex(b[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
