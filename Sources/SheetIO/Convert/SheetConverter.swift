/// Output formats of `convert`.
public enum ConversionFormat: String, Sendable, CaseIterable {
    case csv, tsv, json, jsonl, xlsx

    /// The format a file name's extension implies.
    public init?(fileName: String) {
        switch Spreadsheet.fileExtension(fileName) {
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "xlsx": self = .xlsx
        default: return nil
        }
    }
}

/// Reports how far a long conversion has got: rows read so far in the current sheet.
public typealias ConversionProgress = (_ sheet: String, _ rows: Int) -> Void

/// One file a conversion wrote: where, from which sheets, and how many rows holding values.
public struct ConvertedFile: Sendable, Equatable {
    /// The path written, or `-` for standard output.
    public var path: String
    /// The names of the sheets it holds, in order.
    public var sheets: [String]
    /// Rows with at least one value (empty rows kept only to preserve row numbers are not counted).
    public var rows: Int

    public init(path: String, sheets: [String], rows: Int) {
        self.path = path
        self.sheets = sheets
        self.rows = rows
    }
}

/// Streams sheets of a `SheetSource` into CSV, TSV, typed JSON, JSON Lines or XLSX.
///
/// CSV keeps the spreadsheet's row numbers: a gap of empty rows becomes that many empty lines, so
/// line N of the CSV is row N of the sheet (rows stored out of order are written as stored).
public struct SheetConverter {
    public var format: ConversionFormat
    /// Prefix a `'` to cells that a spreadsheet would run as formulas (CSV/TSV only).
    public var neutraliseFormulas = false
    /// Start CSV/TSV output with the UTF-8 byte-order mark, for Excel (off by default, for pipelines).
    public var byteOrderMark = false
    public var progress: ConversionProgress?
    /// Receives one plain-words warning per sheet that holds formulas saved without their result
    /// (their value is unknown, so they cannot be converted to one).
    public var warn: ((String) -> Void)?

    public init(format: ConversionFormat) { self.format = format }

    /// Counts a sheet's formula cells that have no saved result, remembering the first one.
    private final class NoResultTally {
        var count = 0
        var first: String?
        func add(_ row: Row) {
            for cell in row.cells {
                guard case .formulaWithoutResult = cell.value else { continue }
                count += 1
                if first == nil { first = CellReference.a1(column: cell.column, row: row.number) }
            }
        }
    }

    private func report(_ tally: NoResultTally, sheet: String) {
        guard tally.count > 0, let first = tally.first, let warn else { return }
        let cells = tally.count == 1 ? "1 cell holds a formula" : "\(tally.count) cells hold formulas"
        let how: String
        switch format {
        case .json, .jsonl: how = "written with type \"formula\" and a null value"
        case .csv, .tsv, .xlsx: how = "written empty"
        }
        warn("sheet '\(sheet)': \(cells) with no saved result (first: \(first)), \(how). Open and save the file in Excel to save the results, then convert again.")
    }

    /// Converts `sheets` (indices) to `outputPath` (`-` for standard output).
    /// For CSV/TSV with several sheets, `outputPath` is a folder that receives one file per sheet.
    /// Returns the files written, in order.
    @discardableResult
    public func convert(_ source: SheetSource, sheets: [Int], to outputPath: String) throws -> [ConvertedFile] {
        let names = sheets.map { source.sheets[$0].name }
        switch format {
        case .csv, .tsv:
            if sheets.count == 1 {
                let sink = try ByteSink(path: outputPath)
                let rows = try writeDelimited(source, sheet: sheets[0], sink: sink)
                try sink.commit()
                return [ConvertedFile(path: outputPath, sheets: names, rows: rows)]
            }
            try makeDirectory(outputPath)
            var files: [ConvertedFile] = []
            for index in sheets {
                let name = safeFileName(source.sheets[index].name) + (format == .csv ? ".csv" : ".tsv")
                let path = (outputPath.hasSuffix("/") ? outputPath : outputPath + "/") + name
                let sink = try ByteSink(path: path)
                let rows = try writeDelimited(source, sheet: index, sink: sink)
                try sink.commit()
                files.append(ConvertedFile(path: path, sheets: [source.sheets[index].name], rows: rows))
            }
            return files
        case .json:
            let sink = try ByteSink(path: outputPath)
            let writer = TypedJSONWriter(sink: sink)
            var written = 0
            for index in sheets {
                let info = source.sheets[index]
                writer.beginSheet(name: info.name, visibility: info.visibility)
                var rows = 0
                let tally = NoResultTally()
                _ = try source.readRows(sheet: index) { row in
                    writer.writeRow(row)
                    tally.add(row)
                    if TypedCellJSON.hasValues(row) { written += 1 }
                    rows += 1
                    if rows & 0x3FFF == 0 { progress?(info.name, rows) }
                }
                writer.endSheet()
                report(tally, sheet: info.name)
            }
            writer.finish()
            try sink.commit()
            return [ConvertedFile(path: outputPath, sheets: names, rows: written)]
        case .jsonl:
            let sink = try ByteSink(path: outputPath)
            let writer = JSONLinesWriter(sink: sink)
            var written = 0
            for index in sheets {
                let info = source.sheets[index]
                var rows = 0
                let tally = NoResultTally()
                _ = try source.readRows(sheet: index) { row in
                    writer.writeRow(row, sheet: info.name)
                    tally.add(row)
                    if TypedCellJSON.hasValues(row) { written += 1 }
                    rows += 1
                    if rows & 0x3FFF == 0 { progress?(info.name, rows) }
                }
                report(tally, sheet: info.name)
            }
            try sink.commit()
            return [ConvertedFile(path: outputPath, sheets: names, rows: written)]
        case .xlsx:
            guard outputPath != "-" else {
                throw SheetIOError(.write, "XLSX cannot be written to standard output; name a file with -o")
            }
            let workbook = try XLSXWorkbookWriter(path: outputPath, options: XLSXWriteOptions(streaming: true))
            var written = 0
            for index in sheets {
                let info = source.sheets[index]
                let sheet = try workbook.addSheet(name: info.name, visibility: info.visibility)
                var rows = 0
                var lastRow = 0
                let tally = NoResultTally()
                _ = try source.readRows(sheet: index) { row in
                    tally.add(row)
                    // Streaming XLSX is written in ascending row order; rows stored out of order are moved after the last.
                    var r = row
                    if r.number <= lastRow { r.number = lastRow + 1 }
                    lastRow = r.number
                    try sheet.write(r)
                    if TypedCellJSON.hasValues(row) { written += 1 }
                    rows += 1
                    if rows & 0x3FFF == 0 { progress?(info.name, rows) }
                }
                report(tally, sheet: info.name)
            }
            try workbook.close()
            return [ConvertedFile(path: outputPath, sheets: names, rows: written)]
        }
    }

    /// Writes one sheet as CSV/TSV; returns the rows holding values.
    private func writeDelimited(_ source: SheetSource, sheet index: Int, sink: ByteSink) throws -> Int {
        let writer = CSVWriter(sink: sink, delimiter: format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ","),
                               neutraliseFormulas: neutraliseFormulas, byteOrderMark: byteOrderMark)
        let name = source.sheets[index].name
        var width = 0
        var nextRow = 1
        var rows = 0
        var written = 0
        let tally = NoResultTally()
        _ = try source.readRows(sheet: index) { row in
            tally.add(row)
            if width == 0 {
                // The first row's width pads every row, so a CSV reader sees a rectangle.
                width = (row.cells.map(\.column).max() ?? -1) + 1
            }
            while nextRow < row.number {
                writer.writeRow(Row(number: nextRow, cells: []), width: width)
                nextRow += 1
            }
            writer.writeRow(row, width: width)
            if TypedCellJSON.hasValues(row) { written += 1 }
            nextRow = max(nextRow, row.number + 1)
            rows += 1
            if rows & 0x3FFF == 0 { progress?(name, rows) }
        }
        report(tally, sheet: name)
        return written
    }

    private func safeFileName(_ name: String) -> String {
        let mapped = name.unicodeScalars.map { s -> Character in
            (s == "/" || s == "\\" || s == ":" || s.value < 0x20 || s == "\0") ? "_" : Character(s)
        }
        let s = String(mapped)
        return s.hasPrefix(".") ? "_" + s.dropFirst() : s
    }
}
