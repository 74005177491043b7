import SheetIO
import XCTest
@testable import UserList

/// SPEC: one contact-number cell gets one finding, the most specific explanation. Every kind of cell
/// (text, number, date, formula) against every kind of content, through the whole pipeline.
final class ContactCellVerdictTests: XCTestCase {
    struct Case {
        var value: CellValue
        var formula = false
        var format: NumberFormat?
        /// The one code expected, nil for no finding.
        var code: FindingCode?
        /// The accepted number, nil when the row is invalid.
        var accepted: String?
    }

    static let date = CellValue.date(ExcelDate(serial: 45_292, uses1904: false, kind: .date))

    static let table: [Case] = [
        // Text cells
        Case(value: .text("+6591234567"), code: nil, accepted: "+6591234567"),
        Case(value: .text("9123 4567"), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .text(" 9123 4567 "), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .text("+6591234567 "), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .text("9123\u{00A0}4567"), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .text("9123\u{200B}4567"), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .text("447911123456"), code: .contactMissingCountryCode, accepted: nil),
        Case(value: .text("6.59123E+11"), code: .contactDigitsLost, accepted: nil),
        Case(value: .text(" 4.47911E+11"), code: .contactDigitsLost, accepted: nil),
        Case(value: .text("9123 4567 ext 12"), code: .contactInvalidCharacter, accepted: nil),
        Case(value: .text("1234 5678"), code: .contactSingaporeInvalid, accepted: nil),
        // Number cells (typed into a General cell)
        Case(value: .number(91_234_567), code: .changeNormalised, accepted: "+6591234567"),
        Case(value: .number(447_911_123_456), code: .excelPlusLost, accepted: "+447911123456"),
        Case(value: .number(447_911_123_456), format: NumberFormat(id: 11, code: "0.00E+00"), code: .excelPlusLost, accepted: "+447911123456"),
        Case(value: .number(6_591_234_567), code: .excelPlusLost, accepted: "+6591234567"),
        Case(value: .number(60_123_456_789), code: .excelPlusLost, accepted: "+60123456789"),
        Case(value: .number(659_123_456_789), code: .contactSingaporeInvalid, accepted: nil),
        Case(value: .number(6_512_345_678), code: .contactSingaporeInvalid, accepted: nil),
        Case(value: .number(123_456_789), code: .excelLeadingZeroLost, accepted: nil),
        Case(value: .number(6_123_456), code: .excelLeadingZeroLost, accepted: nil),
        Case(value: .number(7_911_123_456), code: .contactMissingCountryCode, accepted: nil),
        Case(value: .number(12_345_678_901_234_567), code: .contactDigitsLost, accepted: nil),
        Case(value: .number(123_456_789_012.5), code: .contactDigitsLost, accepted: nil),
        Case(value: .number(12_345_678), code: .contactSingaporeInvalid, accepted: nil),
        // Dates and booleans
        Case(value: date, code: .contactInvalid, accepted: nil),
        Case(value: .boolean(true), code: .contactInvalidCharacter, accepted: nil),
        // Formulas with a saved result
        Case(value: .text("+6591234567"), formula: true, code: .excelFormula, accepted: "+6591234567"),
        Case(value: .text(" 9123 4567"), formula: true, code: .excelFormula, accepted: "+6591234567"),
        Case(value: .number(447_911_123_456), formula: true, code: .excelPlusLost, accepted: "+447911123456"),
        Case(value: .text("1234 5678"), formula: true, code: .contactSingaporeInvalid, accepted: nil),
        // Cells that hold no value at all
        Case(value: .formulaWithoutResult, formula: true, code: .excelFormulaNoValue, accepted: nil),
        Case(value: .error("#N/A"), formula: true, code: .excelErrorValue, accepted: nil),
        Case(value: .text("   "), code: .contactRequired, accepted: nil),
        Case(value: .empty, code: .contactRequired, accepted: nil),
    ]

    func testEveryKindOfCellGetsExactlyOneFinding() {
        for c in Self.table {
            let result = outcome(Fixture.with(Fixture.officer, [.contactNumber: c.value]),
                                 format: c.format.map { [.contactNumber: $0] } ?? [:],
                                 formula: c.formula ? [.contactNumber] : [])
            let label = "\(c.value)\(c.formula ? " (formula)" : "")"
            let codes = result.findings.filter { $0.field == "contactNumber" }.map(\.code.rawValue)
            XCTAssertEqual(codes, c.code.map { [$0.rawValue] } ?? [], label)
            XCTAssertEqual(result.isValid, c.accepted != nil, "\(label): \(result.findings)")
            if let accepted = c.accepted { XCTAssertEqual(result.values[.contactNumber], accepted, label) }
        }
    }

    func testTheIssueExampleIsPlusLostWithTheNumberAccepted() {
        let result = outcome(Fixture.with(Fixture.officer, [.contactNumber: .number(447_911_123_456)]))
        let finding = result.findings.first { $0.field == "contactNumber" }
        XCTAssertEqual(finding?.code, .excelPlusLost)
        XCTAssertEqual(finding?.severity, .warning)
        XCTAssertEqual(finding?.message,
                       "The contact number is stored as the number 447911123456; Excel dropped the + before the country code. It was read as +447911123456.")
        XCTAssertEqual(result.values[.contactNumber], "+447911123456")
    }

    func testTextReadBackAsWindows1252IsAnErrorWithTheRepairedTextAsHint() {
        let result = outcome(Fixture.with(Fixture.officer, [.contactNumber: .text("+65\u{00C2}\u{00A0}9123 4567")]))
        XCTAssertEqual(result.codes(in: .contactNumber), ["contact.invalid-character"])
        XCTAssertEqual(result.finding(.contactInvalidCharacter)?.hint,
                       "The text was saved as UTF-8 and read back as Windows-1252; it probably should read \"+65 9123 4567\".")
    }

    func testTheVerdictIsMadeByOneRule() {
        let rules = FieldStage.standardRules(policy: .default).filter { $0.applies(to: .contactNumber) }
        let deciding = rules.filter { $0.codes.contains(.excelPlusLost) || $0.codes.contains(.contactMissingCountryCode) }
        XCTAssertEqual(deciding.map(\.name), ["contact-number"])
        XCTAssertFalse(rules.contains { $0.codes.contains(.excelScientificNotation) || $0.codes.contains(.excelDateSerialInText) },
                       "scientific notation and dates in the contact column are the contact rule's to explain")
    }
}
