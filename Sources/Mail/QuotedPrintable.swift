/// Quoted-printable (RFC 2045 §6.7) for the body: any UTF-8 text survives a 7-bit relay, plain
/// English stays readable, and every encoded line is at most 76 characters.
enum QuotedPrintable {
    static let maxLineLength = 76

    /// Encodes a UTF-8 `body` and appends it to `out`: the body is split at "\n", "\r\n" or a lone
    /// "\r" (a final line end adds no empty line), and each line is encoded and ends in CRLF.
    static func encode(body: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // A body that is one line end holds no line.
        if body.count == 1 ? body[0] == 10 || body[0] == 13 : body.count == 2 && body[0] == 13 && body[1] == 10 { return }
        // At most 3 bytes out per byte in, plus a soft break (3) per 25 bytes in and a CRLF per
        // line: 6 per byte in is always enough.
        let encoded = [UInt8](unsafeUninitializedCapacity: body.count * 6 + 16) { buffer, written in
            var writer = Writer(out: buffer.baseAddress!)
            var start = 0
            var i = 0
            while i < body.count {
                let byte = body[i]
                guard byte == 10 || byte == 13 else { i += 1; continue }
                writer.encode(line: UnsafeBufferPointer(rebasing: body[start..<i]))
                writer.lineEnd()
                i += byte == 13 && i + 1 < body.count && body[i + 1] == 10 ? 2 : 1
                start = i
            }
            if start < body.count {
                writer.encode(line: UnsafeBufferPointer(rebasing: body[start..<body.count]))
                writer.lineEnd()
            }
            written = writer.count
        }
        out += encoded
    }

    /// Writes into memory the caller sized for the worst case.
    private struct Writer {
        let out: UnsafeMutablePointer<UInt8>
        var count = 0

        mutating func put(_ byte: UInt8) {
            out[count] = byte
            count += 1
        }

        mutating func lineEnd() {
            put(13)
            put(10)
        }

        mutating func escaped(_ byte: UInt8) {
            put(UInt8(ascii: "="))
            put(QuotedPrintable.hexDigit(byte >> 4))
            put(QuotedPrintable.hexDigit(byte & 15))
        }

        mutating func encode(line: UnsafeBufferPointer<UInt8>) {
            var column = 0
            for index in line.indices {
                let byte = line[index]
                let isLast = index == line.count - 1
                // Literal: printable ASCII but `=`; space and tab except at the end of a line (relays
                // strip trailing blanks).
                var literal: Bool
                switch byte {
                case UInt8(ascii: "="): literal = false
                case 33...126: literal = true
                case 32, 9: literal = !isLast
                default: literal = false
                }
                // Leave room for the soft break `=` unless this is the line's last piece.
                let limit = isLast ? maxLineLength : maxLineLength - 1
                if column + (literal ? 1 : 3) > limit {
                    put(UInt8(ascii: "="))
                    lineEnd()
                    column = 0
                }
                // At the start of a line, a `.` could be taken for the end of the data by a careless
                // relay and "From " gets mangled into ">From " by mbox tools: encode them.
                if column == 0, byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && QuotedPrintable.startsWithFromSpace(line, at: index)) {
                    literal = false
                }
                if literal {
                    put(byte)
                    column += 1
                } else {
                    escaped(byte)
                    column += 3
                }
            }
        }
    }

    /// True when `line` has "From " at `index`.
    private static func startsWithFromSpace(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        line.count - index >= fromSpace.count && fromSpace.indices.allSatisfy { line[index + $0] == fromSpace[$0] }
    }

    private static let fromSpace: [UInt8] = Array("From ".utf8)

    /// The upper-case hex digit of a nibble (0–15), as quoted-printable's `=XX` and the outbox's
    /// `%XX` file names write a byte.
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x37 + nibble
    }
}
