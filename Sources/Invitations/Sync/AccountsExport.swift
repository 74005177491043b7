import SheetIO
import UserList

/// One account in a TechPass accounts export.
public struct ExportedAccount: Sendable, Equatable {
    public var email: String
    public var username: String?
    /// The TechPass status as the export writes it (free text: `Registered`, `Onboarded`, `Active` …).
    public var techPassStatus: String?
    /// The SEED status as the export writes it (`Onboarded`, `Pending`, `Not required` …).
    public var seedStatus: String?
    /// The spreadsheet row, for messages.
    public var row: Int

    public init(email: String, username: String? = nil, techPassStatus: String? = nil, seedStatus: String? = nil, row: Int = 0) {
        self.email = email
        self.username = username
        self.techPassStatus = techPassStatus
        self.seedStatus = seedStatus
        self.row = row
    }
}

/// Reads a TechPass accounts export (CSV or XLSX, the same file `--existing` takes): a header row
/// with an email column — matched like the user list's headers (`Email`, `E-mail`, `Email address`)
/// — and optionally username, TechPass status and SEED status columns. Other columns are ignored.
public enum AccountsExport {
    /// Calls `body` with each account, streaming (an export may list every account there is).
    public static func read(_ source: SheetSource, _ body: (ExportedAccount) throws -> Void) throws {
        guard let sheet = source.firstVisibleSheetIndex else {
            throw AccountsExportError(file: source.fileName, message: "has no sheets")
        }
        let emailNames = names(for: .email)
        let usernameNames = names(for: .username)
        let statusNames = Set(["techpass status", "status", "account status", "techpass account status"].map(HeaderName.normalise))
        let seedNames = Set(["seed status", "seed", "seed onboarding status", "seed onboarding"].map(HeaderName.normalise))
        var columns: (email: Int, username: Int?, status: Int?, seed: Int?)?
        _ = try source.readRows(sheet: sheet) { row in
            guard let c = columns else {
                guard !row.isBlank else { return }
                var email: Int?, username: Int?, status: Int?, seed: Int?
                for cell in row.cells {
                    let name = HeaderName.normalise(cell.value.displayText)
                    if email == nil, emailNames.contains(name) { email = cell.column }
                    else if username == nil, usernameNames.contains(name) { username = cell.column }
                    else if status == nil, statusNames.contains(name) { status = cell.column }
                    else if seed == nil, seedNames.contains(name) { seed = cell.column }
                }
                guard let email else {
                    throw AccountsExportError(file: source.fileName,
                                              message: "row \(row.number) has no email column; expected a header such as \"email\" (and optionally \"username\", \"TechPass status\", \"SEED status\")")
                }
                columns = (email, username, status, seed)
                return
            }
            func text(_ column: Int?) -> String? {
                guard let column, let cell = row.cell(at: column) else { return nil }
                let t = cell.value.displayText.trimmingCharacters(in: .whitespaces)
                return t.isEmpty ? nil : t
            }
            guard let email = text(c.email) else { return }
            try body(ExportedAccount(email: email, username: text(c.username), techPassStatus: text(c.status),
                                     seedStatus: text(c.seed), row: row.number))
        }
        if columns == nil {
            throw AccountsExportError(file: source.fileName, message: "is empty; expected a header row with an \"email\" column")
        }
    }

    /// Reads every account of the export at `path`.
    public static func load(path: String, limits: ReadLimits = .default) throws -> [ExportedAccount] {
        var accounts: [ExportedAccount] = []
        try read(try Spreadsheet.open(path: path, limits: limits)) { accounts.append($0) }
        return accounts
    }

    private static func names(for field: FieldKey) -> Set<String> {
        let column = UserListSchema.current.column(field)!
        return Set(([field.rawValue, column.header] + column.aliases).map(HeaderName.normalise))
    }
}

/// An accounts export that cannot be used.
public struct AccountsExportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}
