/// Excel's grid limits and A1 reference parsing, overflow-checked.
public enum CellReference {
    /// 1,048,576 rows.
    public static let maxRows = 1_048_576
    /// 16,384 columns (A to XFD).
    public static let maxColumns = 16_384
    /// 32,767 characters in one cell.
    public static let maxCellCharacters = 32_767

    /// Column letters for a zero-based column: 0 → `A`, 26 → `AA`.
    public static func letters(forColumn column: Int) -> String {
        if column >= 0 && column < commonLetters.count { return commonLetters[column] }
        return spelledLetters(forColumn: column)
    }

    /// `A` … `CV`: the columns a user list has, made once (findings name a column per row).
    private static let commonLetters: [String] = (0..<100).map(spelledLetters(forColumn:))

    private static func spelledLetters(forColumn column: Int) -> String {
        var n = column + 1
        var out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// `A1`-style reference for a zero-based column and one-based row.
    public static func a1(column: Int, row: Int) -> String { letters(forColumn: column) + String(row) }

    /// Zero-based column of letters such as `XFD`; nil when malformed or beyond Excel's limit.
    public static func column(ofLetters text: String) -> Int? {
        var v = 0
        var count = 0
        for b in text.utf8 {
            let u = b & 0xDF
            guard u >= 65 && u <= 90 else { return nil }
            count += 1
            if count > 3 { return nil }
            v = v * 26 + Int(u - 64)
        }
        guard count > 0, v <= maxColumns else { return nil }
        return v - 1
    }

    public enum ParseResult: Equatable {
        case ok(column: Int, row: Int)
        /// Only the column part was present (`r="B"` is not valid, but rows may omit `r`).
        case malformed
        case columnBeyondLimit
        case rowBeyondLimit
    }

    /// Parses an `A1` reference from raw bytes without allocating; row and column bounds are Excel's.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParseResult {
        var i = 0
        var col = 0
        var letters = 0
        while i < bytes.count {
            let b = bytes[i]
            let u = b & 0xDF
            guard u >= 65 && u <= 90 else { break }
            letters += 1
            if letters > 3 { return .columnBeyondLimit }
            col = col * 26 + Int(u - 64)
            i += 1
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "$") { i += 1 }
        guard letters > 0 else { return .malformed }
        guard col <= maxColumns else { return .columnBeyondLimit }
        var row = 0
        var digits = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b >= 48 && b <= 57 else { return .malformed }
            digits += 1
            if digits > 7 { return .rowBeyondLimit }
            row = row * 10 + Int(b - 48)
            i += 1
        }
        guard digits > 0, row >= 1 else { return .malformed }
        guard row <= maxRows else { return .rowBeyondLimit }
        return .ok(column: col - 1, row: row)
    }

    public static func parse(_ text: String) -> ParseResult {
        var t = text
        return t.withUTF8 { parse($0) }
    }
}
