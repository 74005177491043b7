import SheetIO
import XCTest
@testable import UserList

final class ChoiceRuleTests: XCTestCase {
    func testUserTypeIsCaseInsensitiveAndNormalised() {
        for (text, canonical) in [("Public officer", "Public officer"), ("PUBLIC OFFICER", "Public officer"),
                                  ("public  officer", "Public officer"), ("vendor", "Vendor"), ("Vendor", "Vendor")] {
            let base = canonical == "Vendor" ? Fixture.vendor : Fixture.officer
            let result = outcome(base, setting: .userType, to: .text(text))
            XCTAssertTrue(result.isValid, "\(text): \(result.findings)")
            XCTAssertEqual(result.values[.userType], canonical)
            XCTAssertEqual(result.finding(.changeNormalised) != nil, text != canonical, text)
        }
        assertField(.userType, .empty, fails: .userTypeRequired)
        for bad in ["Contractor", "PO", "Officer", "Vendors", "Staff"] { assertField(.userType, .text(bad), fails: .userTypeInvalid) }
        XCTAssertEqual(outcome(Fixture.officer, setting: .userType, to: .text("Vendors")).finding(.userTypeInvalid)?.hint, "Did you mean Vendor?")
        XCTAssertEqual(outcome(Fixture.officer, setting: .userType, to: .text("Contractor")).finding(.userTypeInvalid)?.hint, "Did you mean Vendor?")
        XCTAssertEqual(outcome(Fixture.officer, setting: .userType, to: .text("PO")).finding(.userTypeInvalid)?.hint, "Did you mean Public officer?")
    }

    func testSeedAcceptsYesNoAndTheirSpellings() {
        let table: [(CellValue, String)] = [
            (.text("Yes"), "Yes"), (.text("No"), "No"), (.text("y"), "Yes"), (.text("N"), "No"), (.text("YES"), "Yes"),
            (.text("no"), "No"), (.text("true"), "Yes"), (.text("FALSE"), "No"), (.boolean(true), "Yes"), (.boolean(false), "No"),
        ]
        for (value, canonical) in table {
            let result = outcome(Fixture.officer, setting: .seed, to: value)
            XCTAssertTrue(result.isValid, "\(value): \(result.findings)")
            XCTAssertEqual(result.values[.seed], canonical)
            XCTAssertEqual(result.finding(.changeNormalised) != nil, value.displayText != canonical, "\(value)")
        }
        assertField(.seed, .empty, fails: .seedRequired)
        for bad in ["Maybe", "1", "0", "Yes please", "ya"] { assertField(.seed, .text(bad), fails: .seedInvalid) }
    }

    func testReasonLength() {
        assertField(.reason, .text("x"), fails: nil)
        assertField(.reason, .text(String(repeating: "a", count: 500)), fails: nil)
        assertField(.reason, .text(String(repeating: "a", count: 501)), fails: .reasonTooLong)
        assertField(.reason, .empty, fails: .reasonRequired)
        let multiline = outcome(Fixture.officer, setting: .reason, to: .text("Line one\nLine two"))
        XCTAssertEqual(multiline.values[.reason], "Line one\nLine two", "the reason keeps its line breaks")
        XCTAssertTrue(multiline.findings.isEmpty)
    }

    func testBusinessOperation() {
        assertField(.businessOperation, .text("Onshore"), base: Fixture.vendor, fails: nil)
        assertField(.businessOperation, .text("offshore"), base: Fixture.offshoreVendor, fails: nil)
        assertField(.businessOperation, .text("Overseas"), base: Fixture.vendor, fails: .businessOperationInvalid)
        let hyphen = outcome(Fixture.vendor, setting: .businessOperation, to: .text("on-shore"))
        XCTAssertEqual(hyphen.finding(.businessOperationInvalid)?.hint, "Did you mean Onshore?")
    }

    func testOffshoreDevelopmentCentreFromThePolicyListOrOthers() {
        assertField(.odc, .text("India"), base: Fixture.offshoreVendor, fails: nil)
        assertField(.odc, .text("vietnam"), base: Fixture.offshoreVendor, fails: nil)
        assertField(.odc, .text("Atlantis"), base: Fixture.offshoreVendor, fails: .odcUnknown)
        let other = outcome(Fixture.offshoreVendor, setting: .odc, to: .text("Other"))
        XCTAssertEqual(other.finding(.odcUnknown)?.hint, "Did you mean Others?")
        let custom = Policy(odcList: ["Atlantis"])
        assertField(.odc, .text("Atlantis"), base: Fixture.offshoreVendor, policy: custom, fails: nil)
        assertField(.odc, .text("India"), base: Fixture.offshoreVendor, policy: custom, fails: .odcUnknown)
    }

    func testSponsoringAgencyIsFreeTextUnlessThePolicyListsAgencies() {
        assertField(.sponsoringAgency, .text("Anything Goes"), base: Fixture.vendor, fails: nil)
        let listed = Policy(sponsoringAgencies: ["GovTech", "MOM"])
        assertField(.sponsoringAgency, .text("govtech"), base: Fixture.vendor, policy: listed, fails: nil)
        assertField(.sponsoringAgency, .text("Ministry of Magic"), base: Fixture.vendor, policy: listed, fails: .sponsoringAgencyUnknown)
        let typo = outcome(Fixture.with(Fixture.vendor, [.sponsoringAgency: .text("GovTec")]), policy: listed)
        XCTAssertEqual(typo.finding(.sponsoringAgencyUnknown)?.hint, "Did you mean GovTech?")
    }
}
