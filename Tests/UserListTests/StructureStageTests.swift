import SheetIO
import XCTest
@testable import UserList

final class StructureStageTests: XCTestCase {
    let stage = StructureStage()
    let choice = SheetChoice(sheetIndex: 0, sheetName: "Users")

    func testTemplateHeaderMapsEveryColumn() {
        let result = stage.check(header: headerRow(SampleGenerator.headers), choice: choice)
        XCTAssertFalse(result.failed)
        XCTAssertEqual(result.findings, [])
        XCTAssertEqual(result.templateVersion, 2)
        for key in FieldKey.allCases { XCTAssertEqual(result.columns.column(of: key), key.index) }
    }

    func testHeadersMatchIgnoringCaseStarsSpacesLineBreaksAndAliases() {
        let headers = ["E-mail", "TYPE", "Username", "first name", "Surname", "Mobile", "Company", "Dept",
                       "Is onboarding to SEED required?", "reason *", "Sponsoring\nAgency", "Business  operation", "ODC",
                       "Offshore company"]
        let result = stage.check(header: headerRow(headers), choice: choice)
        XCTAssertEqual(result.findings, [], "\(result.findings)")
        for key in FieldKey.allCases { XCTAssertEqual(result.columns.column(of: key), key.index, "\(key)") }
        let more = ["Email Address", "User Type", "Phone", "Contact no", "E-mail address", "Email", "SEED", "SEED onboarding required"]
        for h in more { XCTAssertNotNil(stage.matcher.field(for: h), h) }
    }

    func testColumnsInAnyOrderWithIgnoredCorrectionsColumns() {
        let headers = ["Source row", "Reason*", "Email address*", "Errors", "First name*", "Last name*", "User type*",
                       "SEED onboarding required?*", "Contact number*", "TechPass username", "Organisation", "Sponsoring agency",
                       "Business operation", "Offshore development centre", "Offshore company name", "Department"]
        let result = stage.check(header: headerRow(headers), choice: choice)
        XCTAssertEqual(result.findings, [], "\(result.findings)")
        XCTAssertEqual(result.columns.column(of: .email), 2)
        XCTAssertEqual(result.columns.column(of: .reason), 1)
    }

    func testMissingRequiredColumnIsAnErrorWithATypoHint() {
        var headers = SampleGenerator.headers
        headers[0] = "Emial adress"
        let result = stage.check(header: headerRow(headers), choice: choice)
        XCTAssertTrue(result.failed)
        let missing = result.findings.first { $0.code == .structureMissingColumn }
        XCTAssertEqual(missing?.field, "email")
        XCTAssertEqual(missing?.hint, "Column A is headed \"Emial adress\"; did you mean \"Email address*\"?")
        XCTAssertEqual(result.findings.first { $0.code == .structureUnknownColumn }?.severity, .warning)
    }

    func testDuplicatedColumnIsAnError() {
        let result = stage.check(header: headerRow(SampleGenerator.headers + ["Phone"]), choice: choice)
        XCTAssertTrue(result.failed)
        let dup = result.findings.first { $0.code == .structureDuplicateColumn }
        XCTAssertEqual(dup?.columnLetter, "O")
        XCTAssertTrue(dup?.message.contains("column F") ?? false, dup?.message ?? "")
    }

    func testUnknownColumnIsAWarning() {
        let result = stage.check(header: headerRow(SampleGenerator.headers + ["Remarks"]), choice: choice)
        XCTAssertFalse(result.failed)
        XCTAssertEqual(result.findings.map(\.code), [.structureUnknownColumn])
        XCTAssertEqual(result.findings[0].columnLetter, "O")
    }

    func testMissingVendorColumnIsAWarning() {
        let headers = SampleGenerator.headers.filter { $0 != "TechPass username" }
        let result = stage.check(header: headerRow(headers), choice: choice)
        XCTAssertFalse(result.failed)
        XCTAssertEqual(result.findings.map(\.code), [.structureMissingOptionalColumn])
    }

    func testOlderTemplateFromHeadersIsAWarning() {
        let result = stage.check(header: headerRow(UserListSchema.version1.columns.map(\.header)), choice: choice)
        XCTAssertFalse(result.failed)
        XCTAssertEqual(result.templateVersion, 1)
        XCTAssertEqual(result.templateVersionSource, .headers)
        XCTAssertEqual(result.findings.map(\.code), [.structureOlderTemplate])
        XCTAssertTrue(result.findings[0].message.contains("Sponsoring agency, Business operation, Offshore development centre or Offshore company name"),
                      result.findings[0].message)
    }

    func testTemplateVersionFromMetadata() {
        let old = SheetChoice(sheetIndex: 0, sheetName: "Users", metadata: TemplateMetadata(templateID: "techpass-user-list", version: 1))
        let result = stage.check(header: headerRow(SampleGenerator.headers), choice: old)
        XCTAssertEqual(result.templateVersion, 1)
        XCTAssertEqual(result.templateVersionSource, .metadata)
        XCTAssertEqual(result.findings.map(\.code), [.structureOlderTemplate])
        let newer = SheetChoice(sheetIndex: 0, sheetName: "Users", metadata: TemplateMetadata(templateID: "techpass-user-list", version: 3))
        XCTAssertEqual(stage.check(header: headerRow(SampleGenerator.headers), choice: newer).findings.map(\.code), [.structureNewerTemplate])
    }

    func testARowThatIsNotAHeader() {
        let result = stage.check(header: textRow(1, ["User list for Project X"]), choice: choice)
        XCTAssertTrue(result.failed)
        XCTAssertEqual(result.findings.map(\.code), [.structureNoHeader])
    }

    // MARK: Choosing the sheet

    func testUsersSheetIsChosenByName() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "Instructions", rows: [textRow(1, ["Read me"])]),
            .init(name: "users", rows: [headerRow(SampleGenerator.headers)]),
        ])
        let choice = try stage.chooseSheet(in: source)
        XCTAssertEqual(choice.sheetIndex, 1)
        XCTAssertEqual(choice.findings, [])
        XCTAssertNil(source.readCounts[1], "the chosen sheet is read only once, by the validator")
    }

    func testOtherwiseTheFirstSheetWhoseHeaderMatches() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "Notes", rows: [textRow(1, ["Hello"])]),
            .init(name: "Sheet2", rows: [headerRow(SampleGenerator.headers)]),
            .init(name: "Sheet3", rows: [headerRow(SampleGenerator.headers)]),
        ])
        XCTAssertEqual(try stage.chooseSheet(in: source).sheetIndex, 1)
    }

    func testHiddenSheetThatLooksLikeAUserListIsAWarning() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "Users", rows: [headerRow(SampleGenerator.headers)]),
            .init(name: "Old users", visibility: .hidden, rows: [headerRow(SampleGenerator.headers)]),
            .init(name: "Lists", visibility: .hidden, rows: [headerRow(SampleGenerator.headers)]),
        ])
        let choice = try stage.chooseSheet(in: source)
        XCTAssertEqual(choice.sheetIndex, 0)
        XCTAssertEqual(choice.findings.map(\.code), [.excelHiddenUserSheet])
        XCTAssertTrue(choice.findings[0].message.contains("Old users"))
    }

    func testNoUserSheet() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "A", rows: [textRow(1, ["x"])]), .init(name: "B", rows: [textRow(1, ["y"])]),
        ])
        let choice = try stage.chooseSheet(in: source)
        XCTAssertTrue(choice.failed)
        XCTAssertEqual(choice.findings.map(\.code), [.structureNoUserSheet])
    }

    func testMetadataSheetIsRead() throws {
        let source = TestSheetSource(sheets: [
            .init(name: "Users", rows: [headerRow(SampleGenerator.headers)]),
            .init(name: "_meta", visibility: .veryHidden, rows: [
                Row(number: 1, cells: [Cell(column: 0, value: .text("templateId")), Cell(column: 1, value: .text("techpass-user-list"))]),
                Row(number: 2, cells: [Cell(column: 0, value: .text("version")), Cell(column: 1, value: .number(1))]),
            ]),
        ])
        XCTAssertEqual(try stage.chooseSheet(in: source).metadata?.version, 1)
    }
}

/// A header damaged by a byte-order mark (U+FEFF kept in the cell, or `ï»¿` when UTF-8 was read as
/// Windows-1252) is still the template's header.
final class ByteOrderMarkHeaderTests: XCTestCase {
    func testHeaderWithAByteOrderMarkIsStillMatched() {
        let stage = StructureStage()
        for prefix in ["\u{FEFF}", "\u{00EF}\u{00BB}\u{00BF}", "\u{00EF}\u{00BB}\u{00BF}\u{FEFF}"] {
            var headers = SampleGenerator.headers
            headers[0] = prefix + headers[0]
            let row = Row(number: 1, cells: headers.enumerated().map { Cell(column: $0.offset, value: .text($0.element)) })
            let result = stage.check(header: row, choice: SheetChoice(sheetIndex: 0, sheetName: "Users"))
            XCTAssertFalse(result.failed, "\(result.findings)")
            XCTAssertEqual(result.columns.column(of: .email), 0)
            // The visible damage (ï»¿) is a warning whose hint shows the header as read; a bare U+FEFF is invisible and harmless.
            let warnings = result.findings.map(\.code)
            XCTAssertEqual(warnings, prefix == "\u{FEFF}" ? [] : [.excelMojibake], "\(result.findings)")
            if prefix != "\u{FEFF}" {
                XCTAssertEqual(result.findings.first?.hint, "It was read as \"Email address\"; save the file as CSV UTF-8 or .xlsx next time.")
                XCTAssertEqual(result.findings.first?.severity, .warning)
            }
        }
        XCTAssertEqual(HeaderName.plain("\u{00EF}\u{00BB}\u{00BF}Email address*"), "Email address")
        XCTAssertNil(stage.matcher.field(for: "\u{00EF}\u{00BB}Email address"), "only the whole mark is dropped")
    }
}
