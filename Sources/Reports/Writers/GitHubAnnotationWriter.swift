import SheetIO
import UserList

/// Renders a report as GitHub Actions workflow commands, so a CI run marks the exact row that is
/// wrong, errors first (GitHub shows only the first few annotations of each kind per step):
///
/// - each sheet- or file-wide finding on its own (errors, then warnings);
/// - one annotation per invalid row, its findings joined (`::error`), then one per row with only
///   warnings (`::warning`): `C: message (what to do) [code]`, one per line;
/// - one `::notice` per kind of change: the summary line with a count and one example;
/// - one plain summary line for the file.
///
///     ::error file=lists/users.xlsx,line=7,title=Row 7: 1 error::A: A public officer's email … (Use …) [email.domain-not-government]
///     ::notice file=lists/users.xlsx,line=3,title=change.normalised::Contact number: 37 rows written in international form, e.g. row 3 "8334 7536" → +6583347536
///     invitesheet: lists/users.xlsx: 20 rows checked: 19 valid, 1 invalid; 1 error, 0 warnings, 37 changes (exit 1, trace id …)
///
/// `line` is the spreadsheet row the user sees in Excel; `col` (1-based) is given for a sheet-wide
/// finding about one column. Cell values are left out of the error and warning annotations (CI
/// logs are often readable by many more people than the spreadsheet); a change line shows its one
/// example, as the terminal does.
///
/// Escaping follows GitHub's toolkit (`escapeData` / `escapeProperty`), so a hostile cell or file
/// name cannot end the command early or start a new one.
public struct GitHubAnnotationWriter {
    public init() {}

    /// Writes the annotations and the summary line into `sink` (the caller commits it).
    public func write(_ report: ValidationReport, to sink: ByteSink) throws {
        let file = report.input.name
        for f in report.findings.sheetFindings() { sink.write(Self.command(for: f, file: file) + "\n") }
        try report.findings.forEachRow { sink.write(Self.command(for: $0, file: file) + "\n") }
        for entry in report.changes.entries { sink.write(Self.notice(for: entry, file: file) + "\n") }
        sink.write(Self.summary(report) + "\n")
    }

    /// The annotation for a file that produced no report (its outputs could not be written, or an
    /// internal error): an `::error` on the file, so the run still points at it.
    public static func runFailure(file: String, message: String) -> String {
        "::error file=\(escapeProperty(file)),title=\(escapeProperty("invitesheet"))::\(escapeData(message))"
    }

    /// `::error file=PATH,line=ROW,col=N,title=CODE::message (what to do)`, for one finding.
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

    /// `::error file=PATH,line=ROW,title=Row 7: 2 errors, 1 warning::A: message (what to do) [code]` and
    /// the row's other findings on the following lines of the message.
    public static func command(for row: FindingList.RowFindings, file: String) -> String {
        let errors = row.findings.filter { $0.severity == .error }.count
        let warnings = row.findings.count - errors
        var title = "Row \(row.row): "
        if errors > 0 { title += CountText.of(errors, "error") + (warnings > 0 ? ", " : "") }
        if warnings > 0 { title += CountText.of(warnings, "warning") }
        let text = row.findings.map(line).joined(separator: "\n")
        let properties = ["file=" + escapeProperty(file), "line=\(row.row)", "title=" + escapeProperty(title)]
        return "::\(row.hasErrors ? "error" : "warning") \(properties.joined(separator: ","))::\(escapeData(text))"
    }

    /// `A: message (what to do) [code]`.
    static func line(_ f: Finding) -> String {
        (f.columnLetter.map { $0 + ": " } ?? "") + "\(f.message) (\(f.hint ?? f.code.fix)) [\(f.code.rawValue)]"
    }

    /// `::notice file=PATH,line=ROW,title=CODE::Contact number: 37 rows written …, e.g. row 3 "…" → …`.
    public static func notice(for entry: ChangeSummary.Entry, file: String) -> String {
        var properties = ["file=" + escapeProperty(file)]
        if let row = entry.example.row { properties.append("line=\(row)") }
        properties.append("title=" + escapeProperty(entry.code.rawValue))
        return "::notice \(properties.joined(separator: ","))::\(escapeData(ChangeSummaryText.line(entry)))"
    }

    /// The workflow command for a severity: changes are applied clean-ups, shown as notices.
    public static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .change: return "notice"
        }
    }

    /// `invitesheet: FILE: 20 rows checked: …; 1 error, 0 warnings, 1 change (exit 1, trace id …)`. It
    /// starts with `invitesheet:`, never `::`, so GitHub prints it as it is.
    public static func summary(_ report: ValidationReport) -> String {
        "invitesheet: " + TextSummaryWriter.resultLine(report)
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
}
