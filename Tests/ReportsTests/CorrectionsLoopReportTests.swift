import Foundation
import SheetIO
import TestSupport
import XCTest
@testable import Reports
@testable import UserList

/// What the reports say about a corrections workbook (SPEC: Outputs): its rows are rows of the
/// original file, so every writer names the original row, and the next corrections workbook keeps
/// pointing at the first original.
final class CorrectionsLoopReportTests: XCTestCase {
    static let original = OriginalFile(name: "users.xlsx", sha256: String(repeating: "c", count: 64), traceID: "fedcba9876543210")
    /// Column P, after the template's 14 columns and `Errors`.
    static let sourceRowColumn = 15

    /// A corrections workbook's rows as the validator makes them: row 2 is original row 39 (a bad
    /// email), row 3 original row 12 (valid), row 4 was added to the workbook (a bad email).
    static func outcomes() -> [RowOutcome] {
        var pipeline = RowPipeline(origin: RowOrigin(original: original, sourceRowColumn: sourceRowColumn))
        func row(_ values: [FieldKey: String], _ number: Int, _ sourceRow: Int?) -> Row {
            var row = ReportFixture.row(values, number: number)
            if let sourceRow { row.cells.append(Cell(column: sourceRowColumn, value: .number(Double(sourceRow)))) }
            return row
        }
        return [
            pipeline.run(row(ReportFixture.with(ReportFixture.officer, [.email: "lim.kh@gmail.com"]), 2, 39)),
            pipeline.run(row(ReportFixture.vendor, 3, 12)),
            pipeline.run(row(ReportFixture.with(ReportFixture.officer, [.email: "new@gmail.com"]), 4, nil)),
        ]
    }

    static func report() -> ValidationReport {
        var report = makeReport(outcomes().flatMap(\.findings))
        report.input.name = "corrections.xlsx"
        report.corrects = original
        return report
    }

    // MARK: Writers

    func testTheTerminalNamesTheOriginalRowsAndTheFileCorrected() throws {
        let text = try render { try TextSummaryWriter().write(Self.report(), to: $0) }
        XCTAssertTrue(text.hasPrefix("corrections.xlsx — corrects users.xlsx (trace id fedcba9876543210), sheet \"Users\", template version 2\n"), text)
        XCTAssertTrue(text.contains("\nRow 39 (row 2 of this file)\n  error    A Email address: \"lim.kh@gmail.com\"\n"), text)
        XCTAssertTrue(text.contains("\nRow 4 of this file (not in users.xlsx)\n"), text)
        let ordinary = try render { try TextSummaryWriter().write(makeReport(Self.outcomes().flatMap(\.findings)), to: $0) }
        XCTAssertTrue(ordinary.hasPrefix("users.xlsx — sheet"), ordinary)
    }

    func testReportJSONNamesTheOriginalFileAndEachFindingsOriginalRow() throws {
        let text = try render { try ReportJSONWriter().write(Self.report(), to: $0) }
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let corrects = try XCTUnwrap(object["corrects"] as? [String: String])
        XCTAssertEqual(corrects, ["name": "users.xlsx", "sha256": Self.original.sha256, "traceId": "fedcba9876543210"])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let errors = findings.filter { $0["severity"] as? String == "error" }
        XCTAssertEqual(errors.map { $0["row"] as? Int }, [2, 4])
        XCTAssertEqual(errors.map { $0["sourceRow"] as? Int }, [39, nil])
        XCTAssertTrue(errors[1]["sourceRow"] is NSNull, "a row added to the workbook is no row of the original")
    }

    func testErrorsCSVHasTheOriginalRow() throws {
        let lines = try render { try ErrorsCSVWriter().write(Self.report(), to: $0) }.lines.dropLast()
        XCTAssertEqual(lines.first?.hasSuffix(",stage,sourceRow"), true)
        let errors = lines.filter { $0.contains(",error,") }
        XCTAssertEqual(errors.count, 2)
        XCTAssertTrue(errors[0].hasPrefix("2,A,email,") && errors[0].hasSuffix(",39"), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("4,A,email,") && errors[1].hasSuffix(","), errors[1])
    }

    func testAcceptedRowsCarryTheirOriginalRow() throws {
        let folder = try temporaryFolder(self)
        let csvPath = folder.appendingPathComponent("accepted.csv").path
        let jsonPath = folder.appendingPathComponent("accepted.jsonl").path
        let writer = AcceptedWriter(csv: try ByteSink(path: csvPath), jsonLines: try ByteSink(path: jsonPath))
        var pipeline = RowPipeline(origin: RowOrigin(original: Self.original, sourceRowColumn: Self.sourceRowColumn))
        var added = ReportFixture.row(ReportFixture.with(ReportFixture.officer, [.email: "added@tech.gov.sg"]), number: 3)
        added.cells.append(Cell(column: Self.sourceRowColumn, value: .empty))
        (Self.outcomes() + [pipeline.run(added)]).forEach(writer.add)
        try writer.commit()
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8).lines.dropLast()
        XCTAssertEqual(csv.count, 3)
        XCTAssertTrue(csv[1].hasPrefix("jiahui.lim@ncs.com.sg,") && csv[1].hasSuffix(",12"), csv[1])
        XCTAssertTrue(csv[2].hasPrefix("added@tech.gov.sg,") && csv[2].hasSuffix(","), csv[2])
        let json = try String(contentsOfFile: jsonPath, encoding: .utf8).lines.filter { !$0.isEmpty }
        let objects = try json.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(objects[0]["sourceRow"] as? Int, 12)
        XCTAssertTrue(objects[1]["sourceRow"] is NSNull)
    }

    func testTheCorrectionsWorkbookRecordsTheOriginalAndKeepsItsRows() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("corrections.xlsx").path
        let writer = try CorrectionsWriter(path: path, original: Self.original)
        try Self.outcomes().forEach(writer.add)
        try writer.close()
        let dump = try WorkbookDump.read(path)
        let meta = try dump.sheet("_meta")
        XCTAssertEqual((1...5).map { meta.cells["A\($0)"]?.value.text }, ["templateId", "version", "originalFile", "originalSha256", "originalTraceId"])
        XCTAssertEqual(meta.cells["B3"]?.value, .string("users.xlsx"))
        XCTAssertEqual(meta.cells["B4"]?.value, .string(Self.original.sha256))
        XCTAssertEqual(meta.cells["B5"]?.value, .string("fedcba9876543210"))
        let users = try dump.sheet("Users")
        XCTAssertEqual(users.cells["P2"]?.value, .number(39), "the original row, not the row of the workbook read")
        XCTAssertEqual(users.cells["A3"]?.value.text, "new@gmail.com")
        XCTAssertNil(users.cells["P3"], "a row added to the workbook has no original row")
    }

    func testTheSpoolKeepsTheOriginalRow() throws {
        let spool = try FindingSpool(directory: try temporaryFolder(self).path)
        var findings: [Finding] = []
        for (row, sourceRow) in [(2, 39), (3, nil), (4, 1_048_576)] as [(Int, Int?)] {
            var f = Finding(stage: .field, row: row, column: 0, field: .email, code: .emailInvalid, message: "m")
            f.sourceRow = sourceRow
            findings.append(f)
            spool.append(f)
        }
        let back = try FindingList(errors: .spool(spool)).array()
        XCTAssertEqual(back.map(\.sourceRow), [39, nil, 1_048_576])
        XCTAssertEqual(back, findings)
    }

    // MARK: The runner, round after round

    func testEveryRoundPointsAtTheFirstOriginal() throws {
        let folder = try temporaryFolder(self)
        let input = folder.appendingPathComponent("users.csv").path
        let rows = [ReportFixture.officer, ReportFixture.with(ReportFixture.officer, [.email: "wei@gmail.com"]),
                    ReportFixture.with(ReportFixture.vendor, [.username: "a..b"])]
        try Data(ReportFixture.csv(rows).utf8).write(to: URL(fileURLWithPath: input))
        func out(_ n: Int) -> String { folder.appendingPathComponent("round\(n)").path }

        let first = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out(1)))
        XCTAssertNil(first.corrects)
        let original = OriginalFile(name: "users.csv", sha256: first.sha256, traceID: first.traceID)
        XCTAssertEqual(first.originalFile, original, "an ordinary upload is its own original")

        // Round 2: the corrections workbook, unchanged, is the input.
        let second = try ValidationRunner().run(ValidationJob(inputPath: OutputFiles.path(OutputFiles.corrections, in: out(1)),
                                                              outputDirectory: out(2)))
        XCTAssertEqual(second.exitCode, 1)
        XCTAssertEqual(second.corrects, original)
        XCTAssertEqual(second.originalFile, original)
        XCTAssertNotEqual(second.traceID, first.traceID)

        // Round 3: the corrections of the corrections still point at users.csv and its rows.
        var rowsSeen: [Int?] = []
        let third = try ValidationRunner().run(ValidationJob(inputPath: OutputFiles.path(OutputFiles.corrections, in: out(2)),
                                                             outputDirectory: out(3))) { rowsSeen.append($0.sourceRow) }
        XCTAssertEqual(third.corrects, original)
        XCTAssertEqual(rowsSeen, [3, 4])
        let meta = try WorkbookDump.read(OutputFiles.path(OutputFiles.corrections, in: out(3))).sheet("_meta")
        XCTAssertEqual(meta.cells["B3"]?.value, .string("users.csv"))
        XCTAssertEqual(meta.cells["B4"]?.value, .string(first.sha256))
        XCTAssertEqual(meta.cells["B5"]?.value, .string(first.traceID))
    }

    func testNoCorrectionsWorkbookWhenEveryRowIsValidAndAStaleOneGoes() throws {
        let folder = try temporaryFolder(self)
        let out = folder.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let stale = OutputFiles.path(OutputFiles.corrections, in: out)
        try Data("from an earlier run".utf8).write(to: URL(fileURLWithPath: stale))
        let input = folder.appendingPathComponent("users.csv").path
        try Data(ReportFixture.csv([ReportFixture.officer, ReportFixture.vendor]).utf8).write(to: URL(fileURLWithPath: input))
        let result = try ValidationRunner().run(ValidationJob(inputPath: input, outputDirectory: out))
        XCTAssertEqual(result.exitCode, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
        XCTAssertFalse(result.outputs.contains(stale))
        XCTAssertTrue(FileManager.default.fileExists(atPath: OutputFiles.path(OutputFiles.acceptedCSV, in: out)))
    }
}
