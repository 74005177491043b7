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

    /// The exact counts, from `--format json` (so the tests follow the rules, not a fixed number).
    func counts() throws -> (rows: Int, valid: Int, invalid: Int, errors: Int, warnings: Int, changes: Int) {
        let run = try validate(["--format", "json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let c = try XCTUnwrap(report["counts"] as? [String: Any])
        func n(_ key: String) throws -> Int { try XCTUnwrap(c[key] as? Int, key) }
        let counts = (try n("rows"), try n("validRows"), try n("invalidRows"), try n("errors"), try n("warnings"), try n("changes"))
        XCTAssertEqual(counts.0, 500)
        XCTAssertGreaterThan(counts.3, 15, "the 5 % mistakes")
        XCTAssertGreaterThan(counts.4, 0, "some warnings")
        XCTAssertGreaterThan(counts.5, 400, "a change on most rows")
        return counts
    }

    func report(_ out: URL) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
    }

    func testTheTerminalShowsEveryErrorBeforeAnyWarningAndOneLinePerChangeCode() throws {
        let c = try counts()
        let run = try validate([])
        XCTAssertEqual(run.status, 1, run.stderr)
        let out = lines(run.stdout)
        let errors = out.indices.filter { out[$0].hasPrefix("  error ") }
        let warnings = out.indices.filter { out[$0].hasPrefix("  warning ") }
        XCTAssertEqual(errors.count, c.errors, "every error shown")
        XCTAssertEqual(warnings.count, c.warnings)
        XCTAssertTrue(run.stdout.contains("Findings: \(c.errors) errors, "), run.stdout)
        XCTAssertLessThan(errors.max()!, warnings.min() ?? Int.max)
        XCTAssertFalse(out.contains { $0.hasPrefix("  change ") }, "no change listed cell by cell")
        let changeLines = out.filter { $0.range(of: #"^  .+: [0-9,]+ rows? .+, e\.g\. row \d+ "#, options: .regularExpression) != nil }
        XCTAssertTrue(changeLines.contains { $0.hasPrefix("  Contact number: ") && $0.contains(" rows written in international form, e.g. row ") },
                      run.stdout)
        XCTAssertLessThan(out.count, 5 * (c.errors + c.warnings) + 30, "errors, warnings and a few change lines; not a line per change")
    }

    func testTheShowFindingsCapNeverSpendsLinesOnChanges() throws {
        let c = try counts()
        let run = try validate(["--show-findings", "10"])
        let out = lines(run.stdout)
        XCTAssertEqual(out.filter { $0.hasPrefix("  error ") }.count, 10)
        XCTAssertEqual(out.filter { $0.hasPrefix("  warning ") }.count, 0)
        XCTAssertTrue(run.stdout.contains("… \(c.errors + c.warnings - 10) more findings not shown here (--show-findings)"), run.stdout)
    }

    func testMaxFindingsKeepsErrorsFirstInReportJSONAndErrorsCSV() throws {
        let c = try counts()
        let out = Self.folder.appendingPathComponent("capped-\(UUID().uuidString)")
        let run = try validate(["--max-findings", "15", "--out", out.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let report = try report(out)
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 15)
        XCTAssertEqual(Set(findings.compactMap { $0["severity"] as? String }), ["error"], "15 of the errors, no warning, no change")
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        XCTAssertEqual(counts["errors"] as? Int, c.errors)
        XCTAssertEqual(counts["findingsNotShown"] as? Int, c.errors + c.warnings - 15)
        let csv = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csv.count, 1 + 15 + 1)
        XCTAssertTrue(csv[1...15].allSatisfy { $0.contains(",error,") }, csv.joined(separator: "\n"))

        let all = try validate(["--max-findings", "50", "--out", out.path])
        XCTAssertEqual(all.status, 1)
        let severities = try XCTUnwrap(try self.report(out)["findings"] as? [[String: Any]]).compactMap { $0["severity"] as? String }
        XCTAssertEqual(severities.count, min(50, c.errors + c.warnings))
        XCTAssertEqual(severities, Array(repeating: "error", count: c.errors) + Array(repeating: "warning", count: severities.count - c.errors))
    }

    func testChangesCSVHoldsEveryChangeAndErrorsCSVNone() throws {
        let out = Self.folder.appendingPathComponent("out-\(UUID().uuidString)")
        _ = try validate(["--out", out.path])
        let report = try report(out)
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        let changes = try XCTUnwrap(counts["changes"] as? Int)
        XCTAssertGreaterThan(changes, 400)
        let csv = try String(contentsOf: out.appendingPathComponent("changes.csv"), encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csv.first, "row,column,field,before,after,code,sourceRow")
        XCTAssertEqual(csv.count - 1, changes, "one line per change")
        XCTAssertTrue(csv.contains { $0.range(of: #"^\d+,F,contactNumber,[^,]+,'\+65\d{8},change\.normalised,\d+$"#, options: .regularExpression) != nil })
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        XCTAssertFalse(errors.contains(",change,"), "errors.csv holds errors and warnings only")
        let summary = try XCTUnwrap(report["changeSummary"] as? [[String: Any]])
        XCTAssertEqual(summary.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }, changes)
        XCTAssertEqual((report["findings"] as? [[String: Any]])?.contains { $0["severity"] as? String == "change" }, false)
    }

    func testQuietPrintsOneLineAndErrorsOnlyHidesWarningsAndChanges() throws {
        let c = try counts()
        let quiet = try validate(["--quiet", "--out", Self.folder.appendingPathComponent("quiet").path])
        XCTAssertEqual(quiet.status, 1)
        XCTAssertEqual(lines(quiet.stdout).filter { !$0.isEmpty }.count, 1, quiet.stdout)
        XCTAssertTrue(quiet.stdout.hasPrefix("\(Self.sample): 500 rows checked: \(c.valid) valid, \(c.invalid) invalid; \(c.errors) errors, "),
                      quiet.stdout)
        XCTAssertEqual(quiet.stderr, "")

        let errorsOnly = try validate(["--errors-only"])
        XCTAssertEqual(errorsOnly.status, 1)
        XCTAssertEqual(lines(errorsOnly.stdout).filter { $0.hasPrefix("  error ") }.count, c.errors)
        XCTAssertFalse(errorsOnly.stdout.contains("  warning "))
        XCTAssertFalse(errorsOnly.stdout.contains("written in international form"))
        XCTAssertTrue(errorsOnly.stdout.contains("not shown: --errors-only"), errorsOnly.stdout)

        let misuse = try validate(["--quiet", "--format", "json"])
        XCTAssertEqual(misuse.status, 64)
        XCTAssertTrue(misuse.stderr.contains("--quiet"), misuse.stderr)
    }

    func testGitHubAnnotatesRowsErrorsFirstAndWritesTheStepSummary() throws {
        let c = try counts()
        let summary = Self.folder.appendingPathComponent("summary-\(UUID().uuidString).md")
        let run = try validate(["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let out = lines(run.stdout).filter { !$0.isEmpty }
        XCTAssertEqual(out.filter { $0.hasPrefix("::error ") }.count, c.invalid, "one annotation per invalid row")
        let lastError = try XCTUnwrap(out.lastIndex { $0.hasPrefix("::error ") })
        XCTAssertFalse(out[..<lastError].contains { $0.hasPrefix("::warning") || $0.hasPrefix("::notice") })
        XCTAssertTrue(out.contains { $0.hasPrefix("::notice ") && $0.contains("title=change.normalised::Contact number: ") })
        let table = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertEqual(lines(table).filter { $0.hasPrefix("| \(Self.sample) | ") }.count, c.errors, table)
    }

    func testJUnitAndSARIF() throws {
        let c = try counts()
        let junit = try validate(["--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        try JUnitSchemaCheck.assertValid(junit.stdout)
        XCTAssertEqual(junit.stdout.components(separatedBy: "<failure ").count - 1, c.invalid, "a failure per invalid row")
        XCTAssertTrue(junit.stdout.contains("<testcase name=\"\(c.valid) valid rows\""), junit.stdout)

        let sarif = try validate(["--format", "sarif"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertEqual(results.filter { $0["level"] as? String == "error" }.count, c.errors)
        let notes = results.filter { $0["level"] as? String == "note" }
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try validate(["--format", "json"]).stdout.utf8)) as? [String: Any])
        let kinds = try XCTUnwrap(report["changeSummary"] as? [[String: Any]])
        XCTAssertEqual(notes.count, kinds.count, "one note per kind of change")
        XCTAssertEqual(notes.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }, kinds.compactMap { $0["summary"] as? String })
        XCTAssertTrue(notes.contains { $0["ruleId"] as? String == "change.normalised" })
    }
}
