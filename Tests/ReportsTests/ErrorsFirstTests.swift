import Foundation
import SheetIO
import UserList
import XCTest
@testable import Reports

/// SPEC (Outputs): every listing cut short keeps errors, then warnings; changes are summarised per
/// code with a count and one example, and listed cell by cell only in changes.csv.
final class ErrorsFirstTests: XCTestCase {
    /// 30 rows: every row's phone is rewritten (a change), rows 5, 15, 25 have a warning, rows 10, 20, 30 an error.
    func outcomes() -> [RowOutcome] {
        ReportFixture.outcomes((2...31).map { row in
            var values = ReportFixture.with(ReportFixture.officer, [.email: "user\(row)@tech.gov.sg", .contactNumber: "9123 45\(10 + row)"])
            if row % 10 == 0 { values[.email] = "user\(row)@gmail.com" }
            if row % 10 == 5 { values[.userType] = "Vendor"; values[.username] = "user\(row)"; values[.organisation] = "NCS";
                               values[.sponsoringAgency] = "GovTech"; values[.businessOperation] = "Onshore"; values[.email] = "user\(row)@gmial.com" }
            return values
        })
    }

    func text(_ writer: TextSummaryWriter, limit: Int? = nil) throws -> String {
        let findings = outcomes().flatMap(\.findings)
        XCTAssertEqual(Set(findings.map(\.severity)), [.error, .warning, .change])
        return try render { try writer.write(makeReport(findings, limit: limit), to: $0) }
    }

    func testTheTerminalListsEveryErrorBeforeAnyWarningAndSummarisesChanges() throws {
        let out = try text(TextSummaryWriter())
        let errorLines = out.lines.indices.filter { out.lines[$0].hasPrefix("  error ") }
        let warningLines = out.lines.indices.filter { out.lines[$0].hasPrefix("  warning ") }
        XCTAssertEqual(errorLines.count, 3)
        XCTAssertFalse(warningLines.isEmpty)
        XCTAssertLessThan(errorLines.max()!, warningLines.min()!, out)
        XCTAssertFalse(out.contains("  change "), "no change listed one by one")
        XCTAssertTrue(out.contains("\nChanges made (changes.csv under --out lists every cell)\n"
            + "  Contact number: 30 rows written in international form, e.g. row 2 \"9123 4512\" → after [change.normalised]\n"), out)
        XCTAssertLessThan(out.range(of: "Warnings")!.lowerBound, out.range(of: "Changes made")!.lowerBound)
        XCTAssertLessThan(out.range(of: "Changes made")!.lowerBound, out.range(of: "rows checked")!.lowerBound)
    }

    func testTheShowFindingsCapSpendsNothingOnChangesOrWarningsBeforeErrors() throws {
        var writer = TextSummaryWriter()
        writer.maxShown = 3
        let out = try text(writer)
        XCTAssertEqual(out.lines.filter { $0.hasPrefix("  error ") }.count, 3)
        XCTAssertEqual(out.lines.filter { $0.hasPrefix("  warning ") }.count, 0)
        XCTAssertTrue(out.contains("more findings not shown here (--show-findings)"), out)
        XCTAssertTrue(out.contains("Contact number: 30 rows"), "the change line is not cut")
    }

    func testMaxFindingsKeepsErrorsFirst() throws {
        let out = try text(TextSummaryWriter(), limit: 4)
        XCTAssertEqual(out.lines.filter { $0.hasPrefix("  error ") }.count, 3)
        XCTAssertEqual(out.lines.filter { $0.hasPrefix("  warning ") }.count, 1)
    }

    func testErrorsOnlyHidesWarningsAndChangesButNotTheCounts() throws {
        var writer = TextSummaryWriter()
        writer.errorsOnly = true
        let out = try text(writer)
        XCTAssertEqual(out.lines.filter { $0.hasPrefix("  error ") }.count, 3)
        XCTAssertFalse(out.contains("  warning "))
        XCTAssertFalse(out.contains("Changes made"))
        XCTAssertTrue(out.contains("not shown: --errors-only"), out)
        XCTAssertTrue(out.contains("Findings: 3 errors, "), out)
    }

    func testTheOneLineResultSaysRowInTheSingular() {
        var report = makeReport([], exitCode: 0)
        report.counts = ReportCounts(rows: 1, validRows: 1)
        XCTAssertEqual(TextSummaryWriter.resultLine(report),
                       "users.xlsx: 1 row checked: 1 valid, 0 invalid; 0 errors, 0 warnings, 0 changes (exit 0, trace id 0123456789abcdef)")
        report.counts = ReportCounts(rows: 1_017, validRows: 1_017, changes: 1)
        XCTAssertTrue(TextSummaryWriter.resultLine(report).contains("1,017 rows checked: 1,017 valid, 0 invalid; 0 errors, 0 warnings, 1 change"))
    }

    func testChangesCSVHasEveryChangeWithBeforeAndAfterNeutralised() throws {
        let outcomes = ReportFixture.outcomes([
            ReportFixture.with(ReportFixture.officer, [.contactNumber: "8334 7536", .firstName: " Jane "]),
            ReportFixture.with(ReportFixture.vendor, [.reason: " =cmd"]),
        ])
        let text = try render { sink in
            let writer = ChangesCSVWriter(sink: sink)
            outcomes.forEach(writer.add)
            XCTAssertEqual(writer.count, outcomes.flatMap(\.changes).count)
        }
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "row,column,field,before,after,code,sourceRow")
        XCTAssertEqual(lines.count, 1 + outcomes.flatMap(\.changes).count)
        XCTAssertTrue(lines.contains("2,F,contactNumber,8334 7536,'+6583347536,change.normalised,2"), text)
        XCTAssertTrue(lines.contains("2,D,firstName, Jane ,Jane,change.trimmed,2"), text)
        XCTAssertTrue(lines.contains("3,J,reason, =cmd,'=cmd,change.trimmed,3"), text)
    }
}
