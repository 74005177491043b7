/// Stage 4: rules across one row's fields (what a vendor needs, offshore rules, government addresses).
public struct RowStage: Sendable {
    public let rules: [any RowRule]

    public init(rules: [any RowRule]) { self.rules = rules }

    public init(policy: Policy = .default) { self.init(rules: RowStage.standardRules(policy: policy)) }

    /// The row rules of SPEC.md, in the order they run.
    public static func standardRules(policy: Policy) -> [any RowRule] {
        [
            HiddenRowRule(),
            NotApplicableValueRule(),
            VendorUsernameRule(),
            PublicOfficerEmailRule(policy: policy),
            VendorEmailRule(policy: policy),
            VendorRequiredFieldsRule(),
            OffshoreVendorRule(),
            SeedRequirementRule(),
        ]
    }

    public func run(_ row: inout RowDraft) {
        for rule in rules { rule.check(&row) }
    }
}
