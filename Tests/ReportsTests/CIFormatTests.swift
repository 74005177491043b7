import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SheetIO
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

    func testOneCommandPerFindingWithRowAsLineAndColumnNumber() throws {
        let text = try render { try GitHubAnnotationWriter().write(report([emailError, plusWarning, normalised], name: "lists/users.xlsx"), to: $0) }
        let lines = text.lines.filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "::error file=lists/users.xlsx,line=7,col=1,title=email.invalid::The address has no top-level domain. (Did you mean jane@gmail.com?)")
        XCTAssertEqual(lines[1], "::warning file=lists/users.xlsx,line=9,col=6,title=excel.plus-lost::The + was lost. (\(FindingCode.excelPlusLost.fix))")
        XCTAssertTrue(lines[2].hasPrefix("::notice file=lists/users.xlsx,line=9,col=6,title=change.normalised::"))
        XCTAssertTrue(lines[3].hasPrefix("invitesheet: lists/users.xlsx: 3 rows checked: 2 valid, 1 invalid; 1 error, 1 warning, 1 change (exit 1"), lines[3])
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
        XCTAssertTrue(lines[0].hasPrefix("::error file=evil%2Cline=1%3A%0A%3A%3Aerror%3A%3Ax.xlsx,line=7,col=1,title=email.invalid::bad%0A::add-mask::secret%0D%250A"), lines[0])
        XCTAssertFalse(lines[0].contains("\u{1B}"))
        XCTAssertTrue(lines[1].hasPrefix("invitesheet: evil,line=1:\\n::error::x.xlsx: "), lines[1])
    }

    func testMaxFindingsLimitsAnnotationsAndSaysSo() throws {
        let text = try render { try GitHubAnnotationWriter().write(report([emailError, plusWarning, normalised], limit: 1), to: $0) }
        let lines = text.lines.filter { !$0.isEmpty }
        XCTAssertEqual(lines.filter { $0.hasPrefix("::") }.count, 1)
        XCTAssertTrue(lines.last!.contains("2 not annotated (--max-findings)"), lines.last!)
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
        let cases = try reports.map { try JUnitReportWriter.testCase(for: $0, seconds: 0.25) }
        return try render { JUnitReportWriter().write(cases, to: $0) }
    }

    func testJUnitHasATestCasePerFileAndAFailurePerInvalidRow() throws {
        let xml = try junit([report([emailError, sameRowError, plusWarning, normalised], name: "a.xlsx"),
                             report([normalised], exitCode: 0, name: "b.csv"),
                             report([], head: [missingColumn], exitCode: 2, status: .structureFailed, name: "c.csv")])
        let suites = try parse(xml)
        XCTAssertEqual(suites.name, "testsuites")
        let suite = try XCTUnwrap(suites.children.first)
        XCTAssertEqual(suites.children.count, 1)
        XCTAssertEqual(suite.name, "testsuite")
        XCTAssertEqual(suite.attributes["tests"], "3")
        XCTAssertEqual(suite.attributes["failures"], "1")
        XCTAssertEqual(suite.attributes["errors"], "1")
        XCTAssertEqual(suite.attributes["time"], "0.750")
        let cases = suite.children.filter { $0.name == "testcase" }
        XCTAssertEqual(cases.map { $0.attributes["name"] }, ["a.xlsx", "b.csv", "c.csv"])
        XCTAssertEqual(Set(cases.map { $0.attributes["classname"] }), ["invitesheet"])

        let failures = cases[0].children.filter { $0.name == "failure" }
        XCTAssertEqual(failures.count, 1, "one failure per invalid row, not per finding")
        XCTAssertEqual(failures[0].attributes["message"], "Row 7: The address has no top-level domain.")
        XCTAssertEqual(failures[0].attributes["type"], "email.invalid")
        XCTAssertTrue(failures[0].text.contains("A7 Email address: \"jane@gmail\" — The address has no top-level domain. [email.invalid] → Did you mean jane@gmail.com?"), failures[0].text)
        XCTAssertTrue(failures[0].text.contains("Second error on row 7."))
        XCTAssertFalse(failures[0].text.contains("The + was lost."), "warnings are not failures without --strict")
        XCTAssertTrue(cases[0].children.contains { $0.name == "system-out" && $0.text.contains("3 rows checked") })

        XCTAssertTrue(cases[1].children.allSatisfy { $0.name == "system-out" })

        let errors = cases[2].children.filter { $0.name == "error" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors[0].attributes["type"], "structure.missing-column")
        XCTAssertEqual(errors[0].attributes["message"], "The header has no Reason* column.")
    }

    func testJUnitStrictFailsRowsWithWarnings() throws {
        let xml = try junit([report([plusWarning, normalised], strict: true)])
        let testCase = try XCTUnwrap(try parse(xml).children.first?.children.first)
        let failures = testCase.children.filter { $0.name == "failure" }
        XCTAssertEqual(failures.map { $0.attributes["message"] }, ["Row 9: The + was lost."])
    }

    func testJUnitStillFailsWhenMaxFindingsHidesEveryError() throws {
        let xml = try junit([report([emailError], limit: 0)])
        let suite = try XCTUnwrap(try parse(xml).children.first)
        XCTAssertEqual(suite.attributes["failures"], "1")
        XCTAssertTrue(xml.contains("findings not listed (--max-findings)"))
    }

    func testJUnitHostileTextStaysWellFormed() throws {
        var f = emailError
        f.value = "<script>\u{0}\u{1B}[2J & \"x\" ]]> \u{FFFF}"
        f.message = "bad \u{8} message </failure>"
        let xml = try junit([report([f], name: "we\"ird <&> \u{1}name.xlsx")])
        let testCase = try XCTUnwrap(try parse(xml).children.first?.children.first)
        XCTAssertEqual(testCase.attributes["name"], "we\"ird <&> \\u{1}name.xlsx")
        let failure = try XCTUnwrap(testCase.children.first { $0.name == "failure" })
        XCTAssertEqual(failure.attributes["message"], "Row 7: bad \\u{8} message </failure>")
        XCTAssertTrue(failure.text.contains("<script>"), failure.text)
    }

    func testJUnitRunFailureIsAnError() throws {
        let cases = [JUnitReportWriter.runFailure(file: "a.xlsx", message: "cannot write report.json")]
        let xml = try render { JUnitReportWriter().write(cases, to: $0) }
        let suite = try XCTUnwrap(try parse(xml).children.first)
        XCTAssertEqual(suite.attributes["errors"], "1")
        XCTAssertEqual(suite.children.first?.children.first?.name, "error")
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
            try w.add(report([emailError, plusWarning, normalised], limit: 1))
            w.addRunFailure(file: "b.xlsx", message: "cannot write report.json")
        }
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 1)
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
