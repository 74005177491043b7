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
    /// Rows written.
    public private(set) var count = 0

    /// Writes the CSV header at once; either sink may be nil to write only the other format.
    public init(csv csvSink: ByteSink?, jsonLines jsonSink: ByteSink?) {
        self.csvSink = csvSink
        self.jsonSink = jsonSink
        csv = csvSink.map { CSVWriter(sink: $0, byteOrderMark: true) }
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
        if let jsonSink {
            // One flat object per line, written straight to the sink: the keys are fixed, so
            // only the values need escaping (`JSONWriter` would track nesting for every member).
            jsonSink.write(Self.sourceRowKey)
            if let sourceRow = outcome.sourceRow { jsonSink.write(String(sourceRow)) } else { jsonSink.write(Self.null) }
            for key in FieldKey.allCases {
                jsonSink.write(Self.jsonKeys[key])
                if let value = outcome.values[key] { JSONEscaping.writeString(value, to: jsonSink) } else { jsonSink.write(Self.null) }
            }
            jsonSink.write(UInt8(ascii: "}"))
            jsonSink.write(UInt8(ascii: "\n"))
        }
    }

    /// `{"sourceRow":`, then `,"email":` and so on: each member's opening bytes, made once.
    private static let sourceRowKey: [UInt8] = Array("{\(JSONEscaping.quoted("sourceRow")):".utf8)
    private static let jsonKeys: FieldValues<[UInt8]> = {
        var keys = FieldValues<[UInt8]>(repeating: [])
        for key in FieldKey.allCases { keys[key] = Array(",\(JSONEscaping.quoted(key.rawValue)):".utf8) }
        return keys
    }()
    private static let null: [UInt8] = Array("null".utf8)

    /// The files written, for committing them with others (`ByteSink.commit(_:)`).
    public var sinks: [ByteSink] { [csvSink, jsonSink].compactMap { $0 } }

    /// Writes out and renames both files into place.
    public func commit() throws {
        try csvSink?.commit()
        try jsonSink?.commit()
    }
}
