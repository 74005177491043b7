/// Writes JSON Lines: one compact JSON object per line, such as
/// `{"sheet":"Users","row":2,"cells":[{"ref":"A2","type":"string","value":"jane@tech.gov.sg"}]}`.
public final class JSONLinesWriter {
    private let json: JSONWriter

    public init(sink: ByteSink) { self.json = JSONWriter(sink: sink) }

    /// Writes a sheet row with its typed cells (as `TypedJSONWriter` does); blank rows are skipped.
    public func writeRow(_ row: Row, sheet: String) {
        guard TypedCellJSON.hasValues(row) else { return }
        json.beginObject()
        json.key("sheet"); json.value(sheet)
        json.key("row"); json.value(row.number)
        json.key("cells")
        TypedCellJSON.writeCells(of: row, to: json)
        json.endObject()
        json.endLine()
    }

    /// Writes a record of string members in the given order; a nil value is written as `null`.
    public func writeJSONObjectLine(_ pairs: [(String, String?)]) {
        json.beginObject()
        for (k, v) in pairs {
            json.key(k)
            json.value(v)
        }
        json.endObject()
        json.endLine()
    }
}
