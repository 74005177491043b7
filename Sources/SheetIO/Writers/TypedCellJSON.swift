/// The JSON object for one cell, shared by `TypedJSONWriter` and `JSONLinesWriter`:
/// `{"ref":"F2","type":"number","value":91234567}`; a formula saved without its result is
/// `{"ref":"A2","type":"formula","value":null}`.
enum TypedCellJSON {
    /// Writes the row's non-empty cells as an array of cell objects.
    static func writeCells(of row: Row, to json: JSONWriter) {
        json.beginArray()
        for cell in row.cells where !cell.value.isEmpty {
            json.beginObject()
            json.key("ref")
            json.value(CellReference.a1(column: cell.column, row: row.number))
            switch cell.value {
            case .empty:
                break
            case .text(let s):
                json.key("type"); json.value("string")
                json.key("value"); json.value(s)
            case .number(let d) where d.isFinite:
                json.key("type"); json.value("number")
                json.key("value"); json.value(d)
            case .number(let d) where d.isInfinite:
                // JSON has no infinity: a number beyond the double range is the string "inf" / "-inf".
                json.key("type"); json.value("number")
                json.key("value"); json.value(d < 0 ? "-inf" : "inf")
            case .number:
                // JSON has no NaN; Excel shows such a result as #NUM!.
                json.key("type"); json.value("error")
                json.key("value"); json.value("#NUM!")
            case .boolean(let b):
                json.key("type"); json.value("boolean")
                json.key("value"); json.value(b)
            case .date(let d):
                json.key("type"); json.value("date")
                json.key("value"); json.value(d.iso8601)
            case .duration(let d):
                json.key("type"); json.value("duration")
                json.key("value"); json.value(d.iso8601)
            case .error(let e):
                json.key("type"); json.value("error")
                json.key("value"); json.value(e)
            case .formulaWithoutResult:
                // The file holds a formula but not its result: say so rather than look empty.
                json.key("type"); json.value("formula")
                json.key("value"); json.null()
            }
            json.endObject()
        }
        json.endArray()
    }

    /// True when the row has a cell worth writing.
    static func hasValues(_ row: Row) -> Bool { row.cells.contains { !$0.value.isEmpty } }
}
