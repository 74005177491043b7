/// What one header row says: which column holds each field, and what did not match.
public struct HeaderMatch: Sendable, Equatable {
    /// The spreadsheet row of the header.
    public var rowNumber: Int
    public var columns: ColumnMap
    /// Columns whose header is not a template header.
    public var unknownColumns: [HeaderCell]
    /// Columns recognised and ignored (`Errors`, `Source row`).
    public var ignoredColumns: [Int]
    /// The corrections workbook's `Source row` column, when the header has one (also in `ignoredColumns`).
    public var sourceRowColumn: Int?
    /// Duplicate-column and unknown-column findings.
    public var findings: [Finding]

    /// Fields found.
    public var matchedCount: Int { columns.fields.count }

    /// True when the row is plausibly a user-list header: it has an email column and two more known ones.
    public var looksLikeUserList: Bool { columns.contains(.email) && matchedCount >= 3 }

}

/// A header cell: its zero-based column and its text.
public struct HeaderCell: Sendable, Equatable {
    public var column: Int
    public var text: String
    public init(column: Int, text: String) { self.column = column; self.text = text }
}
