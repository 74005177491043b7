import SheetIO

/// One data row as it moves through the field, row, batch and directory stages: its cells, original
/// text, the values as cleaned so far, and every finding so far.
public struct RowDraft: Sendable {
    /// The spreadsheet row number (header is row 1).
    public let rowNumber: Int
    public let isHidden: Bool
    public let columns: ColumnMap
    /// The cell of each field, nil when empty or absent.
    public let cells: FieldValues<Cell?>
    /// Each field's text as Excel shows it (`CellValue.displayText`); empty when absent.
    public let original: FieldValues<String>
    /// Each field's value as cleaned and normalised so far; nil when blank or ignored.
    public var values: FieldValues<String?>
    public private(set) var findings: [Finding] = []
    /// Fields whose checks are finished (an Excel error cell, a required value missing).
    private var settled: FieldValues<Bool>

    /// Picks each field's cell out of a sheet row.
    public init(row: Row, columns: ColumnMap) {
        rowNumber = row.number
        isHidden = row.isHidden
        self.columns = columns
        var cells = FieldValues<Cell?>(repeating: nil)
        var original = FieldValues<String>(repeating: "")
        var values = FieldValues<String?>(repeating: nil)
        for cell in row.cells {
            guard let field = columns.field(atColumn: cell.column), !cell.value.isEmpty else { continue }
            let text = cell.value.displayText
            cells[field] = cell
            original[field] = text
            values[field] = text
        }
        self.cells = cells
        self.original = original
        self.values = values
        settled = FieldValues(repeating: false)
    }

    /// A row of the standard layout from values in template order, for tests and samples.
    public init(number: Int, values: [CellValue], isHidden: Bool = false) {
        let cells = values.enumerated().map { Cell(column: $0.offset, value: $0.element) }
        self.init(row: Row(number: number, cells: cells, isHidden: isHidden), columns: .standard)
    }

    // MARK: Reading

    /// The current value of a field; nil when blank.
    public subscript(field: FieldKey) -> String? { values[field] }

    /// The user type, once the field stage has accepted it.
    public var userType: UserType? { values[.userType].flatMap { UserType(rawValue: $0) } }
    /// The business operation, once the field stage has accepted it.
    public var businessOperation: BusinessOperation? { values[.businessOperation].flatMap { BusinessOperation(rawValue: $0) } }
    public var isVendor: Bool { userType == .vendor }
    public var isPublicOfficer: Bool { userType == .publicOfficer }
    public var isOffshoreVendor: Bool { isVendor && businessOperation == .offshore }

    /// True when the field is blank and nothing has been said about it yet.
    public func isBlank(_ field: FieldKey) -> Bool { values[field] == nil && !settled[field] }

    /// True once a rule has finished with the field; later field rules skip it.
    public func isSettled(_ field: FieldKey) -> Bool { settled[field] }

    /// True when any finding so far is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// True when a finding so far is an error about this field.
    public func hasError(in field: FieldKey) -> Bool {
        let key = field.rawValue
        return findings.contains { $0.severity == .error && $0.field == key }
    }

    // MARK: Recording

    /// Adds a finding about a field (or the whole row when `field` is nil), located from the column map.
    public mutating func report(_ code: FindingCode, stage: Stage, field: FieldKey?, message: String, hint: String? = nil) {
        var column: Int?
        var header: String?
        var value: String?
        if let field {
            column = columns.column(of: field)
            header = columns.header(of: field) ?? UserListSchema.current.column(field)?.header
            let text = original[field]
            value = text.isEmpty ? nil : text
        }
        findings.append(Finding(stage: stage, row: rowNumber, column: column, field: field, header: header,
                                value: value, code: code, message: message, hint: hint))
    }

    /// Marks a field finished: later field rules leave it alone.
    public mutating func settle(_ field: FieldKey) { settled[field] = true }

    /// Drops a field's value and the findings the given stages made about it (a value that is ignored).
    public mutating func ignore(_ field: FieldKey, findingsFrom stages: Set<Stage>) {
        values[field] = nil
        settled[field] = true
        let key = field.rawValue
        findings.removeAll { $0.field == key && stages.contains($0.stage) }
    }
}
