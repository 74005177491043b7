import PhoneNumbers
import SheetIO

/// The one finding a contact-number cell gets (SPEC: "One cell gets one finding: the most specific
/// explanation"). Decided here, in this order, and nowhere else:
///
/// 1. The number cannot be used: one error.
///    - a number cell of fewer than 8 digits, or 9: Excel dropped a leading 0 → `excel.leading-zero-lost`;
///    - Excel's scientific notation as text (`6.59123E+11`), or a number beyond 15 digits → `contact.digits-lost`;
///    - a date cell: Excel turned what was typed into a date → `contact.invalid`;
///    - otherwise the number's own problem (`contact.sg-invalid`, `contact.missing-country-code`,
///      `contact.not-personal`, …), read with a `+` Excel dropped put back (or, when that is no number,
///      as the Singapore service number its digits make, like 18001234567).
/// 2. A number cell that lost its `+` (10 digits starting 65, or 11 to 15 digits) and is valid with
///    it put back → `excel.plus-lost` (warning); the E.164 number is accepted.
/// 3. A formula whose result is a valid number → `excel.formula` (warning); the E.164 number is accepted.
/// 4. The text was cleaned or rewritten (spaces, E.164) → one `change.normalised`.
/// 5. Nothing to say.
struct ContactCellVerdict: Equatable {
    /// The accepted E.164 number, nil when the cell cannot be used.
    var e164: String?
    /// The one finding, if any.
    var code: FindingCode?
    var message: String = ""
    var hint: String?

    /// What the cell's kind (`traits`), stored value and current text (cleaned so far) come to.
    /// `earlier` are the field stage's findings about the cell so far (formula, clean-ups).
    static func decide(cell: Cell?, traits: CellTraits, text: String, original: String, earlier: [Finding]) -> ContactCellVerdict {
        let formula = earlier.first { $0.code == .excelFormula }
        if traits.contains(.date), case .date(let date)? = cell?.value {
            return ContactCellVerdict(code: .contactInvalid,
                message: "Excel turned what was typed into a date (\(date.iso8601)); a phone number cannot be read from it.",
                hint: damageHint)
        }
        if traits.contains(.number), case .number(let v)? = cell?.value {
            if v >= 1e15 || (v >= 1e11 && v != v.rounded()) {
                return ContactCellVerdict(code: .contactDigitsLost,
                    message: "The number \(GeneralNumberFormatter.format(v)) has more digits than Excel keeps (15), so its last digits are lost.",
                    hint: damageHint)
            }
            if v > 0, v == v.rounded() {
                let digits = String(Int64(v))
                let n = digits.count
                if n < 8 || n == 9 {
                    return ContactCellVerdict(code: .excelLeadingZeroLost,
                        message: "The contact number is stored as the number \(digits) (\(n) digits); Excel has probably dropped a leading 0.",
                        hint: damageHint)
                }
                if (n == 10 && digits.hasPrefix("65")) || n >= 11 {
                    switch ContactNumberParser.parse("+" + digits) {
                    case .success(let e164):
                        return ContactCellVerdict(e164: e164, code: .excelPlusLost,
                            message: "The contact number is stored as the number \(digits); Excel dropped the + before the country code. It was read as \(e164).")
                    case .failure(let problem):
                        // 18001234567: more likely Singapore's 1800 123 4567 typed without spaces than +1 800 ….
                        if case .failure(let local) = ContactNumberParser.parse(digits), case .notPersonal = local {
                            return rejected(local)
                        }
                        return rejected(problem)
                    }
                }
            }
        }
        if traits.contains(.text), ScientificNotationRule.looksScientific(original) {
            return ContactCellVerdict(code: .contactDigitsLost,
                message: "\"\(TextScan.trimmed(original))\" is a number in Excel's scientific notation; its real digits were lost before the file was saved.",
                hint: damageHint)
        }
        switch ContactNumberParser.parse(text) {
        case .failure(let problem):
            var verdict = rejected(problem)
            // `+65Â 9123 4567`: an NBSP saved as UTF-8 and read back as Windows-1252. Still an error (the
            // number as it stands cannot be read), with the repaired text as the hint.
            if case .invalidCharacter = problem, let repaired = Mojibake.repaired(original) {
                let shown = TextScan.withPlainSpaces(repaired)
                guard case .success = ContactNumberParser.parse(TextScan.trimmed(shown)) else { return verdict }
                verdict.hint = "The text was saved as UTF-8 and read back as Windows-1252; it probably should read \"\(shown)\"."
            }
            return verdict
        case .success(let e164):
            if let formula {
                return ContactCellVerdict(e164: e164, code: .excelFormula, message: formula.message, hint: formula.hint)
            }
            if e164 != original {
                return ContactCellVerdict(e164: e164, code: .changeNormalised, message: "Written as \(e164).")
            }
            return ContactCellVerdict(e164: e164)
        }
    }

    static let damageHint = "Format the column as Text (Home → Number → Text), then type the number again with all its digits, starting with + and the country code."

    static func rejected(_ problem: ContactNumberParser.Problem) -> ContactCellVerdict {
        let (code, message, hint) = describe(problem)
        return ContactCellVerdict(code: code, message: message, hint: hint)
    }

    static func describe(_ problem: ContactNumberParser.Problem) -> (FindingCode, String, String?) {
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
                    "The number has \(TextScan.count(digits, "digit")); Singapore numbers have 8, and numbers from other countries start with + and the country code.",
                    nil)
        case .unknownCountryCode(let shown):
            return (.contactInvalid, "\(shown) does not start with a country code in use.",
                    "Check the digits after the +; for example Malaysia is +60, India +91, the United Kingdom +44.")
        case .wrongLengthForCountry(let shown, let countryCode, let tooShort):
            let how = tooShort.map { $0 ? "too few" : "too many" } ?? "the wrong number of"
            return (.contactInvalidLength, "\(shown) has \(how) digits for a number with country code +\(countryCode)\(region(countryCode)).",
                    "Check the number for missing or extra digits.")
        case .notInUse(let shown, let countryCode):
            return (.contactInvalid, "\(shown) is not a number in use with country code +\(countryCode)\(region(countryCode)).",
                    "Check the digits; the number may be mistyped.")
        case .notPersonal(let shown, let kind):
            return (.contactNotPersonal, "\(shown) is \(describe(kind)), not a person's number.",
                    "Give the person's own mobile or office number.")
        }
    }

    static func describe(_ kind: PhoneNumberType) -> String {
        switch kind {
        case .tollFree: return "a toll-free number"
        case .premiumRate: return "a premium-rate number"
        case .sharedCost: return "a shared-cost number"
        default: return "a service number"
        }
    }

    /// ` (MY)`: the region libphonenumber gives the country code, to help place it.
    static func region(_ countryCode: Int) -> String {
        PhoneNumberLibrary.region(forCountryCode: countryCode).map { " (\($0))" } ?? ""
    }
}
