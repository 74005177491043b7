import SheetIO
import UserList

/// Writes `changes.csv` as the rows arrive: one line per automatic clean-up, so every change is
/// on record cell by cell without filling the report or the terminal.
///
///     row,column,field,before,after,code,sourceRow
///     3,F,contactNumber,8334 7536,'+6583347536,change.normalised,3
///
/// `before` is the cell's original text, `after` the value the row ends with for that field (what
/// `accepted.*` holds when the row is valid). Cells a spreadsheet would run as a formula are
/// neutralised with a leading `'`, as in `errors.csv`; the file starts with a UTF-8 byte-order
/// mark so Excel shows non-ASCII text correctly.
public final class ChangesCSVWriter {
    /// The columns, in order. `sourceRow` is the row in the original file (as in `errors.csv`).
    public static let columns = ["row", "column", "field", "before", "after", "code", "sourceRow"]

    /// The file written, for committing it with others (`ByteSink.commit(_:)`).
    public let sink: ByteSink
    private let csv: CSVWriter
    /// Lines written, header excluded.
    public private(set) var count = 0

    /// Writes the header at once.
    public init(sink: ByteSink) {
        self.sink = sink
        csv = CSVWriter(sink: sink, neutraliseFormulas: true, byteOrderMark: true)
        csv.writeRow(Self.columns)
    }

    /// Writes a line for each change of the row.
    public func add(_ outcome: RowOutcome) {
        for f in outcome.findings where f.severity == .change {
            let after = f.fieldKey.flatMap { outcome.values[$0] } ?? ""
            // Field by field: no array of the line's strings is built.
            csv.writeField(f.row.map(String.init) ?? "", first: true)
            csv.writeField(f.columnLetter ?? "", first: false)
            csv.writeField(f.field ?? "", first: false)
            csv.writeField(f.value ?? "", first: false)
            csv.writeField(after, first: false)
            csv.writeField(f.code.rawValue, first: false)
            csv.writeField(f.sourceRow.map(String.init) ?? "", first: false)
            csv.endRow()
            count += 1
        }
    }

    /// Writes out and renames the file into place.
    public func commit() throws { try sink.commit() }
}
