import SheetIO
import XCTest
@testable import UserList

final class SchemaTests: XCTestCase {
    func testCurrentTemplateHasTheFourteenColumnsOfTheSpecInOrder() {
        let schema = UserListSchema.current
        XCTAssertEqual(schema.version, 2)
        XCTAssertEqual(UserListSchema.templateID, "techpass-user-list")
        XCTAssertEqual(schema.keys, FieldKey.allCases)
        XCTAssertEqual(schema.columns.map(\.header), [
            "Email address*", "User type*", "TechPass username", "First name*", "Last name*", "Contact number*",
            "Organisation", "Department", "SEED onboarding required?*", "Reason*", "Sponsoring agency",
            "Business operation", "Offshore development centre", "Offshore company name",
        ])
        for (i, key) in FieldKey.allCases.enumerated() { XCTAssertEqual(key.index, i) }
    }

    func testRequirementsFollowTheStar() {
        for column in UserListSchema.current.columns {
            XCTAssertEqual(column.header.hasSuffix("*"), column.requirement == .always, column.header)
        }
        XCTAssertEqual(UserListSchema.current.column(.username)?.requirement, .vendorsOnly)
        XCTAssertEqual(UserListSchema.current.column(.department)?.requirement, .optional)
        if case .conditional = UserListSchema.current.column(.odc)!.requirement {} else { XCTFail("ODC is conditional") }
    }

    func testDropdownsComeFromTheSchemaAndPolicy() {
        let s = UserListSchema.current
        XCTAssertEqual(s.column(.userType)?.dropdown?.values(policy: .default), ["Public officer", "Vendor"])
        XCTAssertEqual(s.column(.seed)?.dropdown?.values(policy: .default), ["Yes", "No"])
        XCTAssertEqual(s.column(.businessOperation)?.dropdown?.values(policy: .default), ["Onshore", "Offshore"])
        XCTAssertEqual(s.column(.odc)?.dropdown?.values(policy: .default)?.last, "Others")
        XCTAssertNil(s.column(.sponsoringAgency)?.dropdown?.values(policy: .default), "free text by default")
        XCTAssertEqual(s.column(.sponsoringAgency)?.dropdown?.values(policy: Policy(sponsoringAgencies: ["GovTech"])), ["GovTech"])
    }

    func testContactNumberIsTextFormattedAndEveryColumnHasHelp() {
        for column in UserListSchema.current.columns {
            XCTAssertEqual(column.isTextFormatted, column.key == .contactNumber)
            XCTAssertFalse(column.help.isEmpty)
            XCTAssertFalse(column.example.isEmpty)
            XCTAssertTrue(column.note.contains(column.example))
            XCTAssertGreaterThan(column.width, 5)
        }
    }

    func testVersionOneLacksTheVendorRegistrationColumns() {
        let v1 = UserListSchema.version1
        XCTAssertEqual(v1.version, 1)
        XCTAssertEqual(UserListSchema.current.fieldsAdded(since: v1), [.sponsoringAgency, .businessOperation, .odc, .offshoreCompany])
        XCTAssertEqual(v1.column(.seed)?.header, "Is onboarding to SEED required?*")
        XCTAssertEqual(UserListSchema.version(1), v1)
        XCTAssertNil(UserListSchema.version(9))
    }

    func testTemplateMetadataRoundTrips() {
        let rows = TemplateMetadata.current.rows.enumerated().map { i, values in
            Row(number: i + 1, cells: values.enumerated().map { Cell(column: $0.offset, value: $0.element) })
        }
        XCTAssertEqual(TemplateMetadata(rows: rows), TemplateMetadata(templateID: "techpass-user-list", version: 2))
        XCTAssertNil(TemplateMetadata(rows: [textRow(1, ["templateId", "x"])]), "no version")
    }

    func testHeaderNormalisation() {
        let cases: [(String, String)] = [
            ("Email address*", "email address"), ("EMAIL ADDRESS *", "email address"), ("Email\naddress", "email address"),
            ("  Email   address ", "email address"), ("SEED onboarding required?*", "seed onboarding required"),
            ("Contact no.", "contact no"), ("user_type", "user type"), ("Email\u{00A0}address", "email address"),
        ]
        for (input, expected) in cases { XCTAssertEqual(HeaderName.normalise(input), expected, input) }
    }
}
