/// Writes RFC 4180 CSV straight into a `ByteSink`: a field is quoted only when it holds the
/// delimiter, a quote or a line break, and quotes inside it are doubled.
public final class CSVWriter {
    /// The UTF-8 byte-order mark: without it Excel opens a CSV as Windows-1252 (`SiobhÃ¡n`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let sink: ByteSink
    private let delimiter: UInt8
    private let neutraliseFormulas: Bool
    private let lineEnding: [UInt8]

    /// - Parameters:
    ///   - neutraliseFormulas: prefix `'` to any field starting with `=`, `+`, `-`, `@`, tab, CR or
    ///     NUL, so a spreadsheet opening the file shows the text instead of running it as a formula
    ///     (OWASP "CSV injection"). Use it for reports; not for data meant to round-trip.
    ///   - lineEnding: CRLF by default, as RFC 4180 says.
    ///   - byteOrderMark: start the output with the UTF-8 byte-order mark (EF BB BF), so Excel reads
    ///     the file as UTF-8. Use it for CSV meant to be opened in Excel; leave it off for pipelines
    ///     (many Unix tools see the mark as part of the first field). Every reader here skips it.
    public init(sink: ByteSink, delimiter: UInt8 = UInt8(ascii: ","), neutraliseFormulas: Bool = false, lineEnding: String = "\r\n",
                byteOrderMark: Bool = false) {
        self.sink = sink
        self.delimiter = delimiter
        self.neutraliseFormulas = neutraliseFormulas
        self.lineEnding = Array(lineEnding.utf8)
        if byteOrderMark { sink.write(bytes: Self.byteOrderMark) }
    }

    /// Writes one record of the given fields.
    public func writeRow(_ fields: [String]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { sink.write(delimiter) }
            writeField(f)
        }
        endRow()
    }

    /// Writes a sheet row as one record: each cell's `displayText` at its column, empty fields for
    /// missing columns, `width` fields at least (more if the row has cells beyond it).
    public func writeRow(_ row: Row, width: Int) {
        var cells = row.cells
        if !Self.isAscending(cells) { cells.sort { $0.column < $1.column } }
        let count = max(width, (cells.last?.column ?? -1) + 1)
        var next = 0
        for column in 0..<count {
            if column > 0 { sink.write(delimiter) }
            while next < cells.count && cells[next].column < column { next += 1 }  // duplicates: first wins
            if next < cells.count && cells[next].column == column {
                if case .text(let s) = cells[next].value { writeField(s) } else { writeField(cells[next].value.displayText) }
            }
        }
        endRow()
    }

    private static func isAscending(_ cells: [Cell]) -> Bool {
        var previous = -1
        for c in cells {
            if c.column < previous { return false }
            previous = c.column
        }
        return true
    }

    @inline(__always)
    private func endRow() {
        for b in lineEnding { sink.write(b) }
    }

    private func writeField(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ writeField(bytes: $0) }) != nil { return }
        var copy = text
        copy.withUTF8 { writeField(bytes: $0) }
    }

    private func writeField(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let quote = UInt8(ascii: "\"")
        let neutralise = neutraliseFormulas && Self.startsFormula(first)
        var needsQuotes = false
        for b in bytes where b == delimiter || b == quote || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        if !needsQuotes {
            if neutralise { sink.write(UInt8(ascii: "'")) }
            sink.write(bytes)
            return
        }
        sink.write(quote)
        if neutralise { sink.write(UInt8(ascii: "'")) }
        var start = 0
        for i in 0..<bytes.count where bytes[i] == quote {
            // Write through this quote, then the quote again.
            sink.write(UnsafeBufferPointer(rebasing: bytes[start...i]))
            sink.write(quote)
            start = i + 1
        }
        if start < bytes.count { sink.write(UnsafeBufferPointer(rebasing: bytes[start...])) }
        sink.write(quote)
    }

    /// Bytes that make Excel, LibreOffice or Google Sheets read a cell as a formula (or hide one).
    @inline(__always)
    static func startsFormula(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@")
            || b == 0x09 || b == 0x0D || b == 0
    }
}
