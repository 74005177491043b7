/// A vendor row whose username is already taken by a TechPass account is a duplicate entry.
public struct ExistingUsernameRule: DirectoryRule {
    public let name = "existing-username"
    public let title = "The vendor's username is not taken"
    public var codes: [FindingCode] { [.duplicateExistingUsername] }
    public init() {}

    public func check(_ row: inout RowDraft, against existing: ExistingAccounts) {
        guard row.isVendor, let username = row.values[.username], existing.containsUsername(username) else { return }
        row.report(.duplicateExistingUsername, stage: stage, field: .username,
                   message: "The username \"\(username)\" is already taken by a TechPass account.",
                   hint: "Choose another username, for example by adding the company or a number.")
    }
}
