/// The file formats SheetIO reads.
public enum SpreadsheetFormat: String, Sendable, Equatable {
    case xlsx, csv, tsv
}

/// An opened spreadsheet (an XLSX workbook or a CSV/TSV file as one sheet) that streams its rows.
public protocol SheetSource: AnyObject {
    /// The file name as given by the caller, for messages.
    var fileName: String { get }
    var format: SpreadsheetFormat { get }
    /// Sheets in tab order. A CSV file has one, named after the file.
    var sheets: [SheetInfo] { get }
    /// Things worth telling the user that are not errors (e.g. text decoded as Windows-1252).
    var warnings: [String] { get }
    /// The number format and 1904 flag context are internal; rows arrive in file order.
    ///
    /// `body` is called once per stored row with a `Row` whose storage is reused for the next row
    /// (keep a copy if you need it). Throwing from `body` stops reading and rethrows.
    func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary
}

extension SheetSource {
    /// The index of the sheet with this name (case-insensitive), or of this one-based number (`"2"`).
    public func sheetIndex(named nameOrNumber: String) -> Int? {
        if let exact = sheets.first(where: { $0.name == nameOrNumber }) { return exact.index }
        let lower = nameOrNumber.lowercased()
        if let folded = sheets.first(where: { $0.name.lowercased() == lower }) { return folded.index }
        if let n = Int(nameOrNumber), n >= 1, n <= sheets.count { return n - 1 }
        return nil
    }

    /// The first visible worksheet, which is what Excel shows on opening (a chart sheet holds no
    /// cells, so it is never the default).
    public var firstVisibleSheetIndex: Int? {
        let worksheets = sheets.filter { $0.kind == .worksheet }
        return worksheets.first(where: { $0.visibility == .visible })?.index ?? worksheets.first?.index
    }

    /// Every worksheet, hidden ones included; chart sheets are left out (they hold no cells).
    public var worksheetIndices: [Int] { sheets.filter { $0.kind == .worksheet }.map(\.index) }
}
