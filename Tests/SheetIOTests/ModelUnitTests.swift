import XCTest
@testable import SheetIO

final class GeneralNumberFormatterTests: XCTestCase {
    func testExcelGeneralFormat() {
        let table: [(Double, String)] = [
            (91234567, "91234567"),
            (6591234567, "6591234567"),
            (0.1, "0.1"),
            (1e-05, "0.00001"),
            (123456789012345, "123456789012345"),
            (1.5e21, "1.5E+21"),
            (-0.5, "-0.5"),
            (0.30000000000000004, "0.30000000000000004"),  // every digit the double needs
            (0, "0"),
            (-0.0, "0"),
            (1, "1"),
            (-91234567, "-91234567"),
            (3.14159, "3.14159"),
            (1.5, "1.5"),
            (1e15, "1000000000000000"),
            (1e20, "1E+20"),  // whole numbers from 1E+16 up use the exponent
            (1e21, "1E+21"),
            (1e-9, "0.000000001"),
            (1e-10, "1E-10"),
            (2.5e-12, "2.5E-12"),
            (-1.5e21, "-1.5E+21"),
            (1234567.891, "1234567.891"),
            (0.000123456789012345678, "0.00012345678901234567"),
            (45322.5729166667, "45322.5729166667"),
        ]
        for (value, expected) in table {
            XCTAssertEqual(GeneralNumberFormatter.format(value), expected, "\(value)")
        }
    }

    func testInfinityIsInfAndNaNIsNUM() {
        XCTAssertEqual(GeneralNumberFormatter.format(.nan), "#NUM!")
        XCTAssertEqual(GeneralNumberFormatter.format(.infinity), "inf")
        XCTAssertEqual(GeneralNumberFormatter.format(-.infinity), "-inf")
    }

    func testNeverSwiftsOwnNotation() {
        for v in [91234567.0, 6591234567, 123456789012345, 1e-05, 0.1] {
            let s = GeneralNumberFormatter.format(v)
            XCTAssertFalse(s.contains("e"), s)
            XCTAssertFalse(s.hasSuffix(".0"), s)
        }
    }

    func testCellValueDisplayText() {
        XCTAssertEqual(CellValue.number(91234567).displayText, "91234567")
        XCTAssertEqual(CellValue.boolean(true).displayText, "TRUE")
        XCTAssertEqual(CellValue.boolean(false).displayText, "FALSE")
        XCTAssertEqual(CellValue.error("#N/A").displayText, "#N/A")
        XCTAssertEqual(CellValue.empty.displayText, "")
        XCTAssertTrue(CellValue.text("").isEmpty)
        XCTAssertFalse(CellValue.number(0).isEmpty)
    }
}

final class ExcelDateTests: XCTestCase {
    private func iso(_ serial: Double, _ kind: ExcelDate.Kind = .date, uses1904: Bool = false) -> String {
        ExcelDate(serial: serial, uses1904: uses1904, kind: kind).iso8601
    }

    func test1900SystemAndItsLeapYearBug() {
        XCTAssertEqual(iso(1), "1900-01-01")
        XCTAssertEqual(iso(59), "1900-02-28")
        // Excel counts a 29 February 1900 that never existed (Lotus 1-2-3 compatibility); like
        // openpyxl and calamine, serial 60 reads as the day before 1900-03-01.
        XCTAssertEqual(iso(60), "1900-02-28")
        XCTAssertEqual(iso(60.5), "1900-02-28T12:00:00")
        XCTAssertEqual(iso(61), "1900-03-01")
        XCTAssertEqual(iso(45322), "2024-01-31")
        XCTAssertEqual(iso(45285), "2023-12-25")
        XCTAssertEqual(iso(2_958_465), "9999-12-31")
    }

    func test1904System() {
        XCTAssertEqual(iso(1, uses1904: true), "1904-01-02")
        XCTAssertEqual(iso(0, uses1904: true), "00:00:00", "serials below 1 are times, as openpyxl and calamine read them")
        XCTAssertEqual(iso(43860, uses1904: true), "2024-01-31")
        XCTAssertEqual(iso(43860.57291666666, .dateTime, uses1904: true), "2024-01-31T13:45:00")
        // 1,462 days apart.
        XCTAssertEqual(iso(45322 - 1462, uses1904: true), iso(45322))
    }

    func testTimesAndDateTimes() {
        XCTAssertEqual(iso(0.5729166666666666, .time), "13:45:00")
        XCTAssertEqual(iso(0.572916666666667, .time), "13:45:00")  // 15 digits, LibreOffice
        XCTAssertEqual(iso(0, .time), "00:00:00")
        XCTAssertEqual(iso(0.5, .time), "12:00:00")
        XCTAssertEqual(iso(0.25, .time), "06:00:00")
        XCTAssertEqual(iso(45322.57291666666, .dateTime), "2024-01-31T13:45:00")
        XCTAssertEqual(iso(45322.5729166667, .dateTime), "2024-01-31T13:45:00")
        XCTAssertEqual(iso(45322, .dateTime), "2024-01-31", "midnight: the date alone, whatever the format")
        // A time-formatted serial of a day or more keeps its date rather than losing it.
        XCTAssertEqual(iso(45322.57291666666, .time), "2024-01-31T13:45:00")
        // Rounding to the millisecond carries into the next day.
        XCTAssertEqual(iso(45322.999999999999, .dateTime), "2024-02-01")
        XCTAssertEqual(iso(45322.9999999, .dateTime), "2024-01-31T23:59:59.991")
    }

    func testComponents() {
        let c = ExcelDate(serial: 45322.57291666666, uses1904: false, kind: .dateTime).components
        XCTAssertEqual(c.year, 2024); XCTAssertEqual(c.month, 1); XCTAssertEqual(c.day, 31)
        XCTAssertEqual(c.hour, 13); XCTAssertEqual(c.minute, 45); XCTAssertEqual(c.second, 0)
    }

    func testParseISO8601() {
        XCTAssertEqual(ExcelDate.parseISO8601("2024-01-31", uses1904: false), ExcelDate(serial: 45322, uses1904: false, kind: .date))
        XCTAssertEqual(ExcelDate.parseISO8601("2024-01-31", uses1904: true), ExcelDate(serial: 43860, uses1904: true, kind: .date))
        XCTAssertEqual(ExcelDate.parseISO8601("1900-02-28", uses1904: false)?.serial, 59)
        XCTAssertEqual(ExcelDate.parseISO8601("1900-03-01", uses1904: false)?.serial, 61)
        let dt = ExcelDate.parseISO8601("2024-01-31T13:45:00", uses1904: false)
        XCTAssertEqual(dt?.kind, .dateTime)
        XCTAssertEqual(dt?.iso8601, "2024-01-31T13:45:00")
        XCTAssertEqual(ExcelDate.parseISO8601("2024-01-31 13:45", uses1904: false)?.iso8601, "2024-01-31T13:45:00")
        let t = ExcelDate.parseISO8601("13:45:00", uses1904: false)
        XCTAssertEqual(t?.kind, .time)
        XCTAssertEqual(t?.iso8601, "13:45:00")
        for bad in ["", "2024-13-01", "2024-01-32", "31/01/2024", "noon", "2024-01-31X"] {
            XCTAssertNil(ExcelDate.parseISO8601(bad, uses1904: false), bad)
        }
    }

    func testRoundTripThroughISO() {
        for serial in [1.0, 59, 61, 366, 45322, 2_958_465] {
            let s = iso(serial)
            XCTAssertEqual(ExcelDate.parseISO8601(s, uses1904: false)?.serial, serial, s)
        }
    }
}

final class NumberFormatClassifyTests: XCTestCase {
    func testClassification() {
        let table: [(String, NumberFormat.Kind)] = [
            ("General", .general),
            ("general", .general),
            ("", .general),
            ("0", .number),
            ("0.00", .number),
            ("#,##0.00", .number),
            ("0%", .number),
            ("0.00E+00", .number),
            ("# ?/?", .number),
            ("@", .text),
            ("\"Date: \"0", .number),
            ("\"Day\"0", .number),
            ("0\" days\"", .number),
            ("0\\d", .number),
            ("[Red]0.00", .number),
            ("[$-409]0.00", .number),
            ("yyyy-mm-dd", .date),
            ("yyyy\\-mm\\-dd", .date),
            ("d mmm yyyy", .date),
            ("d\\ mmm\\ yyyy", .date),
            ("mmm-yy", .date),
            ("mm-dd-yy", .date),
            ("d-mmm", .date),
            ("dddd, mmmm dd, yyyy", .date),
            ("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", .date),
            ("[Red]yyyy-mm-dd", .date),
            ("hh:mm:ss", .time),
            ("h:mm", .time),
            ("mm:ss", .time),
            ("mmss.0", .time),
            ("[h]:mm:ss", .duration),
            ("[h]:mm", .duration),
            ("[hh]:mm", .duration),
            ("[mm]:ss", .duration),
            ("[ss]", .duration),
            ("[s].000", .duration),
            ("[H]:MM:SS", .duration),
            ("[Red][h]:mm", .duration),
            ("h:mm AM/PM", .time),
            ("h:mm:ss AM/PM", .time),
            ("h:mm am/pm", .time),
            ("h:mm A/P", .time),
            ("[$-F400]h:mm:ss\\ AM/PM", .time),
            ("yyyy-mm-dd hh:mm:ss", .dateTime),
            ("yyyy\\-mm\\-dd\\ hh:mm:ss", .dateTime),
            ("m/d/yy h:mm", .dateTime),
            ("m/d/yy h:mm AM/PM", .dateTime),
            ("0.00;[Red]-0.00;@", .number),
            ("@;yyyy", .text),
        ]
        for (code, kind) in table {
            XCTAssertEqual(NumberFormat.classify(code: code), kind, code)
        }
    }

    func testBuiltInFormats() {
        let expected: [Int: NumberFormat.Kind] = [
            0: .general, 1: .number, 2: .number, 3: .number, 4: .number, 9: .number, 10: .number, 11: .number,
            12: .number, 13: .number, 14: .date, 15: .date, 16: .date, 17: .date, 18: .time, 19: .time, 20: .time,
            21: .time, 22: .dateTime, 37: .number, 38: .number, 39: .number, 40: .number, 45: .time, 46: .duration,
            47: .time, 48: .number, 49: .text, 27: .date, 36: .date, 50: .date, 58: .date,
        ]
        for (id, kind) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(NumberFormat.builtIn(id: id).kind, kind, "built-in \(id) \(NumberFormat.builtInCode(id: id) ?? "-")")
            XCTAssertEqual(NumberFormat.builtIn(id: id).id, id)
        }
        XCTAssertTrue(NumberFormat.builtIn(id: 49).isText)
        XCTAssertFalse(NumberFormat.builtIn(id: 14).isText)
        // An id with no built-in meaning is General.
        XCTAssertEqual(NumberFormat.builtIn(id: 100).kind, .general)
        XCTAssertEqual(NumberFormat.builtIn(id: 100).code, "General")
        XCTAssertTrue(NumberFormat.Kind.dateTime.isDateOrTime)
        XCTAssertFalse(NumberFormat.Kind.text.isDateOrTime)
    }
}

final class XLSXReaderCellReferenceTests: XCTestCase {
    func testParse() {
        XCTAssertEqual(CellReference.parse("A1"), .ok(column: 0, row: 1))
        XCTAssertEqual(CellReference.parse("a1"), .ok(column: 0, row: 1))
        XCTAssertEqual(CellReference.parse("Z9"), .ok(column: 25, row: 9))
        XCTAssertEqual(CellReference.parse("AA10"), .ok(column: 26, row: 10))
        XCTAssertEqual(CellReference.parse("B$2"), .ok(column: 1, row: 2))
        XCTAssertEqual(CellReference.parse("XFD1048576"), .ok(column: 16_383, row: 1_048_576))
        XCTAssertEqual(CellReference.parse("XFD1"), .ok(column: 16_383, row: 1))

        XCTAssertEqual(CellReference.parse("XFE1"), .columnBeyondLimit)
        XCTAssertEqual(CellReference.parse("ZZZ1"), .columnBeyondLimit)
        XCTAssertEqual(CellReference.parse("AAAA1"), .columnBeyondLimit)
        XCTAssertEqual(CellReference.parse("A1048577"), .rowBeyondLimit)
        XCTAssertEqual(CellReference.parse("A99999999"), .rowBeyondLimit)
        XCTAssertEqual(CellReference.parse("A99999999999999999999"), .rowBeyondLimit)
        XCTAssertEqual(CellReference.parse("A" + String(repeating: "9", count: 400)), .rowBeyondLimit)
        XCTAssertEqual(CellReference.parse(String(repeating: "A", count: 400) + "1"), .columnBeyondLimit)

        XCTAssertEqual(CellReference.parse("A0"), .malformed)
        XCTAssertEqual(CellReference.parse("A00"), .malformed)
        XCTAssertEqual(CellReference.parse("1A"), .malformed)
        XCTAssertEqual(CellReference.parse("A"), .malformed)
        XCTAssertEqual(CellReference.parse(""), .malformed)
        XCTAssertEqual(CellReference.parse("A-1"), .malformed)
        XCTAssertEqual(CellReference.parse("A1B"), .malformed)
        XCTAssertEqual(CellReference.parse("A 1"), .malformed)
        XCTAssertEqual(CellReference.parse("É1"), .malformed)
    }

    func testLettersAndColumns() {
        XCTAssertEqual(CellReference.letters(forColumn: 0), "A")
        XCTAssertEqual(CellReference.letters(forColumn: 25), "Z")
        XCTAssertEqual(CellReference.letters(forColumn: 26), "AA")
        XCTAssertEqual(CellReference.letters(forColumn: 701), "ZZ")
        XCTAssertEqual(CellReference.letters(forColumn: 702), "AAA")
        XCTAssertEqual(CellReference.letters(forColumn: 16_383), "XFD")
        XCTAssertEqual(CellReference.a1(column: 9, row: 5), "J5")
        XCTAssertEqual(CellReference.column(ofLetters: "XFD"), 16_383)
        XCTAssertEqual(CellReference.column(ofLetters: "xfd"), 16_383)
        XCTAssertNil(CellReference.column(ofLetters: "XFE"))
        XCTAssertNil(CellReference.column(ofLetters: "AAAA"))
        XCTAssertNil(CellReference.column(ofLetters: ""))
        XCTAssertNil(CellReference.column(ofLetters: "A1"))
        for c in [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383] {
            XCTAssertEqual(CellReference.column(ofLetters: CellReference.letters(forColumn: c)), c)
        }
    }

    func testRanges() {
        XCTAssertEqual(CellRange(a1: "A1:J5")?.a1, "A1:J5")
        XCTAssertEqual(CellRange(a1: "J5:A1")?.a1, "A1:J5")
        XCTAssertEqual(CellRange(a1: "B2")?.a1, "B2")
        XCTAssertNil(CellRange(a1: "A1:XFE1"))
        XCTAssertNil(CellRange(a1: "A1:B2:C3"))
        XCTAssertTrue(CellRange(a1: "A1:B2")!.contains(row: 2, column: 1))
        XCTAssertFalse(CellRange(a1: "A1:B2")!.contains(row: 3, column: 1))
    }
}
