import SheetIO
import UserList

/// Renders a report as `report.json` (schema: `docs/report.schema.json`): compact JSON, one object,
/// counts and the change summary before the findings. The findings are every error and warning
/// (errors first; at most `--max-findings`), streamed from the report's list, never held together;
/// changes are counted by code and summarised, and listed cell by cell only in `changes.csv`.
public struct ReportJSONWriter {
    /// Bumped when a field is removed or changes meaning; adding fields keeps the version.
    /// 2: `findings` holds errors and warnings only, errors first (changes moved to `changeSummary`
    /// and `changes.csv`); `findingsShown`/`findingsNotShown` count errors and warnings.
    public static let reportVersion = 2

    public init() {}

    /// Writes the report and a final line break into `sink` (the caller commits it).
    public func write(_ report: ValidationReport, to sink: ByteSink) throws {
        let json = JSONWriter(sink: sink)
        json.beginObject()
        json.key("reportVersion"); json.value(Self.reportVersion)
        json.key("traceId"); json.value(report.traceID)
        json.key("input")
        json.beginObject()
        json.key("name"); json.value(report.input.name)
        json.key("sha256"); json.value(report.input.sha256)
        json.key("bytes"); optional(report.input.bytes, json)
        json.endObject()
        json.key("corrects")
        if let original = report.corrects {
            json.beginObject()
            json.key("name"); json.value(original.name)
            json.key("sha256"); json.value(original.sha256)
            json.key("traceId"); json.value(original.traceID)
            json.endObject()
        } else {
            json.null()
        }
        json.key("sheet"); json.value(report.sheet)
        json.key("templateVersion"); optional(report.templateVersion, json)
        json.key("status"); json.value(report.status.rawValue)
        json.key("strict"); json.value(report.strict)
        json.key("exitCode"); json.value(Int(report.exitCode))
        json.key("counts"); writeCounts(report.counts, json)
        json.key("changeSummary"); writeChanges(report.changes, json)
        json.key("notes")
        json.beginArray()
        report.notes.forEach { json.value($0) }
        json.endArray()
        json.key("findings")
        json.beginArray()
        try report.findings.forEach { writeFinding($0, json) }
        json.endArray()
        json.endObject()
        json.endLine()
    }

    private func optional(_ number: Int?, _ json: JSONWriter) {
        if let number { json.value(number) } else { json.null() }
    }

    private func writeCounts(_ c: ReportCounts, _ json: JSONWriter) {
        json.beginObject()
        json.key("rows"); json.value(c.rows)
        json.key("validRows"); json.value(c.validRows)
        json.key("invalidRows"); json.value(c.invalidRows)
        json.key("rowsWithWarnings"); json.value(c.rowsWithWarnings)
        json.key("blankRows"); json.value(c.blankRows)
        json.key("errors"); json.value(c.errors)
        json.key("warnings"); json.value(c.warnings)
        json.key("changes"); json.value(c.changes)
        json.key("findings"); json.value(c.findings)
        json.key("findingsShown"); json.value(c.findingsShown)
        json.key("findingsNotShown"); json.value(c.findingsNotShown)
        json.key("byCode")
        json.beginObject()
        for code in c.byCode.keys.sorted() {
            json.key(code); json.value(c.byCode[code]!)
        }
        json.endObject()
        json.endObject()
    }

    /// One object per kind of change (code and field): how many cells, and the first as an example.
    private func writeChanges(_ changes: ChangeSummary, _ json: JSONWriter) {
        json.beginArray()
        for entry in changes.entries {
            json.beginObject()
            json.key("code"); json.value(entry.code.rawValue)
            json.key("field"); json.value(entry.field?.rawValue)
            json.key("count"); json.value(entry.count)
            json.key("example")
            json.beginObject()
            json.key("row"); optional(entry.example.row, json)
            json.key("before"); json.value(entry.example.before)
            json.key("after"); json.value(entry.example.after)
            json.endObject()
            json.key("summary"); json.value(ChangeSummaryText.line(entry))
            json.endObject()
        }
        json.endArray()
    }

    /// One finding: where (stage, row, the original file's row, column letter, field, header), what (value, code, severity,
    /// message) and what to do (hint; the code's fix text when the finding has no hint of its own).
    private func writeFinding(_ f: Finding, _ json: JSONWriter) {
        json.beginObject()
        json.key("stage"); json.value(f.stage.rawValue)
        json.key("row"); optional(f.row, json)
        json.key("sourceRow"); optional(f.sourceRow, json)
        json.key("column"); json.value(f.columnLetter)
        json.key("field"); json.value(f.field)
        json.key("header"); json.value(f.header)
        json.key("value"); json.value(f.value)
        json.key("code"); json.value(f.code.rawValue)
        json.key("severity"); json.value(f.severity.rawValue)
        json.key("message"); json.value(f.message)
        json.key("hint"); json.value(f.hint ?? f.code.fix)
        json.endObject()
    }
}
