import Foundation
import TestSupport
import XCTest

/// The correct-and-resubmit loop, as a user goes through it: validate a list with mistakes, open
/// `corrections.xlsx` in another program (openpyxl), fix the flagged cells, validate the fixed
/// workbook, and check that the rows accepted by the two runs together are exactly the rows of the
/// original list that were meant to go ahead.
final class CorrectionLoopTests: XCTestCase {
    private let header = ["Email address*", "User type*", "TechPass username", "First name*", "Last name*", "Contact number*",
                          "Organisation", "Department", "SEED onboarding required?*", "Reason*", "Sponsoring agency",
                          "Business operation", "Offshore development centre", "Offshore company name"]

    /// Each row of the upload with the fix a person would make (header → corrected value), if any.
    private let rows: [(cells: [String], fix: [String: String])] = [
        (["jane.tan@tech.gov.sg", "Public officer", "", "Jane", "Tan", "9123 4567", "", "", "Yes", "Runs the platform team", "", "", "", ""], [:]),
        (["wei.lim@gmail.com", "Public officer", "", "Wei", "Lim", "8123 4567", "", "", "No", "Reviews deployments", "", "", "", ""],
         ["Email address*": "wei.lim@hdb.gov.sg"]),
        (["ali@acme.com.sg", "Vendor", "", "Ali", "Hassan", "+65 6123 4567", "Acme Pte Ltd", "", "No", "Builds the portal", "GovTech", "Onshore", "", ""],
         ["TechPass username": "Ali Hassan"]),
        (["john.doe@vendor.io", "Vendor", "John..Doe", "John", "Doe", "+44 20 7946 0958", "Vendor Ltd", "", "Yes", "Maintains the API", "MOM", "Onshore", "", ""],
         ["TechPass username": "John Doe"]),
        (["siti@acme.com.sg", "Vendor", "Siti Rahman", "Siti", "Rahman", "9876 5432", "Acme Pte Ltd", "", "No", "Tests releases", "GovTech", "Onshore", "", ""], [:]),
        (["JANE.TAN@tech.gov.sg", "Public officer", "", "Jane", "Tan", "9123 4567", "", "", "Yes", "Second entry by mistake", "", "", "", ""],
         ["Email address*": "jane.tan2@tech.gov.sg"]),
    ]

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// One column of `accepted.csv` (the test's values hold no commas or quotes).
    private func acceptedColumn(_ folder: URL, _ name: String) throws -> [String] {
        let lines = try String(contentsOf: folder.appendingPathComponent("accepted.csv"), encoding: .utf8)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        let head = try XCTUnwrap(lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        let column = try XCTUnwrap(head.firstIndex(of: name), "accepted.csv has no \(name) column")
        return lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
    }

    private func acceptedEmails(_ folder: URL) throws -> [String] {
        let lines = try String(contentsOf: folder.appendingPathComponent("accepted.csv"), encoding: .utf8)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        guard let head = lines.first?.split(separator: ",").map(String.init), let column = head.firstIndex(of: "email") else {
            XCTFail("accepted.csv has no email column")
            return []
        }
        return lines.dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[column]) }
    }

    func testFixingTheCorrectionsWorkbookAndResubmittingAcceptsEveryMeantRow() throws {
        let binary = try ValidateCLITests.binary()
        let python = "/usr/bin/env"
        guard (try? run(URL(fileURLWithPath: python), ["python3", "-c", "import openpyxl"])) == 0 else {
            throw XCTSkip("python3 with openpyxl is needed to edit the corrections workbook as a second program")
        }

        // 1. The upload: two valid rows, four with mistakes.
        let upload = directory.appendingPathComponent("users.csv")
        let csv = ([header] + rows.map(\.cells)).map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        try csv.write(to: upload, atomically: true, encoding: .utf8)
        let first = directory.appendingPathComponent("first")
        XCTAssertEqual(try run(binary, ["validate", upload.path, "--out", first.path]), 1, "some rows are invalid")
        XCTAssertEqual(Set(try acceptedEmails(first)), ["jane.tan@tech.gov.sg", "siti@acme.com.sg"])

        // 2. A person fixes the flagged rows in corrections.xlsx with another program.
        var fixes: [String: [String: String]] = [:]
        for (i, row) in rows.enumerated() where !row.fix.isEmpty { fixes[String(i + 2)] = row.fix }
        let fixesJSON = String(decoding: try JSONSerialization.data(withJSONObject: fixes), as: UTF8.self)
        let fixed = directory.appendingPathComponent("fixed.xlsx")
        let script = """
        import json, sys, openpyxl
        fixes = json.loads(sys.argv[3])
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Users"]
        header = [c.value for c in ws[1]]
        source = header.index("Source row")
        seen = set()
        for row in ws.iter_rows(min_row=2):
            src = row[source].value
            if src is None:
                continue
            key = str(int(src))
            seen.add(key)
            for name, value in fixes[key].items():
                row[header.index(name)].value = value
        assert seen == set(fixes), (sorted(seen), sorted(fixes))
        wb.save(sys.argv[2])
        """
        XCTAssertEqual(try run(URL(fileURLWithPath: python),
                               ["python3", "-c", script, first.appendingPathComponent("corrections.xlsx").path, fixed.path, fixesJSON]), 0,
                       "corrections.xlsx must hold exactly the rows that need fixing, each with its Source row")

        // 3. The fixed workbook is a valid upload: every row now passes.
        let second = directory.appendingPathComponent("second")
        XCTAssertEqual(try run(binary, ["validate", fixed.path, "--out", second.path]), 0)

        // 4. Together the two runs accepted every row that was meant to go ahead, each once.
        let together = try acceptedEmails(first) + acceptedEmails(second)
        XCTAssertEqual(together.sorted(), ["ali@acme.com.sg", "jane.tan2@tech.gov.sg", "jane.tan@tech.gov.sg", "john.doe@vendor.io",
                                           "siti@acme.com.sg", "wei.lim@hdb.gov.sg"])
        // … and each accepted row names its row in the original upload, so together they are rows 2–7 once each.
        XCTAssertEqual(try acceptedColumn(second, "sourceRow"), ["3", "4", "5", "7"], "rows of users.csv, not of fixed.xlsx")
        let rowsTogether = try acceptedColumn(first, "sourceRow") + acceptedColumn(second, "sourceRow")
        XCTAssertEqual(rowsTogether.compactMap { Int($0) }.sorted(), Array(2...7))
        XCTAssertFalse(FileManager.default.fileExists(atPath: second.appendingPathComponent("corrections.xlsx").path),
                       "every row is valid: nothing to fix")
    }
}

/// The loop over several rounds, checking what each output says about the rows: a list whose rows
/// needing fixing are far apart, fixed through `corrections.xlsx` with openpyxl — one fix done
/// wrong — then the second-round corrections fixed again.
final class CorrectionRoundsTests: XCTestCase {
    private let header = "Email address*,User type*,TechPass username,First name*,Last name*,Contact number*,Organisation,Department,SEED onboarding required?*,Reason*,Sponsoring agency,Business operation,Offshore development centre,Offshore company name"
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        guard (try? ValidateCLITests.run(["--version"], in: directory))?.status == 0 else { throw XCTSkip("invitesheet is not built") }
        guard (try? python(["-c", "import openpyxl"]))?.status == 0 else {
            throw XCTSkip("python3 with openpyxl is needed to edit the corrections workbook as a second program")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func python(_ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run("/usr/bin/env", ["python3"] + arguments)
    }

    private func validate(_ arguments: [String]) throws -> ValidateCLITests.Run {
        try ValidateCLITests.run(["validate"] + arguments, in: directory)
    }

    /// users.csv: 13 users in rows 2–14. Rows 7, 12, 13 and 14 need fixing; the rest are valid.
    private func writeUpload() throws {
        let surnames = ["Lee", "Ng", "Goh", "Ong", "Koh", "Teo", "Chua", "Lim", "Tay", "Ho"]
        func officer(_ n: Int) -> String { "officer\(n)@tech.gov.sg,Public officer,,Mei Ling,\(surnames[n - 2]),9123 45\(10 + n),,,No,Reviews releases,,,," }
        var lines = [header, "jane.tan@tech.gov.sg,Public officer,,Jane,Tan,9123 4567,,,Yes,Runs the platform team,,,,"]
        lines += (3...6).map(officer)
        lines.append("wei.lim@gmail.com,Public officer,,Wei,Lim,8123 4567,,,No,Reviews deployments,,,,")  // 7: not a government address
        lines += (8...11).map(officer)
        lines.append("ali@acme.com.sg,Vendor,,Ali,Hassan,+65 6123 4567,Acme Pte Ltd,,No,Builds the portal,GovTech,Onshore,,")  // 12: no username
        lines.append("john.doe@vendor.io,Vendor,John..Doe,John,Doe,+44 20 7946 0958,Vendor Ltd,,Yes,Maintains the API,MOM,Onshore,,")  // 13
        lines.append("JANE.TAN@tech.gov.sg,Public officer,,Jane,Tan,9123 4567,,,Yes,Second entry by mistake,,,,")  // 14: same as row 2
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: path("users.csv"), atomically: true, encoding: .utf8)
    }

    /// What openpyxl reads in a corrections workbook: `_meta` as a dictionary, each row's Source row.
    private func inspect(_ workbook: String) throws -> (meta: [String: Any], sourceRows: [Int?]) {
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        meta = {str(r[0].value): r[1].value for r in wb["_meta"].iter_rows() if r[0].value is not None}
        ws = wb["Users"]
        header = [c.value for c in ws[1]]
        col = header.index("Source row")
        rows = [r[col].value for r in ws.iter_rows(min_row=2) if any(c.value is not None for c in r[:14])]
        print(json.dumps({"meta": meta, "sourceRows": [None if v is None else int(v) for v in rows],
                          "state": wb["_meta"].sheet_state}))
        """
        let run = try python(["-c", script, workbook])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["state"] as? String, "hidden")
        let rows = try XCTUnwrap(object["sourceRows"] as? [Any]).map { $0 as? Int }
        return (try XCTUnwrap(object["meta"] as? [String: Any]), rows)
    }

    /// Applies fixes (original row → header → value) to a corrections workbook with openpyxl and saves it as `output`.
    private func fix(_ workbook: String, _ fixes: [Int: [String: String]], saveAs output: String) throws {
        let script = """
        import json, sys, openpyxl
        fixes = json.loads(sys.argv[3])
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb["Users"]
        header = [c.value for c in ws[1]]
        col = header.index("Source row")
        for row in ws.iter_rows(min_row=2):
            src = row[col].value
            if src is not None and str(int(src)) in fixes:
                for name, value in fixes[str(int(src))].items():
                    row[header.index(name)].value = value
        wb.save(sys.argv[2])
        """
        let json = String(decoding: try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: fixes.map { (String($0.key), $0.value) })),
                          as: UTF8.self)
        let run = try python(["-c", script, workbook, output, json])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    private func report(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Rows of a CSV output (no quoted commas in the columns read here) as dictionaries by header.
    private func csv(_ file: String) throws -> [[String: String]] {
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        let head = lines.removeFirst().components(separatedBy: ",")
        return lines.map { line in
            var fields: [String] = []
            var field = "", quoted = false
            for c in line {
                if c == "\"" { quoted.toggle() } else if c == ",", !quoted { fields.append(field); field = "" } else { field.append(c) }
            }
            fields.append(field)
            return Dictionary(uniqueKeysWithValues: zip(head, fields))
        }
    }

    private func jsonLines(_ file: String) throws -> [[String: Any]] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func sha256(_ file: String) throws -> String {
        let run = try python(["-c", "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())", file])
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testEveryRoundNamesTheRowsOfTheFirstUpload() throws {
        try writeUpload()

        // Round 1: the upload.
        let first = try validate(["users.csv", "--out", path("round1")])
        XCTAssertEqual(first.status, 1, first.stderr)
        let traceID = try XCTUnwrap(try report(path("round1"))["traceId"] as? String)
        XCTAssertTrue(first.stdout.contains("Trace id: \(traceID)\n"), first.stdout)
        XCTAssertTrue(first.stdout.hasPrefix("users.csv — sheet"), "an ordinary upload corrects nothing: \(first.stdout.prefix(200))")
        XCTAssertTrue(try report(path("round1"))["corrects"] is NSNull)

        // corrections.xlsx records the original file in its hidden _meta sheet.
        let round1 = try inspect(path("round1/corrections.xlsx"))
        XCTAssertEqual(round1.meta["originalFile"] as? String, "users.csv")
        XCTAssertEqual(round1.meta["originalSha256"] as? String, try sha256(path("users.csv")))
        XCTAssertEqual(round1.meta["originalTraceId"] as? String, traceID)
        XCTAssertEqual(round1.sourceRows, [7, 12, 13, 14])

        // Round 2: three fixes, one of them wrong (row 14 given row 7's new address); row 13 left as it was.
        try fix(path("round1/corrections.xlsx"), [7: ["Email address*": "wei.lim@hdb.gov.sg"], 12: ["TechPass username": "Ali Hassan"],
                                                  14: ["Email address*": "wei.lim@hdb.gov.sg"]], saveAs: path("fixed.xlsx"))
        let second = try validate(["fixed.xlsx", "--out", path("round2")])
        XCTAssertEqual(second.status, 1, second.stdout + second.stderr)

        // The terminal: which file it corrects, and every row by its row in users.csv.
        XCTAssertTrue(second.stdout.hasPrefix("fixed.xlsx — corrects users.csv (trace id \(traceID)), sheet \"Users\""), second.stdout)
        XCTAssertTrue(second.stdout.contains("\nRow 13 (row 4 of this file)\n"), second.stdout)
        XCTAssertTrue(second.stdout.contains("\nRow 14 (row 5 of this file)\n"), second.stdout)
        XCTAssertFalse(second.stdout.contains("\nRow 4\n"), "no bare row of the corrections workbook")
        // The duplicate names the other row by its row in users.csv, and says it is users.csv's.
        XCTAssertTrue(second.stdout.contains("Row 7 of users.csv has the same email address."), second.stdout)

        // report.json: corrects, and sourceRow beside row.
        let json = try report(path("round2"))
        let corrects = try XCTUnwrap(json["corrects"] as? [String: String])
        XCTAssertEqual(corrects, ["name": "users.csv", "sha256": try sha256(path("users.csv")), "traceId": traceID])
        let errors = try XCTUnwrap(json["findings"] as? [[String: Any]]).filter { $0["severity"] as? String == "error" }
        XCTAssertEqual(errors.map { $0["row"] as? Int }, [4, 5])
        XCTAssertEqual(errors.map { $0["sourceRow"] as? Int }, [13, 14])
        XCTAssertEqual(errors.map { $0["code"] as? String }, ["username.consecutive-periods", "duplicate.email-in-file"])
        XCTAssertEqual(errors[1]["message"] as? String, "Row 7 of users.csv has the same email address.")

        // errors.csv: the sourceRow column.
        let errorLines = try csv(path("round2/errors.csv")).filter { $0["severity"] == "error" }
        XCTAssertEqual(errorLines.map { $0["row"] }, ["4", "5"])
        XCTAssertEqual(errorLines.map { $0["sourceRow"] }, ["13", "14"])

        // accepted.*: the rows of users.csv that now pass.
        XCTAssertEqual(try csv(path("round2/accepted.csv")).map { $0["sourceRow"] }, ["7", "12"])
        XCTAssertEqual(try jsonLines(path("round2/accepted.jsonl")).map { $0["sourceRow"] as? Int }, [7, 12])

        // The second-round corrections workbook still points at users.csv and its rows.
        let round2 = try inspect(path("round2/corrections.xlsx"))
        XCTAssertEqual(round2.sourceRows, [13, 14])
        XCTAssertEqual(round2.meta["originalFile"] as? String, "users.csv")
        XCTAssertEqual(round2.meta["originalSha256"] as? String, try sha256(path("users.csv")))
        XCTAssertEqual(round2.meta["originalTraceId"] as? String, traceID, "the first upload's run, not round 2's")

        // Round 3: the rest fixed, into a folder that still holds corrections from an earlier run.
        try fix(path("round2/corrections.xlsx"), [13: ["TechPass username": "John Doe"], 14: ["Email address*": "jane.tan2@tech.gov.sg"]],
                saveAs: path("fixed2.xlsx"))
        try FileManager.default.copyItem(atPath: path("round2"), toPath: path("round3"))
        let third = try validate(["fixed2.xlsx", "--out", path("round3")])
        XCTAssertEqual(third.status, 0, third.stdout + third.stderr)
        XCTAssertTrue(third.stdout.hasPrefix("fixed2.xlsx — corrects users.csv (trace id \(traceID))"), third.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("round3/corrections.xlsx")),
                       "every row is valid: no corrections.xlsx, and the earlier one is gone")
        XCTAssertFalse(third.stdout.contains("corrections.xlsx"), third.stdout)
        XCTAssertEqual(try csv(path("round3/accepted.csv")).map { $0["sourceRow"] }, ["13", "14"])

        // Together the rounds accepted every row of users.csv exactly once.
        var accepted: [Int] = []
        for round in ["round1", "round2"] { accepted += try csv(path(round + "/accepted.csv")).compactMap { $0["sourceRow"].flatMap { Int($0) } } }
        accepted += try csv(path("round3/accepted.csv")).compactMap { $0["sourceRow"].flatMap { Int($0) } }
        XCTAssertEqual(accepted.sorted(), Array(2...14))
    }

    func testNoCorrectionsWorkbookWhenEveryRowIsValid() throws {
        let lines = [header, "jane.tan@tech.gov.sg,Public officer,,Jane,Tan,9123 4567,,,Yes,Runs the platform team,,,,"]
        try (lines.joined(separator: "\r\n") + "\r\n").write(toFile: path("valid.csv"), atomically: true, encoding: .utf8)
        let clean = try validate(["valid.csv", "--out", path("clean")])
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("clean")).sorted(),
                       ["accepted.csv", "accepted.jsonl", "changes.csv", "errors.csv", "report.json"])

        // A stale corrections.xlsx from an earlier run in the same folder goes, as the other per-row outputs do.
        try Data("an earlier run's corrections".utf8).write(to: URL(fileURLWithPath: path("clean/corrections.xlsx")))
        XCTAssertEqual(try validate(["valid.csv", "--out", path("clean")]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("clean/corrections.xlsx")))
    }

    func testSeveralExistingFilesAreMerged() throws {
        try writeUpload()
        try "email\r\njane.tan@tech.gov.sg\r\n".write(toFile: path("officers.csv"), atomically: true, encoding: .utf8)
        try "Email address,TechPass username\r\nsomeone@vendor.io,John Doe\r\nofficer9@tech.gov.sg,\r\n".write(
            toFile: path("vendors.csv"), atomically: true, encoding: .utf8)
        func existingRows(_ options: [String]) throws -> [String: [Int]] {
            let run = try validate(["users.csv", "--format", "json"] + options)
            XCTAssertEqual(run.status, 1, run.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            var rows: [String: [Int]] = [:]
            for f in try XCTUnwrap(json["findings"] as? [[String: Any]]) where (f["code"] as? String)?.hasPrefix("duplicate.existing") == true {
                rows[f["code"] as! String, default: []].append(f["row"] as! Int)
            }
            return rows
        }
        XCTAssertEqual(try existingRows(["--existing", "officers.csv"]), ["duplicate.existing-email": [2, 14]])
        XCTAssertEqual(try existingRows(["--existing", "vendors.csv"]), ["duplicate.existing-email": [9]])
        XCTAssertEqual(try existingRows(["--existing", "officers.csv", "--existing", "vendors.csv"]),
                       ["duplicate.existing-email": [2, 9, 14]], "both files apply, not only the last")

        // A second file that cannot be used is a usage error naming it.
        try "name\r\nlee\r\n".write(toFile: path("no-email.csv"), atomically: true, encoding: .utf8)
        let bad = try validate(["users.csv", "--existing", "officers.csv", "--existing", "no-email.csv"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.hasPrefix("invitesheet: error: --existing no-email.csv: "), bad.stderr)
        XCTAssertEqual(bad.stdout, "", "nothing validated")

        // The watcher takes the same options.
        let inbox = path("inbox")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path("users.csv"), toPath: inbox + "/users.csv")
        let watch = try ValidateCLITests.run(["watch", inbox, "--once", "--settle", "0", "--interval", "0.1",
                                              "--existing", "officers.csv", "--existing", "vendors.csv"], in: directory)
        XCTAssertEqual(watch.status, 1, watch.stderr)
        let reports = try FileManager.default.contentsOfDirectory(atPath: inbox + "/reports")
        XCTAssertEqual(reports.count, 1)
        let codes = try XCTUnwrap(try report(inbox + "/reports/" + reports[0])["findings"] as? [[String: Any]])
            .filter { ($0["code"] as? String)?.hasPrefix("duplicate.existing") == true }.map { $0["row"] as? Int }
        XCTAssertEqual(codes, [2, 9, 14])
    }
}
