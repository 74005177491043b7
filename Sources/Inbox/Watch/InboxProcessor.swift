import Reports
import SheetIO
import UserList

/// Where a processed file ends, named as its folder under the inbox.
public enum Outcome: String, Sendable, Equatable, CaseIterable {
    /// Every row valid.
    case accepted
    /// Some rows invalid; the valid ones were accepted.
    case needsFixing = "needs-fixing"
    /// The file or structure stage failed: nothing was accepted.
    case rejected
    /// Identical bytes were processed before; not validated again.
    case duplicates

    /// The folder's name under the inbox.
    public var folder: String { rawValue }
}

/// Row counts of one validated file (numbers only: never cell values).
public struct OutcomeCounts: Sendable, Equatable {
    public var rows = 0
    public var valid = 0
    public var invalid = 0
    public var errors = 0
    public var warnings = 0
    public var changes = 0

    public init(rows: Int = 0, valid: Int = 0, invalid: Int = 0, errors: Int = 0, warnings: Int = 0, changes: Int = 0) {
        self.rows = rows
        self.valid = valid
        self.invalid = invalid
        self.errors = errors
        self.warnings = warnings
        self.changes = changes
    }

    var dictionary: [String: Int] {
        ["rows": rows, "valid": valid, "invalid": invalid, "errors": errors, "warnings": warnings, "changes": changes]
    }
}

/// What validating one file produced.
public struct ProcessOutcome: Sendable, Equatable {
    /// accepted, needs-fixing or rejected (never duplicates).
    public var outcome: Outcome
    public var counts: OutcomeCounts
    public var traceID: String
    /// Finding counts by code, for the log (codes only, never values).
    public var codes: [String: Int]

    public init(outcome: Outcome, counts: OutcomeCounts = OutcomeCounts(), traceID: String, codes: [String: Int] = [:]) {
        self.outcome = outcome
        self.counts = counts
        self.traceID = traceID
        self.codes = codes
    }
}

/// Validates one claimed file and writes its full set of outputs into a folder. The inbox owns
/// everything else (claiming, settling, the journal, moving the input), so the validator can be
/// swapped for a fake in tests.
public protocol InboxProcessor: Sendable {
    /// Validates `file` (a path in `processing/`), writing every output into `reportDirectory`
    /// (an empty folder that exists). `displayName` is the escaped name to use in reports.
    /// Throws only when the outputs could not be written: the inbox then leaves the input in place.
    func process(file: String, displayName: String, reportDirectory: String) throws -> ProcessOutcome
}

extension InboxProcessor {
    /// Writes the report of a file that is not a spreadsheet at all (`report.json` and `errors.csv`,
    /// as for any file the file stage stops, with code `file.unsupported-format` and a message that
    /// says what the file is), and files it as rejected. `input` names the file and its hash.
    public func reject(_ input: ReportInput, reportDirectory: String, because kind: NotASpreadsheet) throws -> ProcessOutcome {
        let traceID = TraceID.make()
        let error = SheetIOError(.unsupportedFormat, kind.message, file: input.name)
        let summary = ValidationSummary.fileFailed(fileName: input.name, error: error)
        let findings = FindingList(head: summary.structureFindings)
        let report = ValidationReport(traceID: traceID, input: input, status: summary.status,
                                      exitCode: ExitStatus.code(for: summary, strict: false),
                                      counts: ReportCounts(summary: summary, shown: findings.count), findings: findings)
        let errors = try ByteSink(path: OutputFiles.path(OutputFiles.errors, in: reportDirectory))
        try ErrorsCSVWriter().write(report, to: errors)
        try errors.commit()
        let json = try ByteSink(path: OutputFiles.path(OutputFiles.report, in: reportDirectory))
        try ReportJSONWriter().write(report, to: json)
        try json.commit()
        return ProcessOutcome(outcome: .rejected, counts: OutcomeCounts(errors: summary.errorCount), traceID: traceID,
                              codes: summary.countsByCode)
    }
}
