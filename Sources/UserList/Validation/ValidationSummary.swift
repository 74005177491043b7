import SheetIO

/// The outcome of validating one file: which sheet and template, counts, and the findings that
/// are not about one row.
public struct ValidationSummary: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable, Codable {
        /// Every row was checked (some may be invalid).
        case completed
        /// The file could not be read (file stage): exit 2.
        case fileFailed
        /// The sheet could not be understood, or has too many rows (structure stage): exit 2.
        case structureFailed
    }

    public var status: Status
    public var fileName: String
    public var sheetIndex: Int?
    public var sheetName: String?
    public var headerRowNumber: Int?
    public var columns: ColumnMap?
    public var templateVersion: Int?
    public var templateVersionSource: TemplateVersionSource?
    /// The original file, when the file validated is a corrections workbook (its `_meta` names it):
    /// the rows are that file's rows, and each outcome's `sourceRow` is its row there. What a ledger
    /// checks a resubmission against. Nil for an ordinary upload.
    public var corrects: OriginalFile?
    /// File- and structure-stage findings, warnings included (unknown columns, older template, hidden sheets).
    public var structureFindings: [Finding]
    /// Findings known only once the whole sheet is read: `excel.merged-cell` for merged ranges that
    /// reach into data rows (the reader learns merges after the rows). Not given to `onRow`.
    public var extraFindings: [Finding]
    /// Reader notes that are not findings (such as text decoded as Windows-1252).
    public var sourceWarnings: [String]
    /// What the reader learned at the end of the sheet (used range, merges).
    public var sheetSummary: SheetSummary?

    /// Data rows checked (blank rows excluded).
    public var rowCount = 0
    public var validRowCount = 0
    public var invalidRowCount = 0
    /// Rows with at least one warning.
    public var rowsWithWarnings = 0
    /// Blank rows skipped between data rows (including formatting-only rows).
    public var blankRowCount = 0
    /// Findings by severity, over rows, structure and extra findings.
    public var errorCount = 0
    public var warningCount = 0
    public var changeCount = 0
    /// Findings by code string.
    public var countsByCode: [String: Int] = [:]

    public init(status: Status = .completed, fileName: String, structureFindings: [Finding] = [],
                extraFindings: [Finding] = [], sourceWarnings: [String] = []) {
        self.status = status
        self.fileName = fileName
        self.structureFindings = structureFindings
        self.extraFindings = extraFindings
        self.sourceWarnings = sourceWarnings
    }

    /// A summary for a file that could not be opened or read.
    public static func fileFailed(fileName: String, error: SheetIOError) -> ValidationSummary {
        var summary = ValidationSummary(status: .fileFailed, fileName: fileName)
        summary.add(structureFinding: FileStage.finding(for: error))
        return summary
    }

    /// True when the file or structure stage stopped the run.
    public var failed: Bool { status != .completed }

    /// Findings that are not about one row: structure first, then extra.
    public var sheetFindings: [Finding] { structureFindings + extraFindings }

    mutating func count(_ finding: Finding) {
        switch finding.severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        case .change: changeCount += 1
        }
        countsByCode[finding.code.rawValue, default: 0] += 1
    }

    mutating func add(structureFinding finding: Finding) {
        structureFindings.append(sheetWide(finding))
        count(finding)
    }

    mutating func add(extraFinding finding: Finding) {
        extraFindings.append(sheetWide(finding))
        count(finding)
    }

    /// A sheet-wide finding is about this file's cells; in a corrections workbook they are no row of the original.
    private func sheetWide(_ finding: Finding) -> Finding {
        guard corrects != nil else { return finding }
        var finding = finding
        finding.sourceRow = nil
        return finding
    }

    mutating func count(_ outcome: RowOutcome) {
        rowCount += 1
        if outcome.isValid { validRowCount += 1 } else { invalidRowCount += 1 }
        var warned = false
        for f in outcome.findings {
            count(f)
            if f.severity == .warning { warned = true }
        }
        if warned { rowsWithWarnings += 1 }
    }
}
