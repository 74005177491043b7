/// Text from a spreadsheet made safe for a terminal: control characters (line breaks, ANSI escape
/// sequences, bidi overrides) shown as escapes, so a hostile cell cannot rewrite the screen, and
/// long values cut short.
public enum PrintableText {
    /// `text` with control and bidi-control characters escaped (`\n`, `\u{1b}`), at most `limit` characters.
    public static func escaped(_ text: String, limit: Int? = nil) -> String {
        var out = ""
        var characters = 0
        for s in text.unicodeScalars {
            if let limit, characters >= limit {
                out += "…"
                break
            }
            characters += 1
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
