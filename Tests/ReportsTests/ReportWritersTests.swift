import Foundation
import SheetIO
import UserList
import XCTest
@testable import Reports

final class ReportJSONWriterTests: XCTestCase {
    func json(_ report: ValidationReport) throws -> [String: Any] {
        let text = try render { try ReportJSONWriter().write(report, to: $0) }
        XCTAssertTrue(text.hasSuffix("}\n"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testEveryFindingHasWhereWhatAndWhatToDo() throws {
        let outcomes = ReportFixture.outcomes([
            ReportFixture.officer,
            ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com", .lastName: " Tan "]),
        ])
        let report = makeReport(outcomes.flatMap(\.findings))
        let object = try json(report)
        XCTAssertEqual(object["traceId"] as? String, "0123456789abcdef")
        XCTAssertEqual(object["reportVersion"] as? Int, 2)
        let input = try XCTUnwrap(object["input"] as? [String: Any])
        XCTAssertEqual(input["name"] as? String, "users.xlsx")
        XCTAssertEqual(input["sha256"] as? String, String(repeating: "a", count: 64))
        XCTAssertEqual(input["bytes"] as? Int, 1234)
        XCTAssertEqual(object["sheet"] as? String, "Users")
        XCTAssertEqual(object["templateVersion"] as? Int, 2)
        XCTAssertEqual(object["status"] as? String, "completed")
        XCTAssertEqual(object["exitCode"] as? Int, 1)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let email = try XCTUnwrap(findings.first { $0["code"] as? String == "email.domain-not-government" })
        XCTAssertEqual(email["stage"] as? String, "row")
        XCTAssertEqual(email["row"] as? Int, 3)
        XCTAssertEqual(email["sourceRow"] as? Int, 3, "an ordinary upload's rows are their own")
        XCTAssertEqual(email["column"] as? String, "A")
        XCTAssertEqual(email["field"] as? String, "email")
        XCTAssertEqual(email["header"] as? String, "Email address*")
        XCTAssertEqual(email["value"] as? String, "jane@gmail.com")
        XCTAssertEqual(email["severity"] as? String, "error")
        XCTAssertFalse((email["message"] as? String ?? "").isEmpty)
        XCTAssertFalse((email["hint"] as? String ?? "").isEmpty)
        XCTAssertEqual(Set(email.keys), ["stage", "row", "sourceRow", "column", "field", "header", "value", "code", "severity", "message", "hint"])
        XCTAssertTrue(object["corrects"] is NSNull, "an ordinary upload corrects nothing")
        XCTAssertFalse(findings.contains { $0["severity"] as? String == "change" }, "changes are summarised, not listed")
        let counts = try XCTUnwrap(object["counts"] as? [String: Any])
        XCTAssertEqual(counts["findingsShown"] as? Int, findings.count)
        XCTAssertEqual(counts["findings"] as? Int, findings.count + 1, "the trimmed last name is counted")
        XCTAssertEqual((counts["byCode"] as? [String: Int])?["change.trimmed"], 1)
        XCTAssertEqual(counts["findingsNotShown"] as? Int, 0)
        let changes = try XCTUnwrap(object["changeSummary"] as? [[String: Any]])
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0]["code"] as? String, "change.trimmed")
        XCTAssertEqual(changes[0]["field"] as? String, "lastName")
        XCTAssertEqual(changes[0]["count"] as? Int, 1)
        XCTAssertEqual((changes[0]["example"] as? [String: Any])?["row"] as? Int, 3)
        XCTAssertEqual((changes[0]["example"] as? [String: Any])?["before"] as? String, " Tan ")
        XCTAssertEqual((counts["byCode"] as? [String: Int])?["email.domain-not-government"], 1)
    }

    func testSheetWideFindingsHaveNullRowAndColumn() throws {
        let fileFinding = FileStage.finding(for: SheetIOError(.zipLimit, "too big", file: "users.xlsx"))
        let object = try json(makeReport([], head: [fileFinding], exitCode: 2, status: .fileFailed))
        let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first)
        XCTAssertTrue(finding["row"] is NSNull)
        XCTAssertTrue(finding["column"] is NSNull)
        XCTAssertEqual(finding["stage"] as? String, "file")
        XCTAssertEqual(finding["code"] as? String, "file.zip-limit")
        XCTAssertEqual(object["status"] as? String, "fileFailed")
    }

    func testMaxFindingsKeepsCountsExact() throws {
        let outcomes = ReportFixture.outcomes((0..<5).map { _ in ReportFixture.with(ReportFixture.officer, [.email: "x@gmail.com"]) })
        let all = outcomes.flatMap(\.findings).filter { $0.severity != .change }
        let object = try json(makeReport(all, limit: 2))
        XCTAssertEqual((object["findings"] as? [Any])?.count, 2)
        let counts = try XCTUnwrap(object["counts"] as? [String: Any])
        XCTAssertEqual(counts["findings"] as? Int, all.count)
        XCTAssertEqual(counts["findingsShown"] as? Int, 2)
        XCTAssertEqual(counts["findingsNotShown"] as? Int, all.count - 2)
    }

    func testHostileTextIsEscaped() throws {
        var f = Finding(stage: .field, row: 2, column: 0, field: .email, header: "Email\u{2028}", value: "\"\u{1B}[31m\n\u{0}",
                        code: .emailInvalid, message: "m")
        f.hint = nil
        let text = try render { try ReportJSONWriter().write(makeReport([f]), to: $0) }
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{2028}"))
        XCTAssertEqual(text.lines.filter { !$0.isEmpty }.count, 1, "one line")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(finding["value"] as? String, "\"\u{1B}[31m\n\u{0}")
        XCTAssertEqual(finding["hint"] as? String, FindingCode.emailInvalid.fix, "the code's fix when the finding has no hint")
    }
}

final class ReportErrorsCSVTests: XCTestCase {
    func testOneLinePerFindingInTheDocumentedColumns() throws {
        let outcomes = ReportFixture.outcomes([ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com"])])
        let findings = outcomes.flatMap(\.findings).filter { $0.severity != .change }
        let text = try render { try ErrorsCSVWriter().write(makeReport(findings), to: $0) }
        let lines = text.lines.dropLast()
        XCTAssertEqual(lines.first, "row,column,field,header,value,code,severity,message,hint,stage,sourceRow")
        XCTAssertEqual(lines.count, findings.count + 1)
        XCTAssertTrue(lines[1].hasPrefix("2,A,email,Email address*,jane@gmail.com,email.domain-not-government,error,"), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(",row,2"), lines[1])
    }

    /// SPEC: any cell starting with = + - @ tab or CR is neutralised (formula injection).
    func testFormulaLikeCellsAreNeutralised() throws {
        let hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+6591234567", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
        let findings = hostile.map { Finding(stage: .field, row: 2, column: 9, field: .reason, header: "=Reason", value: $0,
                                             code: .reasonTooLong, message: "-message", hint: "@hint") }
        let text = try render { try ErrorsCSVWriter().write(makeReport(findings), to: $0) }
        let csvSource = try csvRows(text)
        XCTAssertEqual(csvSource.count, hostile.count + 1)
        for (i, value) in hostile.enumerated() {
            let row = csvSource[i + 1]
            XCTAssertEqual(row[4], "'" + value, "value \(value.debugDescription)")
            XCTAssertEqual(row[3], "'=Reason")
            XCTAssertEqual(row[7], "'-message")
            XCTAssertEqual(row[8], "'@hint")
        }
    }

    func testHiddenFindingsAreCountedOnALastLine() throws {
        let outcomes = ReportFixture.outcomes((0..<4).map { _ in ReportFixture.with(ReportFixture.officer, [.email: "x@gmail.com"]) })
        let all = outcomes.flatMap(\.findings)
        let text = try render { try ErrorsCSVWriter().write(makeReport(all, limit: 3), to: $0) }
        let rows = try csvRows(text)
        XCTAssertEqual(rows.count, 1 + 3 + 1)
        XCTAssertEqual(rows.last?[7], "\(all.count - 3) more findings not shown (--max-findings)")
        XCTAssertEqual(rows.last?[5], "")
    }

    /// Parses CSV with the project's own reader.
    func csvRows(_ text: String) throws -> [[String]] {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("errors.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let source = try Spreadsheet.open(path: path)
        var rows: [[String]] = []
        _ = try source.readRows(sheet: 0) { row in
            var fields = Array(repeating: "", count: 10)
            for c in row.cells where c.column < 10 {
                if case .text(let s) = c.value { fields[c.column] = s } else { fields[c.column] = c.value.displayText }
            }
            rows.append(fields)
        }
        return rows
    }
}

final class ReportAcceptedWriterTests: XCTestCase {
    func testOnlyValidRowsWithNormalisedValuesAndTheirSourceRow() throws {
        let outcomes = ReportFixture.outcomes([
            ReportFixture.with(ReportFixture.officer, [.contactNumber: "9123 4567", .seed: "y"]),
            ReportFixture.with(ReportFixture.officer, [.email: "bad@gmail.com"]),
            ReportFixture.with(ReportFixture.vendor, [.reason: "=1+1 needs access"]),
        ])
        XCTAssertEqual(outcomes.map(\.isValid), [true, false, true])
        let folder = try temporaryFolder(self)
        let csvPath = folder.appendingPathComponent("accepted.csv").path
        let jsonPath = folder.appendingPathComponent("accepted.jsonl").path
        let writer = AcceptedWriter(csv: try ByteSink(path: csvPath), jsonLines: try ByteSink(path: jsonPath))
        outcomes.forEach(writer.add)
        try writer.commit()
        XCTAssertEqual(writer.count, 2)

        let csv = try String(contentsOfFile: csvPath, encoding: .utf8).lines.dropLast()
        XCTAssertEqual(csv.count, 3)
        XCTAssertEqual(csv[0], "email,userType,username,firstName,lastName,contactNumber,organisation,department,seed,reason,sponsoringAgency,businessOperation,odc,offshoreCompany,sourceRow")
        XCTAssertEqual(csv[1], "jane_tan@tech.gov.sg,Public officer,,Jane,Tan,+6591234567,,,Yes,Developer on the MyAgency portal,,,,,2")
        XCTAssertTrue(csv[2].contains(",'=1+1 needs access,"), "free text starting like a formula is neutralised: \(csv[2])")
        XCTAssertTrue(csv[2].contains(",+6581234567,"), "the E.164 number stays exact")
        XCTAssertTrue(csv[2].hasSuffix(",4"))

        let json = try String(contentsOfFile: jsonPath, encoding: .utf8).lines.filter { !$0.isEmpty }
        XCTAssertEqual(json.count, 2)
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["sourceRow"] as? Int, 2)
        XCTAssertEqual(first["contactNumber"] as? String, "+6591234567")
        XCTAssertEqual(first["seed"] as? String, "Yes")
        XCTAssertTrue(first["username"] is NSNull)
        XCTAssertEqual(Set(first.keys), Set(FieldKey.allCases.map(\.rawValue) + ["sourceRow"]))
        let second = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json[1].utf8)) as? [String: Any])
        XCTAssertEqual(second["reason"] as? String, "=1+1 needs access", "JSON keeps the value exact")
    }
}

final class ReportTextSummaryTests: XCTestCase {
    func testGroupedByRowWithColumnHeaderMessageHintCountsAndTraceID() throws {
        let outcomes = ReportFixture.outcomes([
            ReportFixture.officer,
            ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com"]),
            ReportFixture.with(ReportFixture.officer, [.email: "lee@tech.gov.sg", .username: "lee"]),
        ])
        let unknown = Finding(stage: .structure, row: 1, column: 14, header: "Notes", code: .structureUnknownColumn,
                              message: "Column O (\"Notes\") is not a template column; it is ignored.")
        let text = try render { try TextSummaryWriter().write(makeReport(outcomes.flatMap(\.findings), head: [unknown]), to: $0) }
        XCTAssertTrue(text.hasPrefix("users.xlsx — sheet \"Users\", template version 2\n"), text)
        XCTAssertTrue(text.contains("\nSheet\n  warning  O1 Notes\n"), text)
        XCTAssertTrue(text.contains("\nRow 3\n  error    A Email address: \"jane@gmail.com\"\n"), text)
        XCTAssertTrue(text.contains("[email.domain-not-government]"))
        XCTAssertTrue(text.contains("\nRow 4\n"))
        XCTAssertTrue(text.contains("→ "), "what to do")
        XCTAssertTrue(text.contains("3 rows checked: 2 valid, 1 invalid."))
        XCTAssertTrue(text.contains("Result: 1 row needs fixing; the 2 valid rows were accepted. (exit 1)"), text)
        XCTAssertTrue(text.hasSuffix("Trace id: 0123456789abcdef\n"))
        XCTAssertFalse(text.contains("\u{1B}"), "no colour unless asked")
        XCTAssertLessThan(text.range(of: "Row 3")!.lowerBound, text.range(of: "Row 4")!.lowerBound)
    }

    func testColourOnlyOnATerminalWithoutNoColour() throws {
        XCTAssertTrue(TextSummaryWriter.useColour(isTerminal: true, environment: [:]))
        XCTAssertFalse(TextSummaryWriter.useColour(isTerminal: false, environment: [:]))
        XCTAssertFalse(TextSummaryWriter.useColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(TextSummaryWriter.useColour(isTerminal: true, environment: ["NO_COLOR": ""]), "no-color.org: set and not empty")
        XCTAssertFalse(TextSummaryWriter.useColour(isTerminal: true, environment: ["TERM": "dumb"]))
        let outcomes = ReportFixture.outcomes([ReportFixture.with(ReportFixture.officer, [.email: "jane@gmail.com"])])
        let text = try render { try TextSummaryWriter(colour: true).write(makeReport(outcomes.flatMap(\.findings)), to: $0) }
        XCTAssertTrue(text.contains("\u{1B}[31merror"))
    }

    func testCellTextCannotDriveTheTerminal() throws {
        let f = Finding(stage: .field, row: 2, column: 9, field: .reason, header: "Reason*", value: "\u{1B}[2J\u{202E}evil\nline",
                        code: .reasonTooLong, message: "too long")
        let text = try render { try TextSummaryWriter().write(makeReport([f]), to: $0) }
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{202E}"))
        XCTAssertTrue(text.contains("\\u{1b}[2J\\u{202e}evil\\nline"), text)
    }

    func testFailedFileAndHiddenFindings() throws {
        let fileFinding = FileStage.finding(for: SheetIOError(.encrypted, "the workbook is password-protected", file: "users.xlsx"))
        let text = try render { try TextSummaryWriter().write(makeReport([], head: [fileFinding], exitCode: 2, status: .fileFailed), to: $0) }
        XCTAssertTrue(text.contains("\nFile\n  error    "), text)
        XCTAssertTrue(text.contains("the file could not be processed"))
        XCTAssertFalse(text.contains("rows checked"))
        let outcomes = ReportFixture.outcomes((0..<3).map { _ in ReportFixture.with(ReportFixture.officer, [.email: "x@gmail.com"]) })
        let limited = try render { try TextSummaryWriter().write(makeReport(outcomes.flatMap(\.findings), limit: 1), to: $0) }
        XCTAssertTrue(limited.contains("more findings not shown (--max-findings)"), limited)
    }
}

final class ReportFindingListTests: XCTestCase {
    func f(_ row: Int?, _ code: FindingCode = .emailInvalid) -> Finding {
        Finding(stage: row == nil ? .structure : .field, row: row, code: code, message: "m")
    }

    func testErrorsFirstThenWarningsEachInSheetOrder() throws {
        let head = [f(nil, .structureUnknownColumn), f(nil, .structureMissingColumn)]
        let rows = [f(2, .excelPlusLost), f(2), f(3, .changeTrimmed), f(4, .excelPlusLost), f(5)]
        let list = FindingList(head: head, rows: rows, tail: [f(9, .excelMergedCell)])
        XCTAssertEqual(try list.array().map(\.code), [.structureMissingColumn, .emailInvalid, .emailInvalid,
                                                      .structureUnknownColumn, .excelPlusLost, .excelPlusLost, .excelMergedCell])
        XCTAssertEqual(try list.array().map(\.row), [nil, 2, 5, nil, 2, 4, 9])
        XCTAssertEqual(list.count, 7, "changes are never listed")
    }

    func testTheLimitKeepsErrorsBeforeAnyWarning() throws {
        let rows = [f(2, .excelPlusLost), f(3, .excelPlusLost), f(4), f(5, .excelPlusLost), f(6)]
        let cases: [(Int, [Int?])] = [(0, []), (1, [4]), (2, [4, 6]), (3, [4, 6, 2]), (9, [4, 6, 2, 3, 5])]
        for (limit, expected) in cases {
            let list = FindingList(rows: rows, limit: limit)
            XCTAssertEqual(try list.array().map(\.row), expected, "limit \(limit)")
            XCTAssertEqual(list.count, expected.count)
        }
        XCTAssertEqual(try FindingList(rows: rows, limit: 1).array().map(\.row), [4])
        var all: [Int?] = []
        try FindingList(rows: rows, limit: 1).forEach(ignoringLimit: true) { all.append($0.row) }
        XCTAssertEqual(all, [4, 6, 2, 3, 5], "the step summary walks every one")
    }

    func testRowsWithErrorsComeFirstEachWithItsWarnings() throws {
        let rows = [f(2, .excelPlusLost), f(3), f(3, .excelPlusLost), f(3), f(5, .excelPlusLost), f(7), f(8, .excelPlusLost)]
        var groups: [(Int, [Severity])] = []
        try FindingList(rows: rows).forEachRow { groups.append(($0.row, $0.findings.map(\.severity))) }
        XCTAssertEqual(groups.map(\.0), [3, 7, 2, 5, 8])
        XCTAssertEqual(groups.map(\.1), [[.error, .error, .warning], [.error], [.warning], [.warning], [.warning]])
        var capped: [Int] = []
        try FindingList(rows: rows, limit: 3).forEachRow { capped.append($0.row) }
        XCTAssertEqual(capped, [3, 7], "only listed findings are grouped")
    }

    func testSpoolGivesBackEveryFindingExactly() throws {
        let folder = try temporaryFolder(self)
        let spool = try FindingSpool(directory: folder.path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "the spool file is unlinked at once")
        var written: [Finding] = []
        for i in 0..<20_000 {
            var f = Finding(stage: Stage.allCases[i % Stage.allCases.count], row: i % 7 == 0 ? nil : i + 2,
                            column: i % 5 == 0 ? nil : i % 16_384, field: i % 3 == 0 ? nil : FieldKey.at(i % 14),
                            header: i % 4 == 0 ? nil : "Header \(i) ✓", value: i % 2 == 0 ? nil : String(repeating: "é", count: i % 300),
                            code: FindingCode.all[i % FindingCode.all.count], message: "Message \(i) 伟明\n", hint: i % 6 == 0 ? nil : "hint")
            f.value = f.value.map { $0 + "\u{0}" }
            written.append(f)
            spool.append(f)
        }
        XCTAssertEqual(spool.count, written.count)
        var read: [Finding] = []
        try spool.forEach { read.append($0); return true }
        XCTAssertEqual(read, written)
        var cursor = try spool.cursor()
        var second = try spool.cursor()
        XCTAssertEqual(try cursor.next(), written[0])
        XCTAssertEqual(try second.next(), written[0], "cursors read independently")
        XCTAssertEqual(try cursor.next(), written[1])
        var count = 2
        while try cursor.next() != nil { count += 1 }
        XCTAssertEqual(count, written.count)
        let errors = written.filter { $0.severity == .error }
        let errorSpool = try FindingSpool(directory: folder.path)
        errors.forEach(errorSpool.append)
        XCTAssertEqual(try FindingList(errors: .spool(errorSpool), limit: 3).array(), Array(errors.prefix(3)))
    }
}

final class ReportChangeSummaryTests: XCTestCase {
    func testOneEntryPerCodeAndFieldWithTheFirstExample() throws {
        let outcomes = ReportFixture.outcomes([
            ReportFixture.with(ReportFixture.officer, [.contactNumber: "8334 7536"]),
            ReportFixture.with(ReportFixture.officer, [.contactNumber: "9123 4567", .seed: "y", .firstName: " Jane "]),
            ReportFixture.with(ReportFixture.officer, [.contactNumber: "6123-4567"]),
        ])
        var summary = ChangeSummary()
        outcomes.forEach { summary.add($0) }
        let entries = summary.entries
        XCTAssertEqual(summary.total, outcomes.flatMap(\.changes).count)
        let phone = try XCTUnwrap(entries.first { $0.code == .changeNormalised && $0.field == .contactNumber })
        XCTAssertEqual(phone.count, 3)
        XCTAssertEqual(phone.example, ChangeSummary.Example(row: 2, before: "8334 7536", after: "+6583347536"))
        XCTAssertEqual(ChangeSummaryText.line(phone),
                       "Contact number: 3 rows written in international form, e.g. row 2 \"8334 7536\" → +6583347536")
        let seed = try XCTUnwrap(entries.first { $0.field == .seed })
        XCTAssertEqual(ChangeSummaryText.line(seed), "SEED onboarding required?: 1 row written as Yes/No, e.g. row 3 \"y\" → Yes")
        let trimmed = try XCTUnwrap(entries.first { $0.code == .changeTrimmed })
        XCTAssertEqual(ChangeSummaryText.line(trimmed), "First name: 1 row with spaces or line breaks around the value trimmed, e.g. row 3 \" Jane \" → Jane")
    }

    /// Every change code in the catalogue has words of its own, not the fallback.
    func testEveryChangeCodeHasAPhrase() {
        for code in FindingCode.all where code.severity == .change {
            XCTAssertFalse(ChangeSummaryText.phrase(code, .email).hasPrefix("changed ("), code.rawValue)
        }
        let phrases: [(FieldKey, String)] = [(.contactNumber, "written in international form"), (.seed, "written as Yes/No"),
                                             (.userType, "written in standard form"), (.lastName, "with curly apostrophes made straight")]
        for (field, phrase) in phrases { XCTAssertEqual(ChangeSummaryText.phrase(.changeNormalised, field), phrase) }
    }

    func testExampleValuesAreEscapedAndCut() {
        let f = Finding(stage: .field, row: 4, column: 7, field: .department, value: "a\u{1B}[2J\n" + String(repeating: "x", count: 60),
                        code: .changeLineBreakRemoved, message: "m")
        var summary = ChangeSummary()
        summary.add(f, after: "\u{202E}b")
        let line = ChangeSummaryText.line(summary.entries[0])
        XCTAssertFalse(line.contains("\u{1B}") || line.contains("\u{202E}") || line.contains("\n"), line)
        XCTAssertTrue(line.contains("\"a\\u{1b}[2J\\n"), line)
        XCTAssertTrue(line.contains("…\" → \\u{202e}b"), line)
    }
}

final class ReportCountTextTests: XCTestCase {
    func testThousandsAndSingular() {
        let cases: [(Int, String, String)] = [(0, "0", "0 rows"), (1, "1", "1 row"), (2, "2", "2 rows"), (999, "999", "999 rows"),
                                              (1_017, "1,017", "1,017 rows"), (1_048_575, "1,048,575", "1,048,575 rows"), (-1200, "-1,200", "-1,200 rows")]
        for (n, number, rows) in cases {
            XCTAssertEqual(CountText.number(n), number)
            XCTAssertEqual(CountText.of(n, "row"), rows)
        }
    }
}

final class ReportExitStatusTests: XCTestCase {
    func testWorstOverFiles() {
        XCTAssertEqual(ExitStatus.worst([0, 1, 0]), 1)
        XCTAssertEqual(ExitStatus.worst([1, 2, 0]), 2)
        XCTAssertEqual(ExitStatus.worst([2, 3, 1]), 3)
        XCTAssertEqual(ExitStatus.worst([Int32]()), 0)
    }

    func testOutputFoldersPerFile() {
        XCTAssertEqual(OutputFolders.assign(files: ["a.xlsx"], out: "out"), ["out"])
        XCTAssertEqual(OutputFolders.assign(files: ["a.xlsx", "b.csv"], out: nil), [nil, nil])
        XCTAssertEqual(OutputFolders.assign(files: ["x/users.xlsx", "y/users.csv", "Users.tsv", "plain"], out: "out/"),
                       ["out/users", "out/users-2", "out/Users-3", "out/plain"])
        XCTAssertEqual(OutputFolders.stem(of: ".hidden"), ".hidden")
        XCTAssertEqual(OutputFolders.stem(of: "a.b.xlsx"), "a.b")
        XCTAssertEqual(OutputFolders.stem(of: "dir/.."), "file")
    }
}
