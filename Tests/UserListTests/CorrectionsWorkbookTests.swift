import SheetIO
import XCTest
@testable import UserList

/// A corrections workbook is an upload whose rows are rows of another file (SPEC: Outputs): its
/// `_meta` names the original file and its `Source row` column each row's original row, and what is
/// reported about it names those rows.
final class CorrectionsWorkbookTests: XCTestCase {
    let original = OriginalFile(name: "users.xlsx", sha256: String(repeating: "ab", count: 32), traceID: "0123456789abcdef")
    /// The template's headers, then the corrections workbook's two (Errors in O, Source row in P).
    let headers = SampleGenerator.headers + ["Errors", "Source row"]
    static let sourceRowColumn = 15

    /// `_meta` as the corrections workbook writes it.
    func metaRows(_ metadata: TemplateMetadata) -> [Row] {
        metadata.rows.enumerated().map { i, values in
            Row(number: i + 1, cells: values.enumerated().map { Cell(column: $0.offset, value: $0.element) })
        }
    }

    /// A `Users` row from field values, with `sourceRow` in the Source row column (nil: left empty).
    func row(_ values: [FieldKey: CellValue], number: Int, sourceRow: CellValue?) -> Row {
        var row = Fixture.row(values, number: number)
        if let sourceRow { row.cells.append(Cell(column: Self.sourceRowColumn, value: sourceRow)) }
        return row
    }

    /// A workbook of `Users` (the headers, then `rows`) and, when given, `_meta`.
    func workbook(_ rows: [Row], meta: TemplateMetadata?) -> TestSheetSource {
        var sheets = [TestSheetSource.Sheet(name: "Users", rows: [headerRow(headers)] + rows)]
        if let meta { sheets.append(TestSheetSource.Sheet(name: "_meta", visibility: .hidden, rows: metaRows(meta))) }
        return TestSheetSource(fileName: "corrections.xlsx", sheets: sheets)
    }

    func validate(_ source: SheetSource) throws -> (ValidationSummary, [RowOutcome], StructureResult?) {
        var outcomes: [RowOutcome] = []
        var header: StructureResult?
        let summary = try UserListValidator().validate(source: source, onHeader: { header = $0 }) { outcomes.append($0) }
        return (summary, outcomes, header)
    }

    // MARK: _meta

    func testMetaRecordsTheOriginalFileAndReadsItBack() {
        let metadata = TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original)
        XCTAssertEqual(metadata.rows.map { $0[0].displayText }, ["templateId", "version", "originalFile", "originalSha256", "originalTraceId"])
        XCTAssertEqual(TemplateMetadata(rows: metaRows(metadata)), metadata)
        XCTAssertEqual(TemplateMetadata.current.rows.count, 2, "the template itself names no original")
    }

    func testAHalfEditedMetaNamesNoOriginal() {
        var rows = metaRows(TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
        rows[3] = textRow(4, ["originalSha256", "not a digest"])
        let read = TemplateMetadata(rows: rows)
        XCTAssertEqual(read?.version, 2, "the template version is still read")
        XCTAssertNil(read?.original)
        XCTAssertNil(TemplateMetadata(rows: Array(metaRows(TemplateMetadata(templateID: UserListSchema.templateID, version: 2,
                                                                            original: original)).dropLast()))?.original,
                     "no trace id")
    }

    func testAnImplausiblyLongNameOrTraceIDNamesNoOriginal() {
        for (row, text) in [(2, String(repeating: "n", count: 256)), (4, String(repeating: "t", count: 65))] {
            var rows = metaRows(TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
            rows[row] = textRow(row + 1, [rows[row].cells[0].value.displayText, text])
            XCTAssertNil(TemplateMetadata(rows: rows)?.original)
        }
    }

    func testTheDigestIsReadInLowerCase() {
        var rows = metaRows(TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
        rows[3] = textRow(4, ["Original SHA256", original.sha256.uppercased()])
        XCTAssertEqual(TemplateMetadata(rows: rows)?.original, original)
    }

    // MARK: The structure stage

    func testTheStructureStageRecognisesACorrectionsWorkbook() throws {
        let source = workbook([], meta: TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
        let stage = StructureStage()
        let choice = try stage.chooseSheet(in: source)
        XCTAssertEqual(choice.sheetName, "Users")
        XCTAssertEqual(choice.metadata?.original, original)
        let result = stage.check(header: headerRow(headers), choice: choice)
        XCTAssertEqual(result.findings, [], "the Errors and Source row columns are recognised, not unknown")
        XCTAssertEqual(result.origin, RowOrigin(original: original, sourceRowColumn: Self.sourceRowColumn))
        XCTAssertTrue(result.origin.isCorrections)
    }

    func testTheSourceRowColumnIsFoundWhereverItIs() {
        let stage = StructureStage()
        let moved = ["Source row"] + SampleGenerator.headers
        let match = stage.matchHeader(headerRow(moved))
        XCTAssertEqual(match.sourceRowColumn, 0)
        XCTAssertEqual(match.ignoredColumns, [0])
        XCTAssertEqual(match.columns.column(of: .email), 1)
        XCTAssertEqual(stage.matchHeader(headerRow([" SOURCE  ROW "] + SampleGenerator.headers)).sourceRowColumn, 0)
        XCTAssertNil(stage.matchHeader(headerRow(SampleGenerator.headers + ["Errors"])).sourceRowColumn)
    }

    func testAnUploadWithoutAnOriginalInMetaIsAnOrdinaryUpload() throws {
        // The Source row column alone (say the workbook was saved as CSV, losing _meta) proves nothing.
        for meta in [nil, TemplateMetadata.current] {
            let source = workbook([row(Fixture.officer, number: 2, sourceRow: .number(39))], meta: meta)
            let (summary, outcomes, header) = try validate(source)
            XCTAssertNil(summary.corrects)
            XCTAssertEqual(header?.origin, .ownRows)
            XCTAssertEqual(outcomes.map(\.sourceRow), [2], "an ordinary upload's rows are their own")
        }
    }

    // MARK: Rows

    func testEveryRowCarriesItsOriginalRow() throws {
        let source = workbook([
            row(Fixture.officer, number: 2, sourceRow: .number(39)),
            row(Fixture.with(Fixture.officer, [.email: .text("wei@gmail.com")]), number: 3, sourceRow: .text(" 12 ")),
            row(Fixture.with(Fixture.officer, [.email: .text("ali@tech.gov.sg")]), number: 4, sourceRow: nil),
        ], meta: TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
        let (summary, outcomes, header) = try validate(source)
        XCTAssertEqual(summary.corrects, original)
        XCTAssertEqual(header?.origin.original, original)
        XCTAssertEqual(outcomes.map(\.rowNumber), [2, 3, 4])
        XCTAssertEqual(outcomes.map(\.sourceRow), [39, 12, nil], "a row added to the workbook is in no row of the original")
        let error = try XCTUnwrap(outcomes[1].finding(.emailDomainNotGovernment))
        XCTAssertEqual(error.row, 3)
        XCTAssertEqual(error.sourceRow, 12)
    }

    func testASourceRowIsAWholeRowNumberUnderTheHeader() {
        let origin = RowOrigin(original: original, sourceRowColumn: 0)
        func sourceRow(_ value: CellValue) -> Int? { origin.sourceRow(of: Row(number: 5, cells: [Cell(column: 0, value: value)])) }
        XCTAssertEqual(sourceRow(.number(17)), 17)
        XCTAssertEqual(sourceRow(.text("17")), 17)
        XCTAssertNil(sourceRow(.number(1)), "row 1 is the header")
        XCTAssertNil(sourceRow(.number(2.5)))
        XCTAssertNil(sourceRow(.number(2_000_000)), "past Excel's last row")
        XCTAssertNil(sourceRow(.text("seventeen")))
        XCTAssertNil(origin.sourceRow(of: Row(number: 5, cells: [])))
        XCTAssertEqual(RowOrigin.ownRows.sourceRow(of: Row(number: 5, cells: [Cell(column: 0, value: .number(17))])), 5,
                       "an ordinary upload's Source row cell means nothing")
    }

    // MARK: Messages that name another row

    func testADuplicateInACorrectionsWorkbookNamesTheOriginalRowAndFile() throws {
        let dup = Fixture.with(Fixture.officer, [.reason: .text("Entered twice")])
        let source = workbook([
            row(Fixture.officer, number: 2, sourceRow: .number(12)),
            row(dup, number: 3, sourceRow: .number(39)),
            row(Fixture.vendor, number: 4, sourceRow: nil),
            row(Fixture.with(Fixture.vendor, [.reason: .text("Again")]), number: 5, sourceRow: .number(40)),
        ], meta: TemplateMetadata(templateID: UserListSchema.templateID, version: 2, original: original))
        let (_, outcomes, _) = try validate(source)
        XCTAssertEqual(outcomes[1].finding(.duplicateEmailInFile)?.message, "Row 12 of users.xlsx has the same email address.")
        XCTAssertEqual(outcomes[3].finding(.duplicateEmailInFile)?.message, "Row 4 of this file has the same email address.",
                       "the first was added to the workbook: it is a row of this file, and says so")
        XCTAssertEqual(outcomes[3].finding(.duplicateUsernameInFile)?.message, "Row 4 of this file has the same TechPass username.")
    }

    func testADuplicateInAnOrdinaryUploadNamesTheRowOnly() {
        var pipeline = RowPipeline()
        _ = pipeline.run(Fixture.row(Fixture.officer, number: 2))
        let later = pipeline.run(Fixture.row(Fixture.officer, number: 3))
        XCTAssertEqual(later.finding(.duplicateEmailInFile)?.message, "Row 2 has the same email address.")
        XCTAssertEqual(later.sourceRow, 3)
        XCTAssertEqual(later.finding(.duplicateEmailInFile)?.sourceRow, 3)
    }

    func testARowReferenceKeepsWhichFileItsNumberIsIn() {
        let inOriginal = RowReference(sourceRow: 1_048_576, row: 2)
        XCTAssertEqual(inOriginal.number, 1_048_576)
        XCTAssertTrue(inOriginal.isInOriginal)
        let added = RowReference(sourceRow: nil, row: 17)
        XCTAssertEqual(added.number, 17)
        XCTAssertFalse(added.isInOriginal)
        XCTAssertEqual(RowOrigin.ownRows.name(inOriginal), "Row 1048576")
        XCTAssertEqual(RowOrigin(original: original).name(inOriginal), "Row 1048576 of users.xlsx")
        XCTAssertEqual(RowOrigin(original: original).name(added), "Row 17 of this file")
    }

    // MARK: Existing accounts from several files

    func testExistingAccountsFromSeveralFilesMerge() {
        let first = ExistingAccounts(emails: ["jane_tan@tech.gov.sg"], usernames: [])
        let second = ExistingAccounts(emails: ["jiahui.lim@ncs.com.sg"], usernames: ["Lim Jia Hui"])
        let merged = first.merging(second)
        XCTAssertTrue(merged.containsEmail("JANE_TAN@tech.gov.sg"))
        XCTAssertTrue(merged.containsEmail("jiahui.lim@ncs.com.sg"))
        XCTAssertTrue(merged.containsUsername("lim jia hui"))
        XCTAssertEqual(merged.emailCount, 2)
        XCTAssertEqual(first.emailCount, 1, "merging leaves the parts alone")
        XCTAssertEqual(outcome(Fixture.officer, existing: merged).errorCodes, ["duplicate.existing-email"])
        XCTAssertEqual(outcome(Fixture.vendor, existing: merged).errorCodes, ["duplicate.existing-email", "duplicate.existing-username"])
    }
}
