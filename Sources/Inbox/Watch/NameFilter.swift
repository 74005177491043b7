/// Decides from an entry's name and kind whether the inbox takes it. Everything not taken is left
/// exactly where it is.
public struct NameFilter: Sendable {
    /// Why an entry is not taken.
    public enum Skip: Equatable, Sendable {
        /// `.name`: hidden files, including the watcher's own `.invitesheet` folder.
        case dotFile
        /// `~$name.xlsx`: the lock file Excel keeps beside an open workbook.
        case excelLockFile
        /// `.tmp`, `.part`, `.crdownload` …: a copy or download still in progress.
        case partialDownload
        /// A file an editor writes while saving: Excel's `1A2B3C4D` (eight hex digits, no extension)
        /// before it renames it over the workbook, and `name~` backups.
        case editorTemporaryFile
        /// `Thumbs.db`, `desktop.ini`: files Windows keeps in shared folders.
        case systemFile
        case symlink
        case fifo
        case directory
        /// Sockets and devices.
        case notRegularFile

        /// True for skips that are routine (not worth a log line): hidden files, lock files,
        /// downloads in progress, editors' temporary files and system files.
        public var isRoutine: Bool {
            switch self {
            case .dotFile, .excelLockFile, .partialDownload, .editorTemporaryFile, .systemFile: return true
            default: return false
            }
        }

        /// Words for a log line.
        public var reason: String {
            switch self {
            case .dotFile: return "hidden file"
            case .excelLockFile: return "Excel lock file"
            case .partialDownload: return "partial download or temporary file"
            case .editorTemporaryFile: return "temporary file of an editor that is saving"
            case .systemFile: return "file the system keeps in shared folders"
            case .symlink: return "symbolic link (never followed)"
            case .fifo: return "named pipe (never read)"
            case .directory: return "folder"
            case .notRegularFile: return "not a regular file"
            }
        }
    }

    /// Extensions the validator reads.
    public static let supportedExtensions: Set<String> = ["xlsx", "xlsm", "csv", "tsv"]
    /// Spreadsheet formats people commonly drop by mistake. They are validated so that they end in
    /// `rejected/` with a report saying how to save them as `.xlsx`.
    public static let explainedExtensions: Set<String> = ["xls", "xlsb", "ods"]
    /// Suffixes of files still being written by a browser, a copy tool or an editor.
    public static let partialSuffixes = ["tmp", "part", "partial", "crdownload", "download", "filepart", "swp"]
    /// Files Windows and macOS keep in shared folders (compared lower-cased).
    public static let systemFileNames: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"]

    public init() {}

    /// nil when the entry is taken; otherwise why not. Every other regular file is taken: a
    /// spreadsheet name goes to the validator, any other name is rejected with a report saying what
    /// the file is (`isSpreadsheetName`).
    public func skip(_ name: FileName, kind: EntryKind) -> Skip? {
        if name.bytes.first == UInt8(ascii: ".") { return .dotFile }
        if name.bytes.starts(with: Array("~$".utf8)) { return .excelLockFile }
        switch kind {
        case .symlink: return .symlink
        case .fifo: return .fifo
        case .directory: return .directory
        case .other: return .notRegularFile
        case .regular: break
        }
        if Self.partialSuffixes.contains(name.fileExtension) { return .partialDownload }
        if name.bytes.last == UInt8(ascii: "~") || Self.isExcelTemporaryName(name) { return .editorTemporaryFile }
        if let text = name.exactString, Self.systemFileNames.contains(text.lowercased()) { return .systemFile }
        return nil
    }

    /// True when the name says spreadsheet (read by the validator); other files are not validated.
    public static func isSpreadsheetName(_ name: FileName) -> Bool {
        let ext = name.fileExtension
        return supportedExtensions.contains(ext) || explainedExtensions.contains(ext)
    }

    /// Excel saves a workbook by writing a temporary file named with eight hex digits and no
    /// extension, then renaming it over the workbook.
    static func isExcelTemporaryName(_ name: FileName) -> Bool {
        name.bytes.count == 8 && name.bytes.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0) }
    }
}
