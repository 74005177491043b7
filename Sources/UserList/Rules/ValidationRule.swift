/// A validation rule as a value: a name, a title for people, the stage it runs in and the codes it can
/// report, so rules can be listed, documented and tested one by one.
public protocol ValidationRule: Sendable {
    /// Stable identifier, such as `email-address`.
    var name: String { get }
    /// What the rule checks, in a few words.
    var title: String { get }
    var stage: Stage { get }
    /// Every code this rule can report.
    var codes: [FindingCode] { get }
}

/// A field-stage rule: looks at one cell on its own.
public protocol FieldRule: ValidationRule {
    /// True when the rule checks this field.
    func applies(to field: FieldKey) -> Bool
    /// True when the rule should also see blank fields (required checks); false runs it on values only.
    var checksBlank: Bool { get }
    /// Checks the field's current value, reporting findings and normalising the value in place.
    func check(_ field: FieldKey, in row: inout RowDraft)
    /// The kinds of cell the rule can say anything about: a cell with none of these traits is passed
    /// over without calling `check`. Empty (the default) means every cell. A promise about `check`,
    /// which must still be right when called on any cell.
    var onlyForCells: CellTraits { get }
    /// True when `check` does nothing to a value of printable ASCII with no space at either end
    /// (`TextScan.isPlainASCII`), the common case; the field stage then scans a value once for every
    /// such rule instead of each rule scanning it again.
    var skipsPlainASCII: Bool { get }
}

extension FieldRule {
    public var stage: Stage { .field }
    public var checksBlank: Bool { false }
    public var onlyForCells: CellTraits { [] }
    public var skipsPlainASCII: Bool { false }
}

/// A row-stage rule: looks across one row's fields.
public protocol RowRule: ValidationRule {
    func check(_ row: inout RowDraft)
}

extension RowRule {
    public var stage: Stage { .row }
}

/// A batch-stage rule: compares a row with the rows before it in the same file.
public protocol BatchRule: ValidationRule {
    mutating func check(_ row: inout RowDraft)
}

extension BatchRule {
    public var stage: Stage { .batch }
}

/// A directory-stage rule: compares a row with existing TechPass accounts.
public protocol DirectoryRule: ValidationRule {
    func check(_ row: inout RowDraft, against existing: ExistingAccounts)
}

extension DirectoryRule {
    public var stage: Stage { .directory }
}

/// A plain description of a rule, for listings and documentation.
public struct RuleDescription: Sendable, Equatable {
    public var name: String
    public var title: String
    public var stage: Stage
    public var codes: [FindingCode]

    public init(_ rule: any ValidationRule) {
        name = rule.name
        title = rule.title
        stage = rule.stage
        codes = rule.codes
    }
}
