import SheetIO
import XCTest
@testable import UserList

/// `RequiredFieldRule`: the always-required (`*`) fields of the form the row was given in. The
/// template asks every one of them; the seeds' email invitation asks a public officer only for the
/// address, SEED and reason.
final class RequiredFieldRuleTests: XCTestCase {
    /// The seeds' email invitation: a public officer's address, SEED and reason, nothing else.
    static let emailInvitation: [FieldKey: CellValue] = [
        .email: .text("jane_tan@tech.gov.sg"), .userType: .text("Public officer"), .seed: .text("No"),
        .reason: .text("Developer on the MyAgency portal"),
    ]

    func run(_ values: [FieldKey: CellValue], form: InvitationForm) -> RowOutcome {
        var pipeline = RowPipeline(form: form)
        return pipeline.run(Fixture.row(values))
    }

    func testTheTemplateRequiresEveryStarredColumnButSEED() {
        XCTAssertEqual(RequiredFieldRule().fields, [.email, .userType, .firstName, .lastName, .contactNumber, .reason])
        XCTAssertEqual(RequiredFieldRule(form: .template).fields, RequiredFieldRule().fields)
    }

    func testTheEmailInvitationRequiresOnlyTheAddressAndReason() {
        XCTAssertEqual(RequiredFieldRule(form: .emailInvitation).fields, [.email, .userType, .reason])
        XCTAssertEqual(InvitationForm.emailInvitation.requiredFields(in: .current), [.email, .userType, .reason])
        // SEED stays the row stage's, in every form.
        XCTAssertFalse(InvitationForm.emailInvitation.requiredFields(in: .current).contains(.seed))
    }

    func testAPublicOfficerWithoutNamesIsValidInTheEmailInvitationOnly() {
        let short = run(Self.emailInvitation, form: .emailInvitation)
        XCTAssertTrue(short.isValid, "\(short.findings)")
        XCTAssertEqual(short.findings.filter { $0.severity != .change }, [])

        // The same row in a file (the template) lacks the names and number.
        let inFile = run(Self.emailInvitation, form: .template)
        XCTAssertFalse(inFile.isValid)
        XCTAssertEqual(Set(inFile.errors.map(\.fieldKey)), [.firstName, .lastName, .contactNumber])
        XCTAssertEqual(Set(inFile.errors.map(\.code)), [.nameRequired, .contactRequired])
        XCTAssertEqual(inFile.errors.first { $0.fieldKey == .lastName }?.message, "Last name is required.")
    }

    func testTheEmailInvitationStillNeedsItsOwnFields() {
        for (field, code) in [(FieldKey.email, FindingCode.emailRequired), (.reason, .reasonRequired), (.seed, .seedRequired)] {
            let result = run(Fixture.with(Self.emailInvitation, [field: nil]), form: .emailInvitation)
            XCTAssertEqual(result.errors.map(\.code), [code], "\(field)")
        }
    }

    /// A value given is checked by every rule, whatever the form asks.
    func testAValueGivenIsStillCheckedInTheEmailInvitation() {
        let badName = run(Fixture.with(Self.emailInvitation, [.firstName: .text("J4ne")]), form: .emailInvitation)
        XCTAssertEqual(badName.errorCodes, ["name.invalid-character"])
        let badNumber = run(Fixture.with(Self.emailInvitation, [.contactNumber: .text("12345")]), form: .emailInvitation)
        XCTAssertEqual(badNumber.errorCodes, ["contact.invalid-length"])
        let vendorAddress = run(Fixture.with(Self.emailInvitation, [.email: .text("jane@ncs.com.sg")]), form: .emailInvitation)
        XCTAssertEqual(vendorAddress.errorCodes, ["email.domain-not-government"])
        let spaces = run(Fixture.with(Self.emailInvitation, [.department: .text("  Data  ")]), form: .emailInvitation)
        XCTAssertTrue(spaces.isValid)
        XCTAssertEqual(spaces.values[.department], "Data")
        XCTAssertTrue(spaces.codeStrings.contains("change.trimmed"), "\(spaces.codeStrings)")
    }

    func testAFormsHintReplacesTheFixForItsFields() {
        let form = InvitationForm.template.hinting([.lastName, .contactNumber]) { "Give the \($0.rawValue) too." }
        let result = run(Fixture.with(Self.emailInvitation, [.firstName: .text("Jane")]), form: form)
        XCTAssertEqual(result.errors.first { $0.fieldKey == .lastName }?.hint, "Give the lastName too.")
        XCTAssertEqual(result.errors.first { $0.fieldKey == .contactNumber }?.hint, "Give the contactNumber too.")
        XCTAssertEqual(result.errors.count, 2, "\(result.errors)")
        let reasonMissing = run(Fixture.with(Fixture.officer, [.reason: nil]), form: form)
        XCTAssertEqual(reasonMissing.errors.map(\.code), [.reasonRequired])
        XCTAssertNil(reasonMissing.errors.first?.hint, "a field without a hint of the form keeps its code's fix")
    }

    func testTheValidatorRunsTheFormItIsGiven() throws {
        let source = TestSheetSource(rows: [Fixture.row(Self.emailInvitation)])
        var short: [RowOutcome] = [], template: [RowOutcome] = []
        _ = try UserListValidator(form: .emailInvitation).validate(source: source) { short.append($0) }
        _ = try UserListValidator().validate(source: source) { template.append($0) }
        XCTAssertEqual(short.map(\.isValid), [true])
        XCTAssertEqual(template.map(\.isValid), [false])
    }
}
