import SheetIO

/// One thing found about a file, a sheet or a row: where, which rule, how bad, and what to do.
public struct Finding: Sendable, Equatable, Codable, CustomStringConvertible {
    public var stage: Stage
    /// The spreadsheet row the user sees in Excel (header is row 1); nil for file- and sheet-wide findings.
    public var row: Int?
    /// The row of the original file: the same as `row` in an ordinary upload; in a corrections
    /// workbook, the row its `Source row` column names (nil for a row that is not in the original,
    /// and for sheet-wide findings, which are about this file's cells).
    public var sourceRow: Int?
    /// Zero-based column; nil when the finding is not about one column (or the column is missing).
    public var column: Int?
    /// The field key (`email`), when the finding is about one field.
    public var field: String?
    /// The column's header as written in the file, or the template's when the column is missing.
    public var header: String?
    /// The cell's original text, as shown.
    public var value: String?
    public var code: FindingCode
    public var severity: Severity
    /// What is wrong with this value, in one plain sentence.
    public var message: String
    /// What to do about it, when there is more to say than the code's fix text (`did you mean tech.gov.sg?`).
    public var hint: String?

    public init(stage: Stage, row: Int? = nil, column: Int? = nil, field: FieldKey? = nil, header: String? = nil,
                value: String? = nil, code: FindingCode, message: String, hint: String? = nil) {
        self.stage = stage
        self.row = row
        sourceRow = row
        self.column = column
        self.field = field?.rawValue
        self.header = header
        self.value = value
        self.code = code
        self.severity = code.severity
        self.message = message
        self.hint = hint
    }

    /// The A1 column letters (`C`), when the finding is about one column.
    public var columnLetter: String? { column.map { CellReference.letters(forColumn: $0) } }

    /// The typed field key, when the finding is about one field.
    public var fieldKey: FieldKey? { field.flatMap { Self.fieldKeys[$0] } }

    /// Field keys by raw value: one hash lookup instead of comparing against every case in turn.
    private static let fieldKeys: [String: FieldKey] = Dictionary(uniqueKeysWithValues: FieldKey.allCases.map { ($0.rawValue, $0) })

    /// `C5` style cell reference, when both row and column are known.
    public var cellReference: String? {
        guard let row, let column else { return nil }
        return CellReference.a1(column: column, row: row)
    }

    /// `row 5, C (Email address*): error email.invalid: …`
    public var description: String {
        var place: [String] = []
        if let row { place.append("row \(row)") }
        if let letter = columnLetter { place.append(header.map { "\(letter) (\($0))" } ?? letter) }
        else if let header { place.append(header) }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        let tail = hint.map { " " + $0 } ?? ""
        return "\(prefix)\(severity.rawValue) \(code.rawValue): \(message)\(tail)"
    }

    enum CodingKeys: String, CodingKey {
        case stage, row, sourceRow, column, columnLetter, field, header, value, code, severity, message, hint
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(row, forKey: .row)
        try c.encode(sourceRow, forKey: .sourceRow)
        try c.encode(column, forKey: .column)
        try c.encode(columnLetter, forKey: .columnLetter)
        try c.encode(field, forKey: .field)
        try c.encode(header, forKey: .header)
        try c.encode(value, forKey: .value)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encode(hint, forKey: .hint)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stage = try c.decode(Stage.self, forKey: .stage)
        row = try c.decodeIfPresent(Int.self, forKey: .row)
        sourceRow = c.contains(.sourceRow) ? try c.decodeIfPresent(Int.self, forKey: .sourceRow) : row
        column = try c.decodeIfPresent(Int.self, forKey: .column)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        header = try c.decodeIfPresent(String.self, forKey: .header)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        code = try c.decode(FindingCode.self, forKey: .code)
        severity = try c.decode(Severity.self, forKey: .severity)
        message = try c.decode(String.self, forKey: .message)
        hint = try c.decodeIfPresent(String.self, forKey: .hint)
    }
}
