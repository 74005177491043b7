import SheetIO
import UserList

/// Writes the rows that passed (no error; warnings and changes allowed), as they arrive:
/// `accepted.csv` and `accepted.jsonl`, with the normalised values (E.164 phone, `Yes`,
/// `Public officer`) keyed by field key, and the spreadsheet row they came from (`sourceRow`: for a
/// corrections workbook, the row in its original file; empty or `null` for a row added to it).
///
/// - `accepted.csv`: header `email,userType,…,offshoreCompany,sourceRow` (field keys in template
///   order, stable across template versions and header aliases), empty for a blank field. Values
///   that a spreadsheet would run as a formula get a leading `'`, except `contactNumber`, whose
///   E.164 form (`+6591234567`) is digits after the `+` and must stay exact.
/// - `accepted.jsonl`: one object per row, `{"sourceRow":7,"email":"…",…}`, every field key present,
///   `null` for a blank field. JSON is not a spreadsheet, so nothing is neutralised.
public final class AcceptedWriter {
    /// The CSV header: field keys in template order, then `sourceRow`.
    public static let csvHeader: [String] = FieldKey.allCases.map(\.rawValue) + ["sourceRow"]

    private let csvSink: ByteSink?
    private let csv: CSVWriter?
    private let jsonSink: ByteSink?
    private let json: JSONWriter?
    /// Rows written.
    public private(set) var count = 0

    /// Writes the CSV header at once; either sink may be nil to write only the other format.
    public init(csv csvSink: ByteSink?, jsonLines jsonSink: ByteSink?) {
        self.csvSink = csvSink
        self.jsonSink = jsonSink
        csv = csvSink.map { CSVWriter(sink: $0, byteOrderMark: true) }
        json = jsonSink.map { JSONWriter(sink: $0) }
        csv?.writeRow(Self.csvHeader)
    }

    /// Writes the row if it is valid; ignores it otherwise.
    public func add(_ outcome: RowOutcome) {
        guard outcome.isValid else { return }
        count += 1
        if let csv {
            for key in FieldKey.allCases {
                let value = outcome.values[key] ?? ""
                let first = key == FieldKey.allCases.first
                if key != .contactNumber && FormulaNeutraliser.startsFormula(value) {
                    csv.writeField(FormulaNeutraliser.neutralised(value), first: first)
                } else {
                    csv.writeField(value, first: first)
                }
            }
            csv.writeField(outcome.sourceRow.map(String.init) ?? "", first: false)
            csv.endRow()
        }
        if let json {
            json.beginObject()
            json.key(Self.sourceRowKey)
            if let sourceRow = outcome.sourceRow { json.value(sourceRow) } else { json.null() }
            for key in FieldKey.allCases {
                json.key(Self.jsonKeys[key]); json.value(outcome.values[key])
            }
            json.endObject()
            json.endLine()
        }
    }

    private static let sourceRowKey = JSONKey("sourceRow")
    private static let jsonKeys: FieldValues<JSONKey> = {
        var keys = FieldValues<JSONKey>(repeating: JSONKey(""))
        for key in FieldKey.allCases { keys[key] = JSONKey(key.rawValue) }
        return keys
    }()

    /// Writes out and renames both files into place.
    public func commit() throws {
        try csvSink?.commit()
        try jsonSink?.commit()
    }
}
