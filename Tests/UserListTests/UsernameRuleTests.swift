import XCTest
@testable import UserList

final class UsernameRuleTests: XCTestCase {
    func testVendorNeedsAUsername() {
        assertField(.username, .text("Lim Jia Hui"), base: Fixture.vendor, fails: nil)
        assertField(.username, .empty, base: Fixture.vendor, fails: .usernameRequired)
    }

    func testAllowedCharacters() {
        let valid = ["Lim Jia Hui", "jiahui.lim", "jia_hui-lim", "JL2024", "a", "a.b.c", String(repeating: "a", count: 64)]
        for u in valid { assertField(.username, .text(u), base: Fixture.vendor, fails: nil) }
        let table: [(String, FindingCode)] = [
            ("jia@hui", .usernameInvalidCharacter), ("jiahui!", .usernameInvalidCharacter), ("José", .usernameInvalidCharacter),
            ("jia/hui", .usernameInvalidCharacter), ("jia..hui", .usernameConsecutivePeriods), (".jiahui", .usernameEdgeCharacter),
            ("jiahui.", .usernameEdgeCharacter), ("_jiahui", .usernameEdgeCharacter), ("jiahui-", .usernameEdgeCharacter),
            (String(repeating: "a", count: 65), .usernameTooLong), ("jia\u{200B}hui", .usernameInvisibleCharacter),
            ("o\u{2019}brien", .usernameSmartQuote),
        ]
        for (u, code) in table { assertField(.username, .text(u), base: Fixture.vendor, fails: code) }
    }

    func testMessagesNameTheCharacterAndItsPosition() {
        let at = outcome(Fixture.vendor, setting: .username, to: .text("jia@hui"))
        XCTAssertEqual(at.finding(.usernameInvalidCharacter)?.message,
                       "The username contains \"@\" at position 4; only letters A–Z, digits, _, -, . and spaces are allowed.")
        XCTAssertNotNil(at.finding(.usernameInvalidCharacter)?.hint)
        let dots = outcome(Fixture.vendor, setting: .username, to: .text("jia..hui"))
        XCTAssertEqual(dots.finding(.usernameConsecutivePeriods)?.message, "The username has two periods in a row at positions 4–5.")
        let edge = outcome(Fixture.vendor, setting: .username, to: .text("-jiahui"))
        XCTAssertEqual(edge.finding(.usernameEdgeCharacter)?.message, "The username starts with \"-\"; it must start with a letter or digit.")
    }

    func testEveryProblemIsReportedInOnePass() {
        let result = outcome(Fixture.vendor, setting: .username, to: .text(".jia..hui@"))
        XCTAssertEqual(result.codes(in: .username),
                       ["username.invalid-character", "username.edge-character", "username.consecutive-periods"])
    }

    func testPolicyLength() {
        let policy = Policy(usernameMaxLength: 10)
        assertField(.username, .text("abcdefghij"), base: Fixture.vendor, policy: policy, fails: nil)
        assertField(.username, .text("abcdefghijk"), base: Fixture.vendor, policy: policy, fails: .usernameTooLong)
    }

    func testPublicOfficerUsernameIsIgnoredWithAWarning() {
        let result = outcome(Fixture.officer, setting: .username, to: .text("jane..tan@"))
        XCTAssertTrue(result.isValid, "\(result.findings)")
        XCTAssertEqual(result.codes(in: .username), ["value.not-applicable"])
        XCTAssertEqual(result.finding(.valueNotApplicable)?.severity, .warning)
        XCTAssertNil(result.values[.username])
        XCTAssertEqual(result.original[.username], "jane..tan@")
        XCTAssertTrue(outcome(Fixture.officer).findings.isEmpty)
    }
}
