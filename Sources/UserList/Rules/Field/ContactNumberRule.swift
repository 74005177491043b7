/// Contact numbers per SPEC.md, normalised to E.164 (`+6591234567`); the rewrite is a change.
public struct ContactNumberRule: FieldRule {
    public let name = "contact-number"
    public let title = "Contact number is a Singapore or international (E.164) number"
    public var codes: [FindingCode] {
        [.contactInvalidCharacter, .contactInvalid, .contactSingaporeInvalid, .contactMissingCountryCode,
         .contactInvalidLength, .changeNormalised]
    }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .contactNumber }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        switch ContactNumberParser.parse(text) {
        case .success(let e164):
            if e164 != text {
                row.values[field] = e164
                row.report(.changeNormalised, stage: stage, field: field, message: "Written as \(e164).")
            }
        case .failure(let problem):
            let (code, message, hint) = describe(problem)
            row.report(code, stage: stage, field: field, message: message, hint: hint)
        }
    }

    func describe(_ problem: ContactNumberParser.Problem) -> (FindingCode, String, String?) {
        switch problem {
        case .invalidCharacter(let s, let position):
            let hint: String? = s == "/" || s == "," || s == ";"
                ? "Give one number only." : (s.properties.isAlphabetic ? "Leave out extensions and notes." : nil)
            return (.contactInvalidCharacter,
                    "The number contains \(TextScan.describe(s)) at position \(position); only digits, a leading +, spaces, dashes and brackets are allowed.",
                    hint)
        case .misplacedPlus(let position):
            return (.contactInvalid, "The number has a + at position \(position); + may only start the number.", "Give one number only, starting with + and the country code.")
        case .countryCodeZero:
            return (.contactInvalid, "A country code never starts with 0.", "Drop the 0 after the +, for example +60 12 345 6789.")
        case .singaporeInvalid(let message):
            return (.contactSingaporeInvalid, message, nil)
        case .missingCountryCode(let digits):
            return (.contactMissingCountryCode,
                    "The number has \(digits) digits, so it is not a Singapore number, and it has no + country code.",
                    "Start it with + and the country code; replace a leading 00 with +.")
        case .invalidLength(let digits):
            return (.contactInvalidLength,
                    "The number has \(TextScan.count(digits, "digit")); Singapore numbers have 8, and international ones 8 to 15 including the country code.",
                    nil)
        }
    }
}
