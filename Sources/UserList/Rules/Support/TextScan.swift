/// Character classes the rules share: whitespace to trim, non-breaking spaces, invisible
/// characters and curly quotes, and how to name a character in a message.
enum TextScan {
    /// Non-breaking spaces: no-break, figure and narrow no-break space.
    static func isNonBreakingSpace(_ s: Unicode.Scalar) -> Bool {
        s == "\u{00A0}" || s == "\u{2007}" || s == "\u{202F}"
    }

    /// Line breaks and tabs (which a cell shows as spaces or new lines).
    static func isLineBreakOrTab(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Anything trimmed from the ends of a value: Unicode whitespace, including NBSP, tabs and line breaks.
    static func isTrimmable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace || isNonBreakingSpace(s)
    }

    /// Zero-width and other invisible characters: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }

    /// Curly quotes, primes and the acute accent that word processors put where a straight quote was typed.
    static func isSmartQuote(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2032, 0x2033, 0x00B4: return true
        default: return false
        }
    }

    /// True when every byte is printable ASCII other than the edges being spaces: nothing to clean.
    static func isPlainASCII(_ text: String) -> Bool {
        // Native strings are contiguous UTF-8: scan the bytes directly (the generic view costs
        // several times as many instructions a byte, and this runs three times per cell).
        if let plain = text.utf8.withContiguousStorageIfAvailable(isPlainASCII(bytes:)) { return plain }
        var copy = text  // a bridged string: made contiguous once
        return copy.withUTF8(isPlainASCII(bytes:))
    }

    /// `isPlainASCII` over UTF-8 bytes.
    static func isPlainASCII(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        for b in bytes where b &- 0x20 >= 0x5F { return false }  // b < 0x20 || b >= 0x7F
        return true
    }

    /// The text with non-breaking spaces shown as the ordinary spaces they stand for.
    static func withPlainSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isNonBreakingSpace($0) ? " " : $0 }))
    }

    /// True when the text is empty or only whitespace (no allocation).
    static func isBlank(_ text: String) -> Bool {
        for s in text.unicodeScalars where !isTrimmable(s) { return false }
        return true
    }

    /// The text with trimmable characters removed from both ends.
    static func trimmed(_ text: String) -> String {
        // Fast path: printable ASCII at both ends means nothing to trim.
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isTrimmable($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isTrimmable($0) })!
        return String(scalars[start...end])
    }

    private static let invisibleNames: [UInt32: String] = [
        0x200B: "zero-width space", 0x200C: "zero-width non-joiner", 0x200D: "zero-width joiner",
        0x2060: "word joiner", 0xFEFF: "byte-order mark (zero-width no-break space)", 0x00AD: "soft hyphen",
    ]

    /// `U+200B`.
    static func codePoint(_ s: Unicode.Scalar) -> String {
        var hex = String(s.value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        return "U+" + hex
    }

    /// How a character reads in a message: `"@"`, `a space`, `an invisible zero-width space (U+200B)`.
    static func describe(_ s: Unicode.Scalar) -> String {
        if s == " " { return "a space" }
        if isNonBreakingSpace(s) { return "a non-breaking space (\(codePoint(s)))" }
        if isLineBreakOrTab(s) { return s == "\t" ? "a tab" : "a line break" }
        if let name = invisibleNames[s.value] { return "an invisible \(name) (\(codePoint(s)))" }
        if isSmartQuote(s) { return "a curly quote \(Character(s)) (\(codePoint(s)))" }
        if s.properties.generalCategory == .control || s.properties.generalCategory == .format {
            return "a control character (\(codePoint(s)))"
        }
        return "\"\(Character(s))\""
    }

    /// How a (possibly multi-scalar) character reads in a message.
    static func describe(_ c: Character) -> String {
        if c.unicodeScalars.count == 1 { return describe(c.unicodeScalars.first!) }
        return "\"\(c)\""
    }

    static func isASCIILetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    /// `1 character` / `3 characters`.
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
