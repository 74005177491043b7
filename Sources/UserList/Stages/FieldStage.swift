/// Stage 3: each cell on its own. For every field, runs the rules that apply to it in order: Excel
/// damage first (on the cell as stored), then clean-ups, the required check, and the field's own rule.
/// A rule that settles a field (an Excel error value, a missing required value) ends its checks.
public struct FieldStage: Sendable {
    public let rules: [any FieldRule]
    /// Per field, the rules that apply, split by whether they also run on absent cells; worked out
    /// once so the per-row loop makes no protocol calls besides `check`.
    private let forPresentCells: FieldValues<[Entry]>
    private let forAbsentCells: FieldValues<[Entry]>

    /// A rule with what it promises about the cells it skips, read once. A class, so the loop
    /// borrows the rule in place: copying an existential out of an array for each call cost more
    /// than most rules' checks.
    private final class Entry: Sendable {
        let rule: any FieldRule
        let onlyForCells: CellTraits
        let skipsPlainASCII: Bool

        init(_ rule: any FieldRule) {
            self.rule = rule
            onlyForCells = rule.onlyForCells
            skipsPlainASCII = rule.skipsPlainASCII
        }
    }

    public init(rules: [any FieldRule]) {
        self.rules = rules
        var present = FieldValues<[Entry]>(repeating: [])
        var absent = FieldValues<[Entry]>(repeating: [])
        for key in FieldKey.allCases {
            present[key] = rules.filter { $0.applies(to: key) }.map(Entry.init)
            absent[key] = rules.filter { $0.applies(to: key) && $0.checksBlank }.map(Entry.init)
        }
        forPresentCells = present
        forAbsentCells = absent
    }

    public init(policy: Policy = .default, schema: UserListSchema = .current, form: InvitationForm = .template) {
        self.init(rules: FieldStage.standardRules(policy: policy, schema: schema, form: form))
    }

    /// The field rules of SPEC.md, in the order they run, for rows given in `form`.
    public static func standardRules(policy: Policy, schema: UserListSchema = .current,
                                     form: InvitationForm = .template) -> [any FieldRule] {
        [
            FormulaWithoutResultRule(),
            ExcelErrorValueRule(),
            FormulaCellRule(),
            DateInTextColumnRule(),
            ScientificNotationRule(),
            MojibakeRule(),
            WhitespaceRule(),
            InvisibleCharacterRule(),
            RequiredFieldRule(schema: schema, form: form),
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
            let present = row.traits[field].contains(.present)
            let entries = present ? forPresentCells[field] : forAbsentCells[field]
            // Whether the value is plain ASCII, worked out when first needed and again after any
            // rule has run (a rule may have changed the value).
            var plain: Bool?
            for i in entries.indices {
                if row.isSettled(field) { break }
                let entry = entries[i]
                if present && !entry.onlyForCells.isEmpty && row.traits[field].isDisjoint(with: entry.onlyForCells) { continue }
                if entry.skipsPlainASCII {
                    let isPlain = plain ?? row.values[field].map(TextScan.isPlainASCII) ?? true
                    plain = isPlain
                    if isPlain { continue }
                }
                entry.rule.check(field, in: &row)
                plain = nil
            }
        }
    }
}
