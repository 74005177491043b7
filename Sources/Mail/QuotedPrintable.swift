/// Quoted-printable (RFC 2045 §6.7) for the body: any UTF-8 text survives a 7-bit relay, plain
/// English stays readable, and every encoded line is at most 76 characters.
enum QuotedPrintable {
    static let maxLineLength = 76

    /// Encodes `lines` (already split, without line ends) and appends them to `out`, each
    /// ending in CRLF.
    static func encode(lines: [Substring], into out: inout [UInt8]) {
        for line in lines {
            encode(line: Array(line.utf8), into: &out)
            out += [13, 10]
        }
    }

    private static func encode(line: [UInt8], into out: inout [UInt8]) {
        var column = 0
        for (index, byte) in line.enumerated() {
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
                out += [UInt8(ascii: "="), 13, 10]
                column = 0
            }
            // At the start of a line, a `.` could be taken for the end of the data by a careless
            // relay and "From " gets mangled into ">From " by mbox tools: encode them.
            if column == 0, byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && line[index...].starts(with: fromSpace)) {
                literal = false
            }
            if literal {
                out.append(byte)
                column += 1
            } else {
                appendEscaped(byte, into: &out)
                column += 3
            }
        }
    }

    private static let fromSpace = Array("From ".utf8)

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func appendEscaped(_ byte: UInt8, into out: inout [UInt8]) {
        out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
    }
}
