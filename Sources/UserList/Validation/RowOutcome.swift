import SheetIO

/// Everything known about one data row after all stages: what was typed, the normalised values
/// and every finding.
public struct RowOutcome: Sendable {
    /// The spreadsheet row number the user sees (header is row 1).
    public let rowNumber: Int
    /// The row of the original file: `rowNumber` in an ordinary upload; in a corrections workbook the
    /// row its `Source row` column names, nil for a row added to the workbook (not in the original).
    public let sourceRow: Int?
    public let isHidden: Bool
    /// Each field's cell as stored, nil when empty or absent (for writers that keep original types).
    public let cells: FieldValues<Cell?>
    /// Each field's original text as Excel shows it (`CellValue.displayText`); empty when absent.
    public let original: FieldValues<String>
    /// Each field's cleaned, normalised value (E.164 phone, `Yes`, `Public officer`); nil when blank or ignored.
    public let values: FieldValues<String?>
    /// Every finding for the row, in stage order.
    public let findings: [Finding]

    public init(_ draft: RowDraft) {
        rowNumber = draft.rowNumber
        sourceRow = draft.sourceRow
        isHidden = draft.isHidden
        cells = draft.cells
        original = draft.original
        values = draft.values
        findings = draft.findings
    }

    /// True when no finding is an error.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var changes: [Finding] { findings.filter { $0.severity == .change } }

    /// The distinct codes reported.
    public var codes: Set<FindingCode> { Set(findings.map(\.code)) }
}
