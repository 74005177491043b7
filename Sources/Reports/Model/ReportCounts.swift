import UserList

/// The numbers of a report. Always exact, however many findings `--max-findings` hides.
public struct ReportCounts: Sendable, Equatable {
    /// Data rows checked (blank rows excluded).
    public var rows: Int
    public var validRows: Int
    public var invalidRows: Int
    /// Rows with at least one warning.
    public var rowsWithWarnings: Int
    /// Blank rows skipped.
    public var blankRows: Int
    public var errors: Int
    public var warnings: Int
    public var changes: Int
    /// Findings by code string.
    public var byCode: [String: Int]
    /// Errors and warnings in the report's list (changes are summarised, never listed).
    public var findingsShown: Int
    /// Valid rows that have a warning (they fail under `--strict`); not written to `report.json`.
    public var validRowsWithWarnings = 0

    public init(rows: Int = 0, validRows: Int = 0, invalidRows: Int = 0, rowsWithWarnings: Int = 0, blankRows: Int = 0,
                errors: Int = 0, warnings: Int = 0, changes: Int = 0, byCode: [String: Int] = [:], findingsShown: Int = 0) {
        self.rows = rows
        self.validRows = validRows
        self.invalidRows = invalidRows
        self.rowsWithWarnings = rowsWithWarnings
        self.blankRows = blankRows
        self.errors = errors
        self.warnings = warnings
        self.changes = changes
        self.byCode = byCode
        self.findingsShown = findingsShown
    }

    /// The counts of a summary. When the file or structure stage stopped the run, rows read before it
    /// stopped are not counted: only the sheet-wide findings the report lists.
    public init(summary: ValidationSummary, shown: Int) {
        guard summary.failed else {
            self.init(rows: summary.rowCount, validRows: summary.validRowCount, invalidRows: summary.invalidRowCount,
                      rowsWithWarnings: summary.rowsWithWarnings, blankRows: summary.blankRowCount,
                      errors: summary.errorCount, warnings: summary.warningCount, changes: summary.changeCount,
                      byCode: summary.countsByCode, findingsShown: shown)
            return
        }
        self.init(findingsShown: shown)
        for finding in summary.structureFindings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .change: changes += 1
            }
            byCode[finding.code.rawValue, default: 0] += 1
        }
    }

    /// Every finding, shown or not, changes included.
    public var findings: Int { errors + warnings + changes }

    /// Errors and warnings left out of the list by `--max-findings`.
    public var findingsNotShown: Int { max(0, errors + warnings - findingsShown) }

    /// Rows that fail: invalid rows, and under `strict` valid rows with a warning too.
    public func failingRows(strict: Bool) -> Int { invalidRows + (strict ? validRowsWithWarnings : 0) }
}
