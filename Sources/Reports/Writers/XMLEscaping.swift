/// Text made safe for XML 1.0 documents the reports write (JUnit): markup characters as entities,
/// and the characters XML 1.0 forbids outright (C0 controls other than tab, LF and CR; U+FFFE and
/// U+FFFF) shown as visible escapes (`\u{1b}`) instead of making the document unparseable.
/// C1 and bidi controls are allowed by XML but shown as escapes too, so a hostile cell cannot
/// reorder what a CI page displays.
public enum XMLEscaping {
    /// `text` for element content: `&`, `<`, `>` as entities; LF and tab kept, CR as `&#13;`.
    public static func text(_ text: String) -> String { escape(text, attribute: false) }

    /// `text` for a double-quoted attribute value: as `text(_:)`, plus `"` and `'`, and tab, LF and
    /// CR as character references (an XML parser turns literal ones into spaces).
    public static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22 where attribute: out += "&quot;"
            case 0x27 where attribute: out += "&apos;"
            case 0x0D: out += "&#13;"  // a parser would turn a literal CR into LF
            case 0x09, 0x0A:
                if attribute { out += "&#\(s.value);" } else { out.unicodeScalars.append(s) }
            case 0..<0x20, 0x7F, 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF:
                out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}
