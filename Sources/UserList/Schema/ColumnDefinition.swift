/// Everything the template and the validators know about one column, defined once.
public struct ColumnDefinition: Sendable, Equatable {
    public var key: FieldKey
    /// The header exactly as the template writes it, `*` included.
    public var header: String
    public var requirement: Requirement
    /// What to enter, for the Instructions sheet.
    public var help: String
    /// A typical valid value, quoted in the header note.
    public var example: String
    /// Other headers people use for this column (matched after `HeaderName.normalise`).
    public var aliases: [String]
    public var dropdown: Dropdown?
    /// Column width in Excel character units.
    public var width: Double
    /// True when the template formats the column as Text (`@`) so Excel keeps `+65` and leading zeros.
    public var isTextFormatted: Bool

    public init(key: FieldKey, header: String, requirement: Requirement, help: String, example: String,
                aliases: [String] = [], dropdown: Dropdown? = nil, width: Double = 20, isTextFormatted: Bool = false) {
        self.key = key
        self.header = header
        self.requirement = requirement
        self.help = help
        self.example = example
        self.aliases = aliases
        self.dropdown = dropdown
        self.width = width
        self.isTextFormatted = isTextFormatted
    }

    /// The comment shown on the header cell: requirement, help and an example.
    public var note: String {
        "\(requirement.summary). \(help) Example: \(example)"
    }

    /// The header without the `*` marker, for messages.
    public var title: String { HeaderName.plain(header) }
}
