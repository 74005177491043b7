import XCTest
@testable import UserList

/// The byte-level fast paths must agree with the detailed checks they stand in for.
final class FastPathTests: XCTestCase {
    func testPlainValidEmailAgreesWithTheFullGrammar() {
        var rng = SplitMix64(seed: 5)
        let alphabet = Array("ab.@-_+'Z9 ,é\u{200B}")
        var checked = 0
        for _ in 0..<20_000 {
            let length = 1 + rng.below(14)
            let text = String((0..<length).map { _ in rng.pick(alphabet) })
            let candidates = [text, "x" + text + "@tech.gov.sg", "jane@" + text + ".sg", text + "@a.bc"]
            for c in candidates where EmailGrammar.isPlainValid(c) {
                checked += 1
                XCTAssertNil(EmailAddressRule().problem(in: c), c)
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        for valid in ["jane@tech.gov.sg", "a.b@c-d.sg", "x@y.co"] { XCTAssertTrue(EmailGrammar.isPlainValid(valid), valid) }
        for other in ["jane@tech.gov.s1", "jane@tech-.sg", "j..x@a.sg", ".j@a.sg", "j.@a.sg", "j@-a.sg", "j@a..sg", "j@sg", "j@a.sg-"] {
            XCTAssertFalse(EmailGrammar.isPlainValid(other), other)
            XCTAssertNotNil(EmailAddressRule().problem(in: other), other)
        }
    }

    func testOneEditAgreesWithDamerau() {
        var rng = SplitMix64(seed: 9)
        let alphabet = Array("gov.sq")
        for _ in 0..<20_000 {
            let a = String((0..<rng.below(7)).map { _ in rng.pick(alphabet) })
            let b = String((0..<rng.below(7)).map { _ in rng.pick(alphabet) })
            let x = Array(a.utf8), y = Array(b.utf8)
            XCTAssertEqual(EditDistance.isOneEdit(x, y), EditDistance.damerau(a, b, limit: 1) == 1, "\(a) / \(b)")
        }
    }

    func testPlainASCIINamesAgreeWithTheFullCheck() {
        for name in ["Jane", "D'Souza", "Lee-Tan", "J.", "-", "Tan2", "a b", String(repeating: "a", count: 65)] {
            if PersonNameRule.isPlainValidASCII(name) {
                XCTAssertTrue(Array(name).allSatisfy(PersonNameRule.isAllowed), name)
                XCTAssertTrue(name.count <= 64 && name.contains(where: \.isLetter), name)
            }
        }
        XCTAssertFalse(PersonNameRule.isPlainValidASCII("-"))
        XCTAssertFalse(PersonNameRule.isPlainValidASCII("Tan2"))
        XCTAssertTrue(PersonNameRule.isPlainValidASCII("D'Souza"))
    }
}
