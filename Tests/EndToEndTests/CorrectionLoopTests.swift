import Foundation
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
    }
}
