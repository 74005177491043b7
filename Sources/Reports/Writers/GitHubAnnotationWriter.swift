import SheetIO
import UserList

/// Renders a report as GitHub Actions workflow commands, so a CI run marks the exact row that is
/// wrong: one command per finding (errors `::error`, warnings `::warning`, changes `::notice`),
/// then one plain summary line for the file.
///
///     ::error file=lists/users.xlsx,line=7,col=1,title=email.domain-not-government::A public officer's email … (Use …)
///     invitesheet: lists/users.xlsx: 20 rows checked: 19 valid, 1 invalid; 1 error, 0 warnings, 1 change (exit 1)
///
/// `line` is the spreadsheet row the user sees in Excel and `col` the 1-based column number; both
/// are left out for findings about the whole file or sheet. Cell values are never printed: CI logs
/// are often readable by many more people than the spreadsheet.
///
/// Escaping follows GitHub's toolkit (`escapeData` / `escapeProperty`), so a hostile cell or file
/// name cannot end the command early or start a new one.
public struct GitHubAnnotationWriter {
    public init() {}

    /// Writes one command per shown finding and the summary line into `sink` (the caller commits it).
    public func write(_ report: ValidationReport, to sink: ByteSink) throws {
        let file = report.input.name
        try report.findings.forEach { sink.write(Self.command(for: $0, file: file) + "\n") }
        sink.write(Self.summary(report) + "\n")
    }

    /// The annotation for a file that produced no report (its outputs could not be written, or an
    /// internal error): an `::error` on the file, so the run still points at it.
    public static func runFailure(file: String, message: String) -> String {
        "::error file=\(escapeProperty(file)),title=\(escapeProperty("invitesheet"))::\(escapeData(message))"
    }

    /// `::error file=PATH,line=ROW,col=N,title=CODE::message (what to do)`.
    public static func command(for f: Finding, file: String) -> String {
        var properties = ["file=" + escapeProperty(file)]
        if let row = f.row {
            properties.append("line=\(row)")
            if let column = f.column { properties.append("col=\(column + 1)") }
        }
        properties.append("title=" + escapeProperty(f.code.rawValue))
        let text = "\(f.message) (\(f.hint ?? f.code.fix))"
        return "::\(command(for: f.severity)) \(properties.joined(separator: ","))::\(escapeData(text))"
    }

    /// The workflow command for a severity: changes are applied clean-ups, shown as notices.
    public static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .change: return "notice"
        }
    }

    /// `invitesheet: FILE: 20 rows checked: …; 1 error, 0 warnings, 1 change (exit 1)`. It starts with
    /// `invitesheet:`, never `::`, so GitHub prints it as it is.
    public static func summary(_ report: ValidationReport) -> String {
        let c = report.counts
        var parts: [String] = []
        switch report.status {
        case .completed:
            parts.append("\(plural(c.rows, "row")) checked: \(c.validRows) valid, \(c.invalidRows) invalid")
        default:
            parts.append("could not be processed")
        }
        parts.append("\(plural(c.errors, "error")), \(plural(c.warnings, "warning")), \(plural(c.changes, "change"))")
        if c.findingsNotShown > 0 { parts.append("\(c.findingsNotShown) not annotated (--max-findings)") }
        return "invitesheet: \(PrintableText.escaped(report.input.name)): \(parts.joined(separator: "; ")) (exit \(report.exitCode), trace id \(report.traceID))"
    }

    /// A command's message: `%`, CR and LF percent-encoded (GitHub decodes them back), and any other
    /// control or bidi-control character shown as an escape so it cannot drive the log viewer.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s.value {
            case 0x25: out += "%25"
            case 0x0D: out += "%0D"
            case 0x0A: out += "%0A"
            case 0x09: out.unicodeScalars.append(s)
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// A command property's value: as `escapeData`, and `:` and `,`, which end a property.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for ch in escapeData(text).unicodeScalars {
            switch ch {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    private static func plural(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
