import SheetIO
import UserList

/// Renders a report's errors and warnings as `errors.csv`: a header line, then one line per finding,
/// errors first (changes are in `changes.csv`). Every cell
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is neutralised with a
/// leading `'`, since the values come straight from an untrusted upload.
public struct ErrorsCSVWriter {
    /// The columns, in order. `sourceRow` is the row in the original file: the same as `row`, except
    /// for a corrections workbook (empty for a row that is not in the original).
    public static let columns = ["row", "column", "field", "header", "value", "code", "severity", "message", "hint", "stage", "sourceRow"]

    public init() {}

    /// Writes the header and every shown finding into `sink` (the caller commits it). When
    /// `--max-findings` hid some, a last line says how many, with the code column empty.
    public func write(_ report: ValidationReport, to sink: ByteSink) throws {
        let csv = CSVWriter(sink: sink, neutraliseFormulas: true, byteOrderMark: true)
        csv.writeRow(Self.columns)
        try report.findings.forEach { f in
            csv.writeRow([f.row.map(String.init) ?? "", f.columnLetter ?? "", f.field ?? "", f.header ?? "", f.value ?? "",
                          f.code.rawValue, f.severity.rawValue, f.message, f.hint ?? f.code.fix, f.stage.rawValue,
                          f.sourceRow.map(String.init) ?? ""])
        }
        let hidden = report.counts.findingsNotShown
        if hidden > 0 {
            csv.writeRow(["", "", "", "", "", "", "", "\(CountText.of(hidden, "more finding")) not shown (--max-findings)", "", "", ""])
        }
    }
}
