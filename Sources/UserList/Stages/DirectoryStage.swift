/// Stage 6: duplicates against existing TechPass accounts.
public struct DirectoryStage: Sendable {
    public let rules: [any DirectoryRule]
    public let existing: ExistingAccounts

    public init(existing: ExistingAccounts, rules: [any DirectoryRule] = DirectoryStage.standardRules()) {
        self.existing = existing
        self.rules = rules
    }

    public static func standardRules() -> [any DirectoryRule] { [ExistingEmailRule(), ExistingUsernameRule()] }

    public func run(_ row: inout RowDraft) {
        guard !existing.isEmpty else { return }
        for rule in rules { rule.check(&row, against: existing) }
    }
}
