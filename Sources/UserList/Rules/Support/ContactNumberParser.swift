import PhoneNumbers

/// Reads a contact number per SPEC.md and gives its E.164 form. Whether a number can exist, and what
/// kind of line it is, is libphonenumber's answer (`PhoneNumberVerdicts`): a number without `+` is a
/// Singapore one, and a person's number is any valid number that is not toll-free, premium-rate or
/// shared-cost. This type reads the characters (digits, a leading `+`; spaces, dashes including en
/// dashes, and brackets as separators) and picks the most specific explanation of a rejection.
enum ContactNumberParser {
    enum Problem: Error, Equatable {
        case invalidCharacter(Unicode.Scalar, position: Int)
        case misplacedPlus(position: Int)
        case countryCodeZero
        /// No country has the calling code the number starts with (`+999 1234 5678`).
        case unknownCountryCode(shown: String)
        case singaporeInvalid(String)
        case missingCountryCode(digits: Int)
        case invalidLength(digits: Int)
        /// An international number whose length does not fit its country.
        case wrongLengthForCountry(shown: String, countryCode: Int, tooShort: Bool?)
        /// An international number of the right length outside every range its country uses (`+1 123 456 7890`).
        case notInUse(shown: String, countryCode: Int)
        /// A valid number that reaches no one person: toll-free, premium-rate or shared-cost.
        case notPersonal(shown: String, kind: PhoneNumberType)
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x2D, 0x28, 0x29, 0x2010...0x2015, 0x2212: return true
        default: return false
        }
    }

    /// The line types that are not one person's number.
    static func isPersonal(_ type: PhoneNumberType) -> Bool {
        switch type {
        case .tollFree, .premiumRate, .sharedCost: return false
        default: return true
        }
    }

    /// The E.164 form (`+6591234567`) or the first problem.
    static func parse(_ text: String) -> Result<String, Problem> {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var hasPlus = false
        for (i, s) in text.unicodeScalars.enumerated() {
            if TextScan.isASCIIDigit(s) { digits.append(UInt8(s.value)); continue }
            if s == "+" {
                if hasPlus || !digits.isEmpty { return .failure(.misplacedPlus(position: i + 1)) }
                hasPlus = true
                continue
            }
            if isSeparator(s) { continue }
            return .failure(.invalidCharacter(s, position: i + 1))
        }
        let n = digits.count
        // The number as typed, for messages; worked out only for a number that is rejected.
        var shown: String { TextScan.trimmed(text) }
        if hasPlus {
            if n >= 2, digits[0] == UInt8(ascii: "6"), digits[1] == UInt8(ascii: "5") {
                let national = digits.dropFirst(2)
                if national.count == 8 { return singapore(national, shown: shown, after: "") }
                // +65 1800 123 4567: a Singapore number that is not 8 digits long.
                if case .success(let number) = library("+" + String(decoding: digits, as: UTF8.self)), number.isValid {
                    return personal(number, shown: shown)
                }
                return .failure(.singaporeInvalid("After +65 a Singapore number has 8 digits; this one has \(national.count)."))
            }
            if digits.first == UInt8(ascii: "0") { return .failure(.countryCodeZero) }
            guard n >= 2 else { return .failure(.invalidLength(digits: n)) }
            return international(digits, shown: shown)
        }
        if n == 8 { return singapore(digits[...], shown: shown, after: "") }
        if n == 10, digits[0] == UInt8(ascii: "6"), digits[1] == UInt8(ascii: "5") {
            return singapore(digits.dropFirst(2), shown: shown, after: "after 65 ")
        }
        // 1800 123 4567: a Singapore toll-free, premium-rate or universal access number.
        if (9...13).contains(n), case .success(let number) = library(String(decoding: digits, as: UTF8.self)),
           number.isValid, number.countryCode == 65 {
            return personal(number, shown: shown)
        }
        if (9...15).contains(n) { return .failure(.missingCountryCode(digits: n)) }
        return .failure(.invalidLength(digits: n))
    }

    /// An 8-digit Singapore number, `national` its ASCII digits.
    private static func singapore(_ national: ArraySlice<UInt8>, shown: String, after: String) -> Result<String, Problem> {
        let e164 = "+65" + String(decoding: national, as: UTF8.self)
        guard let type = PhoneNumberVerdicts.shared.singaporeType(national) else {
            let first = national.first!
            let lead = Character(Unicode.Scalar(first))
            if !"3689".contains(lead) {
                return .failure(.singaporeInvalid("A Singapore number starts with 3, 6, 8 or 9; \(after.isEmpty ? "" : after)this one starts with \(lead)."))
            }
            let block = String(decoding: national.prefix(4), as: UTF8.self)
            return .failure(.singaporeInvalid("No Singapore number starts with \(block): \(shown) is not a number in use."))
        }
        guard isPersonal(type) else { return .failure(.notPersonal(shown: shown, kind: type)) }
        return .success(e164)
    }

    /// A number after `+` and a country code other than 65.
    private static func international(_ digits: [UInt8], shown: String) -> Result<String, Problem> {
        guard digits.count <= 17 else { return .failure(.invalidLength(digits: digits.count)) }
        switch library("+" + String(decoding: digits, as: UTF8.self)) {
        case .failure(.invalidCountryCode):
            return .failure(.unknownCountryCode(shown: shown))
        case .failure(.tooLong):
            return .failure(.invalidLength(digits: digits.count))
        case .failure:
            return .failure(.invalidLength(digits: digits.count))
        case .success(let number):
            if number.isValid { return personal(number, shown: shown) }
            switch number.length {
            case .invalidCountryCode: return .failure(.unknownCountryCode(shown: shown))
            case .tooShort, .possibleLocalOnly:
                return .failure(.wrongLengthForCountry(shown: shown, countryCode: number.countryCode, tooShort: true))
            case .tooLong: return .failure(.wrongLengthForCountry(shown: shown, countryCode: number.countryCode, tooShort: false))
            case .invalidLength: return .failure(.wrongLengthForCountry(shown: shown, countryCode: number.countryCode, tooShort: nil))
            case .possible: return .failure(.notInUse(shown: shown, countryCode: number.countryCode))
            }
        }
    }

    private static func personal(_ number: ParsedPhoneNumber, shown: String) -> Result<String, Problem> {
        isPersonal(number.type) ? .success(number.e164) : .failure(.notPersonal(shown: shown, kind: number.type))
    }

    private static func library(_ text: String) -> Result<ParsedPhoneNumber, PhoneNumberParseError> {
        PhoneNumberVerdicts.shared.parse(text)
    }
}
