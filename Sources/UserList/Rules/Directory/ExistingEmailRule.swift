/// A row whose email already has a TechPass account is a duplicate entry.
public struct ExistingEmailRule: DirectoryRule {
    public let name = "existing-email"
    public let title = "The email has no TechPass account yet"
    public var codes: [FindingCode] { [.duplicateExistingEmail] }
    public init() {}

    public func check(_ row: inout RowDraft, against existing: ExistingAccounts) {
        guard let email = row.values[.email], existing.containsEmail(email) else { return }
        row.report(.duplicateExistingEmail, stage: stage, field: .email,
                   message: "\(email) already has a TechPass account.",
                   hint: "Delete the row: the user can already sign in.")
    }
}
