import SheetIO
import UserList

/// Renders a report for people: errors first, then warnings, each grouped by the spreadsheet row
/// the user sees in Excel (`Row 7`) with its column letter and header, the value, the message and
/// what to do; then one line per kind of change; then the counts, the result and the trace id.
/// Colour (ANSI) only when asked for: see `useColour`.
/// A corrections workbook's rows are named by their row in the original file, which the heading
/// names (`fixed.xlsx — corrects users.xlsx (trace id …)`; `Row 39 (row 17 of this file)`).
///
///     users.xlsx — sheet "Users", template version 2
///
///     Errors
///
///     Row 7
///       error    A Email address: "jane@gmail.com"
///                A public officer's email must be a government address. [email.domain-not-government]
///                → Use the officer's agency address, such as name@tech.gov.sg.
///
///     Changes made (changes.csv under --out lists every cell)
///       Contact number: 1 row written in international form, e.g. row 7 "9123 4567" → +6591234567 [change.normalised]
///
///     20 rows checked: 19 valid, 1 invalid.
///     Findings: 1 error, 0 warnings, 1 change.
///     Result: 1 row needs fixing; the 19 valid rows were accepted. (exit 1)
///     Trace id: 3f9c0a7d12e4b856
public struct TextSummaryWriter {
    public var colour: Bool
    /// Longest value shown, in characters; longer ones are cut with `…`.
    public var valueLimit = 80
    /// Most findings printed (errors first); a terminal is for reading, the files under `--out`
    /// hold every finding. The change lines never count against it.
    public var maxShown: Int?
    /// Show errors only: no warnings, no change lines (the counts still say how many there were).
    public var errorsOnly = false

    public init(colour: Bool = false) { self.colour = colour }

    /// Whether to colour output to a stream: only a terminal, and never when `NO_COLOR` is set to
    /// anything but the empty string (https://no-color.org), or `TERM` is `dumb`.
    public static func useColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// Writes the summary into `sink`.
    public func write(_ report: ValidationReport, to sink: ByteSink) throws {
        var heading = bold(PrintableText.escaped(report.input.name))
        var about: [String] = []
        if let original = report.corrects {
            about.append("corrects \(PrintableText.escaped(original.name)) (trace id \(PrintableText.escaped(original.traceID)))")
        }
        if let sheet = report.sheet { about.append("sheet \"\(PrintableText.escaped(sheet))\"") }
        if let version = report.templateVersion { about.append("template version \(version)") }
        if !about.isEmpty { heading += " — " + about.joined(separator: ", ") }
        sink.write(heading + "\n")
        for note in report.notes { sink.write("  note: \(PrintableText.escaped(note))\n") }

        var group: String?
        var section: Severity?
        var shown = 0
        var notShownHere = 0
        var warningsHidden = 0
        try report.findings.forEach { f in
            if errorsOnly && f.severity != .error {
                warningsHidden += 1
                return
            }
            if let maxShown, shown >= maxShown {
                notShownHere += 1
                return
            }
            shown += 1
            if f.severity != section {
                section = f.severity
                group = nil
                sink.write("\n" + bold(f.severity == .error ? "Errors" : "Warnings") + "\n")
            }
            let label = Self.group(of: f, corrects: report.corrects)
            if label != group {
                sink.write("\n" + bold(label) + "\n")
                group = label
            }
            write(f, to: sink)
        }
        if notShownHere > 0 {
            sink.write("\n… \(CountText.of(notShownHere, "more finding")) not shown here (--show-findings); report.json and errors.csv under --out list them all.\n")
        }
        let hidden = report.counts.findingsNotShown
        if hidden > 0 {
            sink.write("\n… \(CountText.of(hidden, "more finding")) not shown (--max-findings); report.json and errors.csv have the same limit.\n")
        }
        if errorsOnly {
            let c = report.counts
            if c.warnings + c.changes > 0 {
                sink.write("\n(\(CountText.of(c.warnings, "warning")) and \(CountText.of(c.changes, "change")) not shown: --errors-only.)\n")
            }
        } else if !report.changes.isEmpty {
            sink.write("\n" + bold("Changes made") + " (changes.csv under --out lists every cell)\n")
            for entry in report.changes.entries {
                sink.write("  " + ChangeSummaryText.line(entry) + " " + dim("[\(entry.code.rawValue)]") + "\n")
            }
        }
        sink.write("\n")
        writeCounts(report, to: sink)
    }

    /// The one line `--quiet` prints for a file, and the CI formats end a file with:
    /// `users.xlsx: 20 rows checked: 19 valid, 1 invalid; 1 error, 0 warnings, 1 change (exit 1, trace id …)`.
    public static func resultLine(_ report: ValidationReport) -> String {
        let c = report.counts
        var parts: [String] = []
        switch report.status {
        case .completed:
            parts.append("\(CountText.of(c.rows, "row")) checked: \(CountText.number(c.validRows)) valid, \(CountText.number(c.invalidRows)) invalid")
        default:
            parts.append("could not be processed")
        }
        parts.append("\(CountText.of(c.errors, "error")), \(CountText.of(c.warnings, "warning")), \(CountText.of(c.changes, "change"))")
        if c.findingsNotShown > 0 { parts.append("\(CountText.number(c.findingsNotShown)) not listed (--max-findings)") }
        return "\(PrintableText.escaped(report.input.name)): \(parts.joined(separator: "; ")) (exit \(report.exitCode), trace id \(report.traceID))"
    }

    /// `File`, `Sheet` or `Row 7`; in a corrections workbook the original row first, `Row 39 (row 17
    /// of this file)`, or `Row 17 of this file (not in users.xlsx)` for a row added to it.
    static func group(of f: Finding, corrects original: OriginalFile? = nil) -> String {
        switch f.stage {
        case .file: return "File"
        case .structure: return "Sheet"
        default:
            guard let row = f.row else { return "Sheet" }
            guard let original else { return "Row \(row)" }
            guard let sourceRow = f.sourceRow else { return "Row \(row) of this file (not in \(PrintableText.escaped(original.name)))" }
            return "Row \(sourceRow) (row \(row) of this file)"
        }
    }

    private func write(_ f: Finding, to sink: ByteSink) {
        sink.write(lines(for: f))
    }

    /// One finding as the summary lists it: severity, where it is and the value; the message and its
    /// code; what to do. `place` names where it is instead of the column letter and header (`invite`
    /// names the option: `--username: "lim..jh"`).
    public func lines(for f: Finding, place: String? = nil) -> String {
        let name = f.severity.rawValue
        let severity = name + String(repeating: " ", count: max(0, 8 - name.count))
        var first: String
        if let place {
            first = PrintableText.escaped(place)
        } else {
            var parts: [String] = []
            if let letter = f.columnLetter {
                parts.append(f.stage == .structure && f.row != nil ? "\(letter)\(f.row!)" : letter)
            }
            if let header = f.header { parts.append(HeaderName.plain(PrintableText.escaped(header))) }
            first = parts.joined(separator: " ")
        }
        if let value = f.value {
            let shown = "\"" + PrintableText.escaped(value, limit: valueLimit) + "\""
            first = first.isEmpty ? shown : first + ": " + shown
        }
        let indent = "           "
        let message = PrintableText.escaped(f.message) + " " + dim("[\(f.code.rawValue)]")
        var text: String
        if first.isEmpty {
            text = "  " + paint(severity, f.severity) + " " + message + "\n"
        } else {
            text = "  " + paint(severity, f.severity) + " " + first + "\n"
            text += indent + message + "\n"
        }
        text += indent + "→ " + PrintableText.escaped(f.hint ?? f.code.fix) + "\n"
        return text
    }

    private func writeCounts(_ report: ValidationReport, to sink: ByteSink) {
        let c = report.counts
        if report.status == .completed {
            var line = "\(CountText.of(c.rows, "row")) checked: \(CountText.number(c.validRows)) valid, \(CountText.number(c.invalidRows)) invalid"
            if c.rowsWithWarnings > 0 { line += ", \(CountText.number(c.rowsWithWarnings)) with warnings" }
            if c.blankRows > 0 { line += " (\(CountText.of(c.blankRows, "blank row")) skipped)" }
            sink.write(line + ".\n")
        }
        sink.write("Findings: \(CountText.of(c.errors, "error")), \(CountText.of(c.warnings, "warning")), \(CountText.of(c.changes, "change")).\n")
        let result: String
        switch report.exitCode {
        case ExitStatus.ok:
            result = c.rows > 0 ? paint("every row is valid", .change, ok: true) + " and was accepted" : "no user rows to check"
        case ExitStatus.rowsInvalid where c.invalidRows == 0 && c.errors == 0:
            result = paint("warnings count as failures (--strict)", .warning)
        case ExitStatus.rowsInvalid:
            let need = c.invalidRows == 1 ? "1 row needs fixing" : "\(CountText.number(c.invalidRows)) rows need fixing"
            result = paint(need, .error) + (c.validRows > 0 ? "; the \(CountText.of(c.validRows, "valid row")) \(c.validRows == 1 ? "was" : "were") accepted" : "")
        default:
            result = paint("the file could not be processed", .error) + "; fix the problem above and try again"
        }
        sink.write("Result: \(result). (exit \(report.exitCode))\n")
        sink.write("Trace id: \(report.traceID)\n")
    }

    private func paint(_ text: String, _ severity: Severity, ok: Bool = false) -> String {
        guard colour else { return text }
        let code: String
        if ok { code = "32" } else {
            switch severity {
            case .error: code = "31"
            case .warning: code = "33"
            case .change: code = "36"
            }
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
