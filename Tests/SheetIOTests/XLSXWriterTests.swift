import Foundation
import XCTest
@testable import SheetIO

/// The XLSX writer, checked by a second reader: openpyxl (python3) reads back what was written.
final class XLSXWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    // MARK: Cell values and styles

    func testValuesAreReadBackWithTheirTypes() throws {
        let file = path("values.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "Users")
        let date = try XCTUnwrap(ExcelDate.parseISO8601("2024-03-05", uses1904: false))
        let dateTime = try XCTUnwrap(ExcelDate.parseISO8601("2024-03-05T13:45:00", uses1904: false))
        let date1904 = try XCTUnwrap(ExcelDate.parseISO8601("2024-03-05", uses1904: true))
        try sheet.write(row: 1, column: 0, text: "email")
        try sheet.write(row: 1, column: 1, value: .number(91234567))
        try sheet.write(row: 1, column: 2, value: .number(0.1))
        try sheet.write(row: 1, column: 3, value: .boolean(true))
        try sheet.write(row: 1, column: 4, value: .date(date))
        try sheet.write(row: 1, column: 5, value: .date(dateTime))
        try sheet.write(row: 1, column: 6, value: .date(date1904))
        try sheet.write(row: 1, column: 7, value: .error("#N/A"))
        try sheet.write(row: 1, column: 8, value: .empty)  // unstyled blank: nothing written
        try sheet.write(row: 2, column: 0, text: "Zoë 🙂 <&> \"quoted\"\nsecond line")
        try wb.close()

        let seen = try OpenPyXL.read(file)
        let cells = try XCTUnwrap(seen.sheets.first).cells
        XCTAssertEqual(cells["A1"]?.value, .string("email"))
        XCTAssertEqual(cells["B1"]?.value, .number(91234567))
        XCTAssertEqual(cells["C1"]?.value, .number(0.1))
        XCTAssertEqual(cells["D1"]?.value, .bool(true))
        XCTAssertEqual(cells["E1"]?.value, .string("2024-03-05T00:00:00"))
        XCTAssertEqual(cells["E1"]?.type, "datetime")
        XCTAssertEqual(cells["E1"]?.numberFormat, "yyyy-mm-dd")
        XCTAssertEqual(cells["F1"]?.value, .string("2024-03-05T13:45:00"))
        XCTAssertEqual(cells["F1"]?.numberFormat, "yyyy-mm-dd hh:mm:ss")
        XCTAssertEqual(cells["G1"]?.value, .string("2024-03-05T00:00:00"), "a 1904-system date keeps its calendar date")
        XCTAssertEqual(cells["H1"]?.value, .string("=#N/A"))
        XCTAssertNil(cells["I1"])
        XCTAssertEqual(cells["A2"]?.value, .string("Zoë 🙂 <&> \"quoted\"\nsecond line"))
    }

    func testStylesReachTheCells() throws {
        let file = path("styles.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "Users")
        let header = try wb.style(CellStyle(bold: true, fillColor: 0xFFFF00, border: .thin))
        let text = try wb.style(.text)
        let note = try wb.style(CellStyle(italic: true, fontColor: 0xC00000, wrap: true))
        let black = try wb.style(CellStyle(fontColor: 0x000000, fillColor: 0x000000))
        let money = try wb.style(CellStyle(numberFormat: "#,##0.00"))
        try sheet.write(row: 1, column: 0, text: "Phone", style: header)
        try sheet.write(row: 2, column: 0, text: "0091234567", style: text)
        try sheet.write(row: 3, column: 0, value: .empty, style: text)
        try sheet.write(row: 4, column: 0, text: "see notes", style: note)
        try sheet.write(row: 5, column: 0, text: "black", style: black)
        try sheet.write(row: 6, column: 0, value: .number(1234.5), style: money)
        try wb.close()

        let cells = try XCTUnwrap(OpenPyXL.read(file).sheets.first).cells
        let a1 = try XCTUnwrap(cells["A1"])
        XCTAssertTrue(a1.bold)
        XCTAssertEqual(a1.fill?.suffix(6), "FFFF00")
        XCTAssertEqual(a1.border, "thin")
        XCTAssertEqual(cells["A2"]?.numberFormat, "@")
        XCTAssertEqual(cells["A2"]?.value, .string("0091234567"))
        XCTAssertEqual(cells["A3"]?.numberFormat, "@", "a styled empty cell is written as a formatted blank")
        XCTAssertEqual(cells["A3"]?.value, OpenPyXL.Value.none)
        XCTAssertEqual(cells["A4"]?.italic, true)
        XCTAssertEqual(cells["A4"]?.wrap, true)
        XCTAssertEqual(cells["A4"]?.fontColor?.suffix(6), "C00000")
        XCTAssertEqual(cells["A5"]?.fontColor?.suffix(6), "000000", "0x000000 is black, not libxlsxwriter's 'unset'")
        XCTAssertEqual(cells["A5"]?.fill?.suffix(6), "000000")
        XCTAssertEqual(cells["A6"]?.numberFormat, "#,##0.00")
    }

    func testEqualStylesShareOneFormat() throws {
        let wb = try XLSXWorkbookWriter(path: path("cache.xlsx"))
        let a = try wb.style(CellStyle(bold: true, fillColor: 0xDDEBF7))
        let b = try wb.style(CellStyle(bold: true, fillColor: 0xDDEBF7))
        let c = try wb.style(CellStyle(bold: true))
        XCTAssertTrue(a === b)
        XCTAssertFalse(a === c)
        XCTAssertTrue(try wb.style(CellStyle(textFormat: true)) === wb.style(.text))
    }

    func testStyleFromAnotherWorkbookIsRejected() throws {
        let one = try XLSXWorkbookWriter(path: path("one.xlsx"))
        let two = try XLSXWorkbookWriter(path: path("two.xlsx"))
        let foreign = try one.style(CellStyle(bold: true))
        let sheet = try two.addSheet(name: "S")
        XCTAssertThrowsError(try sheet.write(row: 1, column: 0, text: "x", style: foreign))
    }

    func testWholeRowsKeepColumnsAndHiddenFlag() throws {
        let file = path("rows.xlsx")
        let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(streaming: true))
        let sheet = try wb.addSheet(name: "S")
        try sheet.write(Row(number: 1, cells: [Cell(column: 0, value: .text("a")), Cell(column: 3, value: .number(4))]))
        try sheet.write(Row(number: 3, cells: [Cell(column: 1, value: .boolean(false))], isHidden: true), style: wb.style(.text))
        try wb.close()
        let s = try XCTUnwrap(OpenPyXL.read(file).sheets.first)
        XCTAssertEqual(s.cells["A1"]?.value, .string("a"))
        XCTAssertEqual(s.cells["D1"]?.value, .number(4))
        XCTAssertEqual(s.cells["B3"]?.value, .bool(false))
        XCTAssertEqual(s.rows["3"]?.hidden, true)
    }

    func testDashWritesToStandardOutput() throws {
        let captured = path("stdout.xlsx")
        fflush(stdout)
        let saved = dup(1)
        let fd = open(captured, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        dup2(fd, 1)
        var failure: Error?
        do {
            let wb = try XLSXWorkbookWriter(path: "-")
            try wb.addSheet(name: "Out").write(row: 1, column: 0, text: "piped")
            try wb.close()
        } catch { failure = error }
        fflush(stdout)
        dup2(saved, 1)
        close(saved)
        close(fd)
        if let failure { throw failure }
        XCTAssertEqual(OpenPyXL.Value.string("piped"), try OpenPyXL.read(captured).sheets.first?.cells["A1"]?.value)
    }

    // MARK: Validation, notes, layout, visibility

    func testInlineListValidation() throws {
        let file = path("inline.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "Users")
        try sheet.addListValidation(firstRow: 2, lastRow: 500, column: 2, values: ["Admin", "Member", "Guest"],
                                    inputTitle: "Role", inputMessage: "Pick a role",
                                    errorTitle: "Unknown role", errorMessage: "Choose Admin, Member or Guest")
        try wb.close()

        let dv = try XCTUnwrap(OpenPyXL.read(file).sheets.first?.validations.first)
        XCTAssertEqual(dv.type, "list")
        XCTAssertEqual(dv.formula1, "\"Admin,Member,Guest\"")
        XCTAssertEqual(dv.sqref, "C2:C500")
        XCTAssertEqual(dv.promptTitle, "Role")
        XCTAssertEqual(dv.prompt, "Pick a role")
        XCTAssertEqual(dv.errorTitle, "Unknown role")
        XCTAssertEqual(dv.error, "Choose Admin, Member or Guest")
        XCTAssertEqual(dv.errorStyle ?? "stop", "stop", "stop is the default, often left out")
        XCTAssertEqual(dv.allowBlank, true)
        XCTAssertEqual(dv.hideDropDown, false, "the dropdown arrow is shown")
    }

    func testRangeListValidationFromAHiddenListsSheet() throws {
        let file = path("range.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let users = try wb.addSheet(name: "Users")
        let lists = try wb.addSheet(name: "Lists", visibility: .hidden)
        try lists.write(row: 1, column: 0, text: "Country")
        for (i, c) in ["Singapore", "Malaysia", "Indonesia"].enumerated() { try lists.write(row: i + 2, column: 0, text: c) }
        try users.addListValidation(firstRow: 2, lastRow: 1000, column: 4, sourceFormula: "=Lists!$A$2:$A$4",
                                    errorMessage: "Pick a country from the list", errorStyle: .warning)
        try wb.close()

        let seen = try OpenPyXL.read(file)
        XCTAssertEqual(seen.sheets.map(\.title), ["Users", "Lists"])
        XCTAssertEqual(seen.sheets.map(\.state), ["visible", "hidden"])
        let dv = try XCTUnwrap(seen.sheets[0].validations.first)
        XCTAssertEqual(dv.formula1, "Lists!$A$2:$A$4")
        XCTAssertEqual(dv.sqref, "E2:E1000")
        XCTAssertEqual(dv.errorStyle, "warning")
        XCTAssertEqual(seen.sheets[1].cells["A4"]?.value, .string("Indonesia"))
    }

    func testNotesKeepTextAndAuthor() throws {
        let file = path("notes.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "Corrections")
        try sheet.write(row: 2, column: 1, text: "jane@example")
        try sheet.addNote(row: 2, column: 1, text: "Email has no domain suffix.\nExpected name@company.com", author: "invitesheet")
        try sheet.addNote(row: 3, column: 0, text: "Note on an empty cell")
        try wb.close()

        let comments = try XCTUnwrap(OpenPyXL.read(file).sheets.first).comments
        XCTAssertEqual(comments["B2"]?.text, "Email has no domain suffix.\nExpected name@company.com")
        XCTAssertEqual(comments["B2"]?.author, "invitesheet")
        XCTAssertEqual(comments["A3"]?.text, "Note on an empty cell")
    }

    func testFreezePanesColumnWidthsAndHiddenRowsAndColumns() throws {
        let file = path("layout.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let one = try wb.addSheet(name: "Header row")
        let two = try wb.addSheet(name: "Header and ID")
        try one.freezePanes(rows: 1, columns: 0)
        try one.setColumn(0, 0, width: 30)
        try one.setColumn(1, 3, width: 12.5, style: wb.style(.text))
        try one.setColumn(4, 4, width: 10, hidden: true)
        try one.write(row: 1, column: 0, text: "header")
        try one.setRow(2, height: 30)
        try one.hideRow(3)
        try two.freezePanes(rows: 1, columns: 1)
        try wb.close()

        let seen = try OpenPyXL.read(file)
        XCTAssertEqual(seen.sheets[0].freezePanes, "A2")
        XCTAssertEqual(seen.sheets[1].freezePanes, "B2")
        let widths = seen.sheets[0].columns
        XCTAssertEqual(try XCTUnwrap(widths["A"]?.width), 30, accuracy: 1)
        XCTAssertEqual(try XCTUnwrap(widths["B"]?.width), 12.5, accuracy: 1)
        XCTAssertEqual(widths["B"]?.max, 4, "one <col> covers B:D")
        XCTAssertEqual(widths["B"]?.numberFormat, "@", "the column style carries the text format")
        XCTAssertEqual(widths["E"]?.hidden, true)
        XCTAssertEqual(try XCTUnwrap(seen.sheets[0].rows["2"]?.height), 30, accuracy: 0.01)
        XCTAssertEqual(seen.sheets[0].rows["3"]?.hidden, true)
    }

    func testHidingTheFirstSheetActivatesTheFirstVisibleOne() throws {
        let file = path("hidden-first.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        _ = try wb.addSheet(name: "Config", visibility: .hidden)
        let users = try wb.addSheet(name: "Users")
        _ = try wb.addSheet(name: "Secret", visibility: .veryHidden)
        try users.write(row: 1, column: 0, text: "x")
        XCTAssertEqual(wb.sheets.map(\.visibility), [.hidden, .visible, .hidden], "veryHidden is written as hidden")
        try wb.close()

        let seen = try OpenPyXL.read(file)
        XCTAssertEqual(seen.sheets.map(\.state), ["hidden", "visible", "hidden"])
        XCTAssertEqual(seen.activeSheet, 1)
    }

    func testAllSheetsHiddenIsAnError() throws {
        let file = path("all-hidden.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        _ = try wb.addSheet(name: "A", visibility: .hidden)
        XCTAssertThrowsError(try wb.close()) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .write)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    // MARK: Files and determinism

    func testFileAppearsOnlyWhenClosedAndNoTemporaryFileRemains() throws {
        let file = path("atomic.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "S")
        try sheet.write(row: 1, column: 0, text: "x")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        try wb.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["atomic.xlsx"])
        XCTAssertThrowsError(try wb.close())
        XCTAssertThrowsError(try sheet.write(row: 2, column: 0, text: "late")) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .write)
        }
    }

    func testAbandonedWorkbookWritesNothing() throws {
        let file = path("abandoned.xlsx")
        do {
            let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(streaming: true))
            let sheet = try wb.addSheet(name: "S")
            for r in 1...100 { try sheet.write(row: r, column: 0, value: .number(Double(r))) }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
    }

    func testMissingFolderIsReportedBeforeAnyRowIsWritten() throws {
        let file = path("missing-dir/out.xlsx")
        XCTAssertThrowsError(try XLSXWorkbookWriter(path: file)) { error in
            let e = error as? SheetIOError
            XCTAssertEqual(e?.kind, .io)
            XCTAssertEqual(e?.file, file)
        }
    }

    func testFailedCloseLeavesNoFile() throws {
        let sub = directory.appendingPathComponent("vanishing")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let file = sub.appendingPathComponent("out.xlsx").path
        let wb = try XLSXWorkbookWriter(path: file)
        _ = try wb.addSheet(name: "S")
        try FileManager.default.removeItem(at: sub)
        XCTAssertThrowsError(try wb.close()) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .write)
            XCTAssertEqual((error as? SheetIOError)?.file, file)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
    }

    /// The same input writes the same bytes: a fixed core.xml date, and libxlsxwriter dates every
    /// zip entry 1980-01-01 (checked below), so nothing depends on the clock.
    func testDeterministicOutputIsByteIdentical() throws {
        func write(_ file: String, streaming: Bool) throws {
            let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(streaming: streaming, author: "invitesheet"))
            let sheet = try wb.addSheet(name: "Users")
            let lists = try wb.addSheet(name: "Lists", visibility: .hidden)
            let bold = try wb.style(CellStyle(bold: true, fillColor: 0xDDEBF7))
            try sheet.freezePanes(rows: 1, columns: 0)
            try sheet.addNote(row: 1, column: 0, text: "note", author: "invitesheet")
            for r in 1...50 {
                for c in 0..<4 { try sheet.write(row: r, column: c, text: "r\(r)c\(c)", style: r == 1 ? bold : nil) }
            }
            try lists.write(row: 1, column: 0, text: "Yes")
            try sheet.addListValidation(firstRow: 2, lastRow: 50, column: 3, sourceFormula: "=Lists!$A$1:$A$1")
            try wb.close()
        }
        for streaming in [false, true] {
            let a = path("a-\(streaming).xlsx"), b = path("b-\(streaming).xlsx")
            try write(a, streaming: streaming)
            sleep(1)  // a clock-dependent field would now differ
            try write(b, streaming: streaming)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a)), try Data(contentsOf: URL(fileURLWithPath: b)), "streaming: \(streaming)")
        }
        let seen = try OpenPyXL.read(path("a-false.xlsx"))
        XCTAssertEqual(seen.created, "2024-01-01T00:00:00")
        XCTAssertEqual(seen.creator, "invitesheet")
        XCTAssertEqual(Set(seen.zipDates), ["1980-01-01T00:00:00"])
    }

    func testNonDeterministicOutputCarriesTodaysDate() throws {
        let file = path("now.xlsx")
        let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(deterministic: false))
        _ = try wb.addSheet(name: "S")
        try wb.close()
        let created = try XCTUnwrap(OpenPyXL.read(file).created)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        XCTAssertTrue(created.hasPrefix(String(year)), created)
    }

    // MARK: Streaming

    func testStreamingWritesManyRowsInBoundedMemory() throws {
        let file = path("big.xlsx")
        let rows = 200_000
        let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(streaming: true, temporaryDirectory: directory.path))
        let sheet = try wb.addSheet(name: "Users")
        let header = try wb.style(CellStyle(bold: true))
        for (c, title) in ["email", "first name", "last name", "phone", "score"].enumerated() {
            try sheet.write(row: 1, column: c, text: title, style: header)
        }
        let baseline = Memory.residentBytes()
        var peak = baseline
        for r in 2...rows {
            try sheet.write(row: r, column: 0, text: "user\(r)@example.com")
            try sheet.write(row: r, column: 1, text: "First\(r)")
            try sheet.write(row: r, column: 2, text: "Last\(r % 977)")
            try sheet.write(row: r, column: 3, text: "+65 9\(1_000_000 + r)")
            try sheet.write(row: r, column: 4, value: .number(Double(r) / 4))
            if r % 10_000 == 0 { peak = max(peak, Memory.residentBytes()) }
        }
        try wb.close()
        let growth = peak - baseline
        // A million cells held in memory would cost well over 100 MB; streaming stays flat.
        print("streaming \(rows) rows: resident memory grew by \(growth >> 10) KB")
        XCTAssertLessThan(growth, 48 << 20, "resident memory grew by \(growth >> 20) MB while streaming")

        let seen = try OpenPyXL.readLastRow(file)
        XCTAssertEqual(seen.maxRow, rows)
        XCTAssertEqual(seen.dimension, "A1:E\(rows)")
        XCTAssertEqual(seen.lastRow, [.string("user\(rows)@example.com"), .string("First\(rows)"), .string("Last\(rows % 977)"),
                                      .string("+65 9\(1_000_000 + rows)"), .number(Double(rows) / 4)])
    }

    func testStreamingRejectsRowsOutOfOrder() throws {
        let wb = try XLSXWorkbookWriter(path: path("order.xlsx"), options: XLSXWriteOptions(streaming: true))
        let sheet = try wb.addSheet(name: "S")
        try sheet.write(row: 5, column: 2, text: "c5")
        try sheet.write(row: 5, column: 0, text: "a5")  // any column order inside a row
        XCTAssertThrowsError(try sheet.write(row: 4, column: 0, text: "late")) { error in
            let e = error as? SheetIOError
            XCTAssertEqual(e?.kind, .write)
            XCTAssertEqual(e?.location, "S!A4")
            XCTAssertTrue(e?.message.contains("ascending") ?? false)
        }
        XCTAssertThrowsError(try sheet.setRow(3, hidden: true))
        XCTAssertThrowsError(try sheet.addNote(row: 4, column: 0, text: "too late")) { error in
            XCTAssertEqual((error as? SheetIOError)?.location, "S!A4")
        }
        try sheet.addNote(row: 5, column: 1, text: "current row is fine")
        // Other sheets keep their own order.
        let other = try wb.addSheet(name: "T")
        try other.write(row: 1, column: 0, text: "fine")
        try sheet.write(row: 6, column: 0, text: "a6")
        try wb.close()
        let seen = try OpenPyXL.read(path("order.xlsx"))
        XCTAssertEqual(seen.sheets[0].cells["A5"]?.value, .string("a5"))
        XCTAssertEqual(seen.sheets[0].cells["C5"]?.value, .string("c5"))
        XCTAssertEqual(seen.sheets[0].cells["A6"]?.value, .string("a6"))
        XCTAssertEqual(seen.sheets[0].comments["B5"]?.text, "current row is fine")
    }

    func testStreamingKeepsNotesValidationsAndStyles() throws {
        let file = path("streaming-features.xlsx")
        let wb = try XLSXWorkbookWriter(path: file, options: XLSXWriteOptions(streaming: true))
        let sheet = try wb.addSheet(name: "S")
        try sheet.freezePanes(rows: 1, columns: 0)
        try sheet.setColumn(0, 0, width: 25)
        try sheet.write(row: 1, column: 0, text: "Phone", style: wb.style(CellStyle(bold: true)))
        try sheet.write(row: 2, column: 0, text: "0091234567", style: wb.style(.text))
        try sheet.addNote(row: 2, column: 0, text: "leading zero kept")
        try sheet.addListValidation(firstRow: 2, lastRow: 10, column: 1, values: ["Yes", "No"])
        try wb.close()
        let s = try XCTUnwrap(OpenPyXL.read(file).sheets.first)
        XCTAssertEqual(s.cells["A2"]?.value, .string("0091234567"))
        XCTAssertEqual(s.cells["A2"]?.numberFormat, "@")
        XCTAssertEqual(s.cells["A1"]?.bold, true)
        XCTAssertEqual(s.comments["A2"]?.text, "leading zero kept")
        XCTAssertEqual(s.validations.first?.formula1, "\"Yes,No\"")
        XCTAssertEqual(s.freezePanes, "A2")
    }

    // MARK: Excel's limits

    func testGridCornersAreWritable() throws {
        let file = path("corners.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "S")
        try sheet.write(row: 1, column: 0, text: "first")
        try sheet.write(row: 1_048_576, column: 16_383, text: "last")
        try sheet.write(row: 2, column: 0, text: String(repeating: "x", count: 32_767))
        try wb.close()
        let cells = try XCTUnwrap(OpenPyXL.read(file).sheets.first).cells
        XCTAssertEqual(cells["XFD1048576"]?.value, .string("last"))
        XCTAssertEqual(cells["A2"]?.length, 32_767)
    }

    func testCellLimits() throws {
        let wb = try XLSXWorkbookWriter(path: path("limits.xlsx"))
        let sheet = try wb.addSheet(name: "S")
        let cases: [(String, () throws -> Void, SheetIOError.Kind)] = [
            ("row 0", { try sheet.write(row: 0, column: 0, text: "x") }, .cellLimit),
            ("row past 1,048,576", { try sheet.write(row: 1_048_577, column: 0, text: "x") }, .cellLimit),
            ("negative column", { try sheet.write(row: 1, column: -1, text: "x") }, .cellLimit),
            ("column past XFD", { try sheet.write(row: 1, column: 16_384, text: "x") }, .cellLimit),
            ("text of 32,768 characters", { try sheet.write(row: 1, column: 0, text: String(repeating: "x", count: 32_768)) }, .cellLimit),
            ("text of 16,384 emoji (32,768 UTF-16 units)", { try sheet.write(row: 1, column: 0, text: String(repeating: "🙂", count: 16_384)) }, .cellLimit),
            ("note past 32,767", { try sheet.addNote(row: 1, column: 0, text: String(repeating: "n", count: 32_768)) }, .cellLimit),
            ("note past the last row", { try sheet.addNote(row: 1_048_577, column: 0, text: "n") }, .cellLimit),
            ("column width over 255", { try sheet.setColumn(0, 0, width: 256) }, .write),
            ("reversed column range", { try sheet.setColumn(3, 1, width: 10) }, .write),
            ("freeze past the grid", { try sheet.freezePanes(rows: 1_048_576, columns: 0) }, .cellLimit),
            ("row height over 409", { try sheet.setRow(1, height: 410) }, .write),
            ("empty inline list", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: []) }, .write),
            ("inline list over 255 characters", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: (1...60).map { "val\($0)" }) }, .write),
            ("inline value with a comma", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: ["Smith, J"]) }, .write),
            ("inline value with a quote", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: ["a\"b"]) }, .write),
            ("validation input title over 32", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: ["a"], inputTitle: String(repeating: "t", count: 33)) }, .write),
            ("validation error message over 255", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, values: ["a"], errorMessage: String(repeating: "m", count: 256)) }, .write),
            ("validation rows reversed", { try sheet.addListValidation(firstRow: 9, lastRow: 3, column: 0, values: ["a"]) }, .write),
            ("validation past the last row", { try sheet.addListValidation(firstRow: 2, lastRow: 1_048_577, column: 0, values: ["a"]) }, .cellLimit),
            ("empty source formula", { try sheet.addListValidation(firstRow: 2, lastRow: 3, column: 0, sourceFormula: "=") }, .write),
            ("number format over 127 bytes", { _ = try wb.style(CellStyle(numberFormat: String(repeating: "0", count: 128))) }, .write),
        ]
        for (label, attempt, kind) in cases {
            XCTAssertThrowsError(try attempt(), label) { error in
                guard let e = error as? SheetIOError else { return XCTFail("\(label): \(error) is not a SheetIOError") }
                XCTAssertEqual(e.kind, kind, label)
                XCTAssertFalse(e.message.isEmpty, label)
                XCTAssertEqual(e.file, self.path("limits.xlsx"), label)
            }
        }
        // The sheet is still usable after rejected writes.
        try sheet.write(row: 1, column: 0, text: "ok")
        try wb.close()
    }

    func testSheetNameRules() throws {
        let wb = try XLSXWorkbookWriter(path: path("names.xlsx"))
        _ = try wb.addSheet(name: "Users")
        _ = try wb.addSheet(name: String(repeating: "n", count: 31))
        _ = try wb.addSheet(name: "Zoë's list")
        let bad: [(String, String)] = [
            ("", "empty"),
            (String(repeating: "n", count: 32), "32 characters"),
            ("a[b", "["), ("a]b", "]"), ("a:b", ":"), ("a*b", "*"), ("a?b", "?"), ("a/b", "/"), ("a\\b", "\\"),
            ("'quoted", "leading apostrophe"), ("quoted'", "trailing apostrophe"),
            ("USERS", "duplicate ignoring case"),
            ("history", "reserved"),
        ]
        for (name, why) in bad {
            XCTAssertThrowsError(try wb.addSheet(name: name), why) { error in
                XCTAssertEqual((error as? SheetIOError)?.kind, .write, why)
            }
        }
        XCTAssertEqual(wb.sheets.count, 3)
        try wb.close()
    }

    // MARK: LibreOffice

    func testLibreOfficeConvertsTheWorkbook() throws {
        guard let soffice = Tool.find("soffice") else { throw XCTSkip("soffice is not installed") }
        let file = path("lo.xlsx")
        let wb = try XLSXWorkbookWriter(path: file)
        let sheet = try wb.addSheet(name: "Users")
        try sheet.freezePanes(rows: 1, columns: 0)
        try sheet.write(row: 1, column: 0, text: "email", style: wb.style(CellStyle(bold: true, fillColor: 0xDDEBF7)))
        try sheet.write(row: 1, column: 1, text: "phone", style: wb.style(CellStyle(bold: true, fillColor: 0xDDEBF7)))
        try sheet.write(row: 2, column: 0, text: "ann@example.com")
        try sheet.write(row: 2, column: 1, text: "0091234567", style: wb.style(.text))
        try sheet.write(row: 3, column: 0, text: "bob@example.com")
        try sheet.write(row: 3, column: 1, value: .number(6591234567))
        try sheet.addNote(row: 2, column: 0, text: "checked")
        try sheet.addListValidation(firstRow: 2, lastRow: 100, column: 2, values: ["Yes", "No"])
        try wb.close()

        let out = directory.appendingPathComponent("lo-out")
        let profile = directory.appendingPathComponent("lo-profile")
        let result = try Tool.run(soffice, ["--headless", "-env:UserInstallation=file://\(profile.path)",
                                            "--convert-to", "csv", "--outdir", out.path, file], timeout: 180)
        XCTAssertEqual(result.status, 0, result.output)
        let csv = try String(contentsOf: out.appendingPathComponent("lo.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).map(String.init),
                       ["email,phone", "ann@example.com,0091234567", "bob@example.com,6591234567"])
    }
}

// MARK: - Helpers

private enum Memory {
    /// VmRSS from /proc/self/status, in bytes (0 where there is no /proc).
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return digits * 1024
        }
        return 0
    }
}

private enum Tool {
    static func find(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Result { var status: Int32; var output: String; var stdout: Data }

    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        // Output goes to files, not pipes, so a large output can never block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("xlsxwriter-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw XCTSkip("\(executable) did not finish within \(Int(timeout)) s")
            }
            usleep(20_000)
        }
        let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus,
                      output: String(decoding: stdoutData + stderrData, as: UTF8.self), stdout: stdoutData)
    }
}

/// openpyxl, driven through python3, as an independent reader of what the writer produced.
private enum OpenPyXL {
    enum Value: Decodable, Equatable {
        case none, string(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .none }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .string(try c.decode(String.self)) }
        }
    }
    struct CellInfo: Decodable {
        var value: Value
        var type: String
        var numberFormat: String
        var bold: Bool
        var italic: Bool
        var wrap: Bool
        var fontColor: String?
        var fill: String?
        var border: String?
        var length: Int?
    }
    struct Validation: Decodable {
        var type: String?
        var formula1: String?
        var sqref: String
        var promptTitle: String?
        var prompt: String?
        var errorTitle: String?
        var error: String?
        var errorStyle: String?
        var allowBlank: Bool?
        var hideDropDown: Bool?
    }
    struct Comment: Decodable { var text: String; var author: String? }
    struct Column: Decodable { var width: Double?; var hidden: Bool; var max: Int?; var numberFormat: String? }
    struct RowInfo: Decodable { var height: Double?; var hidden: Bool }
    struct Sheet: Decodable {
        var title: String
        var state: String
        var freezePanes: String?
        var cells: [String: CellInfo]
        var validations: [Validation]
        var comments: [String: Comment]
        var columns: [String: Column]
        var rows: [String: RowInfo]
    }
    struct Workbook: Decodable {
        var sheets: [Sheet]
        var activeSheet: Int
        var created: String?
        var creator: String?
        var zipDates: [String]
    }
    struct LastRow: Decodable { var maxRow: Int; var dimension: String; var lastRow: [Value] }

    private static let script = #"""
import json, sys, zipfile, datetime
import openpyxl
path = sys.argv[1]
wb = openpyxl.load_workbook(path)
def color(c):
    if c is None: return None
    return c.rgb if isinstance(c.rgb, str) else None
def value(v):
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)): return v.isoformat()
    return v
out = {"sheets": [], "activeSheet": wb.index(wb.active),
       "created": wb.properties.created.isoformat() if wb.properties.created else None,
       "creator": wb.properties.creator,
       "zipDates": [datetime.datetime(*i.date_time).isoformat() for i in zipfile.ZipFile(path).infolist()]}
for ws in wb.worksheets:
    cells = {}
    # Only the cells the file holds: iter_rows would walk the whole used rectangle.
    for key in sorted(ws._cells):
            c = ws._cells[key]
            if c.value is None and not c.has_style: continue
            v = value(c.value)
            fill = c.fill.fgColor if c.fill is not None and c.fill.fill_type == "solid" else None
            cells[c.coordinate] = {"value": v, "type": type(c.value).__name__ if c.value is not None else "none",
                "numberFormat": c.number_format, "bold": bool(c.font.b), "italic": bool(c.font.i),
                "wrap": bool(c.alignment.wrap_text), "fontColor": color(c.font.color), "fill": color(fill),
                "border": c.border.left.style if c.border is not None else None,
                "length": len(c.value) if isinstance(c.value, str) else None}
    dvs = [{"type": d.type, "formula1": d.formula1, "sqref": str(d.sqref), "promptTitle": d.promptTitle,
            "prompt": d.prompt, "errorTitle": d.errorTitle, "error": d.error, "errorStyle": d.errorStyle,
            "allowBlank": d.allow_blank, "hideDropDown": bool(d.showDropDown)} for d in ws.data_validations.dataValidation]
    comments = {c.coordinate: {"text": c.comment.text, "author": c.comment.author}
                for c in ws._cells.values() if c.comment is not None}
    cols = {k: {"width": d.width if d.customWidth else None, "hidden": bool(d.hidden), "max": d.max,
                "numberFormat": d.number_format if d.style_id else None}
            for k, d in ws.column_dimensions.items()}
    rows = {str(k): {"height": d.ht, "hidden": bool(d.hidden)} for k, d in ws.row_dimensions.items()}
    out["sheets"].append({"title": ws.title, "state": ws.sheet_state, "freezePanes": ws.freeze_panes,
        "cells": cells, "validations": dvs, "comments": comments, "columns": cols, "rows": rows})
print(json.dumps(out))
"""#

    private static let lastRowScript = #"""
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb.worksheets[0]
dim = ws.calculate_dimension()
last = [c.value for c in next(ws.iter_rows(min_row=ws.max_row, max_row=ws.max_row))]
print(json.dumps({"maxRow": ws.max_row, "dimension": dim, "lastRow": last}))
"""#

    private static func python() throws -> String {
        guard let python = Tool.find("python3") else { throw XCTSkip("python3 is not installed") }
        let probe = try Tool.run(python, ["-c", "import openpyxl"])
        guard probe.status == 0 else { throw XCTSkip("openpyxl is not installed for python3") }
        return python
    }

    private static func run<T: Decodable>(_ script: String, _ file: String, as: T.Type) throws -> T {
        let result = try Tool.run(try python(), ["-c", script, file], timeout: 300)
        guard result.status == 0 else {
            XCTFail("openpyxl could not read \(file): \(result.output)")
            throw SheetIOError(.io, "openpyxl failed")
        }
        return try JSONDecoder().decode(T.self, from: result.stdout)
    }

    static func read(_ file: String) throws -> Workbook { try run(script, file, as: Workbook.self) }
    static func readLastRow(_ file: String) throws -> LastRow { try run(lastRowScript, file, as: LastRow.self) }
}
