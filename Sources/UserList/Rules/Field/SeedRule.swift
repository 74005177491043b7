/// SEED onboarding is `Yes` or `No`; y/n/yes/no/true/false in any case (and TRUE/FALSE cells) are
/// accepted and written the standard way (a change). Blank is decided by the row stage (`SeedRequiredRule`).
public struct SeedRule: FieldRule {
    public let name = "seed"
    public let title = "SEED onboarding is Yes or No"
    public var codes: [FindingCode] { [.seedInvalid, .changeNormalised] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .seed }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        var answer = YesNo(parsing: text)
        if row.traits[field].contains(.boolean), case .boolean(let b)? = row.cells[field]?.value { answer = YesNo(b) }
        guard let answer else {
            row.report(.seedInvalid, stage: stage, field: field,
                       message: "\"\(text)\" is not Yes or No.",
                       hint: "Choose Yes if the user will reach SGTS from an internet device, No for a government (GSIB) device.")
            return
        }
        if answer.rawValue != text {
            row.values[field] = answer.rawValue
            row.report(.changeNormalised, stage: stage, field: field, message: "\"\(text)\" written as \(answer.rawValue).")
        }
    }
}
