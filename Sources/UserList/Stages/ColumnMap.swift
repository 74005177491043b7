/// Which column of the sheet holds each field, and the header text found there.
public struct ColumnMap: Sendable, Equatable {
    private var columnByField: FieldValues<Int?>
    private var headerByField: FieldValues<String?>
    /// Field index + 1 for each sheet column up to the last mapped one; 0 = not a field.
    private var fieldByColumn: [UInt8]

    /// An empty map.
    public init() {
        columnByField = FieldValues(repeating: nil)
        headerByField = FieldValues(repeating: nil)
        fieldByColumn = []
    }

    /// The template's layout: each field of `schema` in its own column, in order, with its template header.
    public init(schema: UserListSchema) {
        self.init()
        for (i, column) in schema.columns.enumerated() { set(column.key, column: i, header: column.header) }
    }

    /// The layout of the current template (columns A–N).
    public static let standard = ColumnMap(schema: .current)

    /// Records that `field` is in `column`, headed `header`.
    public mutating func set(_ field: FieldKey, column: Int, header: String) {
        if let old = columnByField[field], old < fieldByColumn.count { fieldByColumn[old] = 0 }
        columnByField[field] = column
        headerByField[field] = header
        if column >= fieldByColumn.count {
            fieldByColumn.append(contentsOf: repeatElement(0, count: column + 1 - fieldByColumn.count))
        }
        fieldByColumn[column] = UInt8(field.index + 1)
    }

    /// The zero-based column of a field, if the sheet has it.
    public func column(of field: FieldKey) -> Int? { columnByField[field] }

    /// The header text the sheet uses for a field, if it has the field.
    public func header(of field: FieldKey) -> String? { headerByField[field] }

    /// The field in a zero-based column, if any.
    @inline(__always)
    public func field(atColumn column: Int) -> FieldKey? {
        guard column >= 0, column < fieldByColumn.count else { return nil }
        let v = fieldByColumn[column]
        return v == 0 ? nil : FieldKey.at(Int(v) - 1)
    }

    /// The fields the sheet has, in template order.
    public var fields: [FieldKey] { FieldKey.allCases.filter { columnByField[$0] != nil } }

    /// True when the sheet has this field's column.
    public func contains(_ field: FieldKey) -> Bool { columnByField[field] != nil }
}
