#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetIO
import UserList

/// Writes validation results as JUnit XML for GitLab, Jenkins and Azure DevOps, in the Apache Ant
/// JUnit schema (`Tests/Fixtures/junit-ant.xsd`): one `<testsuite>` per file, written as each file
/// is done, so nothing waits in memory.
///
/// - one failing `<testcase name="Row 7">` per invalid row (under `--strict`, per row with a
///   warning too) with exactly one `<failure>`: its `message` lists the row's findings, its body has
///   one line per finding (cell, header, value, message, code, what to do). Jenkins and Azure show
///   only the first failure of a test case, so a row never has two;
/// - one failing `<testcase name="Sheet">` for sheet-wide findings that fail the file;
/// - when `--max-findings` leaves failing rows out, one failing test case that says how many;
/// - one passing test case for the rest of the file (`1,017 valid rows`);
/// - a file stopped at the file or structure stage is one test case (`File` or `Sheet`) with one
///   `<error>`.
///
/// Each suite's `tests`, `failures` and `errors` count its test cases; `<system-out>` holds the
/// counts, one line per kind of change and the trace id; `<properties>` the trace id, SHA-256 and
/// exit code. The Ant schema gives `<testsuites>` no attributes: readers add up the suites.
public final class JUnitReportWriter {
    /// Longest cell value shown in a failure body, in characters.
    public static let valueLimit = 80

    private let sink: ByteSink
    private let hostname: String
    private var started = false
    private var nextID = 0

    /// A document written into `sink` (the caller commits it, as often as it likes).
    public init(sink: ByteSink) {
        self.sink = sink
        var buffer = [CChar](repeating: 0, count: 256)
        let name = gethostname(&buffer, buffer.count) == 0 ? String(cString: buffer) : ""
        hostname = name.isEmpty ? "localhost" : name
    }

    /// One test case: its name, and a failing element (`failure` or `error`) if it failed.
    private struct Case {
        var name: String
        var element: String?
        var message = ""
        var type = ""
        var body = ""
    }

    /// Writes one file's `<testsuite>`; `seconds` is how long the file took.
    public func add(_ report: ValidationReport, seconds: Double = 0) throws {
        let failing: Set<Severity> = report.strict ? [.error, .warning] : [.error]
        let c = report.counts
        var head: [Case] = []
        var rowCases = 0
        if report.status != .completed {
            var findings: [Finding] = []
            try report.findings.forEach { if $0.severity == .error { findings.append($0) } }
            let first = findings.first
            head.append(Case(name: report.status == .fileFailed ? "File" : "Sheet", element: "error",
                             message: first?.message ?? "The file could not be processed.",
                             type: first?.code.rawValue ?? report.status.rawValue, body: findings.map(Self.line).joined(separator: "\n")))
        } else {
            let sheet = report.findings.sheetFindings().filter { failing.contains($0.severity) }
            if !sheet.isEmpty { head.append(Self.failure("Sheet", sheet)) }
            try report.findings.forEachRow { row in
                if row.findings.contains(where: { failing.contains($0.severity) }) { rowCases += 1 }
            }
        }
        var tail: [Case] = []
        if report.status == .completed {
            let unlisted = c.failingRows(strict: report.strict) - rowCases
            if unlisted > 0 {
                tail.append(Case(name: "\(CountText.of(unlisted, "more failing row")) not listed", element: "failure",
                                 message: "\(CountText.of(unlisted, "row")) not listed (--max-findings); errors.csv under --out lists them.",
                                 type: "invitesheet.rows-not-listed"))
            }
            let passing = c.rows - c.failingRows(strict: report.strict)
            if passing > 0 || head.count + rowCases + tail.count == 0 {
                tail.append(Case(name: CountText.of(passing, "valid row") + (report.strict ? " without warnings" : "")))
            }
        }
        let all = head + tail
        let tests = all.count + rowCases
        let errors = all.filter { $0.element == "error" }.count
        let failures = all.filter { $0.element == "failure" }.count + rowCases

        start()
        let name = XMLEscaping.attribute(report.input.name)
        sink.write("  <testsuite name=\"\(name)\" package=\"invitesheet\" id=\"\(nextID)\" timestamp=\"\(Self.timestamp())\" "
            + "hostname=\"\(XMLEscaping.attribute(hostname))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" "
            + "skipped=\"0\" time=\"\(Self.duration(seconds))\">\n")
        nextID += 1
        sink.write("    <properties>\n")
        property("traceId", report.traceID)
        property("sha256", report.input.sha256 ?? "")
        property("exitCode", String(report.exitCode))
        sink.write("    </properties>\n")
        for testCase in head { write(testCase, file: name) }
        if report.status == .completed {
            try report.findings.forEachRow { row in
                guard row.findings.contains(where: { failing.contains($0.severity) }) else { return }
                write(Self.failure("Row \(row.row)", row.findings), file: name)
            }
        }
        for testCase in tail { write(testCase, file: name) }
        sink.write("    <system-out>\(XMLEscaping.text(Self.systemOut(report)))</system-out>\n")
        sink.write("    <system-err></system-err>\n")
        sink.write("  </testsuite>\n")
    }

    /// A file that produced no report (its outputs could not be written, or an internal error): a
    /// suite with one test case in `<error>`.
    public func addRunFailure(file: String, message: String, seconds: Double = 0) {
        start()
        let name = XMLEscaping.attribute(file)
        sink.write("  <testsuite name=\"\(name)\" package=\"invitesheet\" id=\"\(nextID)\" timestamp=\"\(Self.timestamp())\" "
            + "hostname=\"\(XMLEscaping.attribute(hostname))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"\(Self.duration(seconds))\">\n")
        nextID += 1
        sink.write("    <properties></properties>\n")
        write(Case(name: "File", element: "error", message: message, type: "invitesheet.run-failed", body: message), file: name)
        sink.write("    <system-out></system-out>\n    <system-err></system-err>\n  </testsuite>\n")
    }

    /// Closes the document.
    public func finish() {
        start()
        sink.write("</testsuites>\n")
    }

    private func start() {
        guard !started else { return }
        started = true
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n")
    }

    private func property(_ name: String, _ value: String) {
        sink.write("      <property name=\"\(name)\" value=\"\(XMLEscaping.attribute(value))\"/>\n")
    }

    private func write(_ c: Case, file: String) {
        let open = "    <testcase name=\"\(XMLEscaping.attribute(c.name))\" classname=\"\(file)\" time=\"0.000\""
        guard let element = c.element else {
            sink.write(open + "/>\n")
            return
        }
        sink.write(open + ">\n      <\(element) message=\"\(XMLEscaping.attribute(c.message))\" type=\"\(XMLEscaping.attribute(c.type))\">"
            + XMLEscaping.text(c.body) + "</\(element)>\n    </testcase>\n")
    }

    /// A failing test case for `findings`: the message lists them, the body has a line each.
    private static func failure(_ name: String, _ findings: [Finding]) -> Case {
        let message = findings.map { (f: Finding) -> String in
            (f.columnLetter.map { $0 + ": " } ?? "") + "\(PrintableText.escaped(f.message)) [\(f.code.rawValue)]"
        }.joined(separator: "; ")
        return Case(name: name, element: "failure", message: message, type: findings.first?.code.rawValue ?? "invitesheet",
                    body: findings.map(line).joined(separator: "\n"))
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
        let message = "\(f.severity.rawValue): \(PrintableText.escaped(f.message)) [\(f.code.rawValue)] → \(PrintableText.escaped(f.hint ?? f.code.fix))"
        return text.isEmpty ? message : text + " — " + message
    }

    /// The counts, the sheet warnings that did not fail, the change lines and the trace id of one file.
    private static func systemOut(_ report: ValidationReport) -> String {
        let c = report.counts
        var lines: [String] = []
        if report.status == .completed {
            lines.append("\(CountText.of(c.rows, "row")) checked: \(CountText.number(c.validRows)) valid, "
                + "\(CountText.number(c.invalidRows)) invalid, \(CountText.number(c.rowsWithWarnings)) with warnings.")
        } else {
            lines.append("The file could not be processed (\(report.status.rawValue)).")
        }
        lines.append("Findings: \(CountText.of(c.errors, "error")), \(CountText.of(c.warnings, "warning")), \(CountText.of(c.changes, "change")).")
        if !report.strict {
            for f in report.findings.sheetFindings() where f.severity == .warning { lines.append(line(f)) }
        }
        for entry in report.changes.entries { lines.append("Changed: " + ChangeSummaryText.line(entry)) }
        if c.findingsNotShown > 0 { lines.append("\(CountText.of(c.findingsNotShown, "finding")) not listed (--max-findings).") }
        lines.append("Exit \(report.exitCode). Trace id: \(report.traceID)")
        return lines.joined(separator: "\n")
    }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC, as the schema wants it (no time zone).
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    private static func duration(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
