import Foundation
import XCTest
@testable import SheetIO

/// Issue 10, "Values": numbers, dates and durations read exactly from the values-* fixtures
/// (made by Tests/Fixtures/make_fixtures.py --values), and the rules behind them.
final class ValuesTests: XCTestCase {
    private func sheet(_ name: String, _ index: Int = 0) throws -> XLSXReaderTests.ReadSheet {
        try XLSXReaderTests.read(name).sheets[index]
    }

    // MARK: 1. numbers

    func testNumbersKeepEveryDigitTheDoubleNeeds() throws {
        let s = try sheet("values-numbers.xlsx")
        let expected = ["1.0413926851582251", "0.3333333333333333", "1.234567890123457E+18", "91234567",
                        "6591234567", "0.1", "0.00001", "123456789012345", "1E+16", "-2.5",
                        "1.5E-10", "1E+300", "0.30000000000000004", "9007199254740994", "0"]
        XCTAssertEqual(s.dataRows.map { $0.cells[0].value.displayText }, expected)
    }

    func testEveryPrintedNumberReadsBackAsTheSameDouble() {
        var generator = SystemRandomNumberGenerator()
        var samples: [Double] = [0.1, 1.0 / 3, 2.0 / 3, 1e15 + 0.5, 1e16, 9_007_199_254_740_993, 5e-324,
                                 .greatestFiniteMagnitude, .leastNormalMagnitude, 123_456.789e-20, -7.25e-9]
        for _ in 0..<20_000 {
            samples.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF | (generator.next() & (1 << 63))))
            samples.append(Double.random(in: -1e17...1e17, using: &generator))
        }
        for v in samples where v.isFinite {
            let s = GeneralNumberFormatter.format(v)
            XCTAssertEqual(Double(s), v == 0 ? 0 : v, "\(v) printed as \(s)")
            XCTAssertFalse(s.hasSuffix(".0") || s.contains("e"), s)
            if abs(v) >= 1e16 { XCTAssertTrue(s.contains("E+"), s) }
        }
    }

    // MARK: 2, 4, 5. dates by value

    func testDatesAreWrittenAsTheirValueNeeds() throws {
        let s = try sheet("values-dates.xlsx")
        func b(_ row: Int) -> CellValue { s.value("B\(row)") }
        XCTAssertEqual(b(1).displayText, "2024-01-31T11:01:02", "mm-dd-yy keeps the time it holds")
        XCTAssertEqual(b(2).displayText, "2024-01-31", "yyyy-mm-dd hh:mm at midnight is a date")
        XCTAssertEqual(b(3).displayText, "00:00:00", "serial 0 is a time, not 1899-12-31")
        XCTAssertEqual(b(4).displayText, "13:45:00.250")
        XCTAssertEqual(b(5).displayText, "2024-01-31T13:45:00.500")
        XCTAssertEqual(b(6).displayText, "1900-02-28")
        XCTAssertEqual(b(7).displayText, "1900-02-28", "serial 60 (Excel's 1900-02-29) as openpyxl and calamine read it")
        XCTAssertEqual(b(8).displayText, "1900-03-01")
        XCTAssertEqual(b(16).displayText, "1900-01-01T12:00:00")
        for row in [1, 2, 3, 4, 5, 6, 7, 8, 16] { XCTAssertEqual(b(row).typeName, "date", "B\(row)") }
    }

    func testNegativeSerialsUnderADateFormatAreNumbers() throws {
        let s = try sheet("values-dates.xlsx")
        XCTAssertEqual(s.value("B9"), .number(-1))
        XCTAssertEqual(s.value("B10"), .number(-0.5))
        XCTAssertEqual(CellValue.stored(-0.0001, format: .dateTime, uses1904: true), .number(-0.0001))
        XCTAssertEqual(CellValue.stored(ExcelDate.maxSerial, format: .date, uses1904: false), .number(ExcelDate.maxSerial))
        XCTAssertEqual(CellValue.stored(2_958_465.5, format: .date, uses1904: false).displayText, "9999-12-31T12:00:00")
    }

    // MARK: 3. durations

    func testElapsedTimeFormatsAreDurations() throws {
        let s = try sheet("values-dates.xlsx")
        let expected = [11: "PT918610S", 12: "-PT30S", 13: "PT90.5S", 14: "PT1.25S", 15: "PT129600S"]
        for (row, iso) in expected {
            XCTAssertEqual(s.value("B\(row)").typeName, "duration", "B\(row)")
            XCTAssertEqual(s.value("B\(row)").displayText, iso, "B\(row)")
        }
        XCTAssertEqual(ExcelDuration(days: 0).iso8601, "PT0S")
        XCTAssertEqual(ExcelDuration(days: 0.001 / 86_400).iso8601, "PT0.001S")
        XCTAssertEqual(ExcelDuration(days: -0.0000001 / 86_400).iso8601, "PT0S", "rounds to no time at all: no sign")
        XCTAssertEqual(CellValue.stored(.infinity, format: .duration, uses1904: false), .number(.infinity))
    }

    // MARK: 6. 1904 date system

    func testThe1904SystemSurvivesAnExtensionWorkbookPr() throws {
        let book = try XLSXReaderTests.read("values-1904-extlst.xlsx")
        XCTAssertEqual((book.source as? XLSXSource)?.uses1904, true)
        XCTAssertEqual(book.sheets[0].value("A1").displayText, "2024-01-31")
    }

    // MARK: 7. overflow and hex

    func testNumbersBeyondTheDoubleRangeAreInfinity() throws {
        let s = try sheet("values-overflow.xlsx")
        XCTAssertEqual(s.dataRows.map { $0.cells[0].value }, [.number(.infinity), .number(.infinity), .number(-.infinity),
                                                               .number(.greatestFiniteMagnitude), .number(2.5)])
        XCTAssertEqual(CellValue.number(-.infinity).displayText, "-inf")
    }

    func testAHexNumberIsRefusedLikeAnyBadNumber() throws {
        XCTAssertThrowsError(try XLSXReaderTests.read("values-hex.xlsx")) { error in
            let e = error as? SheetIOError
            XCTAssertEqual(e?.kind, .badCell)
            XCTAssertEqual(e?.message, #""0x10" is not a number"#)
        }
        var scratch: [CChar] = []
        for bad in ["0x10", "nan", "inf", "-INF", "1e", "1e+", ".", "-", "1.2.3", "1 2", "+-1", "0X1P3", "e5"] {
            let bytes = Array(bad.utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { XMLText.parseDouble($0, scratch: &scratch) }, bad)
        }
        for (good, v) in [("1.", 1.0), (".5", 0.5), ("+2", 2), ("-0", 0), ("1E+309", .infinity), ("-1e309", -.infinity),
                          (" 7 ", 7), ("1e-400", 0), ("12345678901234567890", 12345678901234567890)] as [(String, Double)] {
            let bytes = Array(good.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer { XMLText.parseDouble($0, scratch: &scratch) }, v, good)
        }
    }

    // MARK: 8, 9. names, inline strings, escapes, zip names, chart sheets

    func testAnAmpersandInASheetNameIsDecoded() throws {
        let book = try XLSXReaderTests.read("values-amp-sheet.xlsx")
        XCTAssertEqual(book.sheets.map(\.info.name), ["5&4"])
        XCTAssertEqual(book.source.sheetIndex(named: "5&4"), 0)
        XCTAssertEqual(book.sheets[0].value("A1"), .text("a&b"))
    }

    func testAnInlineStringTakesItsTextFromIsOnly() throws {
        let s = try sheet("values-inline-v.xlsx")
        XCTAssertEqual(s.value("A1"), .text("1.0"))
        XCTAssertEqual(s.value("B1"), .text("2.0"))
    }

    func testUppercaseXIsNotAnEscape() throws {
        XCTAssertEqual(try sheet("values-inline-v.xlsx").value("A2"), .text("_X0041_ stays, A is A"))
        XCTAssertEqual(XMLText.escapeForXstring("_X0041_"), "_X0041_")
        XCTAssertEqual(XMLText.escapeForXstring("_x0041_"), "_x005F_x0041_")
    }

    func testBackslashEntryNamesReadAsSlashes() throws {
        let book = try XLSXReaderTests.read("values-backslash.xlsx")
        XCTAssertEqual(book.sheets.map(\.info.name), ["Sheet1"])
        XCTAssertEqual(book.sheets[0].value("A1"), .text("read through backslashes"))
        // The `..\..\outside.xml` entry is only a name in the zip: no part name ever resolves to it.
        XCTAssertNil(PartName.resolve(target: "..\\..\\outside.xml", from: "xl/workbook.xml"))
    }

    func testChartSheetsAreListedAsChartsAndNeverTheDefault() throws {
        let book = try XLSXReaderTests.read("values-chartsheet.xlsx")
        XCTAssertEqual(book.sheets.map(\.info.name), ["Chart", "Data"])
        XCTAssertEqual(book.sheets.map(\.info.kind), [.chart, .worksheet])
        XCTAssertEqual(book.source.firstVisibleSheetIndex, 1)
        XCTAssertEqual(book.source.worksheetIndices, [1])
        XCTAssertEqual(book.sheets[1].dataRows.count, 3)
    }
}
