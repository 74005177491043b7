/// Trims spaces, tabs, line breaks and non-breaking spaces around a value, and replaces non-breaking
/// spaces and line breaks inside it with ordinary spaces; each clean-up is reported as a change.
/// The reason keeps its inner line breaks.
public struct WhitespaceRule: FieldRule {
    public let name = "whitespace"
    public let title = "Spaces, non-breaking spaces, tabs and line breaks are cleaned up"
    public var codes: [FindingCode] { [.changeTrimmed, .changeNBSPRemoved, .changeLineBreakRemoved] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { true }

    public var skipsPlainASCII: Bool { true }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field], !TextScan.isPlainASCII(text) else { return }
        let trimmed = TextScan.trimmed(text)
        var sawNBSP = false
        var sawBreak = false
        var out = String.UnicodeScalarView()
        for s in trimmed.unicodeScalars {
            if TextScan.isNonBreakingSpace(s) {
                sawNBSP = true
                out.append(" ")
            } else if TextScan.isLineBreakOrTab(s) {
                if field == .reason && s != "\t" {
                    out.append(s)
                } else {
                    sawBreak = true
                    out.append(" ")
                }
            } else {
                out.append(s)
            }
        }
        if trimmed.unicodeScalars.count != text.unicodeScalars.count {
            row.report(.changeTrimmed, stage: stage, field: field,
                       message: "Spaces or line breaks around the value were removed.")
        }
        if sawNBSP {
            row.report(.changeNBSPRemoved, stage: stage, field: field,
                       message: "Non-breaking spaces inside the value were replaced with ordinary spaces.")
        }
        if sawBreak {
            row.report(.changeLineBreakRemoved, stage: stage, field: field,
                       message: "Line breaks or tabs inside the value were replaced with spaces.")
        }
        let cleaned = String(out)
        row.values[field] = cleaned.isEmpty ? nil : cleaned
    }
}
