import Foundation
import XCTest
@testable import SheetIO

final class CSVWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// What `write` puts through a CSVWriter, as text.
    private func output(delimiter: UInt8 = UInt8(ascii: ","), neutralise: Bool = false, lineEnding: String = "\r\n",
                        _ write: (CSVWriter) -> Void) throws -> String {
        let path = directory.appendingPathComponent("out-\(UUID().uuidString).csv").path
        let sink = try ByteSink(path: path)
        write(CSVWriter(sink: sink, delimiter: delimiter, neutraliseFormulas: neutralise, lineEnding: lineEnding))
        try sink.commit()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    func testQuotesOnlyWhenNeeded() throws {
        let cases: [(String, String)] = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("\"", "\"\"\"\""),
            ("line1\nline2", "\"line1\nline2\""),
            ("cr\r", "\"cr\r\""),
            ("semi;colon", "semi;colon"),
            ("tab\there", "tab\there"),
            (" spaced ", " spaced "),
            ("Zoë 陈 😀", "Zoë 陈 😀"),
            ("=1+1", "=1+1"),
        ]
        for (field, expected) in cases {
            XCTAssertEqual(try output { $0.writeRow([field]) }, expected + "\r\n", field.debugDescription)
        }
        XCTAssertEqual(try output { $0.writeRow(["a", "", "c"]); $0.writeRow([]) }, "a,,c\r\n\r\n")
    }

    func testOtherDelimiterAndLineEnding() throws {
        let text = try output(delimiter: UInt8(ascii: ";"), lineEnding: "\n") { $0.writeRow(["a;b", "c,d", "e"]) }
        XCTAssertEqual(text, "\"a;b\";c,d;e\n")
        let tsv = try output(delimiter: UInt8(ascii: "\t")) { $0.writeRow(["a\tb", "c,d"]) }
        XCTAssertEqual(tsv, "\"a\tb\"\tc,d\r\n")
    }

    func testFormulaNeutralisation() throws {
        let cases: [(String, String)] = [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("=1+1", "'=1+1"),
            ("+6591234567", "'+6591234567"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "\"'\rcmd\""),
            // A NUL is written as its escape, which no spreadsheet reads as a formula.
            ("\u{0}x", "_x0000_x"),
            ("a=b", "a=b"),
            (" =1", " =1"),
            ("", ""),
            ("plain, text", "\"plain, text\""),
        ]
        for (field, expected) in cases {
            XCTAssertEqual(try output(neutralise: true) { $0.writeRow([field]) }, expected + "\r\n", field.debugDescription)
            // Off by default: the text goes out as it is.
            let plain = try output { $0.writeRow([field]) }
            XCTAssertFalse(plain.hasPrefix("'") || plain.hasPrefix("\"'"), field.debugDescription)
        }
    }

    func testControlCharactersAreWrittenAsTheirEscape() throws {
        let cases: [(String, String)] = [
            ("nul\u{0}", "nul_x0000_"),
            ("\u{1B}[31mred\u{1B}[0m", "_x001B_[31mred_x001B_[0m"),
            ("bell\u{7}", "bell_x0007_"),
            ("back\u{8}\u{8}", "back_x0008__x0008_"),
            ("del\u{7F}", "del_x007F_"),
            ("csi\u{9B}2J nel\u{85}", "csi_x009B_2J nel_x0085_"),
            ("form\u{C}feed", "form_x000C_feed"),
            // Tab, CR and LF are text: quoted when they must be, never escaped.
            ("tab\tok", "tab\tok"),
            ("a\u{1B}\nb", "\"a_x001B_\nb\""),
            ("q\u{7}\"", "\"q_x0007_\"\"\""),
            // Characters that merely look like C1 bytes in UTF-8 are left alone.
            ("é ¢ ÿ Ā 陈", "é ¢ ÿ Ā 陈"),
        ]
        for (field, expected) in cases {
            XCTAssertEqual(try output { $0.writeRow([field]) }, expected + "\r\n", field.debugDescription)
        }
        let tsv = try output(delimiter: UInt8(ascii: "\t")) { $0.writeRow(["\u{1B}x", "y\u{0}"]) }
        XCTAssertEqual(tsv, "_x001B_x\ty_x0000_\r\n")
        let neutralised = try output(neutralise: true) { $0.writeRow(["=\u{7}1"]) }
        XCTAssertEqual(neutralised, "'=_x0007_1\r\n")
    }

    func testRowIsWrittenAtItsColumnsPaddedToWidth() throws {
        let row = Row(number: 2, cells: [
            Cell(column: 0, value: .text("jane@tech.gov.sg")),
            Cell(column: 2, value: .number(91234567)),
            Cell(column: 3, value: .boolean(true)),
            Cell(column: 4, value: .date(ExcelDate(serial: 45322, uses1904: false, kind: .date))),
            Cell(column: 5, value: .error("#N/A")),
            Cell(column: 6, value: .number(0.1)),
            Cell(column: 7, value: .empty),
        ])
        XCTAssertEqual(try output { $0.writeRow(row, width: 10) }, "jane@tech.gov.sg,,91234567,TRUE,2024-01-31,#N/A,0.1,,,\r\n")
        // Wider than `width`: nothing is cut off.
        XCTAssertEqual(try output { $0.writeRow(row, width: 3) }, "jane@tech.gov.sg,,91234567,TRUE,2024-01-31,#N/A,0.1,\r\n")
        XCTAssertEqual(try output { $0.writeRow(Row(number: 1, cells: []), width: 3) }, ",,\r\n")
        let unordered = Row(number: 1, cells: [Cell(column: 2, value: .text("c")), Cell(column: 0, value: .text("a,1"))])
        XCTAssertEqual(try output { $0.writeRow(unordered, width: 0) }, "\"a,1\",,c\r\n")
        let formula = Row(number: 1, cells: [Cell(column: 1, value: .number(-3))])
        XCTAssertEqual(try output(neutralise: true) { $0.writeRow(formula, width: 2) }, ",'-3\r\n")
    }

    func testWrittenFileReadsBackTheSame() throws {
        let rows = [
            ["Email address", "Note", "Phone"],
            ["a@b.sg", "multi\r\nline \"quoted\", with comma", "+65 9123 4567"],
            ["", "x", ""],
            ["Zoë", "\"", "😀"],
        ]
        let path = directory.appendingPathComponent("round.csv").path
        let sink = try ByteSink(path: path)
        let writer = CSVWriter(sink: sink)
        rows.forEach(writer.writeRow)
        try sink.commit()
        let source = try CSVSource(path: path)
        var read: [[String]] = []
        _ = try source.readRows(sheet: 0) { row in
            read.append((0..<3).map { row.cell(at: $0)?.value.displayText ?? "" })
        }
        XCTAssertEqual(read, rows)
    }

    // MARK: Byte-order mark (CSV meant for Excel)

    private func bytes(byteOrderMark: Bool?, _ write: (CSVWriter) -> Void) throws -> [UInt8] {
        let path = directory.appendingPathComponent("bom-\(UUID().uuidString).csv").path
        let sink = try ByteSink(path: path)
        if let byteOrderMark {
            write(CSVWriter(sink: sink, byteOrderMark: byteOrderMark))
        } else {
            write(CSVWriter(sink: sink))
        }
        try sink.commit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testByteOrderMarkComesFirstOnlyWhenAskedFor() throws {
        let rows: (CSVWriter) -> Void = { $0.writeRow(["Siobhán", "Mei Ling"]); $0.writeRow(["=1", "b"]) }
        let plain = Array("Siobhán,Mei Ling\r\n=1,b\r\n".utf8)
        XCTAssertEqual(try bytes(byteOrderMark: nil, rows), plain, "no mark by default: pipelines read the first field as is")
        XCTAssertEqual(try bytes(byteOrderMark: false, rows), plain)
        XCTAssertEqual(try bytes(byteOrderMark: true, rows), [0xEF, 0xBB, 0xBF] + plain)
    }

    func testByteOrderMarkIsWrittenOnceEvenWithNoRows() throws {
        XCTAssertEqual(try bytes(byteOrderMark: true) { _ in }, [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(try bytes(byteOrderMark: true) { $0.writeRow(Row(number: 1, cells: [Cell(column: 1, value: .text("x"))]), width: 3) },
                       [0xEF, 0xBB, 0xBF] + Array(",x,\r\n".utf8))
    }

    func testFileWithByteOrderMarkReadsBackAsWritten() throws {
        let path = directory.appendingPathComponent("round-trip.csv").path
        let sink = try ByteSink(path: path)
        let writer = CSVWriter(sink: sink, byteOrderMark: true)
        writer.writeRow(["Email address*", "Full name*"])
        writer.writeRow(["siobhan@tech.gov.sg", "Siobhán Ó Súilleabháin"])
        try sink.commit()
        let source = try CSVSource(path: path)
        var rows: [[String]] = []
        _ = try source.readRows(sheet: 0) { row in rows.append(row.cells.map(\.value.displayText)) }
        XCTAssertEqual(rows, [["Email address*", "Full name*"], ["siobhan@tech.gov.sg", "Siobhán Ó Súilleabháin"]])
        XCTAssertEqual(source.encoding, .utf8)
        XCTAssertTrue(source.warnings.isEmpty, "\(source.warnings)")
    }
}
