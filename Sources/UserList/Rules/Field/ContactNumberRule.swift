/// Contact numbers per SPEC.md, normalised to E.164 (`+6591234567`). The one place that decides a
/// contact cell's single finding (`ContactCellVerdict`): it takes back what earlier field rules said
/// about the cell (a formula, trimmed spaces) and reports only the most specific explanation.
public struct ContactNumberRule: FieldRule {
    public let name = "contact-number"
    public let title = "Contact number is a person's phone number in use (libphonenumber), Singapore or international, with one finding per cell"
    public var codes: [FindingCode] {
        [.excelLeadingZeroLost, .excelPlusLost, .contactDigitsLost, .contactInvalidCharacter, .contactInvalid,
         .contactSingaporeInvalid, .contactMissingCountryCode, .contactInvalidLength, .contactNotPersonal, .changeNormalised]
    }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .contactNumber }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        let earlier = row.withdrawFindings(about: field, from: stage)
        let verdict = ContactCellVerdict.decide(cell: row.cells[field], traits: row.traits[field], text: text,
                                                original: row.original[field], earlier: earlier)
        if let e164 = verdict.e164 { row.values[field] = e164 }
        if let code = verdict.code {
            row.report(code, stage: stage, field: field, message: verdict.message, hint: verdict.hint)
        }
    }
}
