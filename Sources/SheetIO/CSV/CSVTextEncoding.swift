/// The character encoding a CSV file was written in, as found by `CSVTextEncoding.detect`.
public enum CSVTextEncoding: String, Sendable, Equatable {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// UTF-16 little-endian with a byte-order mark (Excel's "Unicode Text").
    case utf16LE
    /// UTF-16 big-endian with a byte-order mark.
    case utf16BE
    /// Windows-1252, assumed when the bytes are not valid UTF-8 (Excel's "CSV (Comma delimited)").
    case windows1252

    /// What `detect` found: the encoding, how many leading bytes are a byte-order mark, and,
    /// for Windows-1252, the line holding the first byte that is not UTF-8.
    struct Detection: Equatable {
        var encoding: CSVTextEncoding
        var byteOrderMarkLength: Int
        var firstInvalidUTF8Line: Int?
    }

    /// Decides the encoding of the whole file before any row is read, so rows are never decoded
    /// two different ways: a UTF-16 byte-order mark decides at once; otherwise one pass checks
    /// that every byte is UTF-8 (memory stays one chunk whatever the file size).
    static func detect(in file: ReadOnlyFile) throws -> Detection {
        var head: [UInt8] = []
        try file.forEachChunk { chunk in
            head = Array(chunk.prefix(4))
            return false
        }
        if head.count >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0 {
            throw SheetIOError(.csvMalformed, "the file is UTF-32 text, which is not supported; save it as \"CSV UTF-8\"", file: file.displayName)
        }
        if head.count >= 2 && head[0] == 0xFF && head[1] == 0xFE {
            return Detection(encoding: .utf16LE, byteOrderMarkLength: 2, firstInvalidUTF8Line: nil)
        }
        if head.count >= 2 && head[0] == 0xFE && head[1] == 0xFF {
            return Detection(encoding: .utf16BE, byteOrderMarkLength: 2, firstInvalidUTF8Line: nil)
        }
        let bom = head.count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0

        var validator = UTF8Validator()
        var offset = 0
        var invalidOffset: Int?
        try file.forEachChunk { chunk in
            if let i = validator.validate(chunk) {
                invalidOffset = offset + i
                return false
            }
            offset += chunk.count
            return true
        }
        if invalidOffset == nil && !validator.isAtBoundary { invalidOffset = offset }  // cut off mid-character
        guard let bad = invalidOffset else {
            return Detection(encoding: .utf8, byteOrderMarkLength: bom, firstInvalidUTF8Line: nil)
        }
        // A UTF-8 byte-order mark followed by bytes that are not UTF-8 is a file stitched together
        // from two sources; the rest is most likely Windows-1252, so treat it that way (mark removed).
        return Detection(encoding: .windows1252, byteOrderMarkLength: bom, firstInvalidUTF8Line: try lineNumber(atOffset: bad, in: file))
    }

    /// The one-based physical line (CR, LF and CRLF each end one) holding the byte at `target`.
    private static func lineNumber(atOffset target: Int, in file: ReadOnlyFile) throws -> Int {
        var line = 1
        var offset = 0
        var previous: UInt8 = 0
        try file.forEachChunk { chunk in
            let end = min(chunk.count, target - offset)
            for i in 0..<end {
                let b = chunk[i]
                if b == 0x0D || (b == 0x0A && previous != 0x0D) { line += 1 }
                previous = b
            }
            offset += chunk.count
            return offset < target
        }
        return line
    }
}
