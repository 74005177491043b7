import SheetIO
import UserList

/// Writes validation results as a SARIF 2.1.0 log for code-scanning dashboards: one run whose
/// driver is invitesheet, one result per error and warning from every file (errors first), one
/// `note` per kind of change (its summary line), and the finding codes that occur as its rules
/// (meaning as description, fix as help).
///
/// Results are streamed as each file's report is added, so a long file's findings are never held
/// together; the rules are written after the results (JSON members are unordered), once every
/// code that occurs is known.
///
/// A result's region is the spreadsheet row the user sees in Excel (`startLine`) and the 1-based
/// column number (`startColumn`); findings about the whole file or sheet have no region. Cell
/// values are left out of error and warning results (they are personal data) — only a change note
/// shows its one example, as the terminal does; `properties` carry the column letter, header,
/// field and stage.
public final class SARIFLogWriter {
    /// The `$schema` of a SARIF 2.1.0 log (OASIS, errata 01).
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    private let json: JSONWriter
    private let toolVersion: String
    private var started = false
    private var codes: [String: FindingCode] = [:]
    private var runFailures: [(file: String, message: String)] = []

    /// A log written into `sink` (the caller commits it, as often as it likes).
    public init(sink: ByteSink, toolVersion: String) {
        self.json = JSONWriter(sink: sink)
        self.toolVersion = toolVersion
    }

    /// Writes a result for each error and warning the report lists (errors first, at most
    /// `--max-findings`), then one `note` per kind of change: its summary line, at its example's row.
    public func add(_ report: ValidationReport) throws {
        start()
        let uri = Self.uri(forPath: report.input.name)
        try report.findings.forEach { f in
            codes[f.code.rawValue] = f.code
            writeResult(f, uri: uri)
        }
        for entry in report.changes.entries {
            codes[entry.code.rawValue] = entry.code
            writeNote(entry, uri: uri)
        }
    }

    /// Records a file that produced no report (its outputs could not be written, or an internal
    /// error): a tool execution notification, and the invocation is marked unsuccessful.
    public func addRunFailure(file: String, message: String) {
        start()
        runFailures.append((file, message))
    }

    /// Closes the results and writes the invocation and the tool with its rules.
    public func finish() {
        start()
        json.endArray()  // results
        json.key("invocations")
        json.beginArray()
        json.beginObject()
        json.key("executionSuccessful"); json.value(runFailures.isEmpty)
        json.key("toolExecutionNotifications")
        json.beginArray()
        for failure in runFailures {
            json.beginObject()
            json.key("level"); json.value("error")
            json.key("message"); text(failure.message)
            json.key("locations")
            json.beginArray()
            json.beginObject()
            json.key("physicalLocation")
            json.beginObject()
            json.key("artifactLocation"); artifact(Self.uri(forPath: failure.file))
            json.endObject()
            json.endObject()
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.key("name"); json.value("invitesheet")
        json.key("version"); json.value(toolVersion)
        json.key("semanticVersion"); json.value(toolVersion)
        json.key("rules")
        json.beginArray()
        for code in codes.keys.sorted() { writeRule(codes[code]!) }
        json.endArray()
        json.endObject()
        json.endObject()
        json.endObject()  // run
        json.endArray()  // runs
        json.endObject()
        json.endLine()
    }

    /// The SARIF level of a severity: changes are applied clean-ups, so notes.
    public static func level(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .change: return "note"
        }
    }

    /// A path as a SARIF artifact URI: a relative path stays relative (to the repository, in CI) and
    /// an absolute one becomes a `file://` URI; anything but unreserved characters and `/` is
    /// percent-encoded, so spaces and `#` in file names survive.
    public static func uri(forPath path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    private func start() {
        guard !started else { return }
        started = true
        json.beginObject()
        json.key("$schema"); json.value(Self.schema)
        json.key("version"); json.value("2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()
        json.key("columnKind"); json.value("unicodeCodePoints")
        json.key("results")
        json.beginArray()
    }

    private func writeResult(_ f: Finding, uri: String) {
        json.beginObject()
        json.key("ruleId"); json.value(f.code.rawValue)
        json.key("level"); json.value(Self.level(for: f.severity))
        json.key("message"); text("\(f.message) (\(f.hint ?? f.code.fix))")
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation"); artifact(uri)
        if let row = f.row {
            json.key("region")
            json.beginObject()
            json.key("startLine"); json.value(row)
            if let column = f.column { json.key("startColumn"); json.value(column + 1) }
            json.endObject()
        }
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("properties")
        json.beginObject()
        json.key("stage"); json.value(f.stage.rawValue)
        if let letter = f.columnLetter { json.key("column"); json.value(letter) }
        if let header = f.header { json.key("header"); json.value(header) }
        if let field = f.field { json.key("field"); json.value(field) }
        json.endObject()
        json.endObject()
    }

    private func writeNote(_ entry: ChangeSummary.Entry, uri: String) {
        json.beginObject()
        json.key("ruleId"); json.value(entry.code.rawValue)
        json.key("level"); json.value("note")
        json.key("message"); text(ChangeSummaryText.line(entry))
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation"); artifact(uri)
        if let row = entry.example.row {
            json.key("region")
            json.beginObject()
            json.key("startLine"); json.value(row)
            json.endObject()
        }
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("properties")
        json.beginObject()
        if let field = entry.field { json.key("field"); json.value(field.rawValue) }
        json.key("count"); json.value(entry.count)
        json.endObject()
        json.endObject()
    }

    private func writeRule(_ code: FindingCode) {
        json.beginObject()
        json.key("id"); json.value(code.rawValue)
        json.key("shortDescription"); text(code.meaning)
        json.key("fullDescription"); text(code.meaning)
        json.key("help"); text(code.fix)
        json.key("defaultConfiguration")
        json.beginObject()
        json.key("level"); json.value(Self.level(for: code.severity))
        json.endObject()
        json.key("properties")
        json.beginObject()
        json.key("scope"); json.value(code.scope.rawValue)
        json.endObject()
        json.endObject()
    }

    private func text(_ message: String) {
        json.beginObject()
        json.key("text"); json.value(message)
        json.endObject()
    }

    private func artifact(_ uri: String) {
        json.beginObject()
        json.key("uri"); json.value(uri)
        json.endObject()
    }
}
