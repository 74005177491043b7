import SheetIO
import XCTest
@testable import UserList

final class ExcelDamageTests: XCTestCase {
    func testContactNumberStoredAsANumber() {
        let table: [(Double, FindingCode?)] = [
            (91_234_567, nil), (6_123_456, .excelLeadingZeroLost), (912_345_678, .excelLeadingZeroLost),
            (6_591_234_567, .excelPlusLost), (60_123_456_789, .excelPlusLost), (919_876_543_210, .excelPlusLost),
        ]
        for (number, code) in table {
            let result = outcome(Fixture.with(Fixture.officer, [.contactNumber: .number(number)]))
            let excel = result.codeStrings.filter { $0.hasPrefix("excel.") && $0 != "excel.scientific-notation" }
            XCTAssertEqual(excel, code.map { [$0.rawValue] } ?? [], "\(number)")
        }
        XCTAssertTrue(outcome(Fixture.with(Fixture.officer, [.contactNumber: .number(6_591_234_567)])).isValid,
                      "a lost + is a warning; 65 and 8 digits is still a Singapore number")
    }

    func testScientificNotation() {
        let big = outcome(Fixture.with(Fixture.officer, [.department: .number(659_123_456_789)]))
        let f = big.finding(.excelScientificNotation)
        XCTAssertEqual(f?.message, "This is stored as the number 659123456789, which Excel shows as 6.59123E+11; numbers keep only 15 digits.")
        XCTAssertTrue(big.isValid, "a warning outside the contact column")
        let asText = outcome(Fixture.with(Fixture.officer, [.contactNumber: .text("6.59123E+11")]))
        XCTAssertEqual(asText.codes(in: .contactNumber), ["contact.digits-lost"], "in the contact column the digits are gone: one error")
        XCTAssertFalse(asText.isValid)
        let textFormatted = outcome(Fixture.with(Fixture.officer, [.department: .number(123_456_789_012)]), format: [.department: .text])
        XCTAssertNil(textFormatted.finding(.excelScientificNotation), "a Text-formatted cell shows all digits")
        XCTAssertNil(outcome(Fixture.with(Fixture.officer, [.department: .number(12_345)])).finding(.excelScientificNotation))
        XCTAssertEqual(ScientificNotationRule.scientific(1e12), "1E+12")
    }

    func testDateInATextColumn() {
        let date = CellValue.date(ExcelDate(serial: 45_292, uses1904: false, kind: .date))
        let result = outcome(Fixture.with(Fixture.officer, [.department: date]))
        XCTAssertEqual(result.finding(.excelDateSerialInText)?.field, "department")
        XCTAssertTrue(result.finding(.excelDateSerialInText)?.message.contains("2024-01-01") ?? false)
        XCTAssertTrue(result.isValid)
        XCTAssertNil(outcome(Fixture.officer).finding(.excelDateSerialInText))
    }

    func testFormulaInADataCell() {
        let result = outcome(Fixture.officer, formula: [.firstName])
        XCTAssertEqual(result.finding(.excelFormula)?.message, "The cell is a formula; its last result \"Jane\" was used.")
        XCTAssertTrue(result.isValid)
    }

    func testErrorValueIsAnErrorAndNothingElseIsSaidAboutTheCell() {
        let result = outcome(Fixture.with(Fixture.officer, [.contactNumber: .error("#N/A")]))
        XCTAssertEqual(result.codes(in: .contactNumber), ["excel.error-value"])
        XCTAssertFalse(result.isValid)
    }

    func testHiddenRow() {
        let result = outcome(Fixture.officer, hidden: true)
        XCTAssertEqual(result.finding(.excelHiddenRow)?.row, 2)
        XCTAssertNil(result.finding(.excelHiddenRow)?.column)
        XCTAssertTrue(result.isValid)
        XCTAssertTrue(result.isHidden)
    }
}
