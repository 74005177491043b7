import SheetIO

/// Emails and usernames that already have TechPass accounts, compared ignoring case. Only 64-bit
/// hashes are kept, so a million accounts take tens of megabytes, not hundreds.
public struct ExistingAccounts: Sendable {
    private var emails: Set<UInt64> = []
    private var usernames: Set<UInt64> = []

    /// No existing accounts: the directory stage reports nothing.
    public static let none = ExistingAccounts()

    public init() {}

    public init<E: Sequence, U: Sequence>(emails: E, usernames: U) where E.Element == String, U.Element == String {
        for e in emails { add(email: e) }
        for u in usernames { add(username: u) }
    }

    public mutating func add(email: String) {
        let t = TextScan.trimmed(email)
        if !t.isEmpty { emails.insert(KeyHash.of(t)) }
    }

    public mutating func add(username: String) {
        let t = TextScan.trimmed(username)
        if !t.isEmpty { usernames.insert(KeyHash.of(t)) }
    }

    /// Adds every account of `other` (several `--existing` files make one set).
    public mutating func merge(_ other: ExistingAccounts) {
        emails.formUnion(other.emails)
        usernames.formUnion(other.usernames)
    }

    /// The accounts of both.
    public func merging(_ other: ExistingAccounts) -> ExistingAccounts {
        var merged = self
        merged.merge(other)
        return merged
    }

    public func containsEmail(_ email: String) -> Bool { emails.contains(KeyHash.of(TextScan.trimmed(email))) }
    public func containsUsername(_ username: String) -> Bool { usernames.contains(KeyHash.of(TextScan.trimmed(username))) }

    /// Adds every account of `other` (several `--existing` files).
    public mutating func formUnion(_ other: ExistingAccounts) {
        emails.formUnion(other.emails)
        usernames.formUnion(other.usernames)
    }

    public var emailCount: Int { emails.count }
    public var usernameCount: Int { usernames.count }
    public var isEmpty: Bool { emails.isEmpty && usernames.isEmpty }

    /// Reads a sheet whose first non-blank row is a header with an `email` column and optionally a
    /// `username` column (matched like the user list's headers: `Email address`, `E-mail`,
    /// `TechPass username`, …); every later row adds its values. Other columns are ignored.
    public init(source: SheetSource, sheet: Int? = nil) throws {
        guard let index = sheet ?? source.firstVisibleSheetIndex else {
            throw ExistingAccountsError(file: source.fileName, message: "has no sheets")
        }
        var accounts = ExistingAccounts()
        var emailColumn: Int?
        var usernameColumn: Int?
        var sawHeader = false
        let emailNames = Self.names(for: .email)
        let usernameNames = Self.names(for: .username)
        _ = try source.readRows(sheet: index) { row in
            if !sawHeader {
                guard !row.isBlank else { return }
                sawHeader = true
                for cell in row.cells {
                    let name = HeaderName.normalise(cell.value.displayText)
                    if emailColumn == nil, emailNames.contains(name) { emailColumn = cell.column }
                    else if usernameColumn == nil, usernameNames.contains(name) { usernameColumn = cell.column }
                }
                guard emailColumn != nil else {
                    throw ExistingAccountsError(file: source.fileName,
                                                message: "row \(row.number) has no email column; expected a header such as \"email\" (and optionally \"username\")")
                }
                return
            }
            if let c = emailColumn, let cell = row.cell(at: c) { accounts.add(email: cell.value.displayText) }
            if let c = usernameColumn, let cell = row.cell(at: c) { accounts.add(username: cell.value.displayText) }
        }
        if !sawHeader {
            throw ExistingAccountsError(file: source.fileName, message: "is empty; expected a header row with an \"email\" column")
        }
        self = accounts
    }

    private static func names(for field: FieldKey) -> Set<String> {
        let column = UserListSchema.current.column(field)!
        return Set(([field.rawValue, column.header] + column.aliases).map(HeaderName.normalise))
    }
}

/// An existing-accounts file that cannot be used.
public struct ExistingAccountsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) { self.file = file; self.message = message }
    public var description: String { "\(file): \(message)" }
}
