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
        /// An extension the validator does not read.
        case unsupportedExtension(String)
        case symlink
        case fifo
        case directory
        /// Sockets and devices.
        case notRegularFile

        /// True for skips that are routine (not worth a log line): hidden files, Excel's lock files,
        /// and downloads in progress.
        public var isRoutine: Bool {
            switch self {
            case .dotFile, .excelLockFile, .partialDownload: return true
            default: return false
            }
        }

        /// Words for a log line.
        public var reason: String {
            switch self {
            case .dotFile: return "hidden file"
            case .excelLockFile: return "Excel lock file"
            case .partialDownload: return "partial download or temporary file"
            case .unsupportedExtension(let ext):
                return ext.isEmpty ? "no file extension; expected .xlsx, .xlsm, .csv or .tsv"
                    : "unsupported extension .\(FileName(ext).display); expected .xlsx, .xlsm, .csv or .tsv"
            case .symlink: return "symbolic link (never followed)"
            case .fifo: return "named pipe (never read)"
            case .directory: return "folder"
            case .notRegularFile: return "not a regular file"
            }
        }
    }

    /// Extensions the validator reads.
    public static let supportedExtensions: Set<String> = ["xlsx", "xlsm", "csv", "tsv"]
    /// Spreadsheet formats people commonly drop by mistake. They are taken so that they end in
    /// `rejected/` with a report saying how to save them as `.xlsx`, instead of waiting unseen.
    public static let explainedExtensions: Set<String> = ["xls", "xlsb", "ods"]
    /// Suffixes of files still being written by a browser, a copy tool or an editor.
    public static let partialSuffixes = ["tmp", "part", "partial", "crdownload", "download", "filepart", "swp"]

    public init() {}

    /// nil when the entry is taken; otherwise why not.
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
        let ext = name.fileExtension
        if Self.partialSuffixes.contains(ext) { return .partialDownload }
        if Self.supportedExtensions.contains(ext) || Self.explainedExtensions.contains(ext) { return nil }
        return .unsupportedExtension(ext)
    }
}
