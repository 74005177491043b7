import Foundation
import SheetIO
import XCTest
import TestSupport
@testable import Reports
@testable import UserList

/// `corrections.xlsx` (SPEC.md, "Outputs"): the template with only the rows that need fixing,
/// original values kept, bad cells highlighted with a note, `Errors` and `Source row` columns,
/// and itself a valid upload.
final class CorrectionsTests: XCTestCase {
    private var directory: URL!
    private let schema = UserListSchema.current

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("corrections-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    // MARK: Fixture

    static let officer: [FieldKey: CellValue] = [
        .email: .text("jane_tan@tech.gov.sg"), .userType: .text("Public officer"), .firstName: .text("Jane"),
        .lastName: .text("Tan"), .contactNumber: .text("+6591234567"), .seed: .text("No"), .reason: .text("Developer on the portal"),
    ]
    static let vendor: [FieldKey: CellValue] = [
        .email: .text("jiahui.lim@ncs.com.sg"), .userType: .text("Vendor"), .username: .text("Lim Jia Hui"),
        .firstName: .text("Jia Hui"), .lastName: .text("Lim"), .contactNumber: .text("+6581234567"),
        .organisation: .text("NCS Pte Ltd"), .seed: .text("Yes"), .reason: .text("Support engineer"),
        .sponsoringAgency: .text("GovTech"), .businessOperation: .text("Onshore"),
    ]

    static func row(_ number: Int, _ values: [FieldKey: CellValue]) -> Row {
        Row(number: number, cells: FieldKey.allCases.compactMap { key in values[key].map { Cell(column: key.index, value: $0) } })
    }

    static func with(_ base: [FieldKey: CellValue], _ changes: [FieldKey: CellValue?]) -> [FieldKey: CellValue] {
        var out = base
        for (k, v) in changes { out[k] = v ?? nil }
        return out
    }

    /// Rows 2 and 5 are valid; 3, 4, 7 and 8 need fixing; 6 is blank.
    static let rows: [Row] = [
        row(2, officer),
        row(3, with(officer, [.email: .text("ali@gmail.con"), .contactNumber: .number(91234567)])),
        row(4, with(vendor, [.email: .text("wei.ming@ncs.com.sg"), .username: nil])),
        row(5, with(vendor, [.email: .text("kumar@ncs.com.sg"), .username: .text("Kumar R")])),
        Row(number: 6, cells: []),
        row(7, with(officer, [.email: .text("siti@hdb.gov.sg"), .firstName: .text("S1ti"), .contactNumber: .text("12345"),
                              .department: .number(7), .seed: .text("y")])),
        row(8, with(officer, [.email: .text("ravi@mom.gov.sg"), .lastName: nil, .username: .text("ravi")])),
    ]

    private func validate(_ source: SheetSource) throws -> (ValidationSummary, [RowOutcome]) {
        var outcomes: [RowOutcome] = []
        let summary = try UserListValidator().validate(source: source) { outcomes.append($0) }
        return (summary, outcomes)
    }

    /// Validates the fixture and writes every outcome to a corrections workbook.
    private func writeCorrections(_ name: String = "corrections.xlsx", maxRows: Int = CorrectionsWriter.defaultMaxRows,
                                  maxNotedRows: Int = CorrectionsWriter.defaultMaxNotedRows,
                                  options: XLSXWriteOptions? = nil) throws -> (String, [RowOutcome], CorrectionsWriter) {
        let file = path(name)
        let (_, outcomes) = try validate(CorrectionsTestSource(header: schema.columns.map(\.header), rows: Self.rows))
        let writer = try options.map { try CorrectionsWriter(path: file, maxRows: maxRows, maxNotedRows: maxNotedRows, options: $0) }
            ?? CorrectionsWriter(path: file, policy: .default, maxRows: maxRows, maxNotedRows: maxNotedRows)
        for outcome in outcomes { try writer.add(outcome) }
        try writer.close()
        return (file, outcomes, writer)
    }

    // MARK: Rows and values

    func testOnlyRowsThatNeedFixingAreWrittenWithTheirSourceRow() throws {
        let (file, outcomes, writer) = try writeCorrections()
        XCTAssertEqual(outcomes.filter { !$0.isValid }.map(\.rowNumber), [3, 4, 7, 8], "fixture sanity: \(outcomes.map { ($0.rowNumber, $0.errors.map(\.code)) })")
        XCTAssertEqual(writer.rowCount, 4)
        XCTAssertEqual(writer.leftOutCount, 0)
        let users = try WorkbookDump.read(file).sheet("Users")
        XCTAssertEqual((2...5).map { users.cells["P\($0)"]?.value }, [3, 4, 7, 8].map { .number($0) })
        XCTAssertNil(users.cells["A6"], "nothing after the last row that needs fixing")
        let emails = (2...5).map { users.cells["A\($0)"]?.value.text }
        XCTAssertEqual(emails, ["ali@gmail.con", "wei.ming@ncs.com.sg", "siti@hdb.gov.sg", "ravi@mom.gov.sg"])
    }

    func testHeaderIsTheTemplatesThenErrorsAndSourceRow() throws {
        let dump = try WorkbookDump.read(writeCorrections().0)
        XCTAssertEqual(dump.sheets.map(\.name), ["Users", "Instructions", "Lists", "_meta"])
        XCTAssertEqual(dump.sheets.map(\.state), ["visible", "visible", "hidden", "hidden"])
        let users = try dump.sheet("Users")
        let headers = (0..<schema.columns.count + 2).map { users.cells[CellReference.a1(column: $0, row: 1)]?.value.text }
        XCTAssertEqual(headers, schema.columns.map(\.header) + ["Errors", "Source row"])
        for i in 0..<schema.columns.count + 2 {
            XCTAssertNotNil(users.cells[CellReference.a1(column: i, row: 1)]?.comment, "header note on column \(i)")
        }
        XCTAssertEqual(users.freeze, "A2")
        XCTAssertEqual(Set(users.validations.map(\.sqref)), ["B2:B1048576", "I2:I1048576", "L2:L1048576", "M2:M1048576"],
                       "the template's dropdowns")
        XCTAssertEqual(users.columns["F"]?.numberFormat, "@")
        let meta = try dump.sheet("_meta")
        XCTAssertEqual(meta.cells["B1"]?.value, .string(UserListSchema.templateID))
        XCTAssertEqual(meta.cells["B2"]?.value, .number(Double(schema.version)))
    }

    func testOriginalValuesAreKeptNumbersAsNumbersAndContactNumbersAsText() throws {
        let users = try WorkbookDump.read(writeCorrections().0).sheet("Users")
        // Source row 3: the contact number was the number 91234567; the text column keeps it as text.
        XCTAssertEqual(users.cells["F2"]?.value, .string("91234567"))
        XCTAssertEqual(users.cells["F2"]?.numberFormat, "@")
        // Source row 7: the department was the number 7, the SEED answer "y" (not yet normalised to Yes).
        XCTAssertEqual(users.cells["H4"]?.value, .number(7))
        XCTAssertEqual(users.cells["I4"]?.value, .string("y"))
        XCTAssertEqual(users.cells["F4"]?.value, .string("12345"))
        XCTAssertEqual(users.cells["B4"]?.value, .string("Public officer"))
    }

    // MARK: Highlights, notes and the Errors column

    func testBadCellsAreFilledLightRedWithANoteGivingMessageAndHint() throws {
        let (file, outcomes, _) = try writeCorrections()
        let users = try WorkbookDump.read(file).sheet("Users")
        let invalid = outcomes.filter { !$0.isValid }
        for (n, outcome) in invalid.enumerated() {
            let row = 2 + n
            for (i, column) in schema.columns.enumerated() {
                let ref = CellReference.a1(column: i, row: row)
                let cell = users.cells[ref]
                let errors = outcome.errors.filter { $0.fieldKey == column.key }
                let warnings = outcome.warnings.filter { $0.fieldKey == column.key }
                if !errors.isEmpty {
                    XCTAssertEqual(cell?.fill, "FFFFC7CE", "\(ref) has an error")
                } else if !warnings.isEmpty {
                    XCTAssertEqual(cell?.fill, "FFFFEB9C", "\(ref) has only warnings")
                } else {
                    XCTAssertNil(cell?.fill, "\(ref) is fine")
                    XCTAssertNil(cell?.comment, "\(ref) is fine")
                    continue
                }
                let note = try XCTUnwrap(cell?.comment, "\(ref) has a note")
                for finding in errors + warnings {
                    XCTAssertTrue(note.contains(finding.message), "\(ref): \(note)")
                    if let hint = finding.hint { XCTAssertTrue(note.contains(hint), "\(ref): \(note)") }
                }
            }
        }
        // Source row 4: a vendor without a username; the empty cell is highlighted all the same.
        XCTAssertNil(users.cells["C3"]?.value.text)
        XCTAssertEqual(users.cells["C3"]?.fill, "FFFFC7CE")
        // Source row 8: a public officer's username is a warning only.
        XCTAssertEqual(users.cells["C5"]?.fill, "FFFFEB9C")
        XCTAssertTrue(users.cells["C5"]?.comment?.hasPrefix("Warning: ") == true)
        // The SEED "y" is a change (y → Yes), not a problem.
        XCTAssertNil(users.cells["I4"]?.fill)
    }

    func testErrorsColumnListsEveryErrorOnePerLine() throws {
        let (file, outcomes, _) = try writeCorrections()
        let users = try WorkbookDump.read(file).sheet("Users")
        for (n, outcome) in outcomes.filter({ !$0.isValid }).enumerated() {
            let text = try XCTUnwrap(users.cells["O\(2 + n)"]?.value.text)
            let lines = text.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, outcome.errors.count, text)
            for (line, finding) in zip(lines, outcome.errors) {
                let title = try XCTUnwrap(finding.fieldKey.flatMap { schema.column($0)?.title })
                if finding.message.hasPrefix(title) {
                    XCTAssertEqual(line, finding.message, "a message that names its column is not prefixed again")
                } else {
                    XCTAssertEqual(line, "\(title): \(finding.message)")
                }
            }
            XCTAssertEqual(users.cells["O\(2 + n)"]?.wrap, true)
        }
    }

    // MARK: A valid upload

    func testHeaderMatcherIgnoresTheExtraColumns() {
        let matcher = HeaderMatcher()
        XCTAssertTrue(matcher.isIgnored(CorrectionsWriter.errorsHeader))
        XCTAssertTrue(matcher.isIgnored(CorrectionsWriter.sourceRowHeader))
    }

    func testCorrectionsValidateAgainWithoutStructureProblemsAndTheSameErrors() throws {
        let (file, outcomes, _) = try writeCorrections()
        let (summary, again) = try validate(try Spreadsheet.open(path: file))
        XCTAssertEqual(summary.status, .completed)
        XCTAssertEqual(summary.structureFindings.filter { $0.severity != .change }, [], "no structure errors or unknown columns")
        XCTAssertEqual(summary.templateVersion, schema.version)
        XCTAssertEqual(summary.templateVersionSource, .metadata)
        let invalid = outcomes.filter { !$0.isValid }
        XCTAssertEqual(again.count, invalid.count)
        for (before, after) in zip(invalid, again) {
            XCTAssertEqual(Set(after.errors.map(\.code)), Set(before.errors.map(\.code)), "source row \(before.rowNumber)")
        }
    }

    // MARK: The row cap

    func testRowsBeyondTheCapAreCountedAndALineSaysSo() throws {
        let (file, _, writer) = try writeCorrections(maxRows: 2)
        XCTAssertEqual(writer.rowCount, 2)
        XCTAssertEqual(writer.leftOutCount, 2)
        let users = try WorkbookDump.read(file).sheet("Users")
        XCTAssertEqual(users.cells["P3"]?.value, .number(4))
        XCTAssertNil(users.cells["A4"])
        XCTAssertEqual(users.cells["O4"]?.value.text, CorrectionsText.leftOut(2, kept: 2))
        XCTAssertTrue(try XCTUnwrap(users.cells["O4"]?.value.text).contains("errors.csv"))

        let (summary, again) = try validate(try Spreadsheet.open(path: file))
        XCTAssertEqual(summary.structureFindings.filter { $0.severity == .error }, [])
        XCTAssertEqual(again.count, 2, "the left-out line is not a user row")
    }

    /// Notes are held in memory until the workbook closes, so only the first rows get them; later
    /// rows keep their highlight and their Errors cell, and a line says so.
    func testOnlyTheFirstRowsGetNotesAndALineSaysSo() throws {
        let (file, _, writer) = try writeCorrections(maxNotedRows: 2)
        XCTAssertEqual(writer.rowCount, 4)
        let users = try WorkbookDump.read(file).sheet("Users")
        let notedRows = Set(users.cells.filter { $0.value.comment != nil }.compactMap { Int($0.key.drop { $0.isLetter }) })
        XCTAssertEqual(notedRows.subtracting([1]), [2, 3], "notes on the first two rows only (row 1 is the header's)")
        for row in 4...5 {
            XCTAssertFalse(try XCTUnwrap(users.cells["O\(row)"]?.value.text).isEmpty, "row \(row) still lists its problems")
            XCTAssertTrue(users.cells.contains { $0.key.hasSuffix("\(row)") && $0.value.fill != nil }, "row \(row) is still highlighted")
        }
        XCTAssertEqual(users.cells["O6"]?.value.text, CorrectionsText.notesLeftOut(noted: 2))

        let (summary, again) = try validate(try Spreadsheet.open(path: file))
        XCTAssertEqual(summary.structureFindings.filter { $0.severity == .error }, [])
        XCTAssertEqual(again.count, 4, "the line is not a user row")
    }

    func testBothLinesWhenRowsAreLeftOutAndNotesCapped() throws {
        let (file, _, _) = try writeCorrections(maxRows: 3, maxNotedRows: 1)
        let users = try WorkbookDump.read(file).sheet("Users")
        XCTAssertEqual(users.cells["O5"]?.value.text, CorrectionsText.leftOut(1, kept: 3))
        XCTAssertEqual(users.cells["O6"]?.value.text, CorrectionsText.notesLeftOut(noted: 1))
    }

    // MARK: Modes and lifecycle

    /// Streaming (the default) keeps notes: each row's notes are added before the next row.
    func testStreamingAndInMemoryModesWriteTheSameCells() throws {
        let streamed = try WorkbookDump.read(writeCorrections("streamed.xlsx").0).sheet("Users")
        let inMemory = try WorkbookDump.read(
            writeCorrections("memory.xlsx", options: XLSXWriteOptions(streaming: false)).0).sheet("Users")
        XCTAssertEqual(Set(streamed.cells.keys), Set(inMemory.cells.keys))
        for (ref, cell) in streamed.cells {
            XCTAssertEqual(cell.value, inMemory.cells[ref]?.value, ref)
            XCTAssertEqual(cell.comment, inMemory.cells[ref]?.comment, ref)
            XCTAssertEqual(cell.fill, inMemory.cells[ref]?.fill, ref)
        }
        XCTAssertGreaterThan(streamed.cells.values.filter { $0.comment != nil }.count, schema.columns.count + 2)
    }

    func testValidRowsAreSkippedAndDiscardLeavesNoFile() throws {
        let file = path("discarded.xlsx")
        let (_, outcomes) = try validate(CorrectionsTestSource(header: schema.columns.map(\.header), rows: Self.rows))
        let writer = try CorrectionsWriter(path: file, policy: .default)
        for outcome in outcomes where outcome.isValid { try writer.add(outcome) }
        XCTAssertEqual(writer.rowCount, 0)
        writer.discard()
        XCTAssertThrowsError(try writer.add(try XCTUnwrap(outcomes.first { !$0.isValid })))
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no temporary file either")
    }

    func testNoteAndErrorsText() throws {
        let (_, outcomes, _) = try writeCorrections()
        let row3 = try XCTUnwrap(outcomes.first { $0.rowNumber == 3 })
        let email = try XCTUnwrap(row3.errors.first { $0.fieldKey == .email })
        let note = try XCTUnwrap(CorrectionsText.note(for: .email, in: row3))
        XCTAssertTrue(note.hasPrefix(email.message))
        XCTAssertNil(CorrectionsText.note(for: .lastName, in: row3))
        XCTAssertEqual(CorrectionsText.errors(in: row3), "Email address: \(email.message)")
        let row8 = try XCTUnwrap(outcomes.first { $0.rowNumber == 8 })
        XCTAssertEqual(CorrectionsText.errors(in: row8), "Last name is required.")
        XCTAssertEqual(CorrectionsText.leftOut(1, kept: 100_000),
                       "1 more row needs fixing but is not in this file, which holds the first 100000. errors.csv lists every problem.")
    }
}

/// One in-memory `Users` sheet: a header row, then the given rows.
final class CorrectionsTestSource: SheetSource {
    let fileName = "users.xlsx"
    let format = SpreadsheetFormat.xlsx
    let warnings: [String] = []
    let rows: [Row]
    var sheets: [SheetInfo] { [SheetInfo(index: 0, name: "Users", visibility: .visible)] }

    init(header: [String], rows: [Row]) {
        self.rows = [Row(number: 1, cells: header.enumerated().map { Cell(column: $0.offset, value: .text($0.element)) })] + rows
    }

    func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        for row in rows { try body(row) }
        return SheetSummary(rowCount: rows.count)
    }
}
