/// CSV formula-injection defence (OWASP "CSV injection") for values written one by one: a value
/// that a spreadsheet would run as a formula gets a leading `'`, which shows the text instead.
/// `CSVWriter(neutraliseFormulas:)` does the same for a whole file; this is for files where some
/// columns must stay exact.
public enum FormulaNeutraliser {
    /// True when a spreadsheet would treat text starting this way as a formula: `=`, `+`, `-`, `@`,
    /// tab, CR (and NUL, which hides what follows).
    public static func startsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D || first == 0
    }

    /// The text, prefixed with `'` when it starts like a formula.
    public static func neutralised(_ text: String) -> String {
        startsFormula(text) ? "'" + text : text
    }
}
