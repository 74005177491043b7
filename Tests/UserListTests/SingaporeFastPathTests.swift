import PhoneNumbers
import XCTest
@testable import UserList

/// `PhoneNumberVerdicts` answers for an 8-digit Singapore number from its first four digits (one
/// library call per block of 10,000). These tests hold that shortcut to libphonenumber itself: every
/// 4-digit block, with a number for each value of the fifth digit and both ends of the block, must
/// get exactly the library's answer for the number as typed.
final class SingaporeFastPathTests: XCTestCase {
    func testEveryFourDigitBlockAgreesWithLibphonenumber() {
        var rng = SystemRandomNumberGenerator()
        var mismatches: [String] = []
        var valid = 0
        for prefix in 0..<10_000 {
            // 0000, 1999, 2000, 3999 … 9999: every fifth digit, the lowest and highest tails; and one at random.
            var suffixes = (0...9).map { $0 * 1000 + ($0 % 2 == 0 ? 0 : 999) }
            suffixes.append(Int.random(in: 0..<10_000, using: &rng))
            for suffix in suffixes {
                let text = pad(prefix) + pad(suffix)
                let library: PhoneNumberType?
                switch PhoneNumberLibrary.parse(text, defaultRegion: "SG") {
                case .success(let n) where n.isValid && n.countryCode == 65: library = n.type
                default: library = nil
                }
                let fast = PhoneNumberVerdicts.shared.singaporeType(Array(text.utf8))
                if fast != library { mismatches.append("\(text): fast path \(String(describing: fast)), libphonenumber \(String(describing: library))") }
                if library != nil { valid += 1 }
            }
            if mismatches.count > 20 { break }
        }
        XCTAssertEqual(mismatches, [])
        // Guards against a vacuous pass: Singapore has mobile, fixed-line and VoIP blocks.
        XCTAssertGreaterThan(valid, 10_000)
    }

    func testTheIssueExamplesAndBlockEdges() {
        let table: [(String, PhoneNumberType?)] = [
            ("91234567", .mobile), ("81234567", .mobile), ("61234567", .fixedLine), ("31234567", .voip),
            ("37684268", nil), ("99999999", nil), ("89999999", nil), ("80000000", nil), ("66200000", .fixedLine),
            ("66230000", nil), ("80500000", .mobile), ("80580000", nil), ("89520000", .mobile), ("89530000", nil),
            ("12345678", nil), ("01234567", nil), ("60000000", .fixedLine),
        ]
        for (text, expected) in table {
            let library: PhoneNumberType? = (try? PhoneNumberLibrary.parse(text).get()).flatMap { $0.isValid ? $0.type : nil }
            XCTAssertEqual(library, expected, "libphonenumber on \(text)")
            XCTAssertEqual(PhoneNumberVerdicts.shared.singaporeType(Array(text.utf8)), expected, "fast path on \(text)")
        }
    }

    private func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
