import SheetIO
import XCTest
@testable import UserList

final class RowRuleTests: XCTestCase {
    func testValidFixturesHaveNoFindings() {
        for base in [Fixture.officer, Fixture.vendor, Fixture.offshoreVendor] {
            let result = outcome(base)
            XCTAssertTrue(result.isValid, "\(result.findings)")
            XCTAssertEqual(result.findings.filter { $0.severity != .change }, [])
        }
    }

    func testVendorsNeedOrganisationSponsoringAgencyAndBusinessOperation() {
        for (field, code) in [(FieldKey.organisation, FindingCode.organisationRequired),
                              (.sponsoringAgency, .sponsoringAgencyRequired), (.businessOperation, .businessOperationRequired)] {
            assertField(field, .empty, base: Fixture.vendor, fails: code)
            let officer = outcome(Fixture.officer)
            XCTAssertNil(officer.finding(code), "public officers do not need \(field)")
            let f = outcome(Fixture.vendor, setting: field, to: nil).finding(code)
            XCTAssertEqual(f?.stage, .row)
            XCTAssertEqual(f?.column, field.index)
        }
    }

    func testOffshoreVendorsNeedADevelopmentCentre() {
        assertField(.odc, .empty, base: Fixture.offshoreVendor, fails: .odcRequired)
        assertField(.odc, .empty, base: Fixture.vendor, fails: nil)
        let others = Fixture.with(Fixture.offshoreVendor, [.odc: .text("Others")])
        XCTAssertEqual(outcome(others).errorCodes, ["offshoreCompany.required"])
        XCTAssertTrue(outcome(Fixture.with(others, [.offshoreCompany: .text("Acme Offshore")])).isValid)
        XCTAssertEqual(outcome(Fixture.with(others, [.odc: .text("others")])).errorCodes, ["offshoreCompany.required"])
    }

    func testOffshoreVendorsNeedSEED() {
        let blank = outcome(Fixture.offshoreVendor, setting: .seed, to: nil)
        XCTAssertTrue(blank.isValid)
        XCTAssertEqual(blank.values[.seed], "Yes")
        XCTAssertEqual(blank.finding(.seedDefaultedYes)?.severity, .change)
        assertField(.seed, .text("No"), base: Fixture.offshoreVendor, fails: .seedOffshoreRequiresYes)
        assertField(.seed, .text("n"), base: Fixture.offshoreVendor, fails: .seedOffshoreRequiresYes)
        assertField(.seed, .text("No"), base: Fixture.vendor, fails: nil)
        assertField(.seed, .empty, base: Fixture.vendor, fails: .seedRequired)
    }

    func testUnknownUserTypeSkipsTypeDependentRules() {
        let result = outcome(Fixture.with(Fixture.vendor, [.userType: .text("Contractor"), .username: nil, .organisation: nil]))
        XCTAssertEqual(result.errorCodes, ["userType.invalid"])
    }

    func testOlderTemplateWithoutVendorColumnsStillNamesTheMissingField() {
        var columns = ColumnMap()
        for key in UserListSchema.version1.keys { columns.set(key, column: key.index, header: key.rawValue) }
        var pipeline = RowPipeline(columns: columns)
        let result = pipeline.run(Fixture.row(Fixture.vendor))
        let f = result.finding(.sponsoringAgencyRequired)
        XCTAssertNil(f?.column)
        XCTAssertEqual(f?.header, "Sponsoring agency")
        XCTAssertTrue(f?.message.contains("no Sponsoring agency column") ?? false)
    }

    func testEveryFindingCarriesRowColumnFieldHeaderAndValue() {
        let result = outcome(Fixture.with(Fixture.officer, [.email: .text("jane@gmail.com")]), number: 7)
        let f = result.finding(.emailDomainNotGovernment)!
        XCTAssertEqual(f.stage, .row)
        XCTAssertEqual(f.row, 7)
        XCTAssertEqual(f.columnLetter, "A")
        XCTAssertEqual(f.field, "email")
        XCTAssertEqual(f.header, "Email address*")
        XCTAssertEqual(f.value, "jane@gmail.com")
    }
}
