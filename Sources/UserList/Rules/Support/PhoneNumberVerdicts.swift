import Foundation
import PhoneNumbers

/// libphonenumber's answers, remembered for the run: asking it costs 20–50 µs a number, and a
/// million-row list would spend most of its time there.
///
/// Singapore numbers of 8 digits are looked up by their first four digits: every range
/// libphonenumber knows for them (mobile, fixed-line, VoIP) is decided by at most four digits, so one
/// question per 4-digit prefix answers for all 10,000 numbers under it. `SingaporeFastPathTests`
/// proves this against the library at test time, for every prefix. Nothing here copies the
/// library's metadata: each answer comes from it.
final class PhoneNumberVerdicts: @unchecked Sendable {
    static let shared = PhoneNumberVerdicts()

    private let lock = NSLock()
    /// Per 4-digit prefix: 0 not asked yet, 1 no such Singapore number, 2 + the `PhoneNumberType`.
    private var singapore = [UInt8](repeating: 0, count: 10_000)
    /// Numbers in E.164 shape (`+447911123456`), read by the library; emptied when it grows large.
    private var others: [String: Result<ParsedPhoneNumber, PhoneNumberParseError>] = [:]
    private static let othersLimit = 20_000

    /// The type of an 8-digit Singapore number (`digits` its ASCII digits), nil when libphonenumber
    /// does not know it as a Singapore number.
    func singaporeType<D: Collection>(_ digits: D) -> PhoneNumberType? where D.Element == UInt8 {
        var prefix = 0
        for d in digits.prefix(4) { prefix = prefix * 10 + Int(d &- UInt8(ascii: "0")) }
        lock.lock()
        var known = singapore[prefix]
        lock.unlock()
        if known == 0 {
            // The first number of the block: the library's answer is the same for the whole block.
            let type = PhoneNumberLibrary.validType(countryCode: 65, nationalNumber: UInt64(prefix) * 10_000)
            known = type.map { 2 + UInt8($0.rawValue) } ?? 1
            lock.lock()
            singapore[prefix] = known
            lock.unlock()
        }
        return known == 1 ? nil : PhoneNumberType(rawValue: Int(known) - 2)
    }

    /// libphonenumber's reading of `text` with Singapore as the region for numbers without `+`.
    func parse(_ text: String) -> Result<ParsedPhoneNumber, PhoneNumberParseError> {
        lock.lock()
        if let known = others[text] { lock.unlock(); return known }
        lock.unlock()
        let answer = PhoneNumberLibrary.parse(text, defaultRegion: "SG")
        lock.lock()
        if others.count >= Self.othersLimit { others.removeAll(keepingCapacity: true) }
        others[text] = answer
        lock.unlock()
        return answer
    }
}
