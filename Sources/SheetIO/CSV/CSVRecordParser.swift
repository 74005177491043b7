/// The RFC 4180 state machine: turns UTF-8 text, fed in chunks of any size, into rows.
///
/// One row per record (record 1 is row 1; a blank line is a row with no cells), one cell per
/// non-empty field, its text exactly as written. Lines end with CRLF, LF or a lone CR; a quoted
/// field may hold delimiters, `""` escapes and line breaks of any kind.
///
/// Lenient where Python's `csv` module is, strict where silence would lose data:
/// - a quote inside an unquoted field (`ab"c`) is an ordinary character;
/// - text after a closing quote (`"ab"c`) is appended to the field (`abc`), as Python does,
///   because the author's intent is plain and rejecting the whole file would help no one;
/// - a NUL byte is an error (it means a binary file or UTF-16 without a byte-order mark);
/// - a quote still open at the end of the file is an error naming the line where it opened.
struct CSVRecordParser {
    private enum State {
        /// Nothing of the current record read yet.
        case recordStart
        /// Just after a delimiter.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either the first half of `""` or the closing quote.
        case quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    let delimiter: UInt8
    let limits: ReadLimits

    private var state = State.recordStart
    private var field: [UInt8] = []
    /// UTF-16 code units counted so far in `field`, up to `countedBytes` (counted only once the
    /// field is longer in bytes than the limit, since a character is never fewer bytes than units).
    private var fieldUnits = 0
    private var countedBytes = 0
    /// Zero-based column of the field being read.
    private var column = 0
    private var row = Row(number: 0, cells: [])
    /// One-based physical line of the byte being read.
    private(set) var line = 1
    /// The last byte of the previous chunk, so a CRLF split between chunks is one line break.
    private var previousChunkLastByte: UInt8 = 0
    private var quoteOpenedAt = (line: 0, column: 0)

    private(set) var recordCount = 0
    private var usedFirstRow = Int.max, usedLastRow = 0
    private var usedFirstColumn = Int.max, usedLastColumn = -1

    init(delimiter: UInt8, limits: ReadLimits) {
        self.delimiter = delimiter
        self.limits = limits
    }

    /// The rows and columns that hold a non-empty field, once the input is finished.
    var usedRange: CellRange? {
        guard usedLastRow > 0 else { return nil }
        return CellRange(firstRow: usedFirstRow, firstColumn: usedFirstColumn, lastRow: usedLastRow, lastColumn: usedLastColumn)
    }

    /// Parses the next chunk, calling `emit` for every record it completes.
    mutating func feed(_ buf: UnsafeBufferPointer<UInt8>, _ emit: (Row) throws -> Void) throws {
        let n = buf.count
        guard n > 0 else { return }
        var i = 0
        while i < n {
            let b = buf[i]
            switch state {
            case .recordStart, .fieldStart:
                if b == Self.quote {
                    state = .quoted
                    quoteOpenedAt = (line, column)
                    i += 1
                } else if b == delimiter {
                    try endField()
                    state = .fieldStart
                    i += 1
                } else if b == Self.cr || b == Self.lf {
                    let previous = i > 0 ? buf[i - 1] : previousChunkLastByte
                    if b == Self.lf && previous == Self.cr && state == .recordStart {
                        i += 1  // the LF of a CRLF that already ended the record
                        continue
                    }
                    if state == .fieldStart { try endField() }
                    try endRecord(emit)
                    state = .recordStart
                    line += 1
                    i += 1
                } else if b == 0 {
                    throw nulError()
                } else {
                    state = .unquoted  // read again below as the field's first byte
                }

            case .unquoted:
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == delimiter || c == Self.cr || c == Self.lf || c == 0 { break }
                    j += 1
                }
                if j > i { try appendToField(UnsafeBufferPointer(rebasing: buf[i..<j])) }
                i = j
                guard i < n else { break }
                let c = buf[i]
                if c == 0 { throw nulError() }
                try endField()
                if c == delimiter {
                    state = .fieldStart
                } else {
                    try endRecord(emit)
                    state = .recordStart
                    line += 1
                }
                i += 1

            case .quoted:
                var j = i
                while j < n {
                    let c = buf[j]
                    if c == Self.quote || c == Self.cr || c == Self.lf || c == 0 { break }
                    j += 1
                }
                if j > i { try appendToField(UnsafeBufferPointer(rebasing: buf[i..<j])) }
                i = j
                guard i < n else { break }
                let c = buf[i]
                if c == Self.quote {
                    state = .quoteInQuoted
                } else if c == 0 {
                    throw nulError()
                } else {
                    // A line break inside quotes is part of the field; it still counts as a line.
                    let previous = i > 0 ? buf[i - 1] : previousChunkLastByte
                    if !(c == Self.lf && previous == Self.cr) { line += 1 }
                    try appendToField(c)
                }
                i += 1

            case .quoteInQuoted:
                if b == Self.quote {
                    try appendToField(b)
                    state = .quoted
                } else if b == delimiter {
                    try endField()
                    state = .fieldStart
                } else if b == Self.cr || b == Self.lf {
                    try endField()
                    try endRecord(emit)
                    state = .recordStart
                    line += 1
                } else if b == 0 {
                    throw nulError()
                } else {
                    try appendToField(b)  // `"ab"c` → `abc`, see the type's comment
                    state = .unquoted
                }
                i += 1
            }
        }
        previousChunkLastByte = buf[n - 1]
    }

    /// Ends the input: completes a last record that has no line break after it.
    mutating func finish(_ emit: (Row) throws -> Void) throws {
        switch state {
        case .recordStart:
            return
        case .quoted:
            throw SheetIOError(
                .csvMalformed,
                "unbalanced quote: the quoted field that opens at line \(quoteOpenedAt.line), column \(CellReference.letters(forColumn: quoteOpenedAt.column)) is never closed; add the closing \" or remove the opening one",
                location: "line \(quoteOpenedAt.line), column \(CellReference.letters(forColumn: quoteOpenedAt.column))")
        case .fieldStart, .unquoted, .quoteInQuoted:
            try endField()
            try endRecord(emit)
            state = .recordStart
        }
    }

    private func nulError() -> SheetIOError {
        let where_ = "line \(line), column \(CellReference.letters(forColumn: column))"
        return SheetIOError(
            .csvMalformed,
            "NUL byte at line \(line) (column \(CellReference.letters(forColumn: column))): CSV text cannot contain NUL; the file may be binary, or UTF-16 without a byte-order mark. Save it as \"CSV UTF-8\" and upload it again",
            location: where_)
    }

    @inline(__always)
    private mutating func appendToField(_ byte: UInt8) throws {
        field.append(byte)
        if field.count > limits.maxCellCharacters { try checkFieldLength() }
    }

    @inline(__always)
    private mutating func appendToField(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        field.append(contentsOf: bytes)
        if field.count > limits.maxCellCharacters { try checkFieldLength() }
    }

    /// Counts the field's new bytes as UTF-16 code units (Excel's measure of a cell's length).
    private mutating func checkFieldLength() throws {
        while countedBytes < field.count {
            let b = field[countedBytes]
            if b & 0xC0 != 0x80 { fieldUnits += b >= 0xF0 ? 2 : 1 }
            countedBytes += 1
        }
        if fieldUnits > limits.maxCellCharacters {
            let ref = CellReference.a1(column: column, row: recordCount + 1)
            throw SheetIOError(
                .cellLimit,
                "cell \(ref) (line \(line)) has more than \(limits.maxCellCharacters) characters, the most a cell can hold",
                location: ref)
        }
    }

    private mutating func endField() throws {
        if column >= limits.maxColumns {
            throw SheetIOError(
                .cellLimit,
                "row \(recordCount + 1) (line \(line)) has more than \(limits.maxColumns) columns",
                location: "row \(recordCount + 1), column \(CellReference.letters(forColumn: column))")
        }
        if !field.isEmpty {
            row.cells.append(Cell(column: column, value: .text(String(decoding: field, as: UTF8.self))))
            field.removeAll(keepingCapacity: field.count <= 4096)
            fieldUnits = 0
            countedBytes = 0
        }
        column += 1
    }

    private mutating func endRecord(_ emit: (Row) throws -> Void) throws {
        if recordCount >= limits.maxRows {
            throw SheetIOError(
                .cellLimit,
                "the file has more than \(limits.maxRows) rows (line \(line))",
                location: "row \(recordCount + 1)")
        }
        recordCount += 1
        row.number = recordCount
        if let first = row.cells.first, let last = row.cells.last {
            if usedFirstRow == Int.max { usedFirstRow = recordCount }
            usedLastRow = recordCount
            usedFirstColumn = min(usedFirstColumn, first.column)
            usedLastColumn = max(usedLastColumn, last.column)
        }
        try emit(row)
        row.cells.removeAll(keepingCapacity: true)
        column = 0
    }
}
