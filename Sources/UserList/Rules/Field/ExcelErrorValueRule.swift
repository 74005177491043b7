/// A cell that shows an Excel error (`#N/A`, `#REF!`) holds no value: report it and check nothing else there.
public struct ExcelErrorValueRule: FieldRule {
    public let name = "excel-error-value"
    public let title = "No Excel error values (#N/A, #REF!) in data cells"
    public var codes: [FindingCode] { [.excelErrorValue] }
    public var checksBlank: Bool { true }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { true }

    public var onlyForCells: CellTraits { .error }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.error), case .error(let error)? = row.cells[field]?.value else { return }
        row.report(.excelErrorValue, stage: stage, field: field,
                   message: "The cell shows the Excel error \(error) instead of a value.",
                   hint: "Fix the formula or type the value in directly.")
        row.settle(field)
    }
}
