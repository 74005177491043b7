import Foundation
import XCTest
@testable import SheetIO

final class JSONWriterTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("json-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// What `write` puts into a sink, as text.
    private func output(_ write: (ByteSink) -> Void) throws -> String {
        let path = directory.appendingPathComponent("out-\(UUID().uuidString).json").path
        let sink = try ByteSink(path: path)
        write(sink)
        try sink.commit()
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    private static let usersSheet: [Row] = [
        Row(number: 1, cells: [Cell(column: 0, value: .text("Email address")), Cell(column: 5, value: .text("Contact number"))]),
        Row(number: 2, cells: [
            Cell(column: 0, value: .text("jane@tech.gov.sg")),
            Cell(column: 1, value: .empty),
            Cell(column: 2, value: .text("")),
            Cell(column: 5, value: .number(91234567)),
        ]),
        Row(number: 3, cells: [Cell(column: 0, value: .empty)]),
        Row(number: 4, cells: [
            Cell(column: 0, value: .boolean(true)),
            Cell(column: 1, value: .date(ExcelDate(serial: 45322.5, uses1904: false, kind: .dateTime))),
            Cell(column: 2, value: .error("#N/A")),
            Cell(column: 3, value: .number(0.1)),
            Cell(column: 4, value: .number(.nan)),
            Cell(column: 27, value: .number(-1.5e21)),
        ]),
    ]

    func testStringEscaping() throws {
        let cases: [(String, String)] = [
            ("plain", "\"plain\""),
            ("", "\"\""),
            ("say \"hi\"", "\"say \\\"hi\\\"\""),
            ("back\\slash", "\"back\\\\slash\""),
            ("a\nb\rc\td", "\"a\\nb\\rc\\td\""),
            ("\u{8}\u{C}", "\"\\b\\f\""),
            ("\u{0}\u{1}\u{1F}", "\"\\u0000\\u0001\\u001f\""),
            ("\u{7F}/", "\"\u{7F}/\""),
            ("line\u{2028}para\u{2029}end", "\"line\\u2028para\\u2029end\""),
            ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
            ("Zoë 陈 😀", "\"Zoë 陈 😀\""),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(JSONEscaping.quoted(text), expected, text.debugDescription)
            XCTAssertEqual(try output { JSONEscaping.writeString(text, to: $0) }, expected, text.debugDescription)
            // And a JSON parser reads back the original.
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + expected + "]").utf8)) as? [String]
            XCTAssertEqual(parsed, [text], text.debugDescription)
        }
    }

    func testStreamingWriterPlacesCommas() throws {
        let text = try output { sink in
            let json = JSONWriter(sink: sink)
            json.beginObject()
            json.key("a"); json.value(1)
            json.key("b"); json.beginArray(); json.value("x"); json.value(2.5); json.value(true); json.null(); json.value(Optional<String>.none); json.endArray()
            json.key("c"); json.beginObject(); json.endObject()
            json.key("d"); json.beginArray(); json.beginArray(); json.endArray(); json.beginObject(); json.endObject(); json.endArray()
            json.key("e"); json.value(Double.infinity)
            json.key("big"); json.value(91234567.0)
            json.endObject()
        }
        XCTAssertEqual(text, "{\"a\":1,\"b\":[\"x\",2.5,true,null,null],\"c\":{},\"d\":[[],{}],\"e\":null,\"big\":91234567}")
    }

    func testTypedJSONShape() throws {
        let text = try output { sink in
            let writer = TypedJSONWriter(sink: sink)
            writer.beginSheet(name: "Users", visibility: .visible)
            Self.usersSheet.prefix(2).forEach(writer.writeRow)
            writer.endSheet()
            writer.finish()
        }
        XCTAssertEqual(text, #"{"sheets":[{"name":"Users","visibility":"visible","rows":[{"row":1,"cells":[{"ref":"A1","type":"string","value":"Email address"},{"ref":"F1","type":"string","value":"Contact number"}]},{"row":2,"cells":[{"ref":"A2","type":"string","value":"jane@tech.gov.sg"},{"ref":"F2","type":"number","value":91234567}]}]}]}"# + "\n")
    }

    func testTypedJSONTypesAndSheets() throws {
        let text = try output { sink in
            let writer = TypedJSONWriter(sink: sink)
            writer.beginSheet(name: "Users")
            Self.usersSheet.forEach(writer.writeRow)
            writer.endSheet()
            writer.beginSheet(name: "Lists \"x\"", visibility: .veryHidden)
            writer.finish()  // closes the open sheet
        }
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let sheets = try XCTUnwrap(root["sheets"] as? [[String: Any]])
        XCTAssertEqual(sheets.map { $0["name"] as? String }, ["Users", "Lists \"x\""])
        XCTAssertEqual(sheets.map { $0["visibility"] as? String }, ["visible", "veryHidden"])
        let rows = try XCTUnwrap(sheets[0]["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["row"] as? Int }, [1, 2, 4], "the blank row 3 is left out")
        XCTAssertTrue(text.contains(##"{"row":4,"cells":[{"ref":"A4","type":"boolean","value":true},{"ref":"B4","type":"date","value":"2024-01-31T12:00:00"},{"ref":"C4","type":"error","value":"#N/A"},{"ref":"D4","type":"number","value":0.1},{"ref":"E4","type":"error","value":"#NUM!"},{"ref":"AB4","type":"number","value":-1.5E+21}]}"##), text)
        XCTAssertFalse(text.contains("NaN"))
        XCTAssertEqual(try output { TypedJSONWriter(sink: $0).finish() }, "{\"sheets\":[]}\n")
    }

    func testJSONLines() throws {
        let text = try output { sink in
            let writer = JSONLinesWriter(sink: sink)
            Self.usersSheet.forEach { writer.writeRow($0, sheet: "Users") }
            writer.writeJSONObjectLine([("email", "jane@tech.gov.sg"), ("username", nil), ("note", "line\nbreak \u{2028}")])
            writer.writeJSONObjectLine([])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 6, text)
        XCTAssertEqual(lines[1], #"{"sheet":"Users","row":2,"cells":[{"ref":"A2","type":"string","value":"jane@tech.gov.sg"},{"ref":"F2","type":"number","value":91234567}]}"#)
        XCTAssertEqual(lines[2].prefix(27), #"{"sheet":"Users","row":4,"c"#)
        XCTAssertEqual(lines[3], #"{"email":"jane@tech.gov.sg","username":null,"note":"line\nbreak \u2028"}"#)
        XCTAssertEqual(lines[4], "{}")
        XCTAssertEqual(lines[5], "")
        for line in lines.dropLast() {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)), String(line))
        }
    }

    func testCSVRowsToTypedJSON() throws {
        // A CSV read end to end into typed JSON: every cell a string, blank lines left out.
        let csv = directory.appendingPathComponent("Users.csv")
        try Data("Email address,Phone\n\njane@tech.gov.sg,91234567\n".utf8).write(to: csv)
        let source = try CSVSource(path: csv.path)
        let text = try output { sink in
            let writer = TypedJSONWriter(sink: sink)
            writer.beginSheet(name: source.sheets[0].name, visibility: source.sheets[0].visibility)
            _ = try? source.readRows(sheet: 0, writer.writeRow)
            writer.endSheet()
            writer.finish()
        }
        XCTAssertEqual(text, #"{"sheets":[{"name":"Users","visibility":"visible","rows":[{"row":1,"cells":[{"ref":"A1","type":"string","value":"Email address"},{"ref":"B1","type":"string","value":"Phone"}]},{"row":3,"cells":[{"ref":"A3","type":"string","value":"jane@tech.gov.sg"},{"ref":"B3","type":"string","value":"91234567"}]}]}]}"# + "\n")
    }
}
