import SheetIO
import XCTest
@testable import UserList

final class DuplicateTests: XCTestCase {
    func run(_ rows: [[FieldKey: CellValue]], existing: ExistingAccounts = .none) -> [RowOutcome] {
        var pipeline = RowPipeline(existing: existing)
        return rows.enumerated().map { pipeline.run(Fixture.row($0.element, number: $0.offset + 2)) }
    }

    func testSameEmailOnALaterRowNamesTheFirstRow() {
        let results = run([
            Fixture.officer,
            Fixture.with(Fixture.officer, [.email: .text("someone@tech.gov.sg")]),
            Fixture.with(Fixture.officer, [.email: .text("  JANE_TAN@Tech.Gov.SG ")]),
            Fixture.with(Fixture.officer, [.email: .text("jane_tan@tech.gov.sg")]),
        ])
        XCTAssertTrue(results[0].isValid)
        XCTAssertTrue(results[1].isValid)
        for later in results[2...] {
            let f = later.finding(.duplicateEmailInFile)
            XCTAssertEqual(f?.message, "Row 2 has the same email address.")
            XCTAssertEqual(f?.stage, .batch)
        }
    }

    func testSameUsernameOnTwoVendorRows() {
        let results = run([
            Fixture.vendor,
            Fixture.with(Fixture.vendor, [.email: .text("other@ncs.com.sg"), .username: .text("LIM JIA HUI")]),
            Fixture.with(Fixture.officer, [.username: .text("Lim Jia Hui")]),
        ])
        XCTAssertEqual(results[1].finding(.duplicateUsernameInFile)?.message, "Row 2 has the same TechPass username.")
        XCTAssertNil(results[2].finding(.duplicateUsernameInFile), "a public officer's username is ignored")
    }

    func testExistingAccounts() {
        let existing = ExistingAccounts(emails: ["Jane_Tan@tech.gov.sg "], usernames: ["lim jia hui"])
        let results = run([Fixture.officer, Fixture.vendor, Fixture.with(Fixture.officer, [.email: .text("new@tech.gov.sg")])],
                          existing: existing)
        XCTAssertEqual(results[0].finding(.duplicateExistingEmail)?.stage, .directory)
        XCTAssertNotNil(results[1].finding(.duplicateExistingUsername))
        XCTAssertTrue(results[2].isValid)
    }

    func testExistingAccountsFromASheetMatchHeaders() throws {
        let source = TestSheetSource(sheets: [.init(name: "accounts", rows: [
            textRow(1, ["Name", "E-mail Address", "TechPass Username"]),
            textRow(2, ["Jane", "jane_tan@tech.gov.sg", ""]),
            textRow(3, ["Lim", "jiahui.lim@ncs.com.sg", "Lim Jia Hui"]),
        ])])
        let accounts = try ExistingAccounts(source: source)
        XCTAssertEqual(accounts.emailCount, 2)
        XCTAssertEqual(accounts.usernameCount, 1)
        XCTAssertTrue(accounts.containsEmail("JANE_TAN@TECH.GOV.SG"))
        XCTAssertTrue(accounts.containsUsername("lim jia hui"))
        XCTAssertFalse(accounts.containsEmail("other@tech.gov.sg"))

        let noEmail = TestSheetSource(sheets: [.init(name: "accounts", rows: [textRow(1, ["username"]), textRow(2, ["x"])])])
        XCTAssertThrowsError(try ExistingAccounts(source: noEmail)) {
            XCTAssertTrue("\($0)".contains("no email column"), "\($0)")
        }
    }

    func testDuplicateTablesStayWellUnder100MBForAMillionRows() {
        var rule = DuplicateEmailRule()
        var draft = RowDraft(number: 2, values: [])
        // Fill the table directly: a million distinct emails.
        for i in 0..<1_048_575 {
            draft.values[.email] = "user\(i)@tech.gov.sg"
            rule.check(&draft)
        }
        XCTAssertEqual(rule.distinctCount, 1_048_575)
        XCTAssertTrue(draft.findings.isEmpty)
        XCTAssertLessThan(rule.approximateBytes, 40 << 20, "\(rule.approximateBytes) bytes")
    }
}
