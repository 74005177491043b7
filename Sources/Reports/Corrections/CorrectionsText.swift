import UserList

/// The words the corrections workbook adds to a row: the note on each bad cell and the `Errors`
/// column. Pure functions of a `RowOutcome`, so they can be tested without writing a file.
public enum CorrectionsText {
    /// Most characters one cell holds (Excel's limit).
    static let cellLimit = 32_767

    /// The note for a field's cell: its errors, then its warnings, one per paragraph with the hint;
    /// nil when the field has neither. Changes (automatic clean-ups) are not mentioned.
    public static func note(for field: FieldKey, in outcome: RowOutcome) -> String? {
        let findings = problems(for: field, in: outcome)
        guard !findings.isEmpty else { return nil }
        let text = findings.map { finding -> String in
            var line = finding.severity == .warning ? "Warning: " + finding.message : finding.message
            if let hint = finding.hint, !hint.isEmpty { line += " " + hint }
            return line
        }.joined(separator: "\n\n")
        return clipped(text)
    }

    /// The `Errors` cell: every error of the row, one per line, each led by its column's title
    /// when it is about one column and does not already say so (`Email address: The domain …`,
    /// but `Last name is required.`).
    public static func errors(in outcome: RowOutcome, schema: UserListSchema = .current) -> String {
        let lines = outcome.errors.map { finding -> String in
            guard let title = finding.fieldKey.flatMap({ schema.column($0)?.title }),
                  !finding.message.lowercased().hasPrefix(title.lowercased()) else { return finding.message }
            return "\(title): \(finding.message)"
        }
        return clipped(lines.joined(separator: "\n"))
    }

    /// The errors and warnings about one field, errors first, in stage order.
    public static func problems(for field: FieldKey, in outcome: RowOutcome) -> [Finding] {
        let key = field.rawValue
        let mine = outcome.findings.filter { $0.field == key }
        return mine.filter { $0.severity == .error } + mine.filter { $0.severity == .warning }
    }

    /// The line under the last row when rows were left out.
    public static func leftOut(_ count: Int, kept: Int) -> String {
        let rows = count == 1 ? "1 more row needs" : "\(count) more rows need"
        return "\(rows) fixing but \(count == 1 ? "is" : "are") not in this file, which holds the first \(kept). errors.csv lists every problem."
    }

    /// The line under the rows when only the first `noted` have notes on their cells.
    public static func notesLeftOut(noted: Int) -> String {
        "Only the first \(noted) rows have notes on their red cells; for the rows after them, this Errors column lists every problem, as errors.csv does."
    }

    private static func clipped(_ text: String) -> String {
        guard text.utf16.count > cellLimit else { return text }
        var out = ""
        var units = 0
        for c in text {
            units += c.utf16.count
            if units > cellLimit - 1 { break }
            out.append(c)
        }
        return out + "…"
    }
}
