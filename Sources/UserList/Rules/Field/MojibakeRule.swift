import SheetIO

/// Text saved as UTF-8 and read back as Windows-1252 (`SiobhÃ¡n`, `MeiÂ Ling`): a warning whose hint
/// shows the repaired text. The value itself is checked as it stands. Contact numbers are left to
/// their own rule, which gives one finding per cell.
public struct MojibakeRule: FieldRule {
    public let name = "mojibake"
    public let title = "Text was not saved as UTF-8 and read back as Windows-1252"
    public var codes: [FindingCode] { [.excelMojibake] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field != .contactNumber }

    public var onlyForCells: CellTraits { .text }
    public var skipsPlainASCII: Bool { true }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.text), let text = row.values[field], !TextScan.isPlainASCII(text),
              let repaired = Mojibake.repaired(text) else { return }
        let shown = TextScan.withPlainSpaces(repaired)
        row.report(.excelMojibake, stage: stage, field: field,
                   message: "The text looks garbled: it was probably saved as UTF-8 and read back as Windows-1252.",
                   hint: "It probably should read \"\(shown)\": type it again, or save the file as CSV UTF-8 or .xlsx and upload that.")
    }
}
