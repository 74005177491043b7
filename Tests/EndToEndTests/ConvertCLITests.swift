import Foundation
import XCTest
import TestSupport

/// Runs the built `invitesheet` command the way a user does and checks its exact output.
///
/// The binary is found beside the test runner in the build products folder (or at
/// `INVITESHEET_BIN`); build it first with `swift build` using the same `--scratch-path`.
final class ConvertCLITests: XCTestCase {
    private var directory: URL!
    private var binary: String!

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    override func setUpWithError() throws {
        binary = try InvitesheetBinary.locate()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: Helpers

    private func fixture(_ name: String) throws -> String {
        let path = Self.fixtures.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("fixture \(name) not present") }
        return path
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @discardableResult
    private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let r = try CLIResult.run(binary, arguments)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr, file: file, line: line)
        return r
    }

    /// Runs and expects exit 0 and, on stderr, nothing but the "Wrote …" line of each file written.
    @discardableResult
    private func ok(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let r = try run(arguments, file: file, line: line)
        XCTAssertEqual(r.status, 0, "invitesheet \(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        for text in r.stderr.split(separator: "\n") {
            XCTAssertTrue(text.hasPrefix("Wrote "), "unexpected on stderr: \(text)", file: file, line: line)
        }
        if arguments.first == "sheets" { XCTAssertEqual(r.stderr, "", file: file, line: line) }
        return r
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    // MARK: Expected output of real-xlsxwriter.xlsx, sheet Users

    static let usersCSV = [
        "Email address*,Contact number*,Count,Joined,Time,Stamp,Flag,Err,Rich,Note",
        "jane.tan@tech.gov.sg,91234567,0.1,2024-01-31,13:45:00,2024-01-31T13:45:00,TRUE,#DIV/0!,Tan Ah Kow,00123",
        "bob@vendor.com,+65 9123 4567,6591234567,2023-12-25,,,FALSE,#N/A,\"line1\nline2\",_x0041_",
        ",,,,,,,,,",
        "last@tech.gov.sg,,0.00001,123456789012345,,,,,,",
    ].map { $0 + "\r\n" }.joined()

    static let usersTSV = [
        "Email address*\tContact number*\tCount\tJoined\tTime\tStamp\tFlag\tErr\tRich\tNote",
        "jane.tan@tech.gov.sg\t91234567\t0.1\t2024-01-31\t13:45:00\t2024-01-31T13:45:00\tTRUE\t#DIV/0!\tTan Ah Kow\t00123",
        "bob@vendor.com\t+65 9123 4567\t6591234567\t2023-12-25\t\t\tFALSE\t#N/A\t\"line1\nline2\"\t_x0041_",
        "\t\t\t\t\t\t\t\t\t",
        "last@tech.gov.sg\t\t0.00001\t123456789012345\t\t\t\t\t\t",
    ].map { $0 + "\r\n" }.joined()

    static let usersRows = [
        ##"{"row":1,"cells":[{"ref":"A1","type":"string","value":"Email address*"},{"ref":"B1","type":"string","value":"Contact number*"},{"ref":"C1","type":"string","value":"Count"},{"ref":"D1","type":"string","value":"Joined"},{"ref":"E1","type":"string","value":"Time"},{"ref":"F1","type":"string","value":"Stamp"},{"ref":"G1","type":"string","value":"Flag"},{"ref":"H1","type":"string","value":"Err"},{"ref":"I1","type":"string","value":"Rich"},{"ref":"J1","type":"string","value":"Note"}]}"##,
        ##"{"row":2,"cells":[{"ref":"A2","type":"string","value":"jane.tan@tech.gov.sg"},{"ref":"B2","type":"number","value":91234567},{"ref":"C2","type":"number","value":0.1},{"ref":"D2","type":"date","value":"2024-01-31"},{"ref":"E2","type":"date","value":"13:45:00"},{"ref":"F2","type":"date","value":"2024-01-31T13:45:00"},{"ref":"G2","type":"boolean","value":true},{"ref":"H2","type":"error","value":"#DIV/0!"},{"ref":"I2","type":"string","value":"Tan Ah Kow"},{"ref":"J2","type":"string","value":"00123"}]}"##,
        ##"{"row":3,"cells":[{"ref":"A3","type":"string","value":"bob@vendor.com"},{"ref":"B3","type":"string","value":"+65 9123 4567"},{"ref":"C3","type":"number","value":6591234567},{"ref":"D3","type":"date","value":"2023-12-25"},{"ref":"G3","type":"boolean","value":false},{"ref":"H3","type":"error","value":"#N/A"},{"ref":"I3","type":"string","value":"line1\nline2"},{"ref":"J3","type":"string","value":"_x0041_"}]}"##,
        ##"{"row":5,"cells":[{"ref":"A5","type":"string","value":"last@tech.gov.sg"},{"ref":"C5","type":"number","value":0.00001},{"ref":"D5","type":"number","value":123456789012345}]}"##,
    ]

    // MARK: convert: formats

    func testConvertToCSVOnStandardOutput() throws {
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--to", "csv"])
        XCTAssertEqual(r.stdout, Self.usersCSV)
        XCTAssertFalse(r.stdout.contains("E7"), "numbers are never in scientific notation")
        XCTAssertFalse(r.stdout.contains(".0,"))
    }

    func testConvertToCSVFileByExtension() throws {
        let out = path("users.csv")
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", out])
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try read(out), Self.usersCSV)
    }

    func testConvertToTSV() throws {
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--to", "tsv"])
        XCTAssertEqual(r.stdout, Self.usersTSV)
    }

    func testConvertToTypedJSON() throws {
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--to", "json"])
        let expected = ##"{"sheets":[{"name":"Users","visibility":"visible","rows":["## + Self.usersRows.joined(separator: ",") + "]}]}\n"
        XCTAssertEqual(r.stdout, expected)
        // It is JSON, and every type appears.
        let object = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        let sheets = object?["sheets"] as? [[String: Any]]
        let rows = sheets?.first?["rows"] as? [[String: Any]]
        let types = Set(rows?.flatMap { ($0["cells"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String } } ?? [])
        XCTAssertEqual(types, ["string", "number", "boolean", "date", "error"])
    }

    func testConvertToJSONByExtensionWithAllSheets() throws {
        let out = path("book.json")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--all-sheets", "-o", out])
        let expected = ##"{"sheets":[{"name":"Users","visibility":"visible","rows":["## + Self.usersRows.joined(separator: ",") + "]},"
            + ##"{"name":"Lists","visibility":"hidden","rows":[{"row":1,"cells":[{"ref":"A1","type":"string","value":"Public officer"}]},{"row":2,"cells":[{"ref":"A2","type":"string","value":"Vendor"}]}]},"##
            + ##"{"name":"_meta","visibility":"veryHidden","rows":[{"row":1,"cells":[{"ref":"A1","type":"string","value":"template"},{"ref":"B1","type":"string","value":"invitesheet-fixture"}]},{"row":2,"cells":[{"ref":"A2","type":"string","value":"version"},{"ref":"B2","type":"number","value":1}]}]}]}"##
            + "\n"
        XCTAssertEqual(try read(out), expected)
    }

    func testConvertToJSONLines() throws {
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--to", "jsonl"])
        let expected = Self.usersRows.map { ##"{"sheet":"Users","## + $0.dropFirst() + "\n" }.joined()
        XCTAssertEqual(r.stdout, expected)
        for line in r.stdout.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
        }
    }

    func testEveryRealFileConvertsToTheSameCSV() throws {
        // The four writers' files hold the same content; only J3 differs (see the fixtures README).
        for name in ["real-xlsxwriter-inline.xlsx", "real-libreoffice.xlsx", "real-openpyxl.xlsx"] {
            let r = try ok(["convert", try fixture(name), "--to", "csv"])
            let expected = name == "real-openpyxl.xlsx" ? Self.usersCSV.replacingOccurrences(of: ",_x0041_\r\n", with: ",A\r\n") : Self.usersCSV
            XCTAssertEqual(r.stdout, expected, name)
        }
    }

    // MARK: convert: choosing sheets

    func testSheetByNumberAndByName() throws {
        let book = try fixture("real-xlsxwriter.xlsx")
        let lists = "Public officer\r\nVendor\r\n"
        XCTAssertEqual(try ok(["convert", book, "--sheet", "2", "--to", "csv"]).stdout, lists)
        XCTAssertEqual(try ok(["convert", book, "--sheet", "Lists", "--to", "csv"]).stdout, lists)
        XCTAssertEqual(try ok(["convert", book, "--sheet", "lists", "--to", "csv"]).stdout, lists)
        XCTAssertEqual(try ok(["convert", book, "--sheet", "_meta", "--to", "csv"]).stdout, "template,invitesheet-fixture\r\nversion,1\r\n")
    }

    func testUnknownSheetIsAUsageErrorListingTheSheets() throws {
        let book = try fixture("real-xlsxwriter.xlsx")
        for bad in ["Nope", "4", "0"] {
            let r = try run(["convert", book, "--sheet", bad, "--to", "csv"])
            XCTAssertEqual(r.status, 64, r.stderr)
            XCTAssertTrue(r.stderr.contains("No sheet '\(bad)'"), r.stderr)
            XCTAssertTrue(r.stderr.contains("'Users', 'Lists', '_meta'"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    func testDefaultIsTheFirstVisibleSheet() throws {
        let r = try ok(["convert", try fixture("edge-sheet-states.xlsx"), "--to", "csv"])
        XCTAssertEqual(r.stdout, "visible\r\n")
    }

    func testAllSheetsToACSVFolder() throws {
        let out = path("book-csv")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--all-sheets", "--to", "csv", "-o", out])
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(files, ["Lists.csv", "Users.csv", "_meta.csv"])
        XCTAssertEqual(try read(out + "/Users.csv"), Self.usersCSV)
        XCTAssertEqual(try read(out + "/Lists.csv"), "Public officer\r\nVendor\r\n")
        XCTAssertEqual(try read(out + "/_meta.csv"), "template,invitesheet-fixture\r\nversion,1\r\n")
    }

    func testAllSheetsToATSVFolder() throws {
        let out = path("book-tsv")
        try ok(["convert", try fixture("edge-sheet-states.xlsx"), "--all-sheets", "--to", "tsv", "-o", out])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), ["Hidden.tsv", "VeryHidden.tsv", "Visible.tsv"])
        XCTAssertEqual(try read(out + "/VeryHidden.tsv"), "veryHidden\r\n")
    }

    // MARK: round trips

    func testXLSXToCSVToXLSXToCSV() throws {
        let csv1 = path("users.csv"), xlsx = path("users.xlsx"), csv2 = path("again.csv")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", csv1])
        try ok(["convert", csv1, "-o", xlsx])
        try ok(["convert", xlsx, "-o", csv2])
        // Every cell but J3 (literal `_x0041_` text, checked on its own below) survives unchanged.
        let strip: (String) -> String = { $0.replacingOccurrences(of: ",_x0041_\r\n", with: ",J3\r\n").replacingOccurrences(of: ",A\r\n", with: ",J3\r\n") }
        XCTAssertEqual(strip(try read(csv2)), strip(try read(csv1)))
        // From CSV every cell is text, so the numbers are still exactly as shown.
        let json = try ok(["convert", xlsx, "--to", "json"]).stdout
        XCTAssertTrue(json.contains(##"{"ref":"B2","type":"string","value":"91234567"}"##), json)
        XCTAssertTrue(json.contains(##"{"ref":"J2","type":"string","value":"00123"}"##), json)
        XCTAssertTrue(json.contains(##""row":5"##), "row 5 keeps its number: \(json)")
    }

    func testRoundTripKeepsTextThatLooksLikeAnXMLEscape() throws {
        // `_x0041_` typed as text must come back as `_x0041_`: an XLSX writer has to store it as
        // `_x005F_x0041_`, because readers (Excel, calamine, this one) decode `_xHHHH_`.
        let csv = path("escape.csv"), xlsx = path("escape.xlsx")
        try "note\r\n_x0041_\r\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try ok(["convert", csv, "-o", xlsx])
        XCTAssertEqual(try ok(["convert", xlsx, "--to", "csv"]).stdout, "note\r\n_x0041_\r\n")
    }

    func testXLSXToXLSXKeepsTypes() throws {
        let out = path("copy.xlsx")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", out])
        let json = try ok(["convert", out, "--to", "json"]).stdout
        for cell in [
            ##"{"ref":"B2","type":"number","value":91234567}"##,
            ##"{"ref":"C2","type":"number","value":0.1}"##,
            ##"{"ref":"D2","type":"date","value":"2024-01-31"}"##,
            ##"{"ref":"E2","type":"date","value":"13:45:00"}"##,
            ##"{"ref":"F2","type":"date","value":"2024-01-31T13:45:00"}"##,
            ##"{"ref":"G2","type":"boolean","value":true}"##,
            ##"{"ref":"I2","type":"string","value":"Tan Ah Kow"}"##,
            ##"{"ref":"B3","type":"string","value":"+65 9123 4567"}"##,
            ##"{"ref":"C5","type":"number","value":0.00001}"##,
            ##"{"ref":"D5","type":"number","value":123456789012345}"##,
        ] {
            XCTAssertTrue(json.contains(cell), "\(cell) missing from \(json)")
        }
    }

    func testXLSXToXLSXKeepsErrorCellsAsErrors() throws {
        let out = path("copy.xlsx")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", out])
        let json = try ok(["convert", out, "--to", "json"]).stdout
        XCTAssertTrue(json.contains(##"{"ref":"H2","type":"error","value":"#DIV/0!"}"##), json)
        XCTAssertTrue(json.contains(##"{"ref":"H3","type":"error","value":"#N/A"}"##), json)
    }

    func testAllSheetsToXLSXKeepsNamesAndVisibility() throws {
        let out = path("all.xlsx")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--all-sheets", "-o", out])
        let r = try ok(["sheets", out, "--json"])
        XCTAssertTrue(r.stdout.contains(##""name":"Users","visibility":"visible""##), r.stdout)
        XCTAssertTrue(r.stdout.contains(##""name":"Lists","visibility":"hidden""##), r.stdout)
        // libxlsxwriter 1.1.4 can hide a sheet but has no "very hidden" state: it is written as hidden.
        XCTAssertTrue(r.stdout.contains(##""name":"_meta","visibility":"hidden""##), r.stdout)
    }

    func testOpenpyxlReadsTheXLSXThatConvertWrote() throws {
        let python = try Python.withOpenpyxl()
        let fromXLSX = path("copy.xlsx"), csv = path("users.csv"), fromCSV = path("from-csv.xlsx")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", fromXLSX])
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", csv])
        try ok(["convert", csv, "-o", fromCSV])

        let typed = try Python.openpyxlCells(python, fromXLSX)
        XCTAssertEqual(typed.first?.name, "Users")
        let c = typed.first?.cells ?? [:]
        XCTAssertEqual(c["A1"], .string("Email address*"))
        XCTAssertEqual(c["B2"], .number(91234567))
        XCTAssertEqual(c["C2"], .number(0.1))
        XCTAssertEqual(c["D2"], .date("2024-01-31T00:00:00"))
        XCTAssertEqual(c["E2"], .date("13:45:00"))
        XCTAssertEqual(c["F2"], .date("2024-01-31T13:45:00"))
        XCTAssertEqual(c["G2"], .boolean(true))
        XCTAssertEqual(c["I2"], .string("Tan Ah Kow"))
        XCTAssertEqual(c["J2"], .string("00123"))
        XCTAssertEqual(c["B3"], .string("+65 9123 4567"))
        XCTAssertEqual(c["C3"], .number(6591234567))
        XCTAssertEqual(c["D3"], .date("2023-12-25T00:00:00"))
        XCTAssertEqual(c["G3"], .boolean(false))
        XCTAssertEqual(c["I3"], .string("line1\nline2"))
        XCTAssertEqual(c["A5"], .string("last@tech.gov.sg"))
        XCTAssertEqual(c["C5"], .number(0.00001))
        XCTAssertEqual(c["D5"], .number(123456789012345))
        XCTAssertNil(c["A4"])
        XCTAssertNil(c["B5"])

        let text = try Python.openpyxlCells(python, fromCSV)
        let t = text.first?.cells ?? [:]
        XCTAssertEqual(text.first?.name, "users")
        XCTAssertEqual(t["B2"], .string("91234567"))
        XCTAssertEqual(t["J2"], .string("00123"))
        XCTAssertEqual(t["B3"], .string("+65 9123 4567"))
        XCTAssertEqual(t["I3"], .string("line1\nline2"))
        XCTAssertEqual(t["C5"], .string("0.00001"))
        XCTAssertEqual(t["A5"], .string("last@tech.gov.sg"))
    }

    // MARK: convert: what it says

    func testConvertSaysWhatItWroteInOneLineOnStandardError() throws {
        let book = try fixture("real-xlsxwriter.xlsx")
        let out = path("users.csv")
        XCTAssertEqual(try ok(["convert", book, "-o", out]).stderr, "Wrote \(out): 4 rows from sheet Users\n")
        let toStandardOutput = try ok(["convert", book, "--to", "csv"])
        XCTAssertEqual(toStandardOutput.stdout, Self.usersCSV, "standard output holds only the data")
        XCTAssertEqual(toStandardOutput.stderr, "Wrote 4 rows from sheet Users to standard output\n")
        XCTAssertEqual(try ok(["convert", book, "--sheet", "_meta", "--to", "jsonl"]).stderr,
                       "Wrote 2 rows from sheet _meta to standard output\n")
        let json = path("book.json")
        XCTAssertEqual(try ok(["convert", book, "--all-sheets", "-o", json]).stderr,
                       "Wrote \(json): 8 rows from sheets Users, Lists, _meta\n")
        let xlsx = path("copy.xlsx")
        XCTAssertEqual(try ok(["convert", book, "-o", xlsx]).stderr, "Wrote \(xlsx): 4 rows from sheet Users\n")
    }

    func testConvertWithAllSheetsSaysOneLinePerFile() throws {
        let folder = path("book-csv") + "/"
        let r = try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--all-sheets", "--to", "csv", "-o", folder])
        XCTAssertEqual(r.stderr, """
            Wrote \(folder)Users.csv: 4 rows from sheet Users
            Wrote \(folder)Lists.csv: 2 rows from sheet Lists
            Wrote \(folder)_meta.csv: 2 rows from sheet _meta

            """)
    }

    func testConvertCountsWithThousandsSeparatorsAndSingular() throws {
        let sample = path("sample.csv")
        try ok(["sample", "--rows", "1233", "-o", sample])
        let out = path("big.csv")
        XCTAssertEqual(try ok(["convert", sample, "-o", out]).stderr, "Wrote \(out): 1,234 rows from sheet sample\n")
        let one = path("one.csv")
        try Data("Email address*\n".utf8).write(to: URL(fileURLWithPath: one))
        XCTAssertEqual(try ok(["convert", one, "--to", "json"]).stderr, "Wrote 1 row from sheet one to standard output\n")
    }

    // MARK: convert --excel-csv: a UTF-8 byte-order mark for Excel

    private func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    func testExcelCSVStartsWithAByteOrderMarkAndPlainCSVDoesNot() throws {
        let book = try fixture("real-xlsxwriter.xlsx")
        let plain = path("pipeline.csv"), excel = path("excel.csv"), tsv = path("excel.tsv")
        try ok(["convert", book, "-o", plain])
        try ok(["convert", book, "-o", excel, "--excel-csv"])
        try ok(["convert", book, "-o", tsv, "--excel-csv"])
        XCTAssertEqual(Array(try bytes(plain).prefix(5)), Array("Email".utf8), "convert's default CSV has no byte-order mark")
        XCTAssertEqual(try bytes(excel), [0xEF, 0xBB, 0xBF] + Array(Self.usersCSV.utf8))
        XCTAssertEqual(try bytes(tsv), [0xEF, 0xBB, 0xBF] + Array(Self.usersTSV.utf8))
        let toStandardOutput = try ok(["convert", book, "--to", "csv", "--excel-csv"])
        XCTAssertEqual(Array(toStandardOutput.stdoutData), [0xEF, 0xBB, 0xBF] + Array(Self.usersCSV.utf8))
    }

    func testExcelCSVWithAllSheetsMarksEveryFile() throws {
        let folder = path("for-excel")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "--all-sheets", "--to", "csv", "--excel-csv", "-o", folder])
        for name in ["Users.csv", "Lists.csv", "_meta.csv"] {
            XCTAssertEqual(Array(try bytes(folder + "/" + name).prefix(3)), [0xEF, 0xBB, 0xBF], name)
        }
    }

    func testExcelCSVIsOnlyForCSVAndTSV() throws {
        for arguments in [["--to", "json"], ["--to", "jsonl"], ["-o", path("out.xlsx")], ["-o", path("out.json")]] {
            let r = try run(["convert", try fixture("real-xlsxwriter.xlsx"), "--excel-csv"] + arguments)
            XCTAssertEqual(r.status, 64, "\(arguments): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--excel-csv is for CSV or TSV output"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    /// The mark is skipped on the way back in: the first header is read exactly.
    func testExcelCSVReadsBackWithoutTheMark() throws {
        let excel = path("users.csv")
        try ok(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", excel, "--excel-csv"])
        let json = try ok(["convert", excel, "--to", "jsonl"]).stdout
        let first = try XCTUnwrap(json.split(separator: "\n").first)
        XCTAssertTrue(first.contains(##"{"ref":"A1","type":"string","value":"Email address*"}"##), String(first))
        let back = path("back.csv")
        try ok(["convert", excel, "-o", back])
        XCTAssertEqual(try read(back), Self.usersCSV, "reading and writing again gives the plain CSV, no mark, no stray U+FEFF")
    }

    /// A user list and an existing-accounts file saved as Excel's "CSV UTF-8" are read as if they had no mark.
    func testValidateReadsExcelCSVListAndExistingAccounts() throws {
        let list = path("list.xlsx"), accounts = path("accounts.csv")
        try ok(["sample", "--rows", "40", "--error-rate", "0", "-o", list])
        let listCSV = path("list.csv")
        try ok(["convert", list, "-o", listCSV, "--excel-csv"])
        XCTAssertEqual(Array(try bytes(listCSV).prefix(3)), [0xEF, 0xBB, 0xBF])
        let email = try XCTUnwrap(try read(listCSV).split(separator: "\r\n")[3].split(separator: ",").first.map(String.init))
        try Data([0xEF, 0xBB, 0xBF] + Array("email,username\r\n\(email),\r\n".utf8)).write(to: URL(fileURLWithPath: accounts))

        let clean = try run(["validate", listCSV, "--format", "json"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        let r = try run(["validate", listCSV, "--existing", accounts, "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        let existing = findings.filter { $0["code"] as? String == "duplicate.existing-email" }
        XCTAssertEqual(existing.count, 1, "\(findings)")
        XCTAssertEqual(existing.first?["row"] as? Int, 4)
        XCTAssertFalse(findings.contains { ($0["code"] as? String ?? "").hasPrefix("structure.") }, "the header is found: \(findings)")
    }

    // MARK: sheets

    func testSheetsTable() throws {
        let r = try ok(["sheets", try fixture("real-xlsxwriter.xlsx")])
        XCTAssertEqual(r.stdout, """
            #  name                      visibility  kind       used range
            1  Users                     visible     worksheet  A1:J5
            2  Lists                     hidden      worksheet  A1:A2
            3  _meta                     veryHidden  worksheet  A1:B2

            """)
    }

    func testSheetsJSON() throws {
        let book = try fixture("edge-sheet-states.xlsx")
        let r = try ok(["sheets", book, "--json"])
        XCTAssertEqual(r.stdout, ##"{"file":"\##(book)","sheets":[{"index":1,"name":"Hidden","visibility":"hidden","kind":"worksheet","usedRange":"A1","rows":1},{"index":2,"name":"Visible","visibility":"visible","kind":"worksheet","usedRange":"A1","rows":1},{"index":3,"name":"VeryHidden","visibility":"veryHidden","kind":"worksheet","usedRange":"A1","rows":1}]}"## + "\n")
    }

    func testSheetsOfAHostileFileExitsTwo() throws {
        let r = try run(["sheets", try fixture("hostile-sst-index.xlsx")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.hasPrefix("invitesheet: error: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("cell A1"), r.stderr)
    }

    // MARK: failures

    func testHostileFileExitsTwoWithOneLine() throws {
        for name in ["hostile-zipbomb.xlsx", "hostile-encrypted.xlsx", "real-legacy.xls", "hostile-doctype.xlsx"] {
            let out = path("out.csv")
            let r = try run(["convert", try fixture(name), "-o", out])
            XCTAssertEqual(r.status, 2, "\(name): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("invitesheet: error: "), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "\(name): a failed conversion wrote \(out)")
        }
        let encrypted = try run(["convert", try fixture("hostile-encrypted.xlsx"), "--to", "csv"])
        XCTAssertTrue(encrypted.stderr.contains("encrypted"), encrypted.stderr)
    }

    func testMissingFileExitsTwoWithAClearMessage() throws {
        let missing = path("no-such-file.xlsx")
        let r = try run(["convert", missing, "--to", "csv"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "invitesheet: error: \(missing): cannot open: No such file or directory\n")
    }

    func testAFolderAsInputExitsTwo() throws {
        let r = try run(["convert", directory.path, "--to", "csv"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("folder"), r.stderr)
    }

    func testXLSXToStandardOutputIsAUsageError() throws {
        let r = try run(["convert", try fixture("real-xlsxwriter.xlsx"), "--to", "xlsx"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("-o"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testUnknownOutputExtensionIsAUsageError() throws {
        let r = try run(["convert", try fixture("real-xlsxwriter.xlsx"), "-o", path("out.unknown")])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--to"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.unknown")))
    }

    func testSheetAndAllSheetsTogetherIsAUsageError() throws {
        let r = try run(["convert", try fixture("real-xlsxwriter.xlsx"), "--sheet", "1", "--all-sheets", "--to", "csv"])
        XCTAssertEqual(r.status, 64)
    }

    func testConvertHelpShowsExamples() throws {
        let r = try run(["convert", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("Examples:"), r.stdout)
        XCTAssertTrue(r.stdout.contains("invitesheet convert users.xlsx -o users.csv"), r.stdout)
        XCTAssertTrue(r.stdout.contains("--all-sheets"), r.stdout)
        XCTAssertTrue(r.stdout.contains("91234567"), r.stdout)
    }
}

// MARK: - Support

typealias CLIResult = ProcessResult
typealias CLIFailure = InvitesheetBinary.Failure

/// openpyxl, when python3 has it, as an independent reader of what `convert` wrote.
enum Python {
    enum Value: Equatable {
        case string(String), number(Double), boolean(Bool), date(String)
    }

    struct Sheet {
        var name: String
        var state: String
        var cells: [String: Value]
    }

    static func withOpenpyxl() throws -> String {
        let r = try? CLIResult.run("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard r?.status == 0 else { throw XCTSkip("python3 with openpyxl is not available") }
        return "/usr/bin/env"
    }

    static let script = """
        import sys, json, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = []
        for ws in wb.worksheets:
            cells = {}
            for row in ws.iter_rows():
                for c in row:
                    v = c.value
                    if v is None: continue
                    if isinstance(v, bool): v = {"boolean": v}
                    elif isinstance(v, (datetime.datetime, datetime.date, datetime.time)): v = {"date": v.isoformat()}
                    elif isinstance(v, (int, float)): v = {"number": v}
                    else: v = {"string": str(v)}
                    cells[c.coordinate] = v
            out.append({"name": ws.title, "state": ws.sheet_state, "cells": cells})
        print(json.dumps(out))
        """

    static func openpyxlCells(_ python: String, _ path: String) throws -> [Sheet] {
        let r = try CLIResult.run(python, ["python3", "-c", script, path])
        guard r.status == 0 else { throw CLIFailure("openpyxl could not read \(path): \(r.stderr)") }
        guard let sheets = try JSONSerialization.jsonObject(with: r.stdoutData) as? [[String: Any]] else {
            throw CLIFailure("unexpected openpyxl output \(r.stdout)")
        }
        return sheets.map { s in
            var cells: [String: Value] = [:]
            for (ref, any) in s["cells"] as? [String: [String: Any]] ?? [:] {
                if let v = any["string"] as? String { cells[ref] = .string(v) }
                else if let v = any["date"] as? String { cells[ref] = .date(v) }
                else if let v = any["boolean"] as? NSNumber { cells[ref] = .boolean(v.boolValue) }
                else if let v = any["number"] as? NSNumber { cells[ref] = .number(v.doubleValue) }
            }
            return Sheet(name: s["name"] as? String ?? "", state: s["state"] as? String ?? "", cells: cells)
        }
    }
}
