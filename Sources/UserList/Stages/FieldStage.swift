/// Stage 3: each cell on its own. For every field, runs the rules that apply to it in order: Excel
/// damage first (on the cell as stored), then clean-ups, the required check, and the field's own rule.
/// A rule that settles a field (an Excel error value, a missing required value) ends its checks.
public struct FieldStage: Sendable {
    public let rules: [any FieldRule]
    private let rulesByField: FieldValues<[any FieldRule]>

    public init(rules: [any FieldRule]) {
        self.rules = rules
        var byField = FieldValues<[any FieldRule]>(repeating: [])
        for key in FieldKey.allCases { byField[key] = rules.filter { $0.applies(to: key) } }
        rulesByField = byField
    }

    public init(policy: Policy = .default, schema: UserListSchema = .current) {
        self.init(rules: FieldStage.standardRules(policy: policy, schema: schema))
    }

    /// The field rules of SPEC.md, in the order they run.
    public static func standardRules(policy: Policy, schema: UserListSchema = .current) -> [any FieldRule] {
        [
            ExcelErrorValueRule(),
            FormulaCellRule(),
            DateInTextColumnRule(),
            ScientificNotationRule(),
            LostPhonePrefixRule(),
            WhitespaceRule(),
            InvisibleCharacterRule(),
            RequiredFieldRule(schema: schema),
            EmailAddressRule(),
            UserTypeRule(),
            UsernameRule(policy: policy),
            PersonNameRule(),
            ContactNumberRule(),
            SeedRule(),
            ReasonRule(),
            SponsoringAgencyRule(policy: policy),
            BusinessOperationRule(),
            OffshoreDevelopmentCentreRule(policy: policy),
        ]
    }

    public func run(_ row: inout RowDraft) {
        for field in FieldKey.allCases {
            for rule in rulesByField[field] {
                if row.isSettled(field) { break }
                if row.cells[field] == nil && !rule.checksBlank { continue }
                rule.check(field, in: &row)
            }
        }
    }
}
