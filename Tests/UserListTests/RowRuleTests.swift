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

/// SPEC "Offshore vendor rules": a value in a column that does not apply to the row is a warning
/// naming the column, and the value is left out of the accepted values.
final class NotApplicableValueTests: XCTestCase {
    func testColumnsThatDoNotApplyAreWarnedAboutAndLeftOut() {
        let onshore = Fixture.vendor
        let table: [(base: [FieldKey: CellValue], field: FieldKey, value: String)] = [
            (Fixture.officer, .username, "jane.tan"),
            (Fixture.officer, .sponsoringAgency, "GovTech"),
            (Fixture.officer, .businessOperation, "Onshore"),
            (Fixture.officer, .odc, "India"),
            (Fixture.officer, .offshoreCompany, "Acme India"),
            (onshore, .odc, "India"),
            (onshore, .offshoreCompany, "NCS India Pvt Ltd"),
        ]
        for (base, field, value) in table {
            let result = outcome(base, setting: field, to: .text(value))
            let label = "\(base[.userType]!.displayText) \(field) \(value)"
            XCTAssertTrue(result.isValid, "\(label): \(result.findings)")
            XCTAssertEqual(result.codes(in: field), ["value.not-applicable"], label)
            let finding = result.finding(.valueNotApplicable)
            XCTAssertEqual(finding?.severity, .warning, label)
            XCTAssertEqual(finding?.header, UserListSchema.current.column(field)?.header, "names the column: \(label)")
            XCTAssertEqual(finding?.value, value, label)
            XCTAssertTrue(finding?.message.contains(UserListSchema.current.column(field)!.title) ?? false || field == .username,
                          "\(label): \(finding?.message ?? "")")
            XCTAssertNil(result.values[field], "left out of the accepted values: \(label)")
            XCTAssertEqual(result.original[field], value, label)
        }
    }

    func testAnInvalidValueThatDoesNotApplyIsOnlyThatWarning() {
        // An unknown ODC on an onshore vendor's row is not an odc.unknown error: the column does not apply.
        let result = outcome(Fixture.vendor, setting: .odc, to: .text("Atlantis"))
        XCTAssertTrue(result.isValid, "\(result.findings)")
        XCTAssertEqual(result.codes(in: .odc), ["value.not-applicable"])
        let onshoreBO = outcome(Fixture.officer, setting: .businessOperation, to: .text("Sideways"))
        XCTAssertEqual(onshoreBO.codes(in: .businessOperation), ["value.not-applicable"])
        XCTAssertTrue(onshoreBO.isValid)
    }

    func testColumnsThatApplyAreKept() {
        let offshore = outcome(Fixture.with(Fixture.offshoreVendor, [.odc: .text("Others"), .offshoreCompany: .text("Acme India")]))
        XCTAssertTrue(offshore.isValid, "\(offshore.findings)")
        XCTAssertNil(offshore.finding(.valueNotApplicable))
        XCTAssertEqual(offshore.values[.offshoreCompany], "Acme India")
        XCTAssertEqual(offshore.values[.odc], "Others")
        let vendor = outcome(Fixture.vendor)
        XCTAssertEqual(vendor.values[.businessOperation], "Onshore")
        XCTAssertEqual(vendor.values[.sponsoringAgency], "GovTech")
        XCTAssertNil(outcome(Fixture.officer, setting: .username, to: .text("   ")).finding(.valueNotApplicable),
                     "spaces only: nothing to leave out")
    }

    func testOneRuleOwnsTheCode() {
        let rules = RowStage.standardRules(policy: .default).filter { $0.codes.contains(.valueNotApplicable) }
        XCTAssertEqual(rules.map(\.name), ["not-applicable-value"])
    }
}
