import SheetIO
import UserList

/// The `--existing` file: a CSV or XLSX of TechPass accounts that already exist, with an `email`
/// column and optionally a `username` column (headers matched case-insensitively, like the user
/// list's: `Email`, `E-mail`, `TechPass username` …).
public enum ExistingAccountsFile {
    /// Reads the accounts in `path`. Throws `SheetIOError` when the file cannot be read and
    /// `ExistingAccountsError` when it has no email column.
    public static func load(path: String, limits: ReadLimits = .default) throws -> ExistingAccounts {
        let source = try Spreadsheet.open(path: path, limits: limits)
        return try ExistingAccounts(source: source)
    }

    /// Reads the accounts of every file in `paths` into one set (`--existing` given several times).
    /// Throws as `load(path:limits:)` for the first file that cannot be used.
    public static func load(paths: [String], limits: ReadLimits = .default) throws -> ExistingAccounts {
        var accounts = ExistingAccounts()
        for path in paths { accounts.merge(try load(path: path, limits: limits)) }
        return accounts
    }
}
