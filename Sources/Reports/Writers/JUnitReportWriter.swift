import SheetIO
import UserList

/// One file's result as a JUnit `<testcase>`, rendered while its report's findings are still at hand
/// (they are released once the file is done), to be written in one document with the others.
public struct JUnitTestCase: Sendable, Equatable {
    /// The file, as named on the command line.
    public var name: String
    /// `<failure>` elements: one per invalid row (and per row with warnings under `--strict`).
    public var failures: Int
    /// `<error>` elements: the file could not be processed.
    public var errors: Int
    public var seconds: Double
    /// The rendered `<testcase>` element.
    public var xml: String

    /// Whether the test case failed or errored.
    public var passed: Bool { failures == 0 && errors == 0 }
}

/// Renders validation results as JUnit XML for GitLab and Jenkins: one `<testsuite>` per run holding
/// one `<testcase classname="invitesheet" name="FILE">` per file.
///
/// - each invalid row is a `<failure message="Row 7: first error" type="CODE">` whose body lists
///   every error of that row (column, header, value, message, code, what to do); under `--strict`,
///   rows with warnings fail the same way;
/// - a file stopped at the file or structure stage is an `<error>` whose body lists its errors;
/// - `<system-out>` holds the counts, any findings left out by `--max-findings`, and the trace id.
///
/// The suite's `tests`, `failures` and `errors` count test cases (files), as JUnit readers expect:
/// `failures` is the number of files with invalid rows, not the number of rows.
public struct JUnitReportWriter {
    /// The `<testsuite>` and `<testcase classname>` name.
    public static let suiteName = "invitesheet"
    /// Longest cell value shown in a failure body, in characters.
    public static let valueLimit = 80

    public init() {}

    /// One file's `<testcase>`; `seconds` is how long the file took.
    public static func testCase(for report: ValidationReport, seconds: Double = 0) throws -> JUnitTestCase {
        let failing: Set<Severity> = report.strict ? [.error, .warning] : [.error]
        var rowOrder: [Int?] = []
        var byRow: [Int?: [Finding]] = [:]
        var errorFindings: [Finding] = []
        try report.findings.forEach { f in
            guard failing.contains(f.severity) else { return }
            if report.status != .completed {
                errorFindings.append(f)
                return
            }
            let key: Int? = f.stage.stopsTheRun ? nil : f.row
            if byRow[key] == nil { rowOrder.append(key) }
            byRow[key, default: []].append(f)
        }

        var body = ""
        var errors = 0
        var failures = 0
        if report.status != .completed {
            let first = errorFindings.first
            body += element("error", message: first?.message ?? "The file could not be processed.",
                            type: first?.code.rawValue ?? report.status.rawValue, findings: errorFindings)
            errors = 1
        } else {
            for key in rowOrder {
                let findings = byRow[key]!
                let place = key.map { "Row \($0)" } ?? "Sheet"
                body += element("failure", message: "\(place): \(findings[0].message)", type: findings[0].code.rawValue, findings: findings)
                failures += 1
            }
            if failures == 0 && report.exitCode != ExitStatus.ok {
                // Every finding that made the file fail was left out by --max-findings: still fail it.
                body += element("failure", message: "\(report.counts.invalidRows) rows invalid; findings not listed (--max-findings).",
                                type: "invitesheet.rows-invalid", findings: [])
                failures = 1
            }
        }
        body += "      <system-out>\(XMLEscaping.text(systemOut(report)))</system-out>\n"
        let name = XMLEscaping.attribute(report.input.name)
        let xml = "    <testcase classname=\"\(suiteName)\" name=\"\(name)\" file=\"\(name)\" time=\"\(time(seconds))\">\n\(body)    </testcase>\n"
        return JUnitTestCase(name: report.input.name, failures: failures, errors: errors, seconds: seconds, xml: xml)
    }

    /// The test case for a file that produced no report (its outputs could not be written, or an
    /// internal error): an `<error>` with what happened.
    public static func runFailure(file: String, message: String, seconds: Double = 0) -> JUnitTestCase {
        let name = XMLEscaping.attribute(file)
        let xml = "    <testcase classname=\"\(suiteName)\" name=\"\(name)\" file=\"\(name)\" time=\"\(time(seconds))\">\n"
            + "      <error message=\"\(XMLEscaping.attribute(message))\" type=\"invitesheet.run-failed\">\(XMLEscaping.text(message))</error>\n"
            + "    </testcase>\n"
        return JUnitTestCase(name: file, failures: 0, errors: 1, seconds: seconds, xml: xml)
    }

    /// Writes the document (declaration, `<testsuites>`, one `<testsuite>`, the test cases) into
    /// `sink` (the caller commits it).
    public func write(_ cases: [JUnitTestCase], to sink: ByteSink) {
        let tests = cases.count
        let errors = cases.filter { $0.errors > 0 }.count
        let failures = cases.filter { $0.errors == 0 && $0.failures > 0 }.count
        let seconds = Self.time(cases.reduce(0) { $0 + $1.seconds })
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\""
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<testsuites name=\"\(Self.suiteName)\" \(counts) time=\"\(seconds)\">\n")
        sink.write("  <testsuite name=\"\(Self.suiteName)\" \(counts) skipped=\"0\" time=\"\(seconds)\">\n")
        for c in cases { sink.write(c.xml) }
        sink.write("  </testsuite>\n</testsuites>\n")
    }

    /// A `<failure>` or `<error>` element: the first finding in the attributes, all of them in the body.
    private static func element(_ name: String, message: String, type: String, findings: [Finding]) -> String {
        let lines = findings.map(line).joined(separator: "\n")
        return "      <\(name) message=\"\(XMLEscaping.attribute(message))\" type=\"\(XMLEscaping.attribute(type))\">"
            + XMLEscaping.text(lines) + "</\(name)>\n"
    }

    /// `C7 Email address*: "jane@gmail.com" — A public officer's email … [code] → What to do.`
    static func line(_ f: Finding) -> String {
        var place: [String] = []
        if let letter = f.columnLetter { place.append(f.row.map { "\(letter)\($0)" } ?? letter) }
        else if let row = f.row { place.append("Row \(row)") }
        if let header = f.header { place.append(HeaderName.plain(PrintableText.escaped(header))) }
        var text = place.joined(separator: " ")
        if let value = f.value {
            let shown = "\"" + PrintableText.escaped(value, limit: valueLimit) + "\""
            text = text.isEmpty ? shown : text + ": " + shown
        }
        let message = "\(PrintableText.escaped(f.message)) [\(f.code.rawValue)] → \(PrintableText.escaped(f.hint ?? f.code.fix))"
        return text.isEmpty ? message : text + " — " + message
    }

    /// The counts, findings left out, and trace id of one file.
    private static func systemOut(_ report: ValidationReport) -> String {
        let c = report.counts
        var lines: [String] = []
        if report.status == .completed {
            lines.append("\(c.rows) rows checked: \(c.validRows) valid, \(c.invalidRows) invalid, \(c.rowsWithWarnings) with warnings.")
        } else {
            lines.append("The file could not be processed (\(report.status.rawValue)).")
        }
        lines.append("Findings: \(c.errors) errors, \(c.warnings) warnings, \(c.changes) changes.")
        if c.findingsNotShown > 0 { lines.append("\(c.findingsNotShown) findings not listed (--max-findings).") }
        lines.append("Exit \(report.exitCode). Trace id: \(report.traceID)")
        return lines.joined(separator: "\n")
    }

    private static func time(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
