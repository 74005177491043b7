import Foundation
import XCTest
@testable import SheetIO

/// Small packages built in the test (stored zip entries, hand-written XML) for cases the fixtures
/// do not cover.
final class XLSXReaderHandBuiltTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-hand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A one-sheet workbook around `sheetData` (the rows), with optional styles XML.
    private func workbook(sheetData: String, styles: String? = nil, name: String = "book.xlsx") throws -> String {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="Users" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/>"# + (styles == nil ? "" : #"<Relationship Id="rId2" Type="\#(rel)/styles" Target="styles.xml"/>"#) + "</Relationships>"),
            ("xl/worksheets/sheet1.xml", #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><sheetData>"# + sheetData + "</sheetData></worksheet>"),
        ]
        if let styles {
            parts.append(("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)">"# + styles + "</styleSheet>"))
        }
        let path = directory.appendingPathComponent(name).path
        try StoredZip.data(parts.map { ($0.0, Data($0.1.utf8)) }).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func rows(_ path: String, limits: ReadLimits = .default) throws -> [Row] {
        let source = try Spreadsheet.open(path: path, limits: limits)
        var out: [Row] = []
        _ = try source.readRows(sheet: 0) { out.append($0) }
        return out
    }

    private func error(_ path: String, limits: ReadLimits = .default) -> SheetIOError? {
        do {
            _ = try rows(path, limits: limits)
            XCTFail("expected an error")
            return nil
        } catch {
            return error as? SheetIOError
        }
    }

    /// A formula with no saved result is not an empty cell; an empty text result (Excel: t="str" and an
    /// empty <v>) is.
    func testFormulaWithoutASavedResult() throws {
        let data = #"<row r="2"><c r="A2"><f>LOWER("A@B.GOV.SG")</f></c><c r="B2"><f>1+1</f><v /></c>"#
            + #"<c r="C2" t="str"><f>""</f><v></v></c><c r="D2" t="str"><f>UPPER("x")</f></c><c r="E2"><f>1+1</f><v>2</v></c></row>"#
        let path = try workbook(sheetData: data)
        let row = try XCTUnwrap(try rows(path).first)
        XCTAssertEqual(row.cell(at: 0)?.value, .formulaWithoutResult, "no <v>")
        XCTAssertEqual(row.cell(at: 1)?.value, .formulaWithoutResult, "an empty <v /> is no number (openpyxl)")
        XCTAssertEqual(row.cell(at: 2)?.value, .empty, "a saved empty text result")
        XCTAssertEqual(row.cell(at: 3)?.value, .formulaWithoutResult, "t=\"str\" but no <v>")
        XCTAssertEqual(row.cell(at: 4)?.value, .number(2))
        XCTAssertTrue(row.cells.allSatisfy(\.hasFormula))
        XCTAssertFalse(row.isBlank)
        XCTAssertEqual(CellValue.formulaWithoutResult.displayText, "")
        XCTAssertFalse(CellValue.formulaWithoutResult.isEmpty)
        XCTAssertEqual(CellValue.formulaWithoutResult.typeName, "formula")

        let source = try Spreadsheet.open(path: path)
        let summary = try source.readRows(sheet: 0) { _ in }
        XCTAssertEqual(summary.usedRange?.a1, "A2:E2", "cells that hold a formula count in the used range")
    }

    func testTheHandBuiltPackageReads() throws {
        let r = try rows(try workbook(sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c><c r="B1"><v>7</v></c></row>"#))
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r[0].cells.map(\.value), [.text("ok"), .number(7)])
    }

    func testARowThatRepeatsOneCellEndlesslyIsRefused() throws {
        let cells = String(repeating: #"<c r="A1"><v>1</v></c>"#, count: CellReference.maxColumns + 1)
        let e = error(try workbook(sheetData: #"<row r="1">"# + cells + "</row>"))
        XCTAssertEqual(e?.kind, .cellLimit)
        XCTAssertTrue(e?.description.contains("16384 cells") ?? false, "\(String(describing: e))")
    }

    func testARowOfManyLongStringsIsRefusedBeforeItFillsMemory() throws {
        let long = String(repeating: "x", count: 30_000)
        let cells = (0..<40).map { _ in #"<c t="inlineStr"><is><t>\#(long)</t></is></c>"# }.joined()
        var limits = ReadLimits.default
        limits.maxRowTextBytes = 1 << 20
        let e = error(try workbook(sheetData: "<row>" + cells + "</row>"), limits: limits)
        XCTAssertEqual(e?.kind, .cellLimit)
        XCTAssertTrue(e?.description.contains("row 1 holds more than 1 MiB of text") ?? false, "\(String(describing: e))")
        XCTAssertEqual(try rows(try workbook(sheetData: "<row>" + cells + "</row>", name: "ok.xlsx")).first?.cells.count, 40,
                       "the default limit (16 MiB) lets a 1.2 MB row through")
    }

    func testARowWithEveryColumnReads() throws {
        var cells = ""
        for c in 0..<CellReference.maxColumns { cells += #"<c r="\#(CellReference.a1(column: c, row: 1))"><v>\#(c)</v></c>"# }
        let r = try rows(try workbook(sheetData: #"<row r="1">"# + cells + "</row>"))
        XCTAssertEqual(r.first?.cells.count, CellReference.maxColumns)
        XCTAssertEqual(r.first?.cells.last?.columnLetters, "XFD")
    }

    func testDifferentialFormatsDoNotOverrideTheNumberFormatTable() throws {
        // Style 1 uses format 164 = yyyy-mm-dd; a conditional-format dxf reuses id 164 for 0.00%.
        let styles = """
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>
            <dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00%"/></dxf></dxfs>
            """
        let r = try rows(try workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>45322</v></c></row>"#, styles: styles))
        XCTAssertEqual(r.first?.cells.first?.format?.code, "yyyy-mm-dd")
        XCTAssertEqual(r.first?.cells.first?.value.displayText, "2024-01-31")
    }

    func testTwelveHourFormatsAreTimesAndElapsedTimeIsADuration() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm"/><numFmt numFmtId="165" formatCode="h:mm AM/PM"/></numFmts>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="18"/></cellXfs>
            """
        let r = try rows(try workbook(sheetData: #"<row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.5729166666666666</v></c><c r="C1" s="3"><v>0.25</v></c></row>"#, styles: styles))
        let values = r.first?.cells.map(\.value) ?? []
        XCTAssertEqual(values.map(\.displayText), ["PT43200S", "13:45:00", "06:00:00"])
        XCTAssertEqual(values.first, .duration(ExcelDuration(days: 0.5)))
        for v in values.dropFirst() {
            guard case .date(let d) = v else { XCTFail("\(v) is not a time"); continue }
            XCTAssertEqual(d.kind, .time)
        }
    }

    func testRowNumbersTakenFromCellsObeyTheRowLimit() throws {
        var limits = ReadLimits.default
        limits.maxRows = 10
        let e = error(try workbook(sheetData: #"<row><c r="A11"><v>1</v></c></row>"#), limits: limits)
        XCTAssertEqual(e?.kind, .cellLimit)
        XCTAssertTrue(e?.description.contains("row 11") ?? false, "\(String(describing: e))")
    }

    func testAnOverlongRowNumberIsBeyondTheGridNotMalformed() throws {
        let e = error(try workbook(sheetData: #"<row r="123456789012345678901234567890"><c><v>1</v></c></row>"#))
        XCTAssertEqual(e?.kind, .cellLimit)
        let bad = error(try workbook(sheetData: #"<row r="12x"><c><v>1</v></c></row>"#, name: "bad.xlsx"))
        XCTAssertEqual(bad?.kind, .badCell)
        let zero = error(try workbook(sheetData: #"<row r="0"><c><v>1</v></c></row>"#, name: "zero.xlsx"))
        XCTAssertEqual(zero?.kind, .badCell)
    }

    func testMalformedValuesNameTheCell() throws {
        let e = error(try workbook(sheetData: #"<row r="2"><c r="C2"><v>12abc</v></c></row>"#))
        XCTAssertEqual(e?.kind, .badCell)
        XCTAssertTrue(e?.description.contains("cell C2") ?? false, "\(String(describing: e))")
        let ref = error(try workbook(sheetData: #"<row r="2"><c r="2C"><v>1</v></c></row>"#, name: "ref.xlsx"))
        XCTAssertEqual(ref?.kind, .badCell)
    }

    func testEmptyAndFormulaOnlyCells() throws {
        let r = try rows(try workbook(sheetData: #"<row r="1"><c r="A1" s="0"/><c r="B1"><f>1+1</f></c><c r="C1" t="s"/><c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1"><v>5</v></c></row>"#))
        // Styled-only cells are left out; a formula without a cached value is kept, as a formula without a result.
        XCTAssertEqual(r.first?.cells.map(\.columnLetters), ["B", "E"])
        XCTAssertEqual(r.first?.cells.first?.hasFormula, true)
        XCTAssertEqual(r.first?.cells.first?.value, .formulaWithoutResult)
        XCTAssertFalse(r.first?.isBlank ?? true)
    }
}

/// Writes a zip of stored (uncompressed) entries with consistent local and central headers.
enum StoredZip {
    static func data(_ entries: [(String, Data)]) -> Data {
        var out = Data()
        var central = Data()
        func u16(_ v: Int, _ d: inout Data) { d.append(UInt8(v & 0xFF)); d.append(UInt8((v >> 8) & 0xFF)) }
        func u32(_ v: UInt32, _ d: inout Data) { for s in stride(from: 0, to: 32, by: 8) { d.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
        for (name, body) in entries {
            let nameBytes = Data(name.utf8)
            let crc = crc32(body)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(body.count), &out); u32(UInt32(body.count), &out)
            u16(nameBytes.count, &out); u16(0, &out); out.append(nameBytes); out.append(body)

            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(UInt32(body.count), &central)
            u32(UInt32(body.count), &central); u16(nameBytes.count, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central); central.append(nameBytes)
        }
        let cdOffset = UInt32(out.count)
        out.append(central)
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(UInt32(central.count), &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var table = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            var c = UInt32(i)
            for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            table[i] = c
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
