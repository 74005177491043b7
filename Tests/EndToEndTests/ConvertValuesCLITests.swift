import Foundation
import XCTest
import TestSupport

/// Issue 10, "Values": runs `invitesheet convert` and `sheets` on the values-* fixtures (made by
/// `python3 Tests/Fixtures/make_fixtures.py --values`) and checks what a user sees, in CSV, JSON
/// and JSON Lines, against what openpyxl and python-calamine read where those two agree.
final class ConvertValuesCLITests: XCTestCase {
    private var directory: URL!
    private var binary: String!

    override func setUpWithError() throws {
        binary = try InvitesheetBinary.locate()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func fixture(_ name: String) throws -> String {
        let path = ConvertCLITests.fixtures.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("fixture \(name) not present") }
        return path
    }

    /// Runs and expects exit 0 and, on stderr, nothing but the "Wrote …" line of each file written.
    @discardableResult
    private func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let r = try CLIResult.run(binary, arguments)
        XCTAssertEqual(r.status, 0, "invitesheet \(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        for text in r.stderr.split(separator: "\n") {
            XCTAssertTrue(text.hasPrefix("Wrote "), "unexpected on stderr: \(text)", file: file, line: line)
        }
        if arguments.first == "sheets" { XCTAssertEqual(r.stderr, "", file: file, line: line) }
        return r
    }

    /// `ref → (type, value as JSON text)` from `convert --to json` of the default sheet.
    private func typedCells(_ name: String, sheet: String? = nil) throws -> [String: (type: String, value: String)] {
        var args = ["convert", try fixture(name), "--to", "json"]
        if let sheet { args += ["--sheet", sheet] }
        let r = try ok(args)
        let doc = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        var out: [String: (type: String, value: String)] = [:]
        for s in doc?["sheets"] as? [[String: Any]] ?? [] {
            for row in s["rows"] as? [[String: Any]] ?? [] {
                for c in row["cells"] as? [[String: Any]] ?? [] {
                    let v: String
                    if let text = c["value"] as? String { v = text } else { v = "\(c["value"] ?? "")" }
                    out[c["ref"] as? String ?? ""] = (c["type"] as? String ?? "", v)
                }
            }
        }
        return out
    }

    // MARK: 1. numbers: the same shortest round-trip text in CSV, JSON and JSON Lines

    static let numbers = ["1.0413926851582251", "0.3333333333333333", "1.234567890123457E+18", "91234567",
                          "6591234567", "0.1", "0.00001", "123456789012345", "1E+16", "-2.5",
                          "1.5E-10", "1E+300", "0.30000000000000004", "9007199254740994", "0"]

    func testNumbersAreExactAndTheSameInCSVJSONAndJSONLines() throws {
        let book = try fixture("values-numbers.xlsx")
        let csv = try ok(["convert", book, "--to", "csv"]).stdout
        XCTAssertEqual(csv, Self.numbers.map { $0 + "\r\n" }.joined())
        let json = try ok(["convert", book, "--to", "json"]).stdout
        let jsonCells = Self.numbers.enumerated().map { #"{"row":\#($0 + 1),"cells":[{"ref":"A\#($0 + 1)","type":"number","value":\#($1)}]}"# }
        XCTAssertEqual(json, #"{"sheets":[{"name":"Numbers","visibility":"visible","rows":["# + jsonCells.joined(separator: ",") + "]}]}\n")
        let jsonl = try ok(["convert", book, "--to", "jsonl"]).stdout
        XCTAssertEqual(jsonl, Self.numbers.enumerated().map {
            #"{"sheet":"Numbers","row":\#($0 + 1),"cells":[{"ref":"A\#($0 + 1)","type":"number","value":\#($1)}]}"# + "\n"
        }.joined())
        // Every number is valid JSON and reads back as the double the file stores.
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertNotNil(parsed)
    }

    // MARK: 2-5. dates by value, durations, negative serials, serial 60

    func testDatesDurationsAndNegativeSerialsInTypedJSON() throws {
        let cells = try typedCells("values-dates.xlsx")
        let expected: [(String, String, String)] = [
            ("B1", "date", "2024-01-31T11:01:02"),      // mm-dd-yy holding a time keeps it
            ("B2", "date", "2024-01-31"),               // yyyy-mm-dd hh:mm at midnight
            ("B3", "date", "00:00:00"),                 // serial 0
            ("B4", "date", "13:45:00.250"),
            ("B5", "date", "2024-01-31T13:45:00.500"),
            ("B6", "date", "1900-02-28"),
            ("B7", "date", "1900-02-28"),               // serial 60
            ("B8", "date", "1900-03-01"),
            ("B9", "number", "-1"),                     // Excel shows ####
            ("B10", "number", "-0.5"),
            ("B11", "duration", "PT918610S"),           // [h]:mm:ss
            ("B12", "duration", "-PT30S"),
            ("B13", "duration", "PT90.5S"),             // [mm]:ss
            ("B14", "duration", "PT1.25S"),             // [ss]
            ("B15", "duration", "PT129600S"),           // [hh]:mm
            ("B16", "date", "1900-01-01T12:00:00"),     // h:mm:ss over a day
        ]
        for (ref, type, value) in expected {
            XCTAssertEqual(cells[ref]?.type, type, ref)
            XCTAssertEqual(cells[ref]?.value, value, ref)
        }
        let csv = try ok(["convert", try fixture("values-dates.xlsx"), "--to", "csv"]).stdout
        XCTAssertTrue(csv.contains("[h]:mm:ss,PT918610S\r\n[h]:mm:ss,-PT30S\r\n"), csv)
        XCTAssertTrue(csv.contains("yyyy-mm-dd,-1\r\nhh:mm,-0.5\r\n"), csv)
    }

    // MARK: 6. 1904

    func testThe1904SystemSurvivesAnExtLstWorkbookPr() throws {
        let r = try ok(["convert", try fixture("values-1904-extlst.xlsx"), "--to", "csv"])
        XCTAssertEqual(r.stdout, "2024-01-31\r\n")
    }

    // MARK: 7. overflow and hex

    func testOverflowingNumbersAreInfinityNotAnError() throws {
        let book = try fixture("values-overflow.xlsx")
        XCTAssertEqual(try ok(["convert", book, "--to", "csv"]).stdout, "inf\r\ninf\r\n-inf\r\n1.7976931348623157E+308\r\n2.5\r\n")
        let json = try ok(["convert", book, "--to", "jsonl"]).stdout
        XCTAssertTrue(json.hasPrefix(#"{"sheet":"Sheet1","row":1,"cells":[{"ref":"A1","type":"number","value":"inf"}]}"# + "\n"), json)
        XCTAssertTrue(json.contains(#"{"ref":"A3","type":"number","value":"-inf"}"#), json)
    }

    func testAHexNumberFailsWithTheUsualBadNumberMessage() throws {
        let book = try fixture("values-hex.xlsx")
        let r = try CLIResult.run(binary, ["convert", book, "--to", "csv"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "invitesheet: error: \(book): sheet 'Sheet1' cell A1: \"0x10\" is not a number\n")
    }

    // MARK: 8. attribute values

    func testAnAmpersandInASheetNameIsReadAsItself() throws {
        let book = try fixture("values-amp-sheet.xlsx")
        XCTAssertEqual(try ok(["sheets", book, "--json"]).stdout,
                       #"{"file":"\#(book)","sheets":[{"index":1,"name":"5&4","visibility":"visible","kind":"worksheet","usedRange":"A1","rows":1}]}"# + "\n")
        XCTAssertEqual(try ok(["convert", book, "--sheet", "5&4", "--to", "csv"]).stdout, "a&b\r\n")
    }

    // MARK: 9. inline strings, _X, backslashes, chart sheets

    func testInlineStringsAndUppercaseXEscapes() throws {
        let r = try ok(["convert", try fixture("values-inline-v.xlsx"), "--to", "csv"])
        XCTAssertEqual(r.stdout, "1.0,2.0\r\n\"_X0041_ stays, A is A\",\r\n")
    }

    func testBackslashEntryNamesAreRead() throws {
        let r = try ok(["convert", try fixture("values-backslash.xlsx"), "--to", "csv"])
        XCTAssertEqual(r.stdout, "read through backslashes\r\n")
    }

    func testChartSheetsAreListedAndSkipped() throws {
        let book = try fixture("values-chartsheet.xlsx")
        XCTAssertEqual(try ok(["sheets", book]).stdout, """
            #  name                      visibility  kind       used range
            1  Chart                     visible     chart      (empty)
            2  Data                      visible     worksheet  A1:A3

            """)
        XCTAssertEqual(try ok(["convert", book, "--to", "csv"]).stdout, "1\r\n2\r\n3\r\n", "the default sheet is never a chart sheet")
        // With the chart sheet skipped one sheet is left, so CSV goes to one file, not a folder.
        let out = directory.appendingPathComponent("all.csv").path
        try ok(["convert", book, "--all-sheets", "--to", "csv", "-o", out])
        XCTAssertEqual(try String(contentsOfFile: out, encoding: .utf8), "1\r\n2\r\n3\r\n")
        let json = try ok(["convert", book, "--all-sheets", "--to", "json"]).stdout
        XCTAssertTrue(json.hasPrefix(#"{"sheets":[{"name":"Data","#), json)
    }

    // MARK: against openpyxl and python-calamine

    /// For each fixture, every cell on which openpyxl and python-calamine agree must come out of
    /// `convert --to json` the same (numbers as the same double, dates and durations as the
    /// same ISO 8601 text).
    func testConvertAgreesWithOpenpyxlAndCalamineWhereTheyAgree() throws {
        let probe = try? CLIResult.run("/usr/bin/env", ["python3", "-c", "import openpyxl, python_calamine"])
        guard probe?.status == 0 else { throw XCTSkip("python3 with openpyxl and python-calamine is not available") }
        var compared = 0
        for name in ["values-numbers.xlsx", "values-dates.xlsx", "values-1904-extlst.xlsx", "values-overflow.xlsx",
                     "values-amp-sheet.xlsx", "values-inline-v.xlsx", "values-chartsheet.xlsx"] {
            let path = try fixture(name)
            let r = try CLIResult.run("/usr/bin/env", ["python3", "-c", Self.agreeScript, path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let agreed = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: [String: String]] ?? [:]
            for (sheet, cells) in agreed {
                let ours = try typedCells(name, sheet: sheet)
                for (ref, theirs) in cells {
                    compared += 1
                    guard let mine = ours[ref] else { XCTFail("\(name) \(sheet)!\(ref): missing, they read \(theirs)"); continue }
                    if mine.type == "number", let a = Double(mine.value.replacingOccurrences(of: "inf", with: "infinity")),
                       let b = Double(theirs.replacingOccurrences(of: "inf", with: "infinity")) {
                        XCTAssertEqual(a, b, "\(name) \(sheet)!\(ref): \(mine.value) vs \(theirs)")
                    } else {
                        XCTAssertEqual(mine.value, theirs, "\(name) \(sheet)!\(ref) (\(mine.type))")
                    }
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 50, "too few cells compared for the test to mean anything")
    }

    /// Prints `{sheet: {ref: text}}` for the cells openpyxl and calamine read alike, in this
    /// tool's notation (dates as ISO 8601 by value, durations as PT…S, numbers as repr).
    static let agreeScript = #"""
        import sys, json, datetime, openpyxl, python_calamine as pc
        path = sys.argv[1]

        def frac(us):
            ms = round(us / 1000)
            return "" if ms == 0 else ".%03d" % ms

        def norm(v):
            if v is None or v == "": return None
            if isinstance(v, bool): return "TRUE" if v else "FALSE"
            if isinstance(v, datetime.datetime):
                if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0): return v.date().isoformat()
                return v.strftime("%Y-%m-%dT%H:%M:%S") + frac(v.microsecond)
            if isinstance(v, datetime.date): return v.isoformat()
            if isinstance(v, datetime.time): return v.strftime("%H:%M:%S") + frac(v.microsecond)
            if isinstance(v, datetime.timedelta):
                ms = round(v.total_seconds() * 1000)
                s = "%d" % (abs(ms) // 1000) + (("." + ("%03d" % (abs(ms) % 1000)).rstrip("0")) if abs(ms) % 1000 else "")
                return ("-PT" if ms < 0 else "PT") + s + "S"
            if isinstance(v, float) and v.is_integer() and abs(v) < 1e16: return str(int(v))
            return repr(v) if isinstance(v, (int, float)) else str(v)

        wb = openpyxl.load_workbook(path)
        cwb = pc.CalamineWorkbook.from_path(path)
        out = {}
        for ws in wb.worksheets:
            if ws.title not in cwb.sheet_names: continue
            rows = cwb.get_sheet_by_name(ws.title).to_python(skip_empty_area=False)
            cells = {}
            for row in ws.iter_rows():
                for c in row:
                    a = norm(c.value)
                    r, k = c.row - 1, c.column - 1
                    b = norm(rows[r][k]) if r < len(rows) and k < len(rows[r]) else None
                    if a is not None and a == b: cells[c.coordinate] = a
            out[ws.title] = cells
        print(json.dumps(out))
        """#
}
