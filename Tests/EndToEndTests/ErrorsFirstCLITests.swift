import Foundation
import TestSupport
import XCTest

/// Issue 8, points 1 and 2, as a user sees them: the built binary on a generated 500-row list with
/// 5 % mistakes, where every row's phone number is rewritten (a change) — the list whose 200-line
/// terminal cap used to be spent on change lines.
final class ErrorsFirstCLITests: XCTestCase {
    static var folder: URL!
    static var sample: String { folder.appendingPathComponent("s500.xlsx").path }

    override class func setUp() {
        super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("errors-first-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try? ValidateCLITests.run(["sample", "--rows", "500", "--error-rate", "0.05", "--seed", "1", "-o", sample], in: folder)
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        super.tearDown()
    }

    func validate(_ arguments: [String], environment: [String: String] = [:]) throws -> ValidateCLITests.Run {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.sample), "invitesheet sample did not write the list")
        return try ValidateCLITests.run(["validate", Self.sample] + arguments, in: Self.folder, environment: environment)
    }

    func lines(_ text: String) -> [String] { text.components(separatedBy: "\n") }

    func report(_ out: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
    }

    func testTheTerminalShowsEveryErrorBeforeAnyWarningAndOneLinePerChangeCode() throws {
        let run = try validate([])
        XCTAssertEqual(run.status, 1, run.stderr)
        let out = lines(run.stdout)
        let errors = out.indices.filter { out[$0].hasPrefix("  error ") }
        let warnings = out.indices.filter { out[$0].hasPrefix("  warning ") }
        XCTAssertEqual(errors.count, 23, "all 23 errors shown")
        XCTAssertTrue(run.stdout.contains("Findings: 23 errors, "), run.stdout)
        XCTAssertLessThan(errors.max()!, warnings.min() ?? Int.max)
        XCTAssertFalse(out.contains { $0.hasPrefix("  change ") }, "no change listed cell by cell")
        let changeLines = out.filter { $0.range(of: #"^  .+: [0-9,]+ rows? .+, e\.g\. row \d+ "#, options: .regularExpression) != nil }
        XCTAssertTrue(changeLines.contains { $0.hasPrefix("  Contact number: ") && $0.contains(" rows written in international form, e.g. row ") },
                      run.stdout)
        XCTAssertLessThan(out.count, 160, "errors, warnings and a few change lines; not a line per change")
    }

    func testTheShowFindingsCapNeverSpendsLinesOnChanges() throws {
        let run = try validate(["--show-findings", "10"])
        let out = lines(run.stdout)
        XCTAssertEqual(out.filter { $0.hasPrefix("  error ") }.count, 10)
        XCTAssertEqual(out.filter { $0.hasPrefix("  warning ") }.count, 0)
        XCTAssertTrue(run.stdout.contains("… 15 more findings not shown here (--show-findings)"), run.stdout)
    }

    func testMaxFindingsKeepsErrorsFirstInReportJSONAndErrorsCSV() throws {
        let out = Self.folder.appendingPathComponent("capped-\(UUID().uuidString)")
        let run = try validate(["--max-findings", "20", "--out", out.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let report = try report(out)
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 20)
        XCTAssertEqual(Set(findings.compactMap { $0["severity"] as? String }), ["error"], "20 of the 23 errors, no warning, no change")
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        XCTAssertEqual(counts["errors"] as? Int, 23)
        XCTAssertEqual(counts["findingsNotShown"] as? Int, 23 + (counts["warnings"] as? Int ?? 0) - 20)
        let csv = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csv.count, 1 + 20 + 1)
        XCTAssertTrue(csv[1...20].allSatisfy { $0.contains(",error,") }, csv.joined(separator: "\n"))

        let all = try validate(["--max-findings", "50", "--out", out.path])
        XCTAssertEqual(all.status, 1)
        let severities = try XCTUnwrap(try self.report(out)["findings"] as? [[String: Any]]).compactMap { $0["severity"] as? String }
        XCTAssertEqual(severities, Array(repeating: "error", count: 23) + Array(repeating: "warning", count: severities.count - 23))
        XCTAssertGreaterThan(severities.count, 23)
    }

    func testChangesCSVHoldsEveryChangeAndErrorsCSVNone() throws {
        let out = Self.folder.appendingPathComponent("out-\(UUID().uuidString)")
        _ = try validate(["--out", out.path])
        let report = try report(out)
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        let changes = try XCTUnwrap(counts["changes"] as? Int)
        XCTAssertGreaterThan(changes, 400)
        let csv = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csv.first, "row,column,field,before,after,code")
        XCTAssertEqual(csv.count - 1, changes, "one line per change")
        XCTAssertTrue(csv.contains { $0.range(of: #"^\d+,F,contactNumber,[^,]+,'\+65\d{8},change\.normalised$"#, options: .regularExpression) != nil })
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        XCTAssertFalse(errors.contains(",change,"), "errors.csv holds errors and warnings only")
        let summary = try XCTUnwrap(report["changeSummary"] as? [[String: Any]])
        XCTAssertEqual(summary.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }, changes)
        XCTAssertEqual((report["findings"] as? [[String: Any]])?.contains { $0["severity"] as? String == "change" }, false)
    }

    func testQuietPrintsOneLineAndErrorsOnlyHidesWarningsAndChanges() throws {
        let quiet = try validate(["--quiet", "--out", Self.folder.appendingPathComponent("quiet").path])
        XCTAssertEqual(quiet.status, 1)
        XCTAssertEqual(lines(quiet.stdout).filter { !$0.isEmpty }.count, 1, quiet.stdout)
        XCTAssertTrue(quiet.stdout.hasPrefix("\(Self.sample): 500 rows checked: 477 valid, 23 invalid; 23 errors, "), quiet.stdout)
        XCTAssertEqual(quiet.stderr, "")

        let errorsOnly = try validate(["--errors-only"])
        XCTAssertEqual(errorsOnly.status, 1)
        XCTAssertEqual(lines(errorsOnly.stdout).filter { $0.hasPrefix("  error ") }.count, 23)
        XCTAssertFalse(errorsOnly.stdout.contains("  warning "))
        XCTAssertFalse(errorsOnly.stdout.contains("written in international form"))
        XCTAssertTrue(errorsOnly.stdout.contains("not shown: --errors-only"), errorsOnly.stdout)

        let misuse = try validate(["--quiet", "--format", "json"])
        XCTAssertEqual(misuse.status, 64)
        XCTAssertTrue(misuse.stderr.contains("--quiet"), misuse.stderr)
    }

    func testGitHubAnnotatesRowsErrorsFirstAndWritesTheStepSummary() throws {
        let summary = Self.folder.appendingPathComponent("summary-\(UUID().uuidString).md")
        let run = try validate(["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let out = lines(run.stdout).filter { !$0.isEmpty }
        XCTAssertEqual(out.filter { $0.hasPrefix("::error ") }.count, 23, "one annotation per invalid row")
        let lastError = try XCTUnwrap(out.lastIndex { $0.hasPrefix("::error ") })
        XCTAssertFalse(out[..<lastError].contains { $0.hasPrefix("::warning") || $0.hasPrefix("::notice") })
        XCTAssertTrue(out.contains { $0.hasPrefix("::notice ") && $0.contains("title=change.normalised::Contact number: ") })
        let table = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertEqual(lines(table).filter { $0.hasPrefix("| \(Self.sample) | ") }.count, 23, table)
    }

    func testJUnitAndSARIF() throws {
        let junit = try validate(["--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        try JUnitSchemaCheck.assertValid(junit.stdout)
        XCTAssertEqual(junit.stdout.components(separatedBy: "<failure ").count - 1, 23, "a failure per invalid row")
        XCTAssertTrue(junit.stdout.contains("<testcase name=\"477 valid rows\""), junit.stdout)

        let sarif = try validate(["--format", "sarif"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.filter { $0["level"] as? String == "error" }.count, 23)
        let notes = results.filter { $0["level"] as? String == "note" }
        XCTAssertEqual(notes.count, 1, "one note for the one kind of change")
        XCTAssertEqual(notes.first?["ruleId"] as? String, "change.normalised")
    }
}
