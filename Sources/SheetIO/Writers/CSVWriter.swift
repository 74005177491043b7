/// Writes RFC 4180 CSV straight into a `ByteSink`: a field is quoted only when it holds the
/// delimiter, a quote or a line break, and quotes inside it are doubled.
///
/// Control characters other than tab, CR and LF (NUL, BEL, ESC…, DEL and the C1 controls
/// U+0080–U+009F) never reach the file: each is written as Excel's own escape `_xHHHH_` (ESC is
/// `_x001B_`), so a cell cannot ring a bell or rewrite a terminal that shows the CSV.
public final class CSVWriter {
    /// The UTF-8 byte-order mark: without it Excel opens a CSV as Windows-1252 (`SiobhÃ¡n`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let sink: ByteSink
    private let delimiter: UInt8
    private let neutraliseFormulas: Bool
    private let lineEnding: [UInt8]
    /// Per byte: 0 plain, 1 makes the field quoted (delimiter, quote, CR, LF), 2 may begin a control
    /// character. One table load per byte keeps the scan as fast as it was before controls were checked.
    private let byteClass: [UInt8]

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
        byteClass = (0..<256).map { b in
            if b == Int(delimiter) || b == 0x22 || b == 0x0A || b == 0x0D { return 1 }
            return (b < 0x20 && b != 0x09) || b == 0x7F || b == 0xC2 ? 2 : 0
        }
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

    /// Ends a record written field by field with `writeField(_:first:)`.
    @inline(__always)
    public func endRow() {
        for b in lineEnding { sink.write(b) }
    }

    /// Writes one field of a record being written field by field (a delimiter first unless it is
    /// the record's first); `endRow()` ends the record. Builds no array of fields.
    @inline(__always)
    public func writeField(_ text: String, first: Bool) {
        if !first { sink.write(delimiter) }
        writeField(text)
    }

    private func writeField(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ writeField(bytes: $0) }) != nil { return }
        var copy = text
        copy.withUTF8 { writeField(bytes: $0) }
    }

    private func writeField(bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return }
        let quote = UInt8(ascii: "\"")
        var needsQuotes = false
        let hasControl = byteClass.withUnsafeBufferPointer { classes -> Bool in
            for i in 0..<bytes.count {
                let c = classes[Int(bytes[i])]
                if c == 0 { continue }
                if c == 1 {
                    needsQuotes = true
                } else if Self.isControl(bytes, at: i) {
                    return true
                }
            }
            return false
        }
        if hasControl {
            Self.escapingControls(bytes).withUnsafeBufferPointer { writeField(bytes: $0) }
            return
        }
        let neutralise = neutraliseFormulas && Self.startsFormula(first)
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

    /// The UTF-8 text with every control character but tab, CR and LF as `_xHHHH_`.
    static func escapingControls(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        func escape(_ v: UInt8) {
            out.append(contentsOf: [UInt8(ascii: "_"), UInt8(ascii: "x"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                    hex[Int(v >> 4)], hex[Int(v & 15)], UInt8(ascii: "_")])
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if !isControl(bytes, at: i) {
                out.append(b)
            } else if b == 0xC2 {
                escape(bytes[i + 1])  // U+0080–U+009F are C2 80 … C2 9F in UTF-8
                i += 1
            } else {
                escape(b)
            }
            i += 1
        }
        return out
    }

    /// True when the character starting at `i` is a control character other than tab, CR and LF.
    @inline(__always)
    static func isControl(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x20 { return b != 0x09 && b != 0x0A && b != 0x0D }
        if b == 0x7F { return true }
        return b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0
    }

    /// Bytes that make Excel, LibreOffice or Google Sheets read a cell as a formula (or hide one).
    @inline(__always)
    static func startsFormula(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@")
            || b == 0x09 || b == 0x0D || b == 0
    }
}
