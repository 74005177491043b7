import XCTest
@testable import UserList

final class EmailRuleTests: XCTestCase {
    func testRequired() {
        assertField(.email, .text("jane@tech.gov.sg"), fails: nil)
        assertField(.email, .empty, fails: .emailRequired)
        assertField(.email, .text("   "), fails: .emailRequired)
    }

    func testGrammar() {
        let valid = ["jane@tech.gov.sg", "jane.tan@tech.gov.sg", "o'brien@mom.gov.sg", "a+tag@hdb.gov.sg",
                     "Jane_Tan@TECH.GOV.SG", "x!#$%&'*+/=?^_`{|}~-y@iras.gov.sg", "j@a-b.c.gov.sg"]
        for email in valid { assertField(.email, .text(email), fails: nil) }
        let invalid = ["jane", "jane@", "@tech.gov.sg", "jane..tan@tech.gov.sg", ".jane@tech.gov.sg", "jane.@tech.gov.sg",
                       "jane tan@tech.gov.sg", "jane@tech", "jane@tech.gov.s1", "jane@-tech.gov.sg", "jane@@tech.gov.sg",
                       "jané@tech.gov.sg", "jane(x)@tech.gov.sg", "a@b@tech.gov.sg"]
        for email in invalid { assertField(.email, .text(email), fails: .emailInvalid) }
    }

    func testMessageNamesTheCharacterAndPosition() {
        let result = outcome(Fixture.officer, setting: .email, to: .text("jane tan@tech.gov.sg"))
        XCTAssertEqual(result.finding(.emailInvalid)?.message.contains("a space at position 5"), true,
                       result.finding(.emailInvalid)?.message ?? "")
        let dots = outcome(Fixture.officer, setting: .email, to: .text("jane..tan@tech.gov.sg"))
        XCTAssertEqual(dots.finding(.emailInvalid)?.message.contains("two periods in a row at positions 5–6"), true)
    }

    func testAStrayCharacterDoesNotHideAMistypedDomain() {
        let both = outcome(Fixture.officer, setting: .email, to: .text("O\u{2019}Brien@tech.gov.sq"))
        XCTAssertNotNil(both.finding(.emailSmartQuote))
        XCTAssertEqual(both.finding(.emailDomainTypo)?.hint, "Did you mean tech.gov.sg?")
        let onlyQuote = outcome(Fixture.officer, setting: .email, to: .text("O\u{2019}Brien@tech.gov.sg"))
        XCTAssertNil(onlyQuote.finding(.emailDomainTypo), "a correct domain is not flagged")
    }

    func testTooLong() {
        let local = String(repeating: "a", count: 64)
        let label = String(repeating: "b", count: 60)
        let ok = local + "@" + [label, label, "c", "tech", "gov", "sg"].joined(separator: ".")
        XCTAssertLessThanOrEqual(ok.count, 254)
        assertField(.email, .text(ok), fails: nil)
        let long = local + "@" + [label, label, label, "tech", "gov", "sg"].joined(separator: ".")
        XCTAssertGreaterThan(long.count, 254)
        assertField(.email, .text(long), fails: .emailTooLong)
    }

    func testDisplayNameMailtoAndLists() {
        assertField(.email, .text("Jane Tan <jane@tech.gov.sg>"), fails: .emailDisplayName)
        assertField(.email, .text("\"Jane Tan\" jane@tech.gov.sg"), fails: .emailDisplayName)
        assertField(.email, .text("mailto:jane@tech.gov.sg"), fails: .emailMailto)
        assertField(.email, .text("MAILTO:jane@tech.gov.sg"), fails: .emailMailto)
        assertField(.email, .text("jane@tech.gov.sg; wei@tech.gov.sg"), fails: .emailMultiple)
        assertField(.email, .text("jane@tech.gov.sg,wei@tech.gov.sg"), fails: .emailMultiple)
        assertField(.email, .text("jane@tech.gov.sg wei@tech.gov.sg"), fails: .emailMultiple)
        let hint = outcome(Fixture.officer, setting: .email, to: .text("Jane Tan <jane@tech.gov.sg>")).finding(.emailDisplayName)?.hint
        XCTAssertEqual(hint, "Keep only the address: jane@tech.gov.sg.")
    }

    func testNearMissDomainsGetADidYouMean() {
        let cases: [(String, FindingCode, String)] = [
            ("jane@tech.gov.sq", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@tech.gov.sg.", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@tech.gov,sg", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@tech..gov.sg", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@tech.gv.sg", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@tech.govsg", .emailDomainTypo, "jane@tech.gov.sg"),
            ("jane@techgov.sg", .emailDomainTypo, "jane@tech.gov.sg"),
        ]
        for (email, code, suggestion) in cases {
            let result = outcome(Fixture.officer, setting: .email, to: .text(email))
            let finding = result.finding(code)
            XCTAssertNotNil(finding, "\(email): \(result.codeStrings)")
            XCTAssertEqual(finding?.hint, "Did you mean \(suggestion)?", email)
        }
        // Vendors: an impossible ending is an error, a plausible near miss a warning.
        let con = outcome(Fixture.vendor, setting: .email, to: .text("lim@gmail.con"))
        XCTAssertEqual(con.finding(.emailDomainTypo)?.hint, "Did you mean lim@gmail.com?")
        let gmial = outcome(Fixture.vendor, setting: .email, to: .text("lim@gmial.com"))
        XCTAssertEqual(gmial.finding(.emailDomainNearMiss)?.hint, "Did you mean lim@gmail.com? If the address is right, nothing to do.")
        XCTAssertTrue(gmial.isValid)
        XCTAssertNil(outcome(Fixture.vendor, setting: .email, to: .text("lim@mail.com")).finding(.emailDomainNearMiss))
    }

    func testPublicOfficerNeedsAGovernmentAddress() {
        assertField(.email, .text("jane@tech.gov.sg"), base: Fixture.officer, fails: nil)
        assertField(.email, .text("jane@TECH.Gov.SG"), base: Fixture.officer, fails: nil)
        assertField(.email, .text("jane@gmail.com"), base: Fixture.officer, fails: .emailDomainNotGovernment)
        assertField(.email, .text("jane@notgov.sg.com"), base: Fixture.officer, fails: .emailDomainNotGovernment)
        assertField(.email, .text("jane@gov.sg"), base: Fixture.officer, fails: .emailBareGovSG)
        assertField(.email, .text("jane@GOV.SG"), base: Fixture.officer, fails: .emailBareGovSG)
        let edu = Policy(publicOfficerDomainSuffixes: ["gov.sg", "edu.sg"])
        assertField(.email, .text("jane@nus.edu.sg"), base: Fixture.officer, policy: edu, fails: nil)
        assertField(.email, .text("jane@nus.edu.sg"), base: Fixture.officer, fails: .emailDomainNotGovernment)
    }

    func testVendorMayUseAnyValidAddressIncludingAGovernmentOne() {
        assertField(.email, .text("jiahui@ncs.com.sg"), base: Fixture.vendor, fails: nil)
        assertField(.email, .text("jiahui.ncs@tech.gov.sg"), base: Fixture.vendor, fails: nil)
        assertField(.email, .text("jiahui@gmail.com"), base: Fixture.vendor, fails: nil)
        assertField(.email, .text("jiahui@gov.sg"), base: Fixture.vendor, fails: .emailBareGovSG)
    }

    func testInvisibleCharactersAndSmartQuotesAreErrorsWithAHint() {
        for zw in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] {
            let result = outcome(Fixture.officer, setting: .email, to: .text("jane" + zw + "@tech.gov.sg"))
            let f = result.finding(.emailInvisibleCharacter)
            XCTAssertNotNil(f, "U+\(String(zw.unicodeScalars.first!.value, radix: 16))")
            XCTAssertEqual(f?.message.contains("position 5"), true)
            XCTAssertNotNil(f?.hint)
        }
        for quote in ["\u{2019}", "\u{2018}", "\u{201C}"] {
            let result = outcome(Fixture.officer, setting: .email, to: .text("o" + quote + "brien@tech.gov.sg"))
            XCTAssertNotNil(result.finding(.emailSmartQuote), quote)
            XCTAssertNotNil(result.finding(.emailSmartQuote)?.hint)
        }
    }

    func testSurroundingWhitespaceIsTrimmedAsAChange() {
        let result = outcome(Fixture.officer, setting: .email, to: .text("  jane@tech.gov.sg\u{00A0}\n"))
        XCTAssertTrue(result.isValid, "\(result.findings)")
        XCTAssertEqual(result.values[.email], "jane@tech.gov.sg")
        XCTAssertEqual(result.original[.email], "  jane@tech.gov.sg\u{00A0}\n")
        XCTAssertEqual(result.codes(in: .email), ["change.trimmed"])
    }
}
