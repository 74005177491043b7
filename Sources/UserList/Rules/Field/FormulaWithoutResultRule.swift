/// A formula saved without its result (files written by scripts often are) has no value to check:
/// report it as the one finding for the cell, never as an empty cell.
public struct FormulaWithoutResultRule: FieldRule {
    public let name = "formula-without-result"
    public let title = "Formula cells have a saved result"
    public var codes: [FindingCode] { [.excelFormulaNoValue] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { true }

    public var onlyForCells: CellTraits { .noResult }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.noResult) else { return }
        row.report(.excelFormulaNoValue, stage: stage, field: field,
                   message: "The cell holds a formula with no saved result, so its value is unknown.",
                   hint: "Type the value in, or open the file in Excel and save it so the formula's result is saved.")
        row.settle(field)
    }
}
