/// Stage 3: each cell on its own. For every field, runs the rules that apply to it in order: Excel
/// damage first (on the cell as stored), then clean-ups, the required check, and the field's own rule.
/// A rule that settles a field (an Excel error value, a missing required value) ends its checks.
public struct FieldStage: Sendable {
    public let rules: [any FieldRule]
    /// Per field, the rules that apply, split by whether they also run on absent cells; worked out
    /// once so the per-row loop makes no protocol calls besides `check`.
    private let forPresentCells: FieldValues<[any FieldRule]>
    private let forAbsentCells: FieldValues<[any FieldRule]>

    public init(rules: [any FieldRule]) {
        self.rules = rules
        var present = FieldValues<[any FieldRule]>(repeating: [])
        var absent = FieldValues<[any FieldRule]>(repeating: [])
        for key in FieldKey.allCases {
            present[key] = rules.filter { $0.applies(to: key) }
            absent[key] = rules.filter { $0.applies(to: key) && $0.checksBlank }
        }
        forPresentCells = present
        forAbsentCells = absent
    }

    public init(policy: Policy = .default, schema: UserListSchema = .current) {
        self.init(rules: FieldStage.standardRules(policy: policy, schema: schema))
    }

    /// The field rules of SPEC.md, in the order they run.
    public static func standardRules(policy: Policy, schema: UserListSchema = .current) -> [any FieldRule] {
        [
            FormulaWithoutResultRule(),
            ExcelErrorValueRule(),
            FormulaCellRule(),
            DateInTextColumnRule(),
            ScientificNotationRule(),
            MojibakeRule(),
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
            let rules = row.traits[field].contains(.present) ? forPresentCells[field] : forAbsentCells[field]
            // Through the buffer each rule is called in place; indexing the array copied every
            // rule's existential box out and back (a third of the stage's instructions).
            rules.withUnsafeBufferPointer { rules in
                for i in rules.indices {
                    if row.isSettled(field) { break }
                    rules[i].check(field, in: &row)
                }
            }
        }
    }
}
