import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// `invitesheet validate --format github|junit|sarif` run as a CI job runs it: the built binary
/// (found as `ValidateCLITests.binary()` finds it), from the package root, on SampleSheets/ paths
/// relative to it — as a workflow names files relative to the repository.
final class CIFormatCLITests: XCTestCase {
    static let root = ValidateCLITests.root
    let everyMistake = ["SampleSheets/every-mistake.xlsx", "--policy", "SampleSheets/policy.json",
                        "--existing", "SampleSheets/existing-accounts.csv"]

    typealias Run = ValidateCLITests.Run

    func validate(_ arguments: [String]) throws -> Run {
        try ValidateCLITests.run(["validate"] + arguments, in: Self.root)
    }

    func expect(_ status: Int32, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let run = try validate(arguments)
        XCTAssertEqual(run.status, status, "validate \(arguments.joined(separator: " "))\nstdout: \(run.stdout.prefix(2000))\nstderr: \(run.stderr)",
                       file: file, line: line)
        return run
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    // MARK: github

    func testGitHubAnnotatesEveryInvalidRowOnceErrorsFirst() throws {
        let run = try expect(1, everyMistake + ["--format", "github"])
        let out = lines(run.stdout)
        let errors = out.filter { $0.hasPrefix("::error file=SampleSheets/every-mistake.xlsx,line=") }
        XCTAssertEqual(errors.count, 51, "one ::error per invalid row")
        XCTAssertTrue(errors.allSatisfy { $0.range(of: #"^::error file=SampleSheets/every-mistake\.xlsx,line=(\d+),title=Row \1%3A \d+ errors?(%2C \d+ warnings?)?::"#, options: .regularExpression) != nil },
                      errors.first { $0.range(of: #",title=Row "#) == nil } ?? "")
        XCTAssertEqual(Set(errors.map { $0.split(separator: ",")[1] }).count, 51, "never two annotations for one row")
        let firstWarning = try XCTUnwrap(out.firstIndex { $0.hasPrefix("::warning file=SampleSheets/every-mistake.xlsx,line=") })
        let firstNotice = try XCTUnwrap(out.firstIndex { $0.hasPrefix("::notice ") })
        XCTAssertLessThan(out.lastIndex { $0.hasPrefix("::error") }!, firstWarning, "every row with an error before any row with only warnings")
        XCTAssertLessThan(out.lastIndex { $0.hasPrefix("::warning") }!, firstNotice)
        let notices = out.filter { $0.hasPrefix("::notice ") }
        XCTAssertTrue(notices.contains { $0.range(of: #",title=change\.normalised::Contact number: \d+ rows written in international form, e\.g\. row \d+ ""#, options: .regularExpression) != nil },
                      notices.joined(separator: "\n"))
        XCTAssertLessThan(notices.count, 15, "one notice per kind of change, not per cell")
        let last = try XCTUnwrap(out.last)
        XCTAssertTrue(last.hasPrefix("invitesheet: SampleSheets/every-mistake.xlsx: 126 rows checked:"), last)
        XCTAssertTrue(last.contains("(exit 1"), last)
    }

    func testGitHubStepSummaryListsEveryInvalidRowWhateverMaxFindingsSays() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ci-step-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = directory.appendingPathComponent("step_summary.md")
        let run = try ValidateCLITests.run(["validate"] + everyMistake + ["SampleSheets/valid.xlsx", "--format", "github", "--max-findings", "5"],
                                           in: Self.root, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        let text = try String(contentsOf: summary, encoding: .utf8)
        let rows = lines(text).filter { $0.hasPrefix("| SampleSheets/every-mistake.xlsx | ") }
        XCTAssertEqual(rows.count, 51, "every error of every invalid row, not cut at 5")
        XCTAssertEqual(Set(rows.map { $0.split(separator: "|")[1] }).count, 51, "51 invalid rows")
        XCTAssertTrue(text.contains("### SampleSheets/every-mistake.xlsx: 126 rows checked: 75 valid, 51 invalid;"), text)
        XCTAssertTrue(text.contains("### SampleSheets/valid.xlsx: 20 rows checked: 20 valid, 0 invalid;"), text)
        XCTAssertTrue(text.contains("No invalid rows."))
        let withoutEnv = try expect(1, everyMistake + ["--format", "github"])
        XCTAssertFalse(withoutEnv.stdout.contains("| File | Row |"), "the table goes to the step summary only")
    }

    func testGitHubValidFileHasNoErrors() throws {
        let run = try expect(0, ["SampleSheets/valid.xlsx", "--format", "github"])
        XCTAssertFalse(run.stdout.contains("::error"))
        XCTAssertTrue(lines(run.stdout).last?.hasPrefix("invitesheet: SampleSheets/valid.xlsx: 20 rows checked: 20 valid, 0 invalid") ?? false, run.stdout)
    }

    func testGitHubSeveralFilesAndMaxFindings() throws {
        let run = try expect(2, everyMistake + ["SampleSheets/wrong-headers.csv", "--format", "github", "--max-findings", "5"])
        let out = lines(run.stdout)
        let rows = out.filter { ($0.hasPrefix("::error") || $0.hasPrefix("::warning")) && $0.contains("file=SampleSheets/every-mistake.xlsx,") }
        XCTAssertEqual(rows.count, 5, "5 findings listed, each row with one error")
        XCTAssertTrue(rows.allSatisfy { $0.hasPrefix("::error") }, "the 5 listed are errors")
        XCTAssertTrue(out.contains { $0.hasPrefix("::error file=SampleSheets/wrong-headers.csv,") })
        XCTAssertEqual(out.filter { $0.hasPrefix("invitesheet: ") }.count, 2, "a summary line per file")
        XCTAssertTrue(out.contains { $0.contains("every-mistake.xlsx: 126 rows checked") && $0.range(of: #"; \d+ not listed \(--max-findings\)"#, options: .regularExpression) != nil }, run.stdout)
    }

    func testGitHubEscapesAHostileFileNameAndOutStillWritesItsFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ci-cli-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = directory.appendingPathComponent("agency,line=1:50%.xlsx")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("SampleSheets/every-mistake.xlsx"), to: hostile)
        let out = directory.appendingPathComponent("out")
        let run = try expect(1, [hostile.path, "--format", "github", "--out", out.path])
        let escaped = "file=" + directory.path.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
            + "/agency%2Cline=1%3A50%25.xlsx,line="
        XCTAssertTrue(run.stdout.contains("::error " + escaped), String(run.stdout.prefix(500)))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.json").path))
    }

    // MARK: junit

    func testJUnitHasASuitePerFileATestCasePerInvalidRowAndMatchesTheAntSchema() throws {
        let run = try expect(2, everyMistake + ["SampleSheets/valid.xlsx", "SampleSheets/not-a-workbook.xlsx", "--format", "junit"])
        try JUnitSchemaCheck.assertValid(run.stdout)
        let document = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue },
                       ["SampleSheets/every-mistake.xlsx", "SampleSheets/valid.xlsx", "SampleSheets/not-a-workbook.xlsx"])
        let cases = suites[0].elements(forName: "testcase")
        XCTAssertEqual(cases.count, 52, "51 invalid rows and the rest")
        XCTAssertEqual(suites[0].attribute(forName: "tests")?.stringValue, "52")
        XCTAssertEqual(suites[0].attribute(forName: "failures")?.stringValue, "51")
        XCTAssertEqual(cases.last?.attribute(forName: "name")?.stringValue, "75 valid rows")
        for testCase in cases.dropLast() {
            XCTAssertTrue(testCase.attribute(forName: "name")?.stringValue?.hasPrefix("Row ") ?? false)
            XCTAssertEqual(testCase.elements(forName: "failure").count, 1, "exactly one failure per test case")
        }
        XCTAssertEqual(suites[1].elements(forName: "testcase").map { $0.attribute(forName: "name")?.stringValue }, ["20 valid rows"])
        XCTAssertEqual(suites[1].attribute(forName: "failures")?.stringValue, "0")
        let bad = suites[2].elements(forName: "testcase")
        XCTAssertEqual(bad.count, 1)
        XCTAssertEqual(bad[0].elements(forName: "error").first?.attribute(forName: "type")?.stringValue, "file.text-not-workbook")
        XCTAssertEqual(suites[2].attribute(forName: "errors")?.stringValue, "1")
    }

    func testJUnitStrictFailsWarningRowsTooAndStaysValid() throws {
        let run = try expect(1, everyMistake + ["SampleSheets/older-template.xlsx", "--format", "junit", "--strict"])
        try JUnitSchemaCheck.assertValid(run.stdout)
        let document = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        let suites = try XCTUnwrap(document.rootElement()).elements(forName: "testsuite")
        XCTAssertGreaterThan(Int(suites[0].attribute(forName: "failures")?.stringValue ?? "") ?? 0, 51)
        XCTAssertEqual(suites[1].elements(forName: "testcase").first?.attribute(forName: "name")?.stringValue, "Sheet",
                       "the older-template warning fails the file under --strict")
        for testCase in suites.flatMap({ $0.elements(forName: "testcase") }) {
            XCTAssertLessThanOrEqual(testCase.elements(forName: "failure").count + testCase.elements(forName: "error").count, 1)
        }
    }

    func testJUnitValidFilePasses() throws {
        let run = try expect(0, ["SampleSheets/valid.xlsx", "--format", "junit"])
        try JUnitSchemaCheck.assertValid(run.stdout)
        let document = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        let suite = try XCTUnwrap(document.rootElement()?.elements(forName: "testsuite").first)
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "0")
        XCTAssertEqual(suite.attribute(forName: "errors")?.stringValue, "0")
    }

    // MARK: sarif

    func testSARIFParsesWithOneRunAndRowRegions() throws {
        let run = try expect(1, everyMistake + ["--format", "sarif"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertNotNil(log["$schema"] as? String)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "invitesheet")
        let ruleIDs = Set(try XCTUnwrap(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.filter { $0["level"] as? String == "error" }.count, 51, "one result per error")
        let notes = results.filter { $0["level"] as? String == "note" }
        XCTAssertEqual(notes.count, Set(notes.compactMap { n in (n["ruleId"] as? String).map { $0 + "|" + ((n["properties"] as? [String: Any])?["field"] as? String ?? "") } }).count,
                       "one note per kind of change")
        XCTAssertTrue(notes.contains { ($0["message"] as? [String: Any])?["text"] as? String == nil ? false :
            (($0["message"] as? [String: Any])?["text"] as! String).hasPrefix("Contact number: ") })
        let firstWarning = results.firstIndex { $0["level"] as? String == "warning" } ?? results.count
        XCTAssertFalse(results[firstWarning...].contains { $0["level"] as? String == "error" }, "errors first")
        XCTAssertEqual(Set(results.compactMap { $0["ruleId"] as? String }), ruleIDs, "a rule for each code that occurs, and only those")
        for result in results {
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "SampleSheets/every-mistake.xlsx")
            XCTAssertGreaterThanOrEqual((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0, 2)
        }
    }

    func testSARIFValidFileHasNoErrors() throws {
        let run = try expect(0, ["SampleSheets/valid.xlsx", "--format", "sarif"])
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        XCTAssertFalse(results.contains { $0["level"] as? String == "error" })
    }
}
