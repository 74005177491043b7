internal import CPhoneNumber

/// Google's libphonenumber (Debian `libphonenumber-dev`), the numbering plans of every country,
/// through the C functions of `CPhoneNumber`. The only Swift code that sees that module.
public enum PhoneNumberLibrary {
    /// Reads `text` as typed (`+44 7911 123456`, `9123 4567`); a number without `+` is read as one
    /// of `defaultRegion` (ISO 3166 code). Fails with libphonenumber's own reason.
    public static func parse(_ text: String, defaultRegion: String = "SG") -> Result<ParsedPhoneNumber, PhoneNumberParseError> {
        var out = ipn_number()
        var text = text
        let status = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { ipn_parse($0.baseAddress, $0.count, defaultRegion, &out) }
        }
        guard status == Int32(ipn_parse_ok) else {
            return .failure(PhoneNumberParseError(rawValue: Int(status)) ?? .notANumber)
        }
        return .success(ParsedPhoneNumber(out))
    }

    /// libphonenumber's answers for a number already split into country code and national number
    /// (`65`, `91234567`); nothing is parsed.
    public static func classify(countryCode: Int, nationalNumber: UInt64) -> ParsedPhoneNumber {
        var out = ipn_number()
        ipn_classify(Int32(countryCode), nationalNumber, &out)
        return ParsedPhoneNumber(out)
    }

    /// The type of a valid number given as country code and national number, nil when libphonenumber
    /// does not know it as valid; `classify` without the rest of its answers, so cheaper.
    public static func validType(countryCode: Int, nationalNumber: UInt64) -> PhoneNumberType? {
        let type = ipn_valid_type(Int32(countryCode), nationalNumber)
        return type < 0 ? nil : PhoneNumberType(rawValue: Int(type))
    }

    /// The main region of a country calling code (`SG` for 65, `US` for 1); nil when no country has it.
    public static func region(forCountryCode code: Int) -> String? {
        var region: (CChar, CChar, CChar, CChar) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &region) { ipn_region_for_country_code(Int32(code), $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
        let code = string(region)
        return code == "ZZ" || code.isEmpty ? nil : code
    }

    fileprivate static func string<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

/// What libphonenumber says about one number.
public struct ParsedPhoneNumber: Equatable, Sendable {
    /// The number is in a range its country has allocated (libphonenumber's `IsValidNumber`).
    public var isValid: Bool
    public var type: PhoneNumberType
    /// Whether the number's length fits its country, and if not, how.
    public var length: PhoneNumberLength
    public var countryCode: Int
    public var nationalNumber: UInt64
    /// The region the number belongs to (`SG`), nil when libphonenumber cannot tell (an invalid number).
    public var regionCode: String?
    /// The E.164 form, `+6591234567`.
    public var e164: String

    init(_ n: ipn_number) {
        isValid = n.valid != 0
        type = PhoneNumberType(rawValue: Int(n.type)) ?? .unknown
        length = PhoneNumberLength(rawValue: Int(n.possibility)) ?? .invalidLength
        countryCode = Int(n.country_code)
        nationalNumber = n.national_number
        let region = PhoneNumberLibrary.string(n.region)
        regionCode = region == "ZZ" || region.isEmpty ? nil : region
        e164 = PhoneNumberLibrary.string(n.e164)
    }
}

/// libphonenumber's `PhoneNumberType`, in its order.
public enum PhoneNumberType: Int, Sendable, CaseIterable {
    case fixedLine, mobile, fixedLineOrMobile, tollFree, premiumRate, sharedCost, voip, personalNumber, pager, uan, voicemail, unknown
}

/// libphonenumber's `ValidationResult` from `IsPossibleNumberWithReason`, in its order.
public enum PhoneNumberLength: Int, Sendable {
    case possible, possibleLocalOnly, invalidCountryCode, tooShort, invalidLength, tooLong
}

/// libphonenumber's `ErrorType` from `Parse`, in its order (0, no error, left out).
public enum PhoneNumberParseError: Int, Error, Sendable {
    case invalidCountryCode = 1, notANumber, tooShortAfterIDD, tooShortNationalNumber, tooLong
}
