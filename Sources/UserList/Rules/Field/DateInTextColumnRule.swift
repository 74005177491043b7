import SheetIO

/// Every user-list column is text, so a date value means Excel converted what was typed.
public struct DateInTextColumnRule: FieldRule {
    public let name = "date-in-text-column"
    public let title = "No dates in text columns"
    public var codes: [FindingCode] { [.excelDateSerialInText] }
    public init() {}

    /// Contact numbers are `ContactNumberRule`'s, which gives one finding per cell.
    public func applies(to field: FieldKey) -> Bool { field != .contactNumber }

    public var onlyForCells: CellTraits { .date }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.date), case .date(let date)? = row.cells[field]?.value else { return }
        row.report(.excelDateSerialInText, stage: stage, field: field,
                   message: "Excel stored this cell as a date (\(date.iso8601), serial \(GeneralNumberFormatter.format(date.serial))), not as the text that was typed.")
    }
}
