import SheetIO

/// Stages 3–6 for a stream of data rows of one sheet: field → row → batch → directory, collecting every
/// finding for a row in one pass. Keeps the batch stage's duplicate tables between rows.
public struct RowPipeline: Sendable {
    public let columns: ColumnMap
    /// Whose rows the sheet holds (an ordinary upload's own, or a corrections workbook's original's).
    public let origin: RowOrigin
    public let fieldStage: FieldStage
    public let rowStage: RowStage
    public private(set) var batchStage: BatchStage
    public let directoryStage: DirectoryStage

    /// The standard stages, for rows given in `form` (the template's unless said).
    public init(policy: Policy = .default, existing: ExistingAccounts = .none, columns: ColumnMap = .standard,
                origin: RowOrigin = .ownRows, form: InvitationForm = .template) {
        self.init(columns: columns, fieldStage: FieldStage(policy: policy, form: form), rowStage: RowStage(policy: policy),
                  batchStage: BatchStage(), directoryStage: DirectoryStage(existing: existing), origin: origin)
    }

    public init(columns: ColumnMap, fieldStage: FieldStage, rowStage: RowStage, batchStage: BatchStage, directoryStage: DirectoryStage,
                origin: RowOrigin = .ownRows) {
        self.columns = columns
        self.origin = origin
        self.fieldStage = fieldStage
        self.rowStage = rowStage
        self.batchStage = batchStage
        self.directoryStage = directoryStage
    }

    /// Runs every stage over one data row.
    public mutating func run(_ row: Row) -> RowOutcome {
        var draft = RowDraft(row: row, columns: columns, origin: origin)
        fieldStage.run(&draft)
        rowStage.run(&draft)
        batchStage.run(&draft)
        directoryStage.run(&draft)
        return RowOutcome(draft)
    }

    /// True when no field cell of the row holds anything but whitespace (formatting-only and
    /// whitespace-only rows, and rows with data only in ignored columns, are not data).
    public func isBlank(_ row: Row) -> Bool {
        for cell in row.cells where !cell.value.isEmpty && columns.field(atColumn: cell.column) != nil {
            if case .text(let s) = cell.value, TextScan.isBlank(s) { continue }
            return false
        }
        return true
    }
}
