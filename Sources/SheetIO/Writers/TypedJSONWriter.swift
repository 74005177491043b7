/// Streams sheets as one typed JSON document:
/// `{"sheets":[{"name":"Users","visibility":"visible","rows":[{"row":1,"cells":[{"ref":"A1","type":"string","value":"Email address"}]}]}]}`.
///
/// Types are `string`, `number` (the shortest form that reads back as the stored double; `"inf"` /
/// `"-inf"` strings for infinities), `boolean`, `date` (ISO 8601), `duration` (ISO 8601 `PT…S`),
/// `error` (`#N/A`) and `formula` (a formula saved without its result; `value` is null).
/// docs/values.md has the details. Empty cells, and rows with none but empty cells, are left out.
/// Call `beginSheet`, `writeRow` for each row, `endSheet`, then `finish()` and commit the sink.
public final class TypedJSONWriter {
    private let json: JSONWriter
    private let sink: ByteSink
    private var inSheet = false

    public init(sink: ByteSink) {
        self.sink = sink
        self.json = JSONWriter(sink: sink)
        json.beginObject()
        json.key("sheets")
        json.beginArray()
    }

    /// Starts a sheet's object and its `rows` array.
    public func beginSheet(name: String, visibility: SheetInfo.Visibility = .visible) {
        precondition(!inSheet, "beginSheet while a sheet is open")
        inSheet = true
        json.beginObject()
        json.key("name"); json.value(name)
        json.key("visibility"); json.value(visibility.rawValue)
        json.key("rows")
        json.beginArray()
    }

    /// Writes one row of the open sheet.
    public func writeRow(_ row: Row) {
        guard TypedCellJSON.hasValues(row) else { return }
        json.beginObject()
        json.key("row"); json.value(row.number)
        json.key("cells")
        TypedCellJSON.writeCells(of: row, to: json)
        json.endObject()
    }

    public func endSheet() {
        precondition(inSheet, "endSheet without beginSheet")
        inSheet = false
        json.endArray()
        json.endObject()
    }

    /// Closes the document (and a sheet left open) and ends it with a line break.
    public func finish() {
        if inSheet { endSheet() }
        json.endArray()
        json.endObject()
        json.endLine()
    }
}
