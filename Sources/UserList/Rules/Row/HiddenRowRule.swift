/// Data in a row hidden in Excel is checked like any other, with a warning that nobody may have seen it.
public struct HiddenRowRule: RowRule {
    public let name = "hidden-row"
    public let title = "Rows with data are not hidden"
    public var codes: [FindingCode] { [.excelHiddenRow] }
    public init() {}

    public func check(_ row: inout RowDraft) {
        guard row.isHidden else { return }
        row.report(.excelHiddenRow, stage: stage, field: nil,
                   message: "Row \(row.rowNumber) is hidden in Excel but has data; it was checked like any other row.")
    }
}
