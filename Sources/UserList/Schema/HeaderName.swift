import SheetIO

/// How header text is compared: case-insensitive, ignoring `*`, extra spaces, line breaks and a
/// trailing `?`, `:` or `.`, so `EMAIL ADDRESS *`, `Email\naddress` and `Email address*` are one header.
/// A byte-order mark left in the text (U+FEFF, or `ï»¿` when UTF-8 was read as Windows-1252) is ignored.
public enum HeaderName {
    /// The text without a byte-order mark: U+FEFF anywhere, and a leading `ï»¿`.
    static func withoutByteOrderMark(_ text: String) -> String {
        var t = text
        while t.hasPrefix(Mojibake.byteOrderMark) { t.removeFirst(Mojibake.byteOrderMark.count) }
        guard t.unicodeScalars.contains("\u{FEFF}") else { return t }
        var out = String.UnicodeScalarView()
        for s in t.unicodeScalars where s != "\u{FEFF}" { out.append(s) }
        return String(out)
    }

    /// The comparison form of a header.
    public static func normalise(_ text: String) -> String {
        let text = withoutByteOrderMark(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "*" { continue }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "_" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        out = out.lowercased()
        while let last = out.last, last == "?" || last == ":" || last == "." || last == " " { out.removeLast() }
        return out
    }

    /// The header as a person reads it: `*` removed, whitespace collapsed, case kept.
    public static func plain(_ text: String) -> String {
        let text = withoutByteOrderMark(text)
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "*" { continue }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
