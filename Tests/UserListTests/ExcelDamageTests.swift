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

/// A formula saved without its result, and text saved as UTF-8 but read back as Windows-1252.
final class ReadingDamageTests: XCTestCase {
    func testFormulaWithoutAResultIsTheCellsOneError() {
        for field in FieldKey.allCases where field != .userType {
            let result = outcome(Fixture.with(Fixture.offshoreVendor, [field: .formulaWithoutResult]), formula: [field])
            XCTAssertEqual(result.codes(in: field), ["excel.formula-no-value"], "\(field): \(result.findings)")
            XCTAssertFalse(result.isValid, "\(field)")
            XCTAssertNil(result.values[field])
        }
        let email = outcome(Fixture.with(Fixture.officer, [.email: .formulaWithoutResult]), formula: [.email])
        let f = email.finding(.excelFormulaNoValue)
        XCTAssertEqual(f?.message, "The cell holds a formula with no saved result, so its value is unknown.")
        XCTAssertEqual(f?.hint, "Type the value in, or open the file in Excel and save it so the formula's result is saved.")
        XCTAssertNil(email.finding(.emailRequired), "not also 'Email address is required'")
        XCTAssertEqual(FindingCode.excelFormulaNoValue.severity, .error)
        XCTAssertFalse(RowPipeline().isBlank(Fixture.row([.email: .formulaWithoutResult], formula: [.email])),
                       "a row whose only cell is such a formula is not blank")
    }

    func testTextReadBackAsWindows1252IsAWarningWithTheRepairedText() {
        let table: [(String, String)] = [
            ("Siobh\u{00C3}\u{00A1}n", "Siobhán"), ("Mei\u{00C2}\u{00A0}Ling", "Mei Ling"), ("Mei\u{00C2} Ling", "Mei Ling"),
            ("Zo\u{00C3}\u{00AB}", "Zoë"), ("Fran\u{00C3}\u{00A7}ois", "François"), ("M\u{00C3}\u{00BC}ller", "Müller"),
            ("\u{00E9}\u{2122}\u{02C6}", "陈"), ("Nguy\u{00E1}\u{00BB}\u{2026}n", "Nguyễn"),
        ]
        for (damaged, repaired) in table {
            let result = outcome(Fixture.officer, setting: .department, to: .text(damaged))
            let f = result.finding(.excelMojibake)
            XCTAssertEqual(f?.severity, .warning, damaged)
            XCTAssertEqual(f?.field, "department", damaged)
            XCTAssertEqual(f?.hint, "It probably should read \"\(repaired)\": type it again, or save the file as CSV UTF-8 or .xlsx and upload that.",
                           damaged)
        }
        XCTAssertTrue(outcome(Fixture.officer, setting: .firstName, to: .text("Mei\u{00C2}\u{00A0}Ling")).isValid,
                      "a warning: the row still goes ahead")
    }

    func testRealNamesInManyLanguagesAreNotMistakenForDamage() {
        let names = ["Álvaro", "Núñez", "Zoë", "Müller-Lüdenscheidt", "João Gonçalves", "François", "Ångström", "Øyvind",
                     "Émilie", "Dušan Škoda", "Łukasz Żółć", "Ștefan", "Nguyễn Thị Minh", "Ãlvaro", "ÂNGELA", "Bjørn Ødegård",
                     "Siobhán Ní Bhriain", "Mäkinen", "Çelik Öztürk", "Ðorđe", "Œuvre", "Straße", "陈伟明", "பிரியா", "Ольга",
                     "محمد", "김민준", "José María", "Ñandú", "Ève d'Aubigné", "Tan Ah Kau @ Tan Ah Kow", "Raj s/o Kumar",
                     "Þórdís", "Ýr", "ÆØÅ", "àé", "Mei Ling", "NCS Pte Ltd", "Digital Services"]
        for name in names {
            XCTAssertNil(Mojibake.repaired(name), name)
            XCTAssertNil(outcome(Fixture.officer, setting: .department, to: .text(name)).finding(.excelMojibake), name)
        }
    }
}
