import Foundation
import SheetIO
import UserList
import XCTest
@testable import Reports

/// Real `report.json` output validates against the published schema, `docs/report.schema.json`
/// (checked with python3's `jsonschema`, Draft 2020-12; skipped where it is not installed).
final class ReportSchemaTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaPath = packageRoot.appendingPathComponent("docs/report.schema.json").path

    func testReportsFromRealRunsMatchTheSchema() throws {
        try requireJSONSchema()
        let folder = try temporaryFolder(self)
        func write(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let rows = [ReportFixture.officer,
                    ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com", .firstName: " Jane\u{1B}"]),
                    ReportFixture.with(ReportFixture.vendor, [.username: "a..b", .reason: "=cmd"])]
        let jobs: [(String, ValidationJob)] = [
            ("completed", ValidationJob(inputPath: try write("users.csv", ReportFixture.csv(rows, extraHeaders: ["Notes"])))),
            ("capped", ValidationJob(inputPath: try write("capped.csv", ReportFixture.csv(rows)), strict: true, maxFindings: 1)),
            ("structure", ValidationJob(inputPath: try write("bad.csv", "Name,Phone\r\nJane,1\r\n"))),
            ("file", ValidationJob(inputPath: folder.appendingPathComponent("missing.xlsx").path)),
            ("hostile", ValidationJob(inputPath: Self.packageRoot.appendingPathComponent("Tests/Fixtures/hostile-zipbomb.xlsx").path)),
        ]
        for (name, job) in jobs {
            var job = job
            job.outputDirectory = folder.appendingPathComponent("out-\(name)").path
            _ = try ValidationRunner().run(job)
            try assertValid(OutputFiles.path(OutputFiles.report, in: job.outputDirectory!), name)
        }
        // The report of a corrections workbook: `corrects` and each finding's `sourceRow` filled in.
        let corrections = OutputFiles.path(OutputFiles.corrections, in: folder.appendingPathComponent("out-completed").path)
        let again = ValidationJob(inputPath: corrections, outputDirectory: folder.appendingPathComponent("out-corrections").path)
        XCTAssertEqual(try ValidationRunner().run(again).corrects?.name, "users.csv")
        try assertValid(OutputFiles.path(OutputFiles.report, in: again.outputDirectory!), "corrections")
    }

    func testTheSchemaRejectsAReportMissingItsTraceID() throws {
        try requireJSONSchema()
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("report.json").path
        try Data(#"{"reportVersion":1,"input":{"name":"x","sha256":null,"bytes":null}}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertNotEqual(try runValidator(path).status, 0)
    }

    /// reportVersion 2: changes are summarised in `changeSummary`, never listed in `findings`.
    func testChangesAreSummarisedAndTheSchemaKeepsThemOutOfFindings() throws {
        try requireJSONSchema()
        let folder = try temporaryFolder(self)
        let input = folder.appendingPathComponent("users.csv").path
        try Data(ReportFixture.csv([ReportFixture.with(ReportFixture.officer, [.contactNumber: "9123 4567", .firstName: " Jane "])]).utf8)
            .write(to: URL(fileURLWithPath: input))
        let out = folder.appendingPathComponent("out").path
        _ = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out))
        let reportPath = OutputFiles.path(OutputFiles.report, in: out)
        try assertValid(reportPath, "changes")
        var report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any])
        let summary = try XCTUnwrap(report["changeSummary"] as? [[String: Any]])
        XCTAssertEqual(summary.compactMap { $0["code"] as? String }, ["change.trimmed", "change.normalised"])
        XCTAssertEqual((report["findings"] as? [Any])?.count, 0)
        report["findings"] = [["stage": "field", "row": 2, "column": "F", "field": "contactNumber", "header": "Contact number*",
                               "value": "9123 4567", "code": "change.normalised", "severity": "change", "message": "m", "hint": NSNull()]]
        let tampered = folder.appendingPathComponent("tampered.json").path
        try JSONSerialization.data(withJSONObject: report).write(to: URL(fileURLWithPath: tampered))
        XCTAssertNotEqual(try runValidator(tampered).status, 0, "a change in findings does not match the schema")
    }

    private func requireJSONSchema() throws {
        let probe = try? run(["python3", "-c", "import jsonschema"])
        guard probe?.status == 0 else { throw XCTSkip("python3 with the jsonschema package is not installed") }
    }

    private func assertValid(_ report: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try runValidator(report)
        XCTAssertEqual(result.status, 0, "\(name): \(result.output)", file: file, line: line)
    }

    private func runValidator(_ report: String) throws -> (status: Int32, output: String) {
        let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
        for e in errors: print(list(e.absolute_path), e.message)
        sys.exit(1 if errors else 0)
        """
        return try run(["python3", "-c", script, Self.schemaPath, report])
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
