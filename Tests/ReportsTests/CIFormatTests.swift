import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SheetIO
import TestSupport
import UserList
import XCTest
@testable import Reports

/// The CI formats of `validate`: GitHub Actions annotations, JUnit XML and SARIF.
final class CIFormatTests: XCTestCase {
    // MARK: Fixtures

    let emailError = Finding(stage: .field, row: 7, column: 0, field: .email, header: "Email address*", value: "jane@gmail",
                             code: .emailInvalid, message: "The address has no top-level domain.", hint: "Did you mean jane@gmail.com?")
    let sameRowError = Finding(stage: .field, row: 7, column: 3, field: .lastName, header: "Last name*", value: "",
                               code: .emailInvalid, message: "Second error on row 7.")
    let plusWarning = Finding(stage: .field, row: 9, column: 5, field: .contactNumber, header: "Contact number*", value: "6591234567",
                              code: .excelPlusLost, message: "The + was lost.")
    let normalised = Finding(stage: .field, row: 9, column: 5, field: .contactNumber, header: "Contact number*", value: "9123 4567",
                             code: .changeNormalised, message: "Written as +6591234567.")
    let missingColumn = Finding(stage: .structure, header: "Reason*", code: .structureMissingColumn, message: "The header has no Reason* column.")
    let unreadable = Finding(stage: .file, code: .fileUnreadable, message: "cannot open the file")

    func report(_ findings: [Finding], head: [Finding] = [], limit: Int? = nil, exitCode: Int32 = 1,
                status: ValidationSummary.Status = .completed, strict: Bool = false, name: String = "users.xlsx") -> ValidationReport {
        var r = makeReport(findings, head: head, limit: limit, exitCode: exitCode, status: status)
        r.strict = strict
        r.input.name = name
        return r
    }

    // MARK: GitHub annotations

    func testEscapingFollowsGitHubsRules() {
        let data: [(String, String)] = [
            ("plain text", "plain text"),
            ("100%", "100%25"),
            ("a\r\nb", "a%0D%0Ab"),
            ("a:b,c", "a:b,c"),
            ("%0A", "%250A"),
            ("esc\u{1B}[31m", "esc\\u{1b}[31m"),
            ("bidi\u{202E}txt", "bidi\\u{202e}txt"),
        ]
        for (input, expected) in data {
            XCTAssertEqual(GitHubAnnotationWriter.escapeData(input), expected, "data \(input.debugDescription)")
        }
        let properties: [(String, String)] = [
            ("lists/users.xlsx", "lists/users.xlsx"),
            ("a:b,c", "a%3Ab%2Cc"),
            ("50%,\n", "50%25%2C%0A"),
            ("C:\\lists\\a,b.xlsx", "C%3A\\lists\\a%2Cb.xlsx"),
        ]
        for (input, expected) in properties {
            XCTAssertEqual(GitHubAnnotationWriter.escapeProperty(input), expected, "property \(input.debugDescription)")
        }
    }

    func testOneAnnotationPerRowErrorsFirstThenNoticesPerChange() throws {
        let warningOnly = Finding(stage: .field, row: 4, column: 5, field: .contactNumber, header: "Contact number*", value: "6591234567",
                                  code: .excelPlusLost, message: "The + was lost.")
        let rowSevenWarning = Finding(stage: .field, row: 7, column: 5, field: .contactNumber, code: .excelPlusLost, message: "Lost.")
        let text = try render { try GitHubAnnotationWriter().write(report([warningOnly, emailError, sameRowError, rowSevenWarning, plusWarning, normalised],
                                                                          head: [missingColumn], name: "lists/users.xlsx"), to: $0) }
        let lines = text.lines.filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 6, text)
        XCTAssertTrue(lines[0].hasPrefix("::error file=lists/users.xlsx,title=structure.missing-column::"), "sheet-wide first: \(lines[0])")
        XCTAssertEqual(lines[1], "::error file=lists/users.xlsx,line=7,title=Row 7%3A 2 errors%2C 1 warning::"
            + "A: The address has no top-level domain. (Did you mean jane@gmail.com?) [email.invalid]%0A"
            + "D: Second error on row 7. (\(FindingCode.emailInvalid.fix)) [email.invalid]%0A"
            + "F: Lost. (\(FindingCode.excelPlusLost.fix)) [excel.plus-lost]")
        XCTAssertTrue(lines[2].hasPrefix("::warning file=lists/users.xlsx,line=4,title=Row 4%3A 1 warning::F: The + was lost."), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("::warning file=lists/users.xlsx,line=9,title=Row 9%3A 1 warning::"), lines[3])
        XCTAssertEqual(lines[4], "::notice file=lists/users.xlsx,line=9,title=change.normalised::"
            + "Contact number: 1 row written in international form, e.g. row 9 \"9123 4567\" → after")
        XCTAssertTrue(lines[5].hasPrefix("invitesheet: lists/users.xlsx: 3 rows checked: 2 valid, 1 invalid; 3 errors, 3 warnings, 1 change (exit 1"), lines[5])
        XCTAssertFalse(text.contains("jane@gmail\"") || text.contains("6591234567"), "no cell values in error or warning annotations")
    }

    func testStepSummaryTableListsEveryFailingFindingEscaped() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("summary.md").path
        try Data("# earlier step output\n".utf8).write(to: URL(fileURLWithPath: path))
        var hostile = emailError
        hostile.message = "a | b\nc ![x](http://evil/t.png) <img>"
        let writer = GitHubStepSummaryWriter(path: path)
        try writer.add(report([hostile, sameRowError, plusWarning, normalised], limit: 1, name: "lists/a|b.xlsx"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# earlier step output\n"), "appended, not replaced")
        let rows = text.lines.filter { $0.hasPrefix("| lists") }
        XCTAssertEqual(rows.count, 2, "every error, whatever --max-findings says; no warnings without --strict: \(text)")
        XCTAssertEqual(rows[0], "| lists/a\\|b.xlsx | 7 | A Email address | email.invalid | a \\| b c \\!\\[x\\](http://evil/t.png) \\<img\\> (Did you mean jane@gmail.com?) |")
        XCTAssertTrue(text.contains("| File | Row | Column | Code | Message |\n|---|---|---|---|---|\n"))
        try GitHubStepSummaryWriter(path: path).add(report([plusWarning], strict: true, name: "b.xlsx"))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("| b.xlsx | 9 | F Contact number | excel.plus-lost |"),
                      "under --strict warnings fail too")
    }

    func testStepSummaryStaysUnderGitHubsLimit() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("summary.md").path
        let many = (2..<3_000).map { Finding(stage: .field, row: $0, column: 0, field: .email, code: .emailInvalid, message: "Bad address number \($0).") }
        try GitHubStepSummaryWriter(path: path, budget: 20_000).add(report(many))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertLessThanOrEqual(text.utf8.count, 20_000 + 300)
        XCTAssertNotNil(text.range(of: #"… [0-9,]+ more findings not listed: GitHub takes at most 1 MiB of step summary"#, options: .regularExpression), text)
    }

    func testFileAndSheetWideFindingsHaveNoLineOrColumn() {
        XCTAssertEqual(GitHubAnnotationWriter.command(for: missingColumn, file: "a.csv"),
                       "::error file=a.csv,title=structure.missing-column::The header has no Reason* column. (\(FindingCode.structureMissingColumn.fix))")
        XCTAssertTrue(GitHubAnnotationWriter.command(for: unreadable, file: "a.csv").hasPrefix("::error file=a.csv,title=file.unreadable::"))
        let header = Finding(stage: .structure, row: 1, column: 6, header: "Notes", code: .structureMissingColumn, message: "m")
        XCTAssertTrue(GitHubAnnotationWriter.command(for: header, file: "a.csv").hasPrefix("::error file=a.csv,line=1,col=7,"))
    }

    func testHostileTextCannotStartAnotherCommand() throws {
        var f = emailError
        f.message = "bad\n::add-mask::secret\r%0A"
        f.hint = "x\u{1B}]8;;evil\u{07}"
        let hostileName = "evil,line=1:\n::error::x.xlsx"
        let text = try render { try GitHubAnnotationWriter().write(report([f], name: hostileName), to: $0) }
        let lines = text.lines.filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 2, text)
        XCTAssertTrue(lines[0].hasPrefix("::error file=evil%2Cline=1%3A%0A%3A%3Aerror%3A%3Ax.xlsx,line=7,title=Row 7%3A 1 error::A: bad%0A::add-mask::secret%0D%250A"), lines[0])
        XCTAssertFalse(lines[0].contains("\u{1B}"))
        XCTAssertTrue(lines[1].hasPrefix("invitesheet: evil,line=1:\\n::error::x.xlsx: "), lines[1])
    }

    func testMaxFindingsLimitsAnnotationsErrorsFirstAndSaysSo() throws {
        let text = try render { try GitHubAnnotationWriter().write(report([plusWarning, emailError, normalised], limit: 1), to: $0) }
        let lines = text.lines.filter { !$0.isEmpty }
        XCTAssertEqual(lines.filter { $0.hasPrefix("::error") || $0.hasPrefix("::warning") }.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("::error file=users.xlsx,line=7,"), lines[0])
        XCTAssertTrue(lines.last!.contains("1 not listed (--max-findings)"), lines.last!)
    }

    func testFailedFileSummarySaysItCouldNotBeProcessed() throws {
        let text = try render { try GitHubAnnotationWriter().write(report([], head: [unreadable], exitCode: 2, status: .fileFailed), to: $0) }
        XCTAssertTrue(text.contains("::error file=users.xlsx,title=file.unreadable::cannot open the file"))
        XCTAssertTrue(text.contains("users.xlsx: could not be processed; 1 error, 0 warnings, 0 changes (exit 2"), text)
    }

    // MARK: XML escaping

    func testXMLEscapingKeepsDocumentsWellFormed() {
        let text: [(String, String)] = [
            ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
            ("\"q\" 'a'", "\"q\" 'a'"),
            ("line\nbreak\ttab", "line\nbreak\ttab"),
            ("cr\r", "cr&#13;"),
            ("nul\u{0}bell\u{7}esc\u{1B}", "nul\\u{0}bell\\u{7}esc\\u{1b}"),
            ("\u{FFFE}\u{FFFF}", "\\u{fffe}\\u{ffff}"),
            ("c1\u{85}", "c1\\u{85}"),
            ("ünïcødé ✓", "ünïcødé ✓"),
        ]
        for (input, expected) in text { XCTAssertEqual(XMLEscaping.text(input), expected, input.debugDescription) }
        XCTAssertEqual(XMLEscaping.attribute("\"q\" 'a' <&>\n\t\r"), "&quot;q&quot; &apos;a&apos; &lt;&amp;&gt;&#10;&#9;&#13;")
    }

    // MARK: JUnit

    func junit(_ reports: [ValidationReport]) throws -> String {
        try render { sink in
            let writer = JUnitReportWriter(sink: sink)
            for r in reports { try writer.add(r, seconds: 0.25) }
            writer.finish()
        }
    }

    func testJUnitHasASuitePerFileAndATestCasePerInvalidRow() throws {
        var a = report([emailError, sameRowError, plusWarning, normalised], name: "a.xlsx")
        a.counts = ReportCounts(rows: 1_018, validRows: 1_017, invalidRows: 1, errors: 2, warnings: 1, changes: 1, findingsShown: 3)
        var b = report([normalised], exitCode: 0, name: "b.csv")
        b.counts = ReportCounts(rows: 1, validRows: 1, changes: 1)
        let xml = try junit([a, b, report([], head: [missingColumn], exitCode: 2, status: .structureFailed, name: "c.csv")])
        let suites = try parse(xml)
        XCTAssertEqual(suites.name, "testsuites")
        XCTAssertEqual(suites.attributes, [:], "the Ant schema gives <testsuites> no attributes")
        XCTAssertEqual(suites.children.map(\.name), ["testsuite", "testsuite", "testsuite"])
        XCTAssertEqual(suites.children.map { $0.attributes["name"] }, ["a.xlsx", "b.csv", "c.csv"])
        XCTAssertEqual(suites.children.map { $0.attributes["id"] }, ["0", "1", "2"])
        let suiteA = suites.children[0]
        XCTAssertEqual(suiteA.attributes["tests"], "2")
        XCTAssertEqual(suiteA.attributes["failures"], "1")
        XCTAssertEqual(suiteA.attributes["errors"], "0")
        XCTAssertEqual(suiteA.attributes["time"], "0.250")
        let casesA = suiteA.children.filter { $0.name == "testcase" }
        XCTAssertEqual(casesA.map { $0.attributes["name"] }, ["Row 7", "1,017 valid rows"])
        let failures = casesA[0].children
        XCTAssertEqual(failures.map(\.name), ["failure"], "exactly one failure per test case")
        XCTAssertEqual(failures[0].attributes["message"],
                       "A: The address has no top-level domain. [email.invalid]; D: Second error on row 7. [email.invalid]")
        XCTAssertEqual(failures[0].attributes["type"], "email.invalid")
        XCTAssertTrue(failures[0].text.contains("A7 Email address: \"jane@gmail\" — error: The address has no top-level domain. [email.invalid] → Did you mean jane@gmail.com?"), failures[0].text)
        XCTAssertEqual(failures[0].text.lines.count, 2, "one line per finding")
        XCTAssertFalse(failures[0].text.contains("The + was lost."), "warnings do not fail without --strict")
        XCTAssertTrue(casesA[1].children.isEmpty, "the rest of the file passes")
        let out = try XCTUnwrap(suiteA.children.first { $0.name == "system-out" })
        XCTAssertTrue(out.text.contains("1,018 rows checked"), out.text)
        XCTAssertTrue(out.text.contains("Changed: Contact number: 1 row written in international form"), out.text)

        XCTAssertEqual(suites.children[1].children.filter { $0.name == "testcase" }.map { $0.attributes["name"] }, ["1 valid row"])
        XCTAssertEqual(suites.children[1].attributes["failures"], "0")

        let suiteC = suites.children[2]
        XCTAssertEqual(suiteC.attributes["errors"], "1")
        XCTAssertEqual(suiteC.attributes["tests"], "1")
        let casesC = suiteC.children.filter { $0.name == "testcase" }
        XCTAssertEqual(casesC.map { $0.attributes["name"] }, ["Sheet"])
        XCTAssertEqual(casesC[0].children.map(\.name), ["error"])
        XCTAssertEqual(casesC[0].children[0].attributes["type"], "structure.missing-column")
    }

    func testJUnitStrictFailsRowsWithWarnings() throws {
        var r = report([plusWarning, normalised], strict: true)
        r.counts.invalidRows = 0
        r.counts.validRowsWithWarnings = 1
        let suite = try XCTUnwrap(try parse(try junit([r])).children.first)
        let cases = suite.children.filter { $0.name == "testcase" }
        XCTAssertEqual(cases.map { $0.attributes["name"] }, ["Row 9", "2 valid rows without warnings"])
        XCTAssertEqual(cases[0].children.first?.attributes["message"], "F: The + was lost. [excel.plus-lost]")
    }

    func testJUnitSaysHowManyFailingRowsMaxFindingsLeftOut() throws {
        var r = report([emailError], limit: 0)
        r.counts = ReportCounts(rows: 5, validRows: 2, invalidRows: 3, errors: 3, findingsShown: 0)
        let suite = try XCTUnwrap(try parse(try junit([r])).children.first)
        XCTAssertEqual(suite.attributes["failures"], "1")
        XCTAssertEqual(suite.children.filter { $0.name == "testcase" }.map { $0.attributes["name"] }, ["3 more failing rows not listed", "2 valid rows"])
    }

    func testJUnitHostileTextStaysWellFormed() throws {
        var f = emailError
        f.value = "<script>\u{0}\u{1B}[2J & \"x\" ]]> \u{FFFF}"
        f.message = "bad \u{8} message </failure>"
        let xml = try junit([report([f], name: "we\"ird <&> \u{1}name.xlsx")])
        let suite = try XCTUnwrap(try parse(xml).children.first)
        XCTAssertEqual(suite.attributes["name"], "we\"ird <&> \\u{1}name.xlsx")
        let failure = try XCTUnwrap(suite.children.first { $0.name == "testcase" }?.children.first)
        XCTAssertEqual(failure.attributes["message"], "A: bad \\u{8} message </failure> [email.invalid]")
        XCTAssertTrue(failure.text.contains("<script>"), failure.text)
    }

    func testJUnitRunFailureIsAnError() throws {
        let xml = try render { sink in
            let writer = JUnitReportWriter(sink: sink)
            writer.addRunFailure(file: "a.xlsx", message: "cannot write report.json")
            writer.finish()
        }
        let suite = try XCTUnwrap(try parse(xml).children.first)
        XCTAssertEqual(suite.attributes["errors"], "1")
        XCTAssertEqual(suite.children.first { $0.name == "testcase" }?.children.first?.name, "error")
    }

    /// Every shape of output validates against the Apache Ant JUnit schema (Tests/Fixtures/junit-ant.xsd).
    func testJUnitMatchesTheAntSchema() throws {
        var strict = report([emailError, sameRowError, plusWarning, normalised], head: [missingColumn], strict: true, name: "s.xlsx")
        strict.counts.validRowsWithWarnings = 1
        let xml = try render { sink in
            let writer = JUnitReportWriter(sink: sink)
            try writer.add(report([emailError, sameRowError, plusWarning, normalised], name: "a.xlsx"), seconds: 1.5)
            try writer.add(report([emailError], limit: 0, name: "capped.xlsx"))
            try writer.add(strict)
            try writer.add(report([], head: [unreadable], exitCode: 2, status: .fileFailed, name: "bad.xlsx"))
            writer.addRunFailure(file: "x\u{1}.xlsx", message: "cannot write")
            writer.finish()
        }
        try JUnitSchemaCheck.assertValid(xml)
        try JUnitSchemaCheck.assertValid(try render { sink in JUnitReportWriter(sink: sink).finish() })
    }

    // MARK: SARIF

    func sarif(_ body: (SARIFLogWriter) throws -> Void) throws -> [String: Any] {
        let text = try render { sink in
            let writer = SARIFLogWriter(sink: sink, toolVersion: "9.8.7")
            try body(writer)
            writer.finish()
        }
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testSARIFHasTheRequiredFieldsAndOneRunForAllFiles() throws {
        let log = try sarif { w in
            try w.add(report([emailError, plusWarning, normalised], name: "lists/a.xlsx"))
            try w.add(report([], head: [missingColumn], exitCode: 2, status: .structureFailed, name: "lists/b c.csv"))
        }
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, SARIFLogWriter.schema)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "invitesheet")
        XCTAssertEqual(driver["version"] as? String, "9.8.7")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String },
                       ["change.normalised", "email.invalid", "excel.plus-lost", "structure.missing-column"], "only the codes that occur")
        let invalid = try XCTUnwrap(rules.first { $0["id"] as? String == "email.invalid" })
        XCTAssertEqual((invalid["shortDescription"] as? [String: Any])?["text"] as? String, FindingCode.emailInvalid.meaning)
        XCTAssertEqual((invalid["fullDescription"] as? [String: Any])?["text"] as? String, FindingCode.emailInvalid.meaning)
        XCTAssertEqual((invalid["help"] as? [String: Any])?["text"] as? String, FindingCode.emailInvalid.fix)

        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 4)
        XCTAssertEqual(results.compactMap { $0["level"] as? String }, ["error", "warning", "note", "error"])
        XCTAssertEqual((results[2]["message"] as? [String: Any])?["text"] as? String,
                       "Contact number: 1 row written in international form, e.g. row 9 \"9123 4567\" → after", "a change is one note: its summary line")
        for result in results {
            XCTAssertNotNil(result["ruleId"] as? String)
            XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String)
            let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
            XCTAssertNotNil(((locations.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String)
        }
        let first = try XCTUnwrap((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((first["artifactLocation"] as? [String: Any])?["uri"] as? String, "lists/a.xlsx")
        XCTAssertEqual((first["region"] as? [String: Any])?["startLine"] as? Int, 7)
        XCTAssertEqual((first["region"] as? [String: Any])?["startColumn"] as? Int, 1)
        let sheetWide = try XCTUnwrap((results[3]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertNil(sheetWide["region"], "no region for a sheet-wide finding")
        XCTAssertEqual((sheetWide["artifactLocation"] as? [String: Any])?["uri"] as? String, "lists/b%20c.csv")
        let invocation = try XCTUnwrap((runs[0]["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, true)
    }

    func testSARIFRespectsMaxFindingsAndRecordsRunFailures() throws {
        let log = try sarif { w in
            try w.add(report([plusWarning, emailError, normalised], limit: 1))
            w.addRunFailure(file: "b.xlsx", message: "cannot write report.json")
        }
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [[String: Any]])?.compactMap { $0["level"] as? String }, ["error", "note"],
                       "the one listed finding is the error; the change note is not a listed finding")
        let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        XCTAssertEqual((invocation["toolExecutionNotifications"] as? [Any])?.count, 1)
    }

    func testSARIFEmptyRunIsStillALog() throws {
        let log = try sarif { _ in }
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
    }

    func testSARIFURIs() {
        XCTAssertEqual(SARIFLogWriter.uri(forPath: "SampleSheets/every-mistake.xlsx"), "SampleSheets/every-mistake.xlsx")
        XCTAssertEqual(SARIFLogWriter.uri(forPath: "/tmp/a b#1.xlsx"), "file:///tmp/a%20b%231.xlsx")
        XCTAssertEqual(SARIFLogWriter.uri(forPath: "lists/é.csv"), "lists/%C3%A9.csv")
    }

    // MARK: Parsing XML

    /// An element of a parsed document: name, attributes, child elements and all its text.
    struct Element {
        var name: String
        var attributes: [String: String]
        var children: [Element]
        var text: String
    }

    /// Parses `xml` with Foundation's XML parser (FoundationXML on Linux), failing on any error.
    func parse(_ xml: String, file: StaticString = #filePath, line: UInt = #line) throws -> Element {
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let root = try XCTUnwrap(document.rootElement(), file: file, line: line)
        return element(root)
    }

    private func element(_ node: XMLElement) -> Element {
        var attributes: [String: String] = [:]
        for a in node.attributes ?? [] { attributes[a.name ?? ""] = a.stringValue ?? "" }
        let children = (node.children ?? []).compactMap { $0 as? XMLElement }.map(element)
        return Element(name: node.name ?? "", attributes: attributes, children: children, text: node.stringValue ?? "")
    }
}
