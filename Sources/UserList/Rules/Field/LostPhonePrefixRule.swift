import SheetIO

/// A contact number stored as a NUMBER cell has lost whatever Excel drops from numbers: a leading
/// zero (7 or 9 digits left) or the `+` before a country code (10 digits starting 65, or 11 and more).
public struct LostPhonePrefixRule: FieldRule {
    public let name = "lost-phone-prefix"
    public let title = "Contact numbers stored as numbers kept their leading zero and +"
    public var codes: [FindingCode] { [.excelLeadingZeroLost, .excelPlusLost] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .contactNumber }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.traits[field].contains(.number), case .number(let v)? = row.cells[field]?.value, v > 0, v == v.rounded(), v < 1e15 else { return }
        let digits = String(Int64(v))
        let n = digits.count
        if n < 8 || n == 9 {
            row.report(.excelLeadingZeroLost, stage: stage, field: field,
                       message: "The contact number is stored as the number \(digits) (\(n) digits); Excel has probably dropped a leading 0.")
        } else if (n == 10 && digits.hasPrefix("65")) || n >= 11 {
            row.report(.excelPlusLost, stage: stage, field: field,
                       message: "The contact number is stored as the number \(digits); Excel has dropped the + before the country code.")
        }
    }
}
