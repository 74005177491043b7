import Foundation
import SheetIO
import UserList
import XCTest
@testable import Reports

/// Valid users and small user-list files for the Reports tests.
enum ReportFixture {
    static let officer: [FieldKey: String] = [
        .email: "jane_tan@tech.gov.sg", .userType: "Public officer", .firstName: "Jane", .lastName: "Tan",
        .contactNumber: "+6591234567", .seed: "No", .reason: "Developer on the MyAgency portal",
    ]

    static let vendor: [FieldKey: String] = [
        .email: "jiahui.lim@ncs.com.sg", .userType: "Vendor", .username: "Lim Jia Hui", .firstName: "Jia Hui",
        .lastName: "Lim", .contactNumber: "+6581234567", .organisation: "NCS Pte Ltd", .department: "Digital Services",
        .seed: "Yes", .reason: "Support engineer", .sponsoringAgency: "GovTech", .businessOperation: "Onshore",
    ]

    /// `base` with some fields replaced.
    static func with(_ base: [FieldKey: String], _ changes: [FieldKey: String]) -> [FieldKey: String] {
        base.merging(changes) { $1 }
    }

    /// A sheet row in the template layout.
    static func row(_ values: [FieldKey: String], number: Int) -> Row {
        Row(number: number, cells: FieldKey.allCases.compactMap { key in
            values[key].map { Cell(column: key.index, value: .text($0)) }
        })
    }

    /// Outcomes of running rows (numbered from 2) through a fresh pipeline, as the validator would.
    static func outcomes(_ rows: [[FieldKey: String]], policy: Policy = .default) -> [RowOutcome] {
        var pipeline = RowPipeline(policy: policy)
        return rows.enumerated().map { pipeline.run(row($0.element, number: $0.offset + 2)) }
    }

    /// A CSV user list: the template header (plus `extraHeaders`), then one line per row.
    static func csv(_ rows: [[FieldKey: String]], extraHeaders: [String] = [], headers: [String]? = nil) -> String {
        let header = (headers ?? UserListSchema.current.columns.map(\.header)) + extraHeaders
        var lines = [header.map(quote).joined(separator: ",")]
        for r in rows { lines.append(FieldKey.allCases.map { quote(r[$0] ?? "") }.joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Renders into a temporary file through a ByteSink and returns the text.
func render(_ body: (ByteSink) throws -> Void) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("render-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = try ByteSink(path: path)
    try body(sink)
    try sink.commit()
    return try String(contentsOfFile: path, encoding: .utf8)
}

/// A report over in-memory findings.
func makeReport(_ findings: [Finding], head: [Finding] = [], summary: ValidationSummary? = nil, limit: Int? = nil,
                traceID: String = "0123456789abcdef", exitCode: Int32 = 1, status: ValidationSummary.Status = .completed) -> ValidationReport {
    let list = FindingList(head: head, rows: findings, limit: limit)
    var counts = ReportCounts(rows: 3, validRows: 2, invalidRows: 1, findingsShown: list.count)
    var changes = ChangeSummary()
    for f in findings where f.severity == .change { changes.add(f, after: "after") }
    for f in head + findings {
        switch f.severity {
        case .error: counts.errors += 1
        case .warning: counts.warnings += 1
        case .change: counts.changes += 1
        }
        counts.byCode[f.code.rawValue, default: 0] += 1
    }
    return ValidationReport(traceID: traceID, input: ReportInput(name: "users.xlsx", sha256: String(repeating: "a", count: 64), bytes: 1234),
                            sheet: "Users", templateVersion: 2, status: status, exitCode: exitCode, counts: counts, findings: list,
                            changes: changes)
}

extension String {
    /// The lines of a text, without the line endings.
    var lines: [String] { split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init) }
}
