import Foundation
import XCTest
@testable import SheetIO

/// Reads every real-* and edge-* fixture (see Tests/Fixtures/README.md) and checks the exact typed
/// values, sheet order and visibility.
final class XLSXReaderTests: XCTestCase {
    // MARK: Helpers

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ name: String) throws -> String {
        let path = fixtures.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("fixture \(name) not present; run python3 Tests/Fixtures/make_fixtures.py")
        }
        return path
    }

    struct ReadSheet {
        var info: SheetInfo
        var rows: [Row]
        var summary: SheetSummary

        /// Rows that hold at least one value, in file order.
        var dataRows: [Row] { rows.filter { !$0.isBlank } }

        func cell(_ ref: String, file: StaticString = #filePath, line: UInt = #line) -> Cell? {
            guard case let .ok(column, rowNumber) = CellReference.parse(ref) else {
                XCTFail("bad reference \(ref) in test", file: file, line: line)
                return nil
            }
            return rows.first(where: { $0.number == rowNumber })?.cell(at: column)
        }

        func value(_ ref: String) -> CellValue { cell(ref)?.value ?? .empty }
    }

    struct Workbook {
        var source: SheetSource
        var sheets: [ReadSheet]
        subscript(name: String) -> ReadSheet {
            guard let s = sheets.first(where: { $0.info.name == name }) else {
                XCTFail("no sheet \(name); have \(sheets.map(\.info.name))")
                return ReadSheet(info: SheetInfo(index: -1, name: name, visibility: .visible), rows: [], summary: SheetSummary())
            }
            return s
        }
    }

    static func read(_ name: String, limits: ReadLimits = .default) throws -> Workbook {
        let source = try Spreadsheet.open(path: try fixture(name), displayName: name, limits: limits)
        var sheets: [ReadSheet] = []
        for info in source.sheets {
            var rows: [Row] = []
            let summary = try source.readRows(sheet: info.index) { rows.append($0) }
            sheets.append(ReadSheet(info: info, rows: rows, summary: summary))
        }
        return Workbook(source: source, sheets: sheets)
    }

    private func assertText(_ sheet: ReadSheet, _ ref: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(sheet.value(ref), .text(expected), "\(sheet.info.name)!\(ref)", file: file, line: line)
    }

    private func assertNumber(_ sheet: ReadSheet, _ ref: String, _ expected: Double, display: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let v = sheet.value(ref)
        XCTAssertEqual(v, .number(expected), "\(sheet.info.name)!\(ref)", file: file, line: line)
        XCTAssertEqual(v.displayText, display, "\(sheet.info.name)!\(ref) display", file: file, line: line)
        XCTAssertEqual(v.typeName, "number", file: file, line: line)
    }

    private func assertDate(_ sheet: ReadSheet, _ ref: String, iso: String, kind: ExcelDate.Kind, uses1904: Bool = false,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard case .date(let d) = sheet.value(ref) else {
            XCTFail("\(sheet.info.name)!\(ref) is \(sheet.value(ref)), not a date", file: file, line: line)
            return
        }
        XCTAssertEqual(d.iso8601, iso, "\(sheet.info.name)!\(ref)", file: file, line: line)
        XCTAssertEqual(d.kind, kind, "\(sheet.info.name)!\(ref) kind", file: file, line: line)
        XCTAssertEqual(d.uses1904, uses1904, "\(sheet.info.name)!\(ref) date system", file: file, line: line)
        XCTAssertEqual(sheet.value(ref).displayText, iso, file: file, line: line)
        XCTAssertEqual(sheet.value(ref).typeName, "date", file: file, line: line)
    }

    // MARK: Shared content of the real-* files

    private enum Writer { case openpyxl, xlsxwriter, xlsxwriterInline, libreoffice }

    private func assertSharedContent(_ fileName: String, writer: Writer, file: StaticString = #filePath, line: UInt = #line) throws {
        let book = try Self.read(fileName)
        let source = book.source
        XCTAssertEqual(source.format, .xlsx, file: file, line: line)
        XCTAssertEqual(source.fileName, fileName, file: file, line: line)
        XCTAssertEqual(source.sheets.map(\.name), ["Users", "Lists", "_meta"], file: file, line: line)
        XCTAssertEqual(source.sheets.map(\.index), [0, 1, 2], file: file, line: line)
        // LibreOffice has no veryHidden: it writes hidden.
        let metaVisibility: SheetInfo.Visibility = writer == .libreoffice ? .hidden : .veryHidden
        XCTAssertEqual(source.sheets.map(\.visibility), [.visible, .hidden, metaVisibility], file: file, line: line)
        XCTAssertEqual(source.firstVisibleSheetIndex, 0, file: file, line: line)
        XCTAssertEqual((source as? XLSXSource)?.uses1904, false, file: file, line: line)

        let users = book["Users"]
        let headers = ["Email address*", "Contact number*", "Count", "Joined", "Time", "Stamp", "Flag", "Err", "Rich", "Note"]
        for (i, h) in headers.enumerated() {
            assertText(users, CellReference.a1(column: i, row: 1), h, file: file, line: line)
        }

        // Row 2
        assertText(users, "A2", "jane.tan@tech.gov.sg", file: file, line: line)
        assertNumber(users, "B2", 91234567, display: "91234567", file: file, line: line)
        assertNumber(users, "C2", 0.1, display: "0.1", file: file, line: line)
        assertDate(users, "D2", iso: "2024-01-31", kind: .date, file: file, line: line)
        assertDate(users, "E2", iso: "13:45:00", kind: .time, file: file, line: line)
        assertDate(users, "F2", iso: "2024-01-31T13:45:00", kind: .dateTime, file: file, line: line)
        if case .date(let d) = users.value("D2") { XCTAssertEqual(d.serial, 45322, file: file, line: line) }
        XCTAssertEqual(users.value("G2"), .boolean(true), file: file, line: line)
        XCTAssertEqual(users.value("G2").displayText, "TRUE", file: file, line: line)
        XCTAssertEqual(users.value("H2"), .error("#DIV/0!"), file: file, line: line)
        XCTAssertEqual(users.value("H2").typeName, "error", file: file, line: line)
        assertText(users, "I2", "Tan Ah Kow", file: file, line: line)
        assertText(users, "J2", "00123", file: file, line: line)
        XCTAssertEqual(users.cell("J2")?.format?.isText, true, "J2 is text-formatted (@)", file: file, line: line)

        // Formulas: openpyxl wrote plain error cells; the others wrote formulas with cached results.
        let hasFormulas = writer != .openpyxl
        XCTAssertEqual(users.cell("H2")?.hasFormula, hasFormulas, "H2 formula", file: file, line: line)
        XCTAssertEqual(users.cell("H3")?.hasFormula, hasFormulas, "H3 formula", file: file, line: line)
        XCTAssertEqual(users.cell("G2")?.hasFormula, writer == .libreoffice, "G2 TRUE() formula", file: file, line: line)
        XCTAssertEqual(users.cell("A2")?.hasFormula, false, file: file, line: line)

        // Row 3
        assertText(users, "A3", "bob@vendor.com", file: file, line: line)
        assertText(users, "B3", "+65 9123 4567", file: file, line: line)
        XCTAssertEqual(users.cell("B3")?.format?.isText, true, "B3 is text-formatted (@)", file: file, line: line)
        assertNumber(users, "C3", 6591234567, display: "6591234567", file: file, line: line)
        assertDate(users, "D3", iso: "2023-12-25", kind: .date, file: file, line: line)
        XCTAssertEqual(users.value("E3"), .empty, file: file, line: line)
        XCTAssertEqual(users.value("F3"), .empty, file: file, line: line)
        XCTAssertEqual(users.value("G3"), .boolean(false), file: file, line: line)
        XCTAssertEqual(users.value("G3").displayText, "FALSE", file: file, line: line)
        XCTAssertEqual(users.value("H3"), .error("#N/A"), file: file, line: line)
        assertText(users, "I3", "line1\nline2", file: file, line: line)
        // openpyxl does not escape on write, so its raw _x0041_ decodes to A (ECMA-376 ST_Xstring).
        assertText(users, "J3", writer == .openpyxl ? "A" : "_x0041_", file: file, line: line)

        // Row 4 is empty; row 5 is sparse and keeps its number.
        XCTAssertEqual(users.dataRows.map(\.number), [1, 2, 3, 5], file: file, line: line)
        XCTAssertTrue(users.rows.filter { $0.number == 4 }.allSatisfy(\.isBlank), file: file, line: line)
        let row5 = users.rows.first(where: { $0.number == 5 })
        XCTAssertEqual(row5?.number, 5, file: file, line: line)
        XCTAssertEqual(row5?.cells.filter { !$0.value.isEmpty }.map(\.columnLetters), ["A", "C", "D"], file: file, line: line)
        assertText(users, "A5", "last@tech.gov.sg", file: file, line: line)
        XCTAssertEqual(users.value("B5"), .empty, file: file, line: line)
        assertNumber(users, "C5", 0.00001, display: "0.00001", file: file, line: line)
        assertNumber(users, "D5", 123456789012345, display: "123456789012345", file: file, line: line)
        for col in ["E", "F", "G", "H", "I", "J"] {
            XCTAssertEqual(users.value("\(col)5"), .empty, "\(col)5", file: file, line: line)
        }

        XCTAssertEqual(users.summary.usedRange?.a1, "A1:J5", file: file, line: line)

        // Hidden sheets
        let lists = book["Lists"]
        assertText(lists, "A1", "Public officer", file: file, line: line)
        assertText(lists, "A2", "Vendor", file: file, line: line)
        XCTAssertEqual(lists.dataRows.count, 2, file: file, line: line)
        let meta = book["_meta"]
        assertText(meta, "A1", "template", file: file, line: line)
        assertText(meta, "B1", "invitesheet-fixture", file: file, line: line)
        assertText(meta, "A2", "version", file: file, line: line)
        assertNumber(meta, "B2", 1, display: "1", file: file, line: line)
    }

    func testOpenpyxlFile() throws { try assertSharedContent("real-openpyxl.xlsx", writer: .openpyxl) }
    func testXlsxWriterFile() throws { try assertSharedContent("real-xlsxwriter.xlsx", writer: .xlsxwriter) }
    func testXlsxWriterInlineStringsFile() throws { try assertSharedContent("real-xlsxwriter-inline.xlsx", writer: .xlsxwriterInline) }
    func testLibreOfficeFile() throws { try assertSharedContent("real-libreoffice.xlsx", writer: .libreoffice) }

    func testLibreOfficeFifteenDigitTimesRoundToTheSecond() throws {
        let users = try Self.read("real-libreoffice.xlsx")["Users"]
        guard case .date(let e2) = users.value("E2"), case .date(let f2) = users.value("F2") else {
            return XCTFail("E2/F2 are not dates")
        }
        // Stored as 0.572916666666667 and 45322.5729166667.
        XCTAssertNotEqual(e2.serial, 0.5729166666666666)
        XCTAssertEqual(e2.serial, 0.5729166666666666, accuracy: 1e-12)
        XCTAssertEqual(e2.iso8601, "13:45:00")
        XCTAssertEqual(f2.iso8601, "2024-01-31T13:45:00")
    }

    func test1904DateSystem() throws {
        let book = try Self.read("real-1904.xlsx")
        XCTAssertEqual(book.source.sheets.map(\.name), ["Users"])
        XCTAssertEqual((book.source as? XLSXSource)?.uses1904, true)
        let users = book["Users"]
        assertDate(users, "A1", iso: "2024-01-31", kind: .date, uses1904: true)
        assertDate(users, "B1", iso: "2024-01-31T13:45:00", kind: .dateTime, uses1904: true)
        assertNumber(users, "C1", 1, display: "1")
        guard case .date(let a1) = users.value("A1") else { return XCTFail("A1 not a date") }
        XCTAssertEqual(a1.serial, 43860)
        // The same serial read in the 1900 system would be four years and a day off.
        XCTAssertEqual(ExcelDate(serial: 43860, uses1904: false, kind: .date).iso8601, "2020-01-30")
        XCTAssertEqual(users.dataRows.count, 1)
    }

    func testSheetLookupByNameAndNumber() throws {
        let source = try Spreadsheet.open(path: try Self.fixture("real-xlsxwriter.xlsx"))
        XCTAssertEqual(source.sheetIndex(named: "Lists"), 1)
        XCTAssertEqual(source.sheetIndex(named: "lists"), 1)
        XCTAssertEqual(source.sheetIndex(named: "_META"), 2)
        XCTAssertEqual(source.sheetIndex(named: "2"), 1)
        XCTAssertEqual(source.sheetIndex(named: "3"), 2)
        XCTAssertNil(source.sheetIndex(named: "4"))
        XCTAssertNil(source.sheetIndex(named: "0"))
        XCTAssertNil(source.sheetIndex(named: "Nope"))
    }

    func testReadingANonexistentSheetIndexThrows() throws {
        let source = try Spreadsheet.open(path: try Self.fixture("real-xlsxwriter.xlsx"), displayName: "book.xlsx")
        XCTAssertThrowsError(try source.readRows(sheet: 3) { _ in }) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .sheetNotFound)
            XCTAssertEqual((error as? SheetIOError)?.file, "book.xlsx")
        }
        XCTAssertThrowsError(try source.readRows(sheet: -1) { _ in })
    }

    func testASheetCanBeReadTwiceAndInAnyOrder() throws {
        let source = try Spreadsheet.open(path: try Self.fixture("real-xlsxwriter.xlsx"))
        func values(_ i: Int) throws -> [[String]] {
            var out: [[String]] = []
            _ = try source.readRows(sheet: i) { out.append($0.cells.map(\.value.displayText)) }
            return out
        }
        let first = try values(0)
        let lists = try values(1)
        XCTAssertEqual(try values(0), first)
        XCTAssertEqual(lists, [["Public officer"], ["Vendor"]])
    }

    func testThrowingFromTheBodyStopsReadingAndRethrows() throws {
        struct Stop: Error {}
        let source = try Spreadsheet.open(path: try Self.fixture("real-xlsxwriter.xlsx"))
        var seen = 0
        XCTAssertThrowsError(try source.readRows(sheet: 0) { _ in
            seen += 1
            if seen == 2 { throw Stop() }
        }) { error in
            XCTAssertTrue(error is Stop, "got \(error)")
        }
        XCTAssertEqual(seen, 2)
    }

    func testContentDecidesTheFormatNotTheName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-sniff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let renamed = dir.appendingPathComponent("users.csv")
        try FileManager.default.copyItem(atPath: try Self.fixture("real-xlsxwriter.xlsx"), toPath: renamed.path)
        let source = try Spreadsheet.open(path: renamed.path)
        XCTAssertEqual(source.format, .xlsx)
        XCTAssertEqual(source.sheets.first?.name, "Users")
    }

    func testSheetsSummaryCountsStoredRows() throws {
        let book = try Self.read("real-xlsxwriter.xlsx")
        XCTAssertEqual(book["Users"].summary.rowCount, book["Users"].rows.count)
        XCTAssertEqual(book["Lists"].summary.usedRange?.a1, "A1:A2")
        XCTAssertEqual(book["_meta"].summary.usedRange?.a1, "A1:B2")
    }

    // MARK: Edge fixtures

    func testCellsAndRowsWithoutReferences() throws {
        let users = try Self.read("edge-no-refs.xlsx")["Users"]
        // Row 3 follows row 5 in the file; it keeps its own number and is never renumbered 6.
        XCTAssertEqual(users.rows.map(\.number), [1, 2, 5, 3])

        assertNumber(users, "A1", 1, display: "1")
        assertText(users, "B1", "plain")
        assertNumber(users, "A2", 1.5, display: "1.5")
        assertNumber(users, "B2", 2, display: "2")
        XCTAssertEqual(users.cell("B2")?.hasFormula, true)
        assertText(users, "C2", "xy")
        XCTAssertEqual(users.cell("C2")?.hasFormula, true)
        XCTAssertEqual(users.cell("A2")?.hasFormula, false)

        assertText(users, "A5", "ab")
        assertText(users, "B5", "Bold text")  // the phonetic run IGNORED is not part of the value
        assertText(users, "C5", "CR\rhere _x0041_ end")
        assertText(users, "D5", "A")

        assertDate(users, "A3", iso: "2024-01-31T13:45:00", kind: .dateTime)
        XCTAssertEqual(users.value("B3"), .error("#N/A"))
        XCTAssertEqual(users.rows.first(where: { $0.number == 3 })?.cells.map(\.column), [0, 1])
        XCTAssertEqual(users.summary.usedRange?.a1, "A1:D5")
    }

    func testAbsoluteAndParentRelativeTargets() throws {
        let book = try Self.read("edge-absolute-targets.xlsx")
        XCTAssertEqual(book.source.sheets.map(\.name), ["First", "Second"])
        assertText(book["First"], "A1", "absolute")
        assertNumber(book["First"], "B1", 1, display: "1")
        assertText(book["Second"], "A1", "dotdot")
        assertNumber(book["Second"], "B1", 2, display: "2")
        // No styles part: cells get the General format.
        XCTAssertEqual(book["First"].cell("B1")?.format?.kind, .general)
    }

    func testStrictOOXML() throws {
        let book = try Self.read("edge-strict.xlsx")
        XCTAssertEqual(book.source.sheets.map(\.name), ["Users"])
        let users = book["Users"]
        assertText(users, "A1", "strict")
        assertNumber(users, "B1", 42, display: "42")
        assertText(users, "A2", "inline")
        XCTAssertEqual(users.value("B2"), .boolean(true))
    }

    func testSheetStates() throws {
        let book = try Self.read("edge-sheet-states.xlsx")
        XCTAssertEqual(book.source.sheets.map(\.name), ["Hidden", "Visible", "VeryHidden"])
        XCTAssertEqual(book.source.sheets.map(\.visibility), [.hidden, .visible, .veryHidden])
        XCTAssertEqual(book.source.firstVisibleSheetIndex, 1)
        assertText(book["Hidden"], "A1", "hidden")
        assertText(book["Visible"], "A1", "visible")
        assertText(book["VeryHidden"], "A1", "veryHidden")
    }

    func testNumberFormatsDecideDatesTextAndNumbers() throws {
        let users = try Self.read("edge-styles.xlsx")["Users"]
        func format(_ ref: String) -> NumberFormat? { users.cell(ref)?.format }

        // 164 yyyy-mm-dd
        XCTAssertEqual(format("B1")?.id, 164)
        XCTAssertEqual(format("B1")?.code, "yyyy-mm-dd")
        XCTAssertEqual(format("B1")?.kind, .date)
        assertDate(users, "B1", iso: "2024-01-31", kind: .date)

        // 165 [h]:mm:ss: an elapsed time, a duration of the 1.5 days stored (36 h).
        XCTAssertEqual(format("B2")?.id, 165)
        XCTAssertEqual(format("B2")?.kind, .duration)
        XCTAssertEqual(users.value("B2"), .duration(ExcelDuration(days: 1.5)))
        XCTAssertEqual(users.value("B2").displayText, "PT129600S")
        XCTAssertEqual(users.value("B2").typeName, "duration")

        // 166 0.00: a number, not rounded to the format
        XCTAssertEqual(format("B3")?.kind, .number)
        assertNumber(users, "B3", 3.14159, display: "3.14159")

        // 167 @: a number in a text-formatted cell stays a number
        XCTAssertEqual(format("B4")?.id, 167)
        XCTAssertEqual(format("B4")?.isText, true)
        assertNumber(users, "B4", 123, display: "123")

        // 168 "Date: "0: the letters are in a quoted literal
        XCTAssertEqual(format("B5")?.code, "\"Date: \"0")
        XCTAssertEqual(format("B5")?.kind, .number)
        assertNumber(users, "B5", 42, display: "42")

        // 169 mmm-yy
        XCTAssertEqual(format("B6")?.kind, .date)
        assertDate(users, "B6", iso: "2024-01-31", kind: .date)

        // built-in 14
        XCTAssertEqual(format("B7")?.id, 14)
        XCTAssertEqual(format("B7")?.kind, .date)
        assertDate(users, "B7", iso: "2024-01-31", kind: .date)

        // built-in 49 (@)
        XCTAssertEqual(format("B8")?.id, 49)
        XCTAssertEqual(format("B8")?.isText, true)
        assertNumber(users, "B8", 123, display: "123")
        XCTAssertEqual(format("B9")?.isText, true)
        assertText(users, "B9", "00123")

        // Labels in column A are inline strings.
        assertText(users, "A1", "fmt164 yyyy-mm-dd")
        XCTAssertEqual(users.dataRows.map(\.number), Array(1...9))
    }

    // MARK: A sheet large enough for the two-thread path (inflate/parse and parse/handle overlap)

    private static func writeLargeWorkbook(rows: Int) throws -> (path: String, cleanup: () -> Void) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("large.xlsx").path
        let workbook = try XLSXWorkbookWriter(path: path, options: XLSXWriteOptions(streaming: true))
        let sheet = try workbook.addSheet(name: "Users")
        for i in 1...rows {
            try sheet.write(Row(number: i, cells: [
                Cell(column: 0, value: .text("user\(i)@tech.gov.sg")),
                Cell(column: 1, value: .number(Double(i))),
                Cell(column: 2, value: .text("needs access to the SGTS build pipeline for project \(i % 97)")),
            ]))
        }
        try workbook.close()
        return (path, { try? FileManager.default.removeItem(at: dir) })
    }

    func testALargeSheetArrivesWholeAndInOrder() throws {
        let count = 60_000
        let (path, cleanup) = try Self.writeLargeWorkbook(rows: count)
        defer { cleanup() }
        let source = try Spreadsheet.open(path: path)
        var expected = 1
        var mismatches = 0
        let summary = try source.readRows(sheet: 0) { row in
            if row.number != expected || row.cell(at: 0)?.value != .text("user\(expected)@tech.gov.sg")
                || row.cell(at: 1)?.value != .number(Double(expected)) {
                mismatches += 1
            }
            expected += 1
        }
        XCTAssertEqual(expected - 1, count)
        XCTAssertEqual(mismatches, 0)
        XCTAssertEqual(summary.rowCount, count)
        XCTAssertEqual(summary.usedRange?.a1, "A1:C\(count)")
    }

    func testALargeSheetStopsAtTheRowWhoseHandlerThrows() throws {
        struct Stop: Error {}
        let (path, cleanup) = try Self.writeLargeWorkbook(rows: 60_000)
        defer { cleanup() }
        let source = try Spreadsheet.open(path: path)
        var seen = 0
        XCTAssertThrowsError(try source.readRows(sheet: 0) { row in
            seen += 1
            if row.number == 30_000 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop, "got \($0)") }
        XCTAssertEqual(seen, 30_000, "no row is handed over after the handler threw")
        // The source is still usable afterwards.
        var again = 0
        _ = try source.readRows(sheet: 0) { _ in again += 1 }
        XCTAssertEqual(again, 60_000)
    }

    // MARK: Configurable limits on real files

    private func assertLimit(_ fileName: String, _ configure: (inout ReadLimits) -> Void, kind: SheetIOError.Kind,
                             mentions: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        var limits = ReadLimits.default
        configure(&limits)
        do {
            _ = try Self.read(fileName, limits: limits)
            XCTFail("\(fileName) read within limits \(limits)", file: file, line: line)
        } catch let e as SheetIOError {
            XCTAssertEqual(e.kind, kind, "\(e)", file: file, line: line)
            XCTAssertEqual(e.file, fileName, file: file, line: line)
            for m in mentions {
                XCTAssertTrue(e.description.contains(m), "\(e.description) does not mention \(m)", file: file, line: line)
            }
        } catch is XCTSkip {
            return
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
    }

    func testDefaultLimitsReadEveryRealFile() throws {
        for name in ["real-openpyxl.xlsx", "real-xlsxwriter.xlsx", "real-xlsxwriter-inline.xlsx", "real-libreoffice.xlsx", "real-1904.xlsx"] {
            XCTAssertNoThrow(try Self.read(name), name)
        }
    }

    func testEntrySizeLimitIsConfigurable() {
        assertLimit("real-xlsxwriter.xlsx", { $0.maxEntryBytes = 300 }, kind: .zipLimit, mentions: ["300 bytes"])
    }

    func testTotalInflatedLimitIsConfigurable() {
        assertLimit("real-xlsxwriter.xlsx", { $0.maxTotalBytes = 2000 }, kind: .zipLimit, mentions: ["total"])
    }

    func testCompressionRatioLimitIsConfigurable() {
        assertLimit("real-xlsxwriter.xlsx", { $0.maxCompressionRatio = 1; $0.ratioFloorBytes = 100 }, kind: .zipLimit, mentions: [":1"])
    }

    func testEntryCountLimitIsConfigurable() {
        assertLimit("real-openpyxl.xlsx", { $0.maxZipEntries = 3 }, kind: .zipLimit, mentions: ["entries", "3"])
    }

    func testFileSizeLimitIsConfigurable() {
        assertLimit("real-openpyxl.xlsx", { $0.maxFileBytes = 1000 }, kind: .zipLimit, mentions: ["1000"])
    }

    func testXMLDepthLimitIsConfigurable() {
        // worksheet > sheetData > row > c > v is five deep.
        assertLimit("real-xlsxwriter.xlsx", { $0.maxXMLDepth = 4 }, kind: .xmlLimit, mentions: ["4 levels"])
    }

    func testCellLengthLimitIsConfigurableForSharedStrings() {
        assertLimit("real-xlsxwriter.xlsx", { $0.maxCellCharacters = 10 }, kind: .cellLimit,
                    mentions: ["xl/sharedStrings.xml", "10"])
    }

    func testCellLengthLimitIsConfigurableForInlineStrings() {
        // "Email address*" (14 characters) is A1.
        assertLimit("real-openpyxl.xlsx", { $0.maxCellCharacters = 10 }, kind: .cellLimit, mentions: ["A1", "14"])
    }

    func testRowAndColumnLimitsAreConfigurable() {
        assertLimit("real-openpyxl.xlsx", { $0.maxRows = 2 }, kind: .cellLimit, mentions: ["row 3"])
        assertLimit("real-openpyxl.xlsx", { $0.maxColumns = 3 }, kind: .cellLimit, mentions: ["D1"])
        // edge-no-refs takes row numbers from cells when a row has no r; the limit applies there too.
        assertLimit("edge-no-refs.xlsx", { $0.maxRows = 4 }, kind: .cellLimit, mentions: ["5"])
    }
}
