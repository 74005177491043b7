import Foundation
import TestSupport
import XCTest

/// Issue 8 §4, "Reading what people really upload": the built binary on user lists made the way
/// people and their scripts make them (Tests/Fixtures/make_user_lists.py: openpyxl and CSV).
final class ReadingUploadsCLITests: XCTestCase {
    static let fixtures = ValidateCLITests.root.appendingPathComponent("Tests/Fixtures")
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reading-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func run(_ arguments: [String], expect status: Int32, file: StaticString = #filePath, line: UInt = #line) throws -> ValidateCLITests.Run {
        let run = try ValidateCLITests.run(arguments, in: Self.fixtures)
        XCTAssertEqual(run.status, status, "\(arguments.joined(separator: " "))\nstdout: \(run.stdout.prefix(3000))\nstderr: \(run.stderr)",
                       file: file, line: line)
        return run
    }

    /// The report's errors and warnings for one file, as (row, column letter, code).
    func findings(_ name: String, expect status: Int32) throws -> (report: [String: Any], findings: [(row: Int, column: String, code: String, hint: String)]) {
        let run = try run(["validate", name, "--format", "json"], expect: status)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let list = (report["findings"] as? [[String: Any]] ?? []).compactMap { f -> (Int, String, String, String)? in
            guard let severity = f["severity"] as? String, severity != "change" else { return nil }
            return (f["row"] as? Int ?? 0, f["column"] as? String ?? "", f["code"] as? String ?? "", f["hint"] as? String ?? "")
        }
        return (report, list.map { (row: $0.0, column: $0.1, code: $0.2, hint: $0.3) })
    }

    func byCode(_ report: [String: Any]) -> [String: Int] {
        (report["counts"] as? [String: Any])?["byCode"] as? [String: Int] ?? [:]
    }

    func accepted(_ name: String, expect status: Int32) throws -> [[String: String]] {
        let out = directory.appendingPathComponent(name).path
        _ = try run(["validate", name, "--out", out], expect: status)
        let text = try String(contentsOfFile: out + "/accepted.csv", encoding: .utf8)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        let header = lines.removeFirst().components(separatedBy: ",")
        // The fixtures hold no commas or quotes, so a plain split reads them.
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, $0.components(separatedBy: ","))) }
    }

    // MARK: 1. A formula with no saved result

    func testFormulaWithoutASavedResultIsAnErrorNotAnEmptyCell() throws {
        let text = try run(["validate", "user-formula-no-value.xlsx"], expect: 1)
        XCTAssertTrue(text.stdout.contains("The cell holds a formula with no saved result"), text.stdout)
        XCTAssertTrue(text.stdout.contains("[excel.formula-no-value]"), text.stdout)
        XCTAssertFalse(text.stdout.contains("[email.required]"), "not read as an empty cell")
        let (_, list) = try findings("user-formula-no-value.xlsx", expect: 1)
        XCTAssertEqual(list.map { "\($0.row) \($0.column) \($0.code)" }, ["2 A excel.formula-no-value"])

        let json = try run(["convert", "user-formula-no-value.xlsx", "--to", "json"], expect: 0)
        XCTAssertTrue(json.stdout.contains(#"{"ref":"A2","type":"formula","value":null}"#), json.stdout)
        let sheets = try run(["sheets", "user-formula-no-value.xlsx"], expect: 0)
        XCTAssertTrue(sheets.stdout.contains("A1:N3"), sheets.stdout)
        let csv = try run(["convert", "user-formula-no-value.xlsx", "--to", "csv"], expect: 0)
        XCTAssertTrue(csv.stdout.components(separatedBy: "\r\n")[1].hasPrefix(",Public officer,"), "an unknown result is an empty field: \(csv.stdout)")
        XCTAssertEqual(csv.stderr.split(separator: "\n").filter { $0.contains("warning") },
                       ["invitesheet: warning: sheet 'Users': 1 cell holds a formula with no saved result (first: A2), written empty. Open and save the file in Excel to save the results, then convert again."],
                       "convert says what it could not convert")
        XCTAssertTrue(json.stderr.contains("written with type \"formula\" and a null value"), json.stderr)
        let clean = try run(["convert", "real-openpyxl.xlsx", "--to", "csv"], expect: 0)
        XCTAssertFalse(clean.stderr.contains("formula"), clean.stderr)
    }

    /// The fix the message gives works: the same file opened and saved by a spreadsheet (LibreOffice
    /// here) has the result saved, and is valid with a formula warning.
    func testSavingTheFileInASpreadsheetGivesTheFormulaAValue() throws {
        guard ProcessInfo.processInfo.environment["INVITESHEET_SKIP_LIBREOFFICE"] != "1",
              let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("LibreOffice (soffice) is not installed")
        }
        let out = directory.appendingPathComponent("saved")
        let profile = directory.appendingPathComponent("lo-profile")
        let source = Self.fixtures.appendingPathComponent("user-formula-no-value.xlsx").path
        let saved = try ProcessResult.run(soffice, ["--headless", "-env:UserInstallation=file://\(profile.path)",
                                                    "--convert-to", "xlsx", "--outdir", out.path, source], timeout: 180)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let resaved = out.appendingPathComponent("user-formula-no-value.xlsx").path
        let text = try run(["validate", resaved], expect: 0)
        XCTAssertTrue(text.stdout.contains("[excel.formula]"), text.stdout)
        XCTAssertTrue(text.stdout.contains("jane.tan@tech.gov.sg"), text.stdout)
        XCTAssertFalse(text.stdout.contains("[excel.formula-no-value]"), text.stdout)
    }

    // MARK: 2. UTF-8 read back as Windows-1252

    func testTextReadBackAsWindows1252IsAWarningAndTheDamagedHeaderStillMatches() throws {
        let (report, list) = try findings("user-mojibake.xlsx", expect: 1)
        XCTAssertEqual(report["status"] as? String, "completed", "the header ï»¿Email address* is recognised")
        let mojibake = list.filter { $0.code == "excel.mojibake" }
        XCTAssertEqual(mojibake.map { "\($0.row) \($0.column)" }, ["1 A", "2 D", "3 D"], "no warning for Álvaro, Zoë, 陈 or João")
        XCTAssertEqual(mojibake[0].hint, "It was read as \"Email address\"; save the file as CSV UTF-8 or .xlsx next time.")
        XCTAssertTrue(mojibake[1].hint.contains("\"Siobhán\""), mojibake[1].hint)
        XCTAssertTrue(mojibake[2].hint.contains("\"Mei Ling\""), mojibake[2].hint)
        XCTAssertEqual(list.filter { $0.row == 2 }.map(\.code), ["name.invalid-character", "excel.mojibake"], "errors before warnings")

        let bom = try run(["validate", "user-bom-header.xlsx"], expect: 0)
        XCTAssertFalse(bom.stdout.contains("structure."), bom.stdout)
    }

    // MARK: 3. Values in columns that do not apply

    func testValuesThatDoNotApplyAreWarnedAboutAndLeftOutOfAcceptedRows() throws {
        let (_, list) = try findings("user-not-applicable.xlsx", expect: 0)
        XCTAssertEqual(list.map { "\($0.row) \($0.column) \($0.code)" },
                       ["2 M value.not-applicable", "2 N value.not-applicable",
                        "3 C value.not-applicable", "3 K value.not-applicable", "3 L value.not-applicable"])
        let rows = try accepted("user-not-applicable.xlsx", expect: 0)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0]["odc"], "", "an onshore vendor's ODC is left out")
        XCTAssertEqual(rows[0]["offshoreCompany"], "")
        XCTAssertEqual(rows[0]["businessOperation"], "Onshore")
        XCTAssertEqual(rows[1]["businessOperation"], "", "a public officer's business operation is left out")
        XCTAssertEqual(rows[1]["sponsoringAgency"], "")
        XCTAssertEqual(rows[1]["username"], "")
        XCTAssertEqual(rows[2]["odc"], "India", "an offshore vendor keeps its ODC")
    }

    // MARK: 4. Singapore names

    func testSingaporeNamesAreValidAndOnlyAnEmailAddressGetsTheEmailHint() throws {
        let text = try run(["validate", "user-names.xlsx"], expect: 1)
        XCTAssertTrue(text.stdout.contains("4 rows checked: 3 valid, 1 invalid."), text.stdout)
        XCTAssertTrue(text.stdout.contains("looks like an email address"), text.stdout)
        let (_, list) = try findings("user-names.xlsx", expect: 1)
        XCTAssertEqual(list.map { "\($0.row) \($0.column) \($0.code)" }, ["5 D name.invalid-character"])
    }

    // MARK: 5. One contact-number cell, one finding

    func testEachContactCellGetsOneFinding() throws {
        let (report, list) = try findings("user-contact-numbers.xlsx", expect: 1)
        XCTAssertEqual(list.map { "\($0.row) \($0.code)" },
                       ["3 excel.leading-zero-lost", "5 contact.digits-lost", "2 excel.plus-lost"], "errors, then warnings")
        XCTAssertEqual(byCode(report)["change.normalised"], 2, "rows 4 and 6: one change each, trimming included")
        XCTAssertNil(byCode(report)["change.trimmed"])
        XCTAssertNil(byCode(report)["excel.scientific-notation"])
        let rows = try accepted("user-contact-numbers.xlsx", expect: 1)
        XCTAssertEqual(rows.map { $0["contactNumber"] ?? "" }, ["+447911123456", "+6591234567", "+6591234567"])

        let (_, csv) = try findings("user-contact-numbers.csv", expect: 1)
        XCTAssertEqual(csv.map { "\($0.row) \($0.code)" }, ["2 contact.missing-country-code", "3 contact.digits-lost"],
                       "in a CSV the number is text: it has no + and was never a number cell")
    }

    // MARK: 6. Numbers from other countries and service lines (issue 13, libphonenumber)

    func testContactNumbersAreCheckedAgainstLibphonenumber() throws {
        let (report, list) = try findings("user-phone-numbers.csv", expect: 1)
        XCTAssertEqual(list.sorted { $0.row < $1.row }.map { "\($0.row) \($0.code)" },
                       ["4 contact.not-personal", "5 contact.invalid", "6 contact.invalid", "7 contact.sg-invalid", "8 contact.not-personal"])
        XCTAssertEqual(byCode(report)["change.normalised"], 3)
        let text = try run(["validate", "user-phone-numbers.csv"], expect: 1).stdout
        for line in ["1800 123 4567 is a toll-free number, not a person's number.",
                     "+999 1234 5678 does not start with a country code in use.",
                     "+1 123 456 7890 is not a number in use with country code +1 (US).",
                     "No Singapore number starts with 3768: 3768 4268 is not a number in use.",
                     "1900 123 4567 is a premium-rate number, not a person's number."] {
            XCTAssertTrue(text.contains(line), "\(line)\n\(text)")
        }
        let rows = try accepted("user-phone-numbers.csv", expect: 1)
        XCTAssertEqual(rows.map { $0["contactNumber"] ?? "" }, ["+442079460958", "+61412345678", "+6581234567"])

        let (_, cells) = try findings("user-phone-numbers.xlsx", expect: 1)
        XCTAssertEqual(cells.sorted { $0.row < $1.row }.map { "\($0.row) \($0.code)" },
                       ["2 excel.plus-lost", "3 excel.plus-lost", "4 contact.not-personal", "5 contact.invalid", "6 contact.sg-invalid"],
                       "number cells: the same rules, read with the + Excel dropped put back")
        let numbers = try accepted("user-phone-numbers.xlsx", expect: 1)
        XCTAssertEqual(numbers.map { $0["contactNumber"] ?? "" }, ["+6591234567", "+61412345678"])
    }
}
