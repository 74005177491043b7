import SheetIO
import XCTest
@testable import UserList

final class ValidatorTests: XCTestCase {
    func validate(_ source: SheetSource, policy: Policy = .default, existing: ExistingAccounts = .none) throws -> ([RowOutcome], ValidationSummary) {
        var outcomes: [RowOutcome] = []
        let summary = try UserListValidator(policy: policy, existing: existing).validate(source: source) { outcomes.append($0) }
        return (outcomes, summary)
    }

    func testStreamsEveryDataRowAndCounts() throws {
        let source = TestSheetSource(rows: [
            Fixture.row(Fixture.officer, number: 2),
            Row(number: 3, cells: []),                                              // formatting only
            Row(number: 4, cells: [Cell(column: 0, value: .text("  "))]),           // whitespace only
            Fixture.row(Fixture.with(Fixture.vendor, [.username: nil]), number: 5),
            Fixture.row(Fixture.with(Fixture.officer, [.seed: .text("y")]), number: 6, hidden: true),
            Fixture.row(Fixture.officer, number: 7),
        ])
        let (rows, summary) = try validate(source)
        XCTAssertEqual(summary.status, .completed)
        XCTAssertEqual(rows.map(\.rowNumber), [2, 5, 6, 7])
        XCTAssertEqual(summary.rowCount, 4)
        XCTAssertEqual(summary.validRowCount, 1)
        XCTAssertEqual(summary.invalidRowCount, 3, "no username on row 5; rows 6 and 7 repeat row 2's email")
        XCTAssertEqual(summary.blankRowCount, 2)
        XCTAssertEqual(summary.sheetName, "Users")
        XCTAssertEqual(summary.headerRowNumber, 1)
        XCTAssertEqual(summary.templateVersion, 2)
        XCTAssertEqual(summary.countsByCode["username.required"], 1)
        XCTAssertEqual(summary.countsByCode["duplicate.email-in-file"], 2)
        XCTAssertEqual(summary.countsByCode["excel.hidden-row"], 1)
        XCTAssertEqual(summary.changeCount, 1)
        XCTAssertEqual(rows[2].values[.seed], "Yes")
        XCTAssertEqual(rows[2].original[.seed], "y")
        XCTAssertTrue(rows[2].isHidden)
        XCTAssertEqual(rows[3].finding(.duplicateEmailInFile)?.message, "Row 2 has the same email address.")
    }

    func testHeaderMayBeBelowBlankRowsAndColumnsMayMove() throws {
        let headers = ["Reason", "E-mail", "Type", "First Name", "Last Name", "Phone", "SEED"]
        let source = TestSheetSource(sheets: [.init(name: "Sheet1", rows: [
            Row(number: 1, cells: []),
            headerRow(headers, number: 2),
            textRow(3, ["Developer", "jane@tech.gov.sg", "public officer", "Jane", "Tan", "9123 4567", "no"]),
        ])])
        let (rows, summary) = try validate(source)
        XCTAssertEqual(summary.status, .completed)
        XCTAssertEqual(summary.headerRowNumber, 2)
        XCTAssertEqual(summary.templateVersion, 1, "no vendor columns: looks like template version 1")
        XCTAssertTrue(rows[0].isValid, "\(rows[0].findings)")
        XCTAssertEqual(rows[0].values[.contactNumber], "+6591234567")
        XCTAssertEqual(rows[0].finding(.changeNormalised)?.columnLetter, "C")
    }

    func testStructureErrorStopsTheRun() throws {
        let source = TestSheetSource(header: ["Email address*", "First name*"], rows: [textRow(2, ["jane@tech.gov.sg", "Jane"])])
        let (rows, summary) = try validate(source)
        XCTAssertEqual(summary.status, .structureFailed)
        XCTAssertTrue(summary.failed)
        XCTAssertTrue(rows.isEmpty)
        XCTAssertEqual(Set(summary.structureFindings.map(\.code)), [.structureMissingColumn, .structureMissingOptionalColumn])
        XCTAssertEqual(summary.structureFindings.filter { $0.code == .structureMissingColumn }.compactMap(\.field),
                       ["userType", "lastName", "contactNumber", "seed", "reason"])
        XCTAssertEqual(summary.errorCount, 5)
    }

    func testEmptySheetAndHeaderOnly() throws {
        let empty = TestSheetSource(sheets: [.init(name: "Users", rows: [])])
        let (_, s1) = try validate(empty)
        XCTAssertEqual(s1.status, .structureFailed)
        XCTAssertEqual(s1.structureFindings.map(\.code), [.structureNoHeader])
        let headerOnly = TestSheetSource(rows: [])
        let (_, s2) = try validate(headerOnly)
        XCTAssertEqual(s2.status, .completed)
        XCTAssertEqual(s2.structureFindings.map(\.code), [.structureNoData])
    }

    func testTooManyRowsStopsTheRun() throws {
        let rows = (0..<5).map { Fixture.row(Fixture.with(Fixture.officer, [.email: .text("u\($0)@tech.gov.sg")]), number: $0 + 2) }
        let (seen, summary) = try validate(TestSheetSource(rows: rows), policy: Policy(maxRowsPerFile: 3))
        XCTAssertEqual(summary.status, .structureFailed)
        XCTAssertEqual(seen.count, 3)
        XCTAssertEqual(summary.structureFindings.last?.code, .structureTooManyRows)
        XCTAssertEqual(summary.structureFindings.last?.row, 5)
    }

    func testReadErrorPartWayIsAFileFailure() throws {
        let source = TestSheetSource(rows: [Fixture.row(Fixture.officer), Fixture.row(Fixture.officer, number: 3)])
        source.failAfterRows = 2
        let (rows, summary) = try validate(source)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(summary.status, .fileFailed)
        XCTAssertEqual(summary.structureFindings.map(\.code), [.fileXMLMalformed])
        XCTAssertEqual(summary.structureFindings[0].stage, .file)
        XCTAssertEqual(ValidationSummary.fileFailed(fileName: "x.xls", error: SheetIOError(.legacyXLS, "old")).structureFindings.map(\.code),
                       [.fileLegacyXLS])
    }

    func testErrorsFromTheCallbackAreRethrownAsIs() {
        struct Boom: Error {}
        let source = TestSheetSource(rows: [Fixture.row(Fixture.officer)])
        XCTAssertThrowsError(try UserListValidator().validate(source: source) { _ in throw Boom() }) { XCTAssertTrue($0 is Boom) }
        XCTAssertThrowsError(try UserListValidator().validate(source: source) { _ in throw SheetIOError(.write, "disk full") }) {
            XCTAssertEqual(($0 as? SheetIOError)?.kind, .write, "a writer's error is not a file-stage failure")
        }
    }

    func testMergedRangesInDataRowsAreReportedAtTheEnd() throws {
        let source = TestSheetSource(rows: [Fixture.row(Fixture.officer), Fixture.row(Fixture.vendor, number: 3)])
        source.contents[0].merged = [CellRange(a1: "D2:E3")!, CellRange(a1: "P1:Q1")!, CellRange(a1: "A1:B1")!]
        var sawMergeInRows = false
        let summary = try UserListValidator().validate(source: source) { row in
            if row.findings.contains(where: { $0.code == .excelMergedCell }) { sawMergeInRows = true }
        }
        XCTAssertFalse(sawMergeInRows)
        XCTAssertEqual(summary.extraFindings.map(\.code), [.excelMergedCell])
        XCTAssertEqual(summary.extraFindings[0].row, 2)
        XCTAssertEqual(summary.extraFindings[0].columnLetter, "D")
        XCTAssertEqual(summary.extraFindings[0].field, "firstName")
        XCTAssertEqual(summary.countsByCode["excel.merged-cell"], 1)
    }

    func testHiddenUserSheetAndSheetChoiceFindingsReachTheSummary() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "Users", rows: [headerRow(SampleGenerator.headers), Fixture.row(Fixture.officer)]),
            .init(name: "Backup", visibility: .hidden, rows: [headerRow(SampleGenerator.headers)]),
        ])
        let (_, summary) = try validate(source)
        XCTAssertEqual(summary.structureFindings.map(\.code), [.excelHiddenUserSheet])
        XCTAssertEqual(summary.warningCount, 1)
    }

    func testCorrectionsWorkbookIsAValidUpload() throws {
        let headers = SampleGenerator.headers + ["Errors", "Source row"]
        var row = Fixture.row(Fixture.officer)
        row.cells += [Cell(column: 14, value: .text("Email: invalid")), Cell(column: 15, value: .number(17))]
        let (rows, summary) = try validate(TestSheetSource(header: headers, rows: [row, textRow(3, Array(repeating: "", count: 14) + ["leftover note"])]))
        XCTAssertEqual(summary.structureFindings, [])
        XCTAssertEqual(rows.count, 1, "a row with text only in ignored columns is blank")
        XCTAssertTrue(rows[0].isValid)
    }

    func testRulesAreListedInStageOrder() {
        let rules = UserListValidator().rules
        XCTAssertEqual(rules.map(\.stage), rules.map(\.stage).sorted())
        XCTAssertEqual(Set(rules.map(\.name)).count, rules.count)
        XCTAssertTrue(rules.contains { $0.name == "email-address" && $0.stage == .field })
        XCTAssertTrue(rules.contains { $0.name == "duplicate-email" && $0.stage == .batch })
    }
}
