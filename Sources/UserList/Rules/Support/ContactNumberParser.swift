/// Reads a contact number per SPEC.md and gives its E.164 form: Singapore numbers are 8 digits
/// starting 3, 6, 8 or 9, optionally after `+65` or `65`; other countries need `+` and the country
/// code, 8–15 digits in all. Spaces, dashes (including en dashes) and brackets are separators.
enum ContactNumberParser {
    enum Problem: Error, Equatable {
        case invalidCharacter(Unicode.Scalar, position: Int)
        case misplacedPlus(position: Int)
        case countryCodeZero
        case singaporeInvalid(String)
        case missingCountryCode(digits: Int)
        case invalidLength(digits: Int)
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x2D, 0x28, 0x29, 0x2010...0x2015, 0x2212: return true
        default: return false
        }
    }

    static func isSingaporeLeading(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "3") || b == UInt8(ascii: "6") || b == UInt8(ascii: "8") || b == UInt8(ascii: "9")
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
        let all = String(decoding: digits, as: UTF8.self)
        if hasPlus {
            if n >= 2, digits[0] == UInt8(ascii: "6"), digits[1] == UInt8(ascii: "5") {
                let national = digits.dropFirst(2)
                guard national.count == 8 else {
                    return .failure(.singaporeInvalid("After +65 a Singapore number has 8 digits; this one has \(national.count)."))
                }
                guard isSingaporeLeading(national.first!) else {
                    return .failure(.singaporeInvalid("A Singapore number starts with 3, 6, 8 or 9; this one starts with \(Character(Unicode.Scalar(national.first!)))."))
                }
                return .success("+" + all)
            }
            if digits.first == UInt8(ascii: "0") { return .failure(.countryCodeZero) }
            guard (8...15).contains(n) else { return .failure(.invalidLength(digits: n)) }
            return .success("+" + all)
        }
        if n == 8 {
            guard isSingaporeLeading(digits[0]) else {
                return .failure(.singaporeInvalid("A Singapore number starts with 3, 6, 8 or 9; this one starts with \(Character(Unicode.Scalar(digits[0])))."))
            }
            return .success("+65" + all)
        }
        if n == 10, digits[0] == UInt8(ascii: "6"), digits[1] == UInt8(ascii: "5") {
            guard isSingaporeLeading(digits[2]) else {
                return .failure(.singaporeInvalid("A Singapore number starts with 3, 6, 8 or 9; after 65 this one starts with \(Character(Unicode.Scalar(digits[2])))."))
            }
            return .success("+" + all)
        }
        if (9...15).contains(n) { return .failure(.missingCountryCode(digits: n)) }
        return .failure(.invalidLength(digits: n))
    }
}
