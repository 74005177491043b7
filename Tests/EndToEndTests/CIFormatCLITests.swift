import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    func testGitHubAnnotatesEveryMistakeOnItsRow() throws {
        let run = try expect(1, everyMistake + ["--format", "github"])
        let errors = lines(run.stdout).filter { $0.hasPrefix("::error file=SampleSheets/every-mistake.xlsx,line=") }
        XCTAssertGreaterThanOrEqual(errors.count, 50, "one ::error per error finding")
        XCTAssertTrue(errors.allSatisfy { $0.range(of: #"^::error file=SampleSheets/every-mistake\.xlsx,line=\d+,(col=\d+,)?title=[a-z][a-zA-Z.-]+::"#, options: .regularExpression) != nil },
                      errors.first { $0.range(of: #",title=[a-z]"#, options: .regularExpression) == nil } ?? "")
        XCTAssertTrue(run.stdout.contains("::warning file=SampleSheets/every-mistake.xlsx,line="))
        XCTAssertTrue(run.stdout.contains("::notice file=SampleSheets/every-mistake.xlsx,line="))
        let last = try XCTUnwrap(lines(run.stdout).last)
        XCTAssertTrue(last.hasPrefix("invitesheet: SampleSheets/every-mistake.xlsx: 126 rows checked:"), last)
        XCTAssertTrue(last.contains("(exit 1"), last)
    }

    func testGitHubValidFileHasNoErrors() throws {
        let run = try expect(0, ["SampleSheets/valid.xlsx", "--format", "github"])
        XCTAssertFalse(run.stdout.contains("::error"))
        XCTAssertTrue(lines(run.stdout).last?.hasPrefix("invitesheet: SampleSheets/valid.xlsx: 20 rows checked: 20 valid, 0 invalid") ?? false, run.stdout)
    }

    func testGitHubSeveralFilesAndMaxFindings() throws {
        let run = try expect(2, everyMistake + ["SampleSheets/wrong-headers.csv", "--format", "github", "--max-findings", "5"])
        let out = lines(run.stdout)
        XCTAssertEqual(out.filter { $0.hasPrefix("::") && $0.contains("file=SampleSheets/every-mistake.xlsx,") }.count, 5)
        XCTAssertTrue(out.contains { $0.hasPrefix("::error file=SampleSheets/wrong-headers.csv,") })
        XCTAssertEqual(out.filter { $0.hasPrefix("invitesheet: ") }.count, 2, "a summary line per file")
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

    func testJUnitParsesWithATestCasePerFile() throws {
        let run = try expect(2, everyMistake + ["SampleSheets/valid.xlsx", "SampleSheets/not-a-workbook.xlsx", "--format", "junit"])
        let document = try XMLDocument(data: Data(run.stdout.utf8), options: [])
        let suites = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(suites.name, "testsuites")
        let suite = try XCTUnwrap(suites.elements(forName: "testsuite").first)
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "3")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "1")
        XCTAssertEqual(suite.attribute(forName: "errors")?.stringValue, "1")
        let cases = suite.elements(forName: "testcase")
        XCTAssertEqual(cases.map { $0.attribute(forName: "name")?.stringValue },
                       ["SampleSheets/every-mistake.xlsx", "SampleSheets/valid.xlsx", "SampleSheets/not-a-workbook.xlsx"])
        let failures = cases[0].elements(forName: "failure")
        XCTAssertEqual(failures.count, 50, "a failure per invalid row")
        XCTAssertTrue(failures.allSatisfy { ($0.attribute(forName: "message")?.stringValue ?? "").hasPrefix("Row ") })
        XCTAssertTrue(cases[1].elements(forName: "failure").isEmpty && cases[1].elements(forName: "error").isEmpty)
        XCTAssertEqual(cases[2].elements(forName: "error").first?.attribute(forName: "type")?.stringValue, "file.text-not-workbook")
    }

    func testJUnitValidFilePasses() throws {
        let run = try expect(0, ["SampleSheets/valid.xlsx", "--format", "junit"])
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
        XCTAssertEqual(results.filter { $0["level"] as? String == "error" }.count, 50)
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
