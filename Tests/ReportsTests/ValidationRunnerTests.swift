import Foundation
import SheetIO
import UserList
import XCTest
@testable import Reports

final class ReportValidationRunnerTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws { folder = try temporaryFolder(self) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func out(_ name: String = "out") -> String { folder.appendingPathComponent(name).path }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func reportJSON(_ directory: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: OutputFiles.path(OutputFiles.report, in: directory)))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testValidListWritesEveryOutputAndExitsZero() throws {
        let rows = [ReportFixture.officer, ReportFixture.vendor]
        let input = try file("users.csv", ReportFixture.csv(rows))
        var seen: [Int] = []
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out())) { seen.append($0.rowNumber) }
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertEqual(seen, [2, 3])
        XCTAssertEqual(result.summary.validRowCount, 2)
        XCTAssertTrue(TraceID.isValid(result.traceID))
        XCTAssertEqual(result.sha256, try FileDigest(path: input).sha256)
        // Every row is valid: nothing to fix, so no corrections workbook.
        let written = OutputFiles.all.filter { $0 != OutputFiles.corrections }
        XCTAssertEqual(result.outputs.map { ($0 as NSString).lastPathComponent }, written)
        for name in written { XCTAssertTrue(FileManager.default.fileExists(atPath: OutputFiles.path(name, in: out())), name) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out()).sorted(), written.sorted(), "no temporary files left")
        XCTAssertEqual(try read(OutputFiles.path(OutputFiles.acceptedCSV, in: out())).lines.dropLast().count, 3)
        let report = try reportJSON(out())
        XCTAssertEqual(report["traceId"] as? String, result.traceID)
        XCTAssertEqual((report["input"] as? [String: Any])?["sha256"] as? String, result.sha256)
        XCTAssertEqual((report["input"] as? [String: Any])?["name"] as? String, "users.csv")
        XCTAssertEqual(report["status"] as? String, "completed")
    }

    func testInvalidRowsExitOneAndOnlyValidRowsAreAccepted() throws {
        let rows = [ReportFixture.officer,
                    ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com"]),
                    ReportFixture.with(ReportFixture.vendor, [.username: "a..b"]),
                    ReportFixture.with(ReportFixture.officer, [.email: "lee@tech.gov.sg", .firstName: " Lee "])]
        let input = try file("users.csv", ReportFixture.csv(rows))
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out()))
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.summary.invalidRowCount, 2)
        let accepted = try read(OutputFiles.path(OutputFiles.acceptedJSONLines, in: out())).lines.filter { !$0.isEmpty }
        XCTAssertEqual(accepted.count, result.summary.validRowCount)
        let errors = try read(OutputFiles.path(OutputFiles.errors, in: out())).lines.dropLast()
        let total = result.summary.errorCount + result.summary.warningCount + result.summary.changeCount
        XCTAssertEqual(errors.count, 1 + result.summary.errorCount + result.summary.warningCount, "errors.csv: errors and warnings only")
        let changes = try read(OutputFiles.path(OutputFiles.changes, in: out())).lines.dropLast()
        XCTAssertEqual(changes.count, 1 + result.summary.changeCount)
        XCTAssertGreaterThan(result.summary.changeCount, 0)
        XCTAssertTrue(errors.contains { $0.contains("username.consecutive-periods") })
        let counts = try XCTUnwrap(try reportJSON(out())["counts"] as? [String: Any])
        XCTAssertEqual(counts["invalidRows"] as? Int, 2)
        XCTAssertEqual(counts["findings"] as? Int, total)
        XCTAssertTrue(FileManager.default.fileExists(atPath: OutputFiles.path(OutputFiles.corrections, in: out())))
    }

    func testStructureFailureWritesTheReportAndRemovesPerRowOutputs() throws {
        try FileManager.default.createDirectory(atPath: out(), withIntermediateDirectories: true)
        for stale in OutputFiles.perRow { try Data("stale".utf8).write(to: URL(fileURLWithPath: OutputFiles.path(stale, in: out()))) }
        let input = try file("users.csv", "Name,Phone\r\nJane,91234567\r\n")
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out()))
        XCTAssertEqual(result.exitCode, 2)
        XCTAssertEqual(result.summary.status, .structureFailed)
        XCTAssertEqual(result.outputs.map { ($0 as NSString).lastPathComponent }, [OutputFiles.errors, OutputFiles.report])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out()).sorted(), [OutputFiles.errors, OutputFiles.report])
        let report = try reportJSON(out())
        XCTAssertEqual(report["status"] as? String, "structureFailed")
        XCTAssertEqual(report["exitCode"] as? Int, 2)
        let codes = (report["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        XCTAssertTrue(codes.contains("structure.no-user-sheet") || codes.contains("structure.no-header") || codes.contains("structure.missing-column"), "\(codes)")
    }

    func testRowsReadBeforeAStructureStopAreNotReported() throws {
        let rows = Array(repeating: ReportFixture.with(ReportFixture.officer, [.lastName: " Tan "]), count: 3).enumerated().map {
            ReportFixture.with($0.element, [.email: "user\($0.offset)@tech.gov.sg"])
        }
        let input = try file("users.csv", ReportFixture.csv(rows))
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out(), policy: Policy(maxRowsPerFile: 2)))
        XCTAssertEqual(result.exitCode, 2)
        let report = try reportJSON(out())
        let codes = (report["findings"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        XCTAssertEqual(codes, ["structure.too-many-rows"])
        XCTAssertEqual((report["counts"] as? [String: Any])?["rows"] as? Int, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: OutputFiles.path(OutputFiles.acceptedCSV, in: out())))
    }

    func testUnreadableFilesAreFileStageFailures() throws {
        let missing = try ValidationRunner().run(ValidationJob(inputPath: folder.appendingPathComponent("nope.xlsx").path, outputDirectory: out()))
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertEqual(missing.sha256, "")
        XCTAssertEqual(missing.summary.structureFindings.map(\.code), [.fileUnreadable])
        XCTAssertTrue((try reportJSON(out())["input"] as? [String: Any])?["sha256"] is NSNull)

        let empty = try ValidationRunner().run(ValidationJob(inputPath: try file("empty.csv", "")))
        XCTAssertEqual(empty.exitCode, 2)
        XCTAssertEqual(empty.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(empty.summary.structureFindings.map(\.code), [.fileEmpty])

        let big = try ValidationRunner().run(ValidationJob(inputPath: try file("big.csv", ReportFixture.csv([ReportFixture.officer])),
                                                           policy: Policy(maxFileBytes: 10)))
        XCTAssertEqual(big.summary.structureFindings.map(\.code), [.fileTooLarge])
        XCTAssertEqual(big.exitCode, 2)
    }

    func testStrictMakesWarningsFail() throws {
        let input = try file("users.csv", ReportFixture.csv([ReportFixture.officer], extraHeaders: ["Notes"]))
        let relaxed = try ValidationRunner().run(ValidationJob(inputPath: input))
        XCTAssertEqual(relaxed.summary.warningCount, 1, "unknown column")
        XCTAssertEqual(relaxed.exitCode, 0)
        XCTAssertEqual(try ValidationRunner().run(ValidationJob(inputPath: input, strict: true)).exitCode, 1)
        let changesOnly = try file("changes.csv", ReportFixture.csv([ReportFixture.with(ReportFixture.officer, [.firstName: " Jane "])]))
        XCTAssertEqual(try ValidationRunner().run(ValidationJob(inputPath: changesOnly, strict: true)).exitCode, 0, "changes never count")
    }

    func testMaxFindingsCapsListsButNotCounts() throws {
        let rows = (0..<10).map { ReportFixture.with(ReportFixture.officer, [.email: "user\($0)@gmail.com"]) }
        let input = try file("users.csv", ReportFixture.csv(rows, extraHeaders: ["Notes"]))
        var presented: ValidationReport?
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out(), maxFindings: 4), present: { presented = $0 })
        XCTAssertEqual(result.exitCode, 1)
        let report = try reportJSON(out())
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 4)
        XCTAssertEqual(findings.compactMap { $0["severity"] as? String }, ["error", "error", "error", "error"],
                       "errors first: the sheet-wide warning waits behind them")
        XCTAssertEqual(findings.compactMap { $0["row"] as? Int }, [2, 3, 4, 5])
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        XCTAssertEqual(counts["errors"] as? Int, 10)
        XCTAssertEqual(counts["findingsNotShown"] as? Int, 11 - 4)
        XCTAssertEqual(result.findingsNotShown, counts["findingsNotShown"] as? Int)
        XCTAssertEqual(try read(OutputFiles.path(OutputFiles.errors, in: out())).lines.dropLast().count, 1 + 4 + 1)
        XCTAssertEqual(presented?.findings.count, 4)
    }

    func testPresentSeesTheWholeReportWithoutAnOutputFolder() throws {
        let input = try file("users.csv", ReportFixture.csv([ReportFixture.with(ReportFixture.officer, [.email: "a@gmail.com"])]))
        var text = ""
        let result = try ValidationRunner().run(ValidationJob(inputPath: input), present: { report in
            text = try render { try TextSummaryWriter().write(report, to: $0) }
        })
        XCTAssertEqual(result.outputs, [])
        XCTAssertTrue(text.contains("Row 2"), text)
        XCTAssertTrue(text.contains("Trace id: \(result.traceID)"))
    }

    func testSheetOption() throws {
        let input = try file("users.csv", ReportFixture.csv([ReportFixture.officer]))
        XCTAssertEqual(try ValidationRunner().run(ValidationJob(inputPath: input, sheet: "1")).exitCode, 0)
        let missing = try ValidationRunner().run(ValidationJob(inputPath: input, sheet: "Staff"))
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertEqual(missing.summary.structureFindings.map(\.code), [.fileSheetNotFound])
        XCTAssertTrue(missing.summary.structureFindings[0].message.contains("Staff"))
    }

    func testXLSXWithTheSamplePolicyAndExistingAccounts() throws {
        let generator = SampleGenerator(rows: 80, errorRate: 1, seed: 3)
        let input = folder.appendingPathComponent("sample.xlsx").path
        let writer = SampleFileWriter(generator: generator)
        try writer.write(to: input)
        let existingPath = folder.appendingPathComponent("existing.csv").path
        try writer.writeExistingAccounts(to: existingPath)
        let existing = try ExistingAccountsFile.load(path: existingPath)
        XCTAssertGreaterThan(existing.emailCount, 0)
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out(), policy: SampleGenerator.policy,
                                                              existing: existing))
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertGreaterThan(result.summary.countsByCode["duplicate.existing-email"] ?? 0, 0)
        XCTAssertGreaterThan(result.summary.countsByCode["duplicate.existing-username"] ?? 0, 0)
        let accepted = try read(OutputFiles.path(OutputFiles.acceptedJSONLines, in: out())).lines.filter { !$0.isEmpty }
        XCTAssertEqual(accepted.count, result.summary.validRowCount)
    }

    func testOutputThatCannotBeWrittenIsAnOutputErrorWithTheTraceID() throws {
        let input = try file("users.csv", ReportFixture.csv([ReportFixture.officer]))
        XCTAssertThrowsError(try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: input + "/out"))) { error in
            guard let error = error as? ValidationRunError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .output)
            XCTAssertEqual(error.exitCode, 2)
            XCTAssertTrue(TraceID.isValid(error.traceID))
            XCTAssertTrue(error.description.contains(error.traceID))
        }
    }

    func testExistingAccountsFileNeedsAnEmailColumn() throws {
        let good = try file("accounts.csv", "Username,E-mail\r\nlee,Lee@Tech.gov.sg\r\n")
        let accounts = try ExistingAccountsFile.load(path: good)
        XCTAssertTrue(accounts.containsEmail("lee@tech.gov.sg"))
        XCTAssertTrue(accounts.containsUsername("LEE"))
        XCTAssertThrowsError(try ExistingAccountsFile.load(path: try file("bad.csv", "name\r\nlee\r\n")))
    }
}
