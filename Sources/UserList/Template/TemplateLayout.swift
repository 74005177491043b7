import SheetIO

/// Lays out the template's sheets in a workbook being written, all from the schema and a policy:
/// `Users` (header, widths, required marking, dropdowns, text format, header notes), `Instructions`,
/// and the hidden `Lists` and `_meta`. `TemplateWriter` writes exactly this; the corrections
/// workbook reuses it with extra columns after the template's and its own data rows.
public struct TemplateLayout: Sendable {
    /// A column written after the template's own, such as the corrections workbook's `Errors`.
    public struct ExtraColumn: Sendable, Equatable {
        public var header: String
        /// The header cell's note.
        public var note: String
        /// Width in Excel character units.
        public var width: Double
        /// True to wrap the column's text (one message per line).
        public var wrap: Bool

        public init(header: String, note: String, width: Double = 20, wrap: Bool = false) {
            self.header = header
            self.note = note
            self.width = width
            self.wrap = wrap
        }
    }

    public let schema: UserListSchema
    public let policy: Policy
    public let lists: TemplateLists
    /// The last row that dropdowns reach: Excel's last, so rows the user adds get them too.
    public var lastRow: Int = CellReference.maxRows

    /// The header row of `Users`; data starts in the row under it.
    public static let headerRow = 1
    public static let firstDataRow = 2
    /// The author shown on the notes the template writes.
    public static let noteAuthor = "invitesheet"

    public init(schema: UserListSchema = .current, policy: Policy = .default) {
        self.schema = schema
        self.policy = policy
        lists = TemplateLists(schema: schema, policy: policy)
    }

    /// What the `_meta` sheet records.
    public var metadata: TemplateMetadata { TemplateMetadata(templateID: UserListSchema.templateID, version: schema.version) }

    /// The zero-based `Users` column of a field, if the schema has it.
    public func column(of field: FieldKey) -> Int? { schema.columns.firstIndex { $0.key == field } }

    /// The zero-based `Users` column of the `index`th extra column.
    public func extraColumn(_ index: Int) -> Int { schema.columns.count + index }

    // MARK: The whole workbook

    /// Adds `Users`, `Instructions`, `Lists` (hidden) and `_meta` (hidden), in that tab order, and
    /// returns the `Users` sheet with its header written, ready for data from row 2. `original` (the
    /// corrections workbook's) is recorded in `_meta`.
    @discardableResult
    public func addSheets(to workbook: XLSXWorkbookWriter, extraColumns: [ExtraColumn] = [],
                          original: OriginalFile? = nil) throws -> XLSXSheetWriter {
        let users = try addUsersSheet(to: workbook, extraColumns: extraColumns)
        try addInstructionsSheet(to: workbook)
        try addListsSheet(to: workbook)
        try addMetadataSheet(to: workbook, original: original)
        return users
    }

    // MARK: Users

    /// Adds the `Users` sheet: bold header in row 1 (required columns in their own colours), a note on
    /// each header cell with its rule and an example, schema widths, the header frozen, text format on
    /// text columns and a dropdown from `Lists` on each dropdown column down to `lastRow`; then the
    /// extra columns, after the template's.
    public func addUsersSheet(to workbook: XLSXWorkbookWriter, extraColumns: [ExtraColumn] = []) throws -> XLSXSheetWriter {
        let sheet = try workbook.addSheet(name: UserListSchema.usersSheetName)
        let required = try workbook.style(TemplatePalette.requiredHeader)
        let optional = try workbook.style(TemplatePalette.header)
        let extraHeader = try workbook.style(TemplatePalette.extraHeader)
        let text = try workbook.style(.text)
        let wrapped = try workbook.style(TemplatePalette.wrapped)
        let row = Self.headerRow

        try sheet.setRow(row, height: 32)
        for (i, column) in schema.columns.enumerated() {
            try sheet.setColumn(i, i, width: column.width, style: column.isTextFormatted ? text : nil)
            try sheet.write(row: row, column: i, text: column.header, style: column.requirement.isAlways ? required : optional)
            try addHeaderNote(column.note, to: sheet, column: i)
            if let list = lists.list(for: column.key) {
                try sheet.addListValidation(firstRow: Self.firstDataRow, lastRow: lastRow, column: i, sourceFormula: list.formula,
                                            errorTitle: String(column.title.prefix(32)),
                                            errorMessage: Self.clipped("Choose a value from the list: \(list.values.joined(separator: ", ")).", to: 255),
                                            errorStyle: .warning)
            }
        }
        for (n, extra) in extraColumns.enumerated() {
            let i = extraColumn(n)
            try sheet.setColumn(i, i, width: extra.width, style: extra.wrap ? wrapped : nil)
            try sheet.write(row: row, column: i, text: extra.header, style: extraHeader)
            try addHeaderNote(extra.note, to: sheet, column: i)
        }
        try sheet.freezePanes(rows: row, columns: 0)
        return sheet
    }

    private func addHeaderNote(_ text: String, to sheet: XLSXSheetWriter, column: Int) throws {
        // Excel's default note box (about 2 by 5 cells) cuts long rules off; size it to the text.
        let lines = text.count / 44 + 2
        try sheet.addNote(row: Self.headerRow, column: column, text: text, author: Self.noteAuthor,
                          width: 320, height: min(400, max(80, lines * 16)))
    }

    // MARK: Instructions

    /// Adds the `Instructions` sheet: how to fill in the list, then one row per column with its
    /// header, whether it is required, what to enter, an example and the dropdown choices.
    public func addInstructionsSheet(to workbook: XLSXWorkbookWriter) throws {
        let sheet = try workbook.addSheet(name: UserListSchema.instructionsSheetName)
        let title = try workbook.style(TemplatePalette.title)
        let tableHeader = try workbook.style(TemplatePalette.header)
        let body = try workbook.style(TemplatePalette.wrapped)
        let bold = try workbook.style(CellStyle(bold: true, wrap: true, verticalAlignment: .top))

        try sheet.write(row: 1, column: 0, text: "How to fill in the TechPass user list", style: title)
        var row = 2
        for line in generalInstructions {
            try sheet.write(row: row, column: 0, text: line)
            row += 1
        }
        row += 1
        let headings = Self.instructionHeadings
        for (i, heading) in headings.enumerated() {
            try sheet.setColumn(i, i, width: heading.width)
            try sheet.write(row: row, column: i, text: heading.title, style: tableHeader)
        }
        for (i, column) in schema.columns.enumerated() {
            row += 1
            let choices = column.dropdown.map { dropdown in
                dropdown.values(policy: policy).map { $0.joined(separator: ", ") } ?? "Free text"
            } ?? ""
            let cells = [CellReference.letters(forColumn: i), column.header, column.requirement.summary, column.help, column.example, choices]
            for (c, value) in cells.enumerated() {
                try sheet.write(row: row, column: c, text: value, style: c == 1 ? bold : body)
            }
        }
    }

    /// The Instructions table's columns.
    static let instructionHeadings: [(title: String, width: Double)] = [
        ("Column", 9), ("Header", 28), ("Required", 26), ("What to enter", 70), ("Example", 30), ("Choices", 36),
    ]

    /// The lines above the Instructions table.
    var generalInstructions: [String] {
        var lines = [
            "Fill in one user per row on the \(UserListSchema.usersSheetName) sheet, starting in row \(Self.firstDataRow). Keep the header row as it is.",
            "Columns marked * are required for every user; the others only as the Required column below says.",
            "Rest the pointer on a header cell to see its rule and an example.",
        ]
        let dropdowns = schema.columns.filter { lists.list(for: $0.key) != nil }.map(\.title)
        if !dropdowns.isEmpty {
            lines.append("Pick \(Self.list(dropdowns)) from the dropdown in each cell.")
        }
        let textColumns = schema.columns.filter(\.isTextFormatted).map(\.title)
        if !textColumns.isEmpty {
            lines.append("\(Self.list(textColumns)) cells are formatted as text, so +65 and leading zeros are kept. When pasting from elsewhere, use Paste Special → Values.")
        }
        lines.append("Template \(metadata.templateID), version \(metadata.version).")
        return lines
    }

    // MARK: Lists and _meta

    /// Adds the hidden `Lists` sheet: each dropdown's title in row 1 and its values below.
    public func addListsSheet(to workbook: XLSXWorkbookWriter) throws {
        let sheet = try workbook.addSheet(name: UserListSchema.listsSheetName, visibility: .hidden)
        let bold = try workbook.style(CellStyle(bold: true))
        // Row by row, so that a streaming workbook (rows in ascending order) can hold it too.
        for list in lists.lists {
            try sheet.setColumn(list.column, list.column, width: 28)
            try sheet.write(row: 1, column: list.column, text: list.title, style: bold)
        }
        let longest = lists.lists.map(\.values.count).max() ?? 0
        for i in 0..<longest {
            for list in lists.lists where i < list.values.count {
                try sheet.write(row: 2 + i, column: list.column, text: list.values[i])
            }
        }
    }

    /// Adds the hidden `_meta` sheet with the template id and version (and the original file of a
    /// corrections workbook), as `StructureStage` reads them.
    public func addMetadataSheet(to workbook: XLSXWorkbookWriter, original: OriginalFile? = nil) throws {
        let sheet = try workbook.addSheet(name: UserListSchema.metadataSheetName, visibility: .hidden)
        var metadata = self.metadata
        metadata.original = original
        for (r, values) in metadata.rows.enumerated() {
            for (c, value) in values.enumerated() { try sheet.write(row: r + 1, column: c, value: value) }
        }
    }

    // MARK: Helpers

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// Text cut to at most `limit` UTF-16 units, ending in `…` when cut (Excel's validation limits).
    static func clipped(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var out = ""
        for c in text {
            if out.utf16.count + c.utf16.count + 1 > limit { break }
            out.append(c)
        }
        return out + "…"
    }
}
