/// A formula in a data cell: its cached result is used, but the user should paste values.
public struct FormulaCellRule: FieldRule {
    public let name = "formula-cell"
    public let title = "Data cells hold values, not formulas"
    public var codes: [FindingCode] { [.excelFormula] }
    public var checksBlank: Bool { true }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { true }

    public var onlyForCells: CellTraits { .formula }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.formula) else { return }
        // A formula with no saved result never gets here: FormulaWithoutResultRule settles it first.
        row.report(.excelFormula, stage: stage, field: field,
                   message: "The cell is a formula; its last result \"\(row.original[field])\" was used.")
    }
}
