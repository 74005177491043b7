import UserList

/// One line per kind of change, the same on the terminal and in CI output:
///
///     Contact number: 37 rows written in international form, e.g. row 3 "8334 7536" → +6583347536
///
/// the column, how many rows, what was done (a phrase per change code, and per field where the
/// standard form differs), and the first example. Values are escaped (`PrintableText`) and cut.
public enum ChangeSummaryText {
    /// Longest example value shown, in characters.
    public static let valueLimit = 40

    /// The line for one entry.
    public static func line(_ entry: ChangeSummary.Entry) -> String {
        let column = entry.field.flatMap { UserListSchema.current.column($0)?.title } ?? "Sheet"
        let row = entry.example.row.map { "row \($0) " } ?? ""
        return "\(column): \(CountText.of(entry.count, "row")) \(phrase(entry.code, entry.field)), e.g. \(row)\(beforeAndAfter(entry.example))"
    }

    /// The line for a change in one cell, named by `place` instead of the column and a count of rows
    /// (`invite` names the option): `--contact-number: written in international form, "9123 4567" → +6591234567`.
    public static func line(_ entry: ChangeSummary.Entry, place: String) -> String {
        "\(PrintableText.escaped(place)): \(phrase(entry.code, entry.field)), \(beforeAndAfter(entry.example))"
    }

    /// `"9123 4567" → +6591234567`, values escaped and cut.
    static func beforeAndAfter(_ e: ChangeSummary.Example) -> String {
        let after = e.after.isEmpty ? "(empty)" : PrintableText.escaped(e.after, limit: valueLimit)
        return (e.before.isEmpty ? "(empty)" : "\"\(PrintableText.escaped(e.before, limit: valueLimit))\"") + " → \(after)"
    }

    /// What a change did, after "N rows".
    public static func phrase(_ code: FindingCode, _ field: FieldKey?) -> String {
        switch code {
        case .changeNormalised:
            switch field {
            case .contactNumber: return "written in international form"
            case .seed: return "written as Yes/No"
            case .odc: return "written as on the ODC list"
            case .sponsoringAgency: return "written as on the agency list"
            case .firstName, .lastName: return "with curly apostrophes made straight"
            default: return "written in standard form"
            }
        case .changeTrimmed: return "with spaces or line breaks around the value trimmed"
        case .changeNBSPRemoved: return "with non-breaking spaces made ordinary spaces"
        case .changeLineBreakRemoved: return "with line breaks or tabs inside the value made spaces"
        case .changeInvisibleRemoved: return "with invisible characters removed"
        case .seedDefaultedYes: return "left blank and set to Yes (offshore vendors need SEED onboarding)"
        default: return "changed (\(code.rawValue))"
        }
    }
}
