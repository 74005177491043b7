import Foundation
import SheetIO
import XCTest
import TestSupport
@testable import UserList

/// The template of SPEC.md ("The template"), read back by openpyxl, SheetIO and LibreOffice.
final class TemplateTests: XCTestCase {
    private var directory: URL!
    private let schema = UserListSchema.current

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("template-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func writeTemplate(_ name: String = "user-list.xlsx", policy: Policy = .default) throws -> String {
        let file = path(name)
        try TemplateWriter(policy: policy).write(to: file)
        return file
    }

    // MARK: Sheets

    func testSheetsAreUsersInstructionsAndHiddenListsAndMeta() throws {
        let dump = try WorkbookDump.read(writeTemplate())
        XCTAssertEqual(dump.sheets.map(\.name), ["Users", "Instructions", "Lists", "_meta"])
        XCTAssertEqual(dump.sheets.map(\.state), ["visible", "visible", "hidden", "hidden"])
    }

    func testUsersHeaderIsTheSchemaBoldFilledWithRequiredColumnsMarked() throws {
        let users = try WorkbookDump.read(writeTemplate()).sheet("Users")
        for (i, column) in schema.columns.enumerated() {
            let ref = CellReference.a1(column: i, row: 1)
            let cell = try XCTUnwrap(users.cells[ref], ref)
            XCTAssertEqual(cell.value, .string(column.header), ref)
            XCTAssertTrue(cell.bold, ref)
            XCTAssertEqual(column.header.hasSuffix("*"), column.requirement.isAlways, "the * marks exactly the always-required columns")
            if column.requirement.isAlways {
                XCTAssertEqual(cell.fill, "FFFCE4D6", ref)
                XCTAssertEqual(cell.fontColor, "FF9C0006", ref)
            } else {
                XCTAssertEqual(cell.fill, "FFDDEBF7", ref)
            }
            XCTAssertEqual(cell.comment, column.note, "\(ref) has a note with the rule and an example")
        }
        let headerCells = users.cells.keys.filter { $0.hasSuffix("1") && !$0.dropLast().contains(where: \.isNumber) }
        XCTAssertEqual(headerCells.count, schema.columns.count, "nothing but the schema's headers in row 1")
        XCTAssertEqual(users.cells.count, schema.columns.count, "no data rows")
    }

    func testHeaderFrozenWidthsFromSchemaAndContactNumberTextFormatted() throws {
        let users = try WorkbookDump.read(writeTemplate()).sheet("Users")
        XCTAssertEqual(users.freeze, "A2")
        for (i, column) in schema.columns.enumerated() {
            let letters = CellReference.letters(forColumn: i)
            let info = try XCTUnwrap(users.columns[letters], letters)
            // Excel stores widths with a little padding (34 → 34.71).
            XCTAssertEqual(try XCTUnwrap(info.width), column.width, accuracy: 1, letters)
            XCTAssertEqual(info.numberFormat, column.isTextFormatted ? "@" : "General", letters)
        }
        XCTAssertEqual(users.columns["F"]?.numberFormat, "@", "contact number keeps +65 and leading zeros")
    }

    func testDropdownsForUserTypeSeedBusinessOperationAndODCComeFromTheListsSheet() throws {
        let dump = try WorkbookDump.read(writeTemplate())
        let users = try dump.sheet("Users"), lists = try dump.sheet("Lists")
        let expected: [(FieldKey, String, [String])] = [
            (.userType, "B", ["Public officer", "Vendor"]),
            (.seed, "I", ["Yes", "No"]),
            (.businessOperation, "L", ["Onshore", "Offshore"]),
            (.odc, "M", Policy.default.odcChoices),
        ]
        XCTAssertEqual(users.validations.count, expected.count, "\(users.validations)")
        for (field, letters, values) in expected {
            let validation = try XCTUnwrap(users.validations.first { $0.sqref == "\(letters)2:\(letters)1048576" }, "\(field)")
            XCTAssertEqual(validation.type, "list")
            let formula = try XCTUnwrap(validation.formula1)
            // Lists!$D$2:$D$8
            let parts = formula.split(separator: "$").map(String.init)
            XCTAssertEqual(parts.count, 5, formula)
            guard parts.count == 5 else { continue }
            let column = parts[1]
            XCTAssertEqual(parts[0], "Lists!")
            XCTAssertEqual(parts[2], "2:")
            XCTAssertEqual(parts[3], column)
            XCTAssertEqual(Int(parts[4]), values.count + 1, "\(field): the range covers exactly the values")
            XCTAssertEqual(lists.cells["\(column)1"]?.value, .string(try XCTUnwrap(schema.column(field)).title))
            let listed = (0..<values.count).map { lists.cells["\(column)\($0 + 2)"]?.value.text }
            XCTAssertEqual(listed, values, "\(field)")
        }
        XCTAssertTrue(Policy.default.odcChoices.contains("Others"))
    }

    func testPolicyListsReachTheDropdowns() throws {
        let policy = Policy(odcList: ["India", "Vietnam"], sponsoringAgencies: ["GovTech", "HTX"])
        let dump = try WorkbookDump.read(writeTemplate(policy: policy))
        let users = try dump.sheet("Users"), lists = try dump.sheet("Lists")
        let odc = try XCTUnwrap(users.validations.first { $0.sqref == "M2:M1048576" })
        let agency = try XCTUnwrap(users.validations.first { $0.sqref == "K2:K1048576" }, "sponsoring agencies from the policy get a dropdown")
        XCTAssertEqual(agency.formula1, "Lists!$C$2:$C$3")
        XCTAssertEqual(odc.formula1, "Lists!$E$2:$E$4")
        XCTAssertEqual(["C2", "C3", "E2", "E3", "E4"].map { lists.cells[$0]?.value.text }, ["GovTech", "HTX", "India", "Vietnam", "Others"])
    }

    func testInstructionsExplainEveryColumn() throws {
        let sheet = try WorkbookDump.read(writeTemplate()).sheet("Instructions")
        let headerRow = try XCTUnwrap(sheet.cells.first { $0.value.value == .string("Header") }?.key.dropFirst())
        let first = try XCTUnwrap(Int(headerRow))
        XCTAssertEqual(["A", "B", "C", "D", "E", "F"].map { sheet.cells["\($0)\(first)"]?.value.text },
                       ["Column", "Header", "Required", "What to enter", "Example", "Choices"])
        for (i, column) in schema.columns.enumerated() {
            let row = first + 1 + i
            XCTAssertEqual(sheet.cells["A\(row)"]?.value.text, CellReference.letters(forColumn: i))
            XCTAssertEqual(sheet.cells["B\(row)"]?.value.text, column.header)
            XCTAssertEqual(sheet.cells["C\(row)"]?.value.text, column.requirement.summary)
            XCTAssertEqual(sheet.cells["D\(row)"]?.value.text, column.help)
            XCTAssertEqual(sheet.cells["E\(row)"]?.value.text, column.example)
            XCTAssertEqual(sheet.cells["D\(row)"]?.wrap, true, "long help wraps")
        }
        XCTAssertEqual(sheet.cells["F\(first + 1 + FieldKey.userType.index)"]?.value.text, "Public officer, Vendor")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(sheet.columns["D"]?.width), 60)
    }

    // MARK: _meta and read-back

    func testMetaSheetRecordsIdAndVersion() throws {
        let meta = try WorkbookDump.read(writeTemplate()).sheet("_meta")
        XCTAssertEqual(meta.cells["A1"]?.value, .string("templateId"))
        XCTAssertEqual(meta.cells["B1"]?.value, .string(UserListSchema.templateID))
        XCTAssertEqual(meta.cells["A2"]?.value, .string("version"))
        XCTAssertEqual(meta.cells["B2"]?.value, .number(Double(schema.version)))
    }

    func testStructureStageRecognisesTheWrittenTemplateAsTheCurrentVersion() throws {
        let source = try Spreadsheet.open(path: writeTemplate())
        let stage = StructureStage()
        let choice = try stage.chooseSheet(in: source)
        XCTAssertEqual(choice.sheetName, "Users")
        XCTAssertEqual(choice.findings, [])
        XCTAssertEqual(choice.metadata, .current)

        let summary = try UserListValidator().validate(source: source) { _ in XCTFail("the template has no data rows") }
        XCTAssertEqual(summary.templateVersion, schema.version)
        XCTAssertEqual(summary.templateVersionSource, .metadata)
        XCTAssertEqual(summary.status, .completed)
        XCTAssertEqual(summary.structureFindings.map(\.code), [.structureNoData], "only: a header but no user rows")
        for key in FieldKey.allCases { XCTAssertEqual(summary.columns?.column(of: key), key.index, "\(key)") }
    }

    func testSheetIOReadsTheHeaderAndSheetStates() throws {
        let source = try Spreadsheet.open(path: writeTemplate())
        XCTAssertEqual(source.sheets.map(\.name), ["Users", "Instructions", "Lists", "_meta"])
        XCTAssertEqual(source.sheets.map(\.visibility), [.visible, .visible, .hidden, .hidden])
        var header: [String] = []
        _ = try source.readRows(sheet: 0) { row in if row.number == 1 { header = row.cells.map(\.value.displayText) } }
        XCTAssertEqual(header, schema.columns.map(\.header))
    }

    // MARK: Determinism and other readers

    func testSameSchemaAndPolicyWriteTheSameBytes() throws {
        let a = try Data(contentsOf: URL(fileURLWithPath: writeTemplate("a.xlsx")))
        let b = try Data(contentsOf: URL(fileURLWithPath: writeTemplate("b.xlsx")))
        XCTAssertEqual(a, b)
        let c = try Data(contentsOf: URL(fileURLWithPath: writeTemplate("c.xlsx", policy: Policy(odcList: ["India"]))))
        XCTAssertNotEqual(a, c)
    }

    func testCommittedTemplateIsCurrent() throws {
        let committed = ExternalProcess.packageRoot.appendingPathComponent("templates/user-list.xlsx").path
        guard FileManager.default.fileExists(atPath: committed) else { throw XCTSkip("no committed templates/user-list.xlsx") }
        let result = try TemplateComparison.compare(committed: committed, expected: writeTemplate())
        XCTAssertTrue(result.identical, "templates/user-list.xlsx is stale; run `invitesheet template -o templates/user-list.xlsx`: \(result.differences)")
    }

    /// LibreOffice converting without complaint is the check that the file opens without a repair prompt.
    func testLibreOfficeOpensTheTemplate() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        let file = try writeTemplate()
        let out = path("csv")
        let profile = directory.appendingPathComponent("lo-profile").absoluteString
        let result = try ExternalProcess.run(soffice, ["--headless", "-env:UserInstallation=\(profile)", "--convert-to", "csv", "--outdir", out, file])
        XCTAssertEqual(result.status, 0, result.standardError)
        let csv = try String(contentsOfFile: out + "/user-list.csv", encoding: .utf8)
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).first.map(String.init), schema.columns.map(\.header).joined(separator: ","))
    }

    /// LibreOffice loads the dropdowns: saved again as ODS, the sheet carries one list validation
    /// per dropdown column, each reading its values from the hidden Lists sheet.
    func testLibreOfficeKeepsTheDropdowns() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        let file = try writeTemplate()
        let out = path("ods")
        let profile = directory.appendingPathComponent("lo-profile-ods").absoluteString
        let converted = try ExternalProcess.run(soffice, ["--headless", "-env:UserInstallation=\(profile)", "--convert-to", "ods", "--outdir", out, file])
        XCTAssertEqual(converted.status, 0, converted.standardError)
        let listed = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", """
            import re, sys, zipfile
            xml = zipfile.ZipFile(sys.argv[1]).read("content.xml").decode()
            for condition in re.findall(r'table:condition="([^"]*)"', xml):
                print(condition)
            """, out + "/user-list.ods"])
        XCTAssertEqual(listed.status, 0, listed.standardError)
        let conditions = listed.standardOutput.split(whereSeparator: \.isNewline).map(String.init)
        let lists = conditions.filter { $0.contains("cell-content-is-in-list") && $0.contains("Lists") }
        XCTAssertGreaterThanOrEqual(lists.count, 4, "user type, SEED, business operation and ODC dropdowns: \(conditions)")
    }

    // MARK: Comparing templates

    func testComparisonNamesChangedCellsCommittedValueFirst() throws {
        var old = schema
        old.columns[2].header = "Username"
        let committed = path("old.xlsx")
        try TemplateWriter(schema: old).write(to: committed)
        let result = try TemplateComparison.compare(committed: committed, expected: writeTemplate())
        XCTAssertFalse(result.identical)
        XCTAssertEqual(result.differences.first, #"Users!C1: "Username" → "TechPass username""#)
        XCTAssertEqual(result.differences.count, 2, "\(result.differences)")
        XCTAssertTrue(result.differences.contains { $0.hasPrefix("Instructions!B") && $0.hasSuffix(#": "Username" → "TechPass username""#) },
                      "the Instructions sheet names the column too: \(result.differences)")
    }

    func testComparisonNamesSheetChanges() throws {
        let committed = path("two-sheets.xlsx")
        let workbook = try XLSXWorkbookWriter(path: committed)
        let users = try workbook.addSheet(name: "Users")
        for (i, column) in schema.columns.enumerated() { try users.write(row: 1, column: i, text: column.header) }
        _ = try workbook.addSheet(name: "Lists")
        try workbook.close()
        let result = try TemplateComparison.compare(committed: committed, expected: writeTemplate())
        XCTAssertEqual(result.differences.first, "sheets: Users, Lists → Users, Instructions, Lists (hidden), _meta (hidden)")
    }

    func testIdenticalFilesCompareIdentical() throws {
        let result = try TemplateComparison.compare(committed: writeTemplate("a.xlsx"), expected: writeTemplate("b.xlsx"))
        XCTAssertEqual(result, TemplateComparison(identical: true))
    }

    // MARK: The command

    func testCommandWritesUserListXLSXInTheCurrentFolderByDefault() throws {
        let binary = try ExternalProcess.invitesheet()
        let result = try ExternalProcess.run(binary, ["template"], in: directory.path)
        XCTAssertEqual(result.status, 0, result.standardError)
        let written = try Data(contentsOf: directory.appendingPathComponent("user-list.xlsx"))
        XCTAssertEqual(written, try Data(contentsOf: URL(fileURLWithPath: writeTemplate("expected.xlsx"))))
    }

    func testCheckOfACurrentFileExitsZero() throws {
        let binary = try ExternalProcess.invitesheet()
        let file = path("current.xlsx")
        XCTAssertEqual(try ExternalProcess.run(binary, ["template", "-o", file]).status, 0)
        let result = try ExternalProcess.run(binary, ["template", "--check", file])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "\(file) is current.\n")
    }

    func testCheckOfAModifiedFileExitsOneWithADifference() throws {
        let binary = try ExternalProcess.invitesheet()
        var old = schema
        old.columns[2].header = "Username"
        let file = path("stale.xlsx")
        try TemplateWriter(schema: old).write(to: file)
        let result = try ExternalProcess.run(binary, ["template", "--check", file])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains(#"Users!C1: "Username" → "TechPass username""#), result.standardError)
        XCTAssertTrue(result.standardError.contains("Run `invitesheet template -o \(file)` to regenerate it."), result.standardError)
    }

    func testCheckUsesThePolicy() throws {
        let binary = try ExternalProcess.invitesheet()
        let policyFile = path("policy.json")
        try Data(#"{"odcList": ["India"]}"#.utf8).write(to: URL(fileURLWithPath: policyFile))
        let file = path("policy.xlsx")
        XCTAssertEqual(try ExternalProcess.run(binary, ["template", "-o", file, "--policy", policyFile]).status, 0)
        XCTAssertEqual(try ExternalProcess.run(binary, ["template", "--check", file, "--policy", policyFile]).status, 0)
        let stale = try ExternalProcess.run(binary, ["template", "--check", file])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.standardError.contains(#"Lists!D3: "Others" → "India""#), stale.standardError)
    }
}
