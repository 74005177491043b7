import UserList

/// The exit codes of SPEC.md for one file, and how several files combine.
public enum ExitStatus {
    /// Every row valid (warnings allowed unless strict).
    public static let ok: Int32 = 0
    /// Some rows invalid; the valid ones were still accepted. Under `--strict`, also any warning.
    public static let rowsInvalid: Int32 = 1
    /// The file could not be processed (file or structure stage).
    public static let unprocessable: Int32 = 2
    /// An internal error: a bug, reported with the trace id.
    public static let internalError: Int32 = 3
    /// Bad command-line options, policy or existing-accounts file.
    public static let usage: Int32 = 64

    /// The exit code for one validated file. Changes never count; warnings count only when `strict`.
    public static func code(for summary: ValidationSummary, strict: Bool) -> Int32 {
        if summary.failed { return unprocessable }
        if summary.invalidRowCount > 0 || summary.errorCount > 0 { return rowsInvalid }
        if strict && summary.warningCount > 0 { return rowsInvalid }
        return ok
    }

    /// The exit code for several files: the worst one, ranked 3 > 2 > 1 > 0 (64 ranks above all).
    public static func worst<S: Sequence>(_ codes: S) -> Int32 where S.Element == Int32 {
        codes.max { rank($0) < rank($1) } ?? ok
    }

    private static func rank(_ code: Int32) -> Int {
        switch code {
        case ok: return 0
        case rowsInvalid: return 1
        case unprocessable: return 2
        case internalError: return 3
        default: return 4
        }
    }
}
