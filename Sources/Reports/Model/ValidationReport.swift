import UserList

/// One file's validation report as plain data: what was read, the outcome and counts, and the
/// findings to show. Writers (`ReportJSONWriter`, `ErrorsCSVWriter`, `TextSummaryWriter`) render it;
/// none of them decides anything.
public struct ValidationReport {
    /// The run's trace id, to quote in a service request.
    public var traceID: String
    public var input: ReportInput
    /// The sheet that was validated, when one was chosen.
    public var sheet: String?
    /// The template version the file was made from, when the header was read.
    public var templateVersion: Int?
    public var status: ValidationSummary.Status
    /// Whether warnings counted towards the exit code (`--strict`).
    public var strict: Bool
    /// 0 every row valid, 1 some rows invalid (or warnings under `--strict`), 2 not processed.
    public var exitCode: Int32
    public var counts: ReportCounts
    /// Reader notes that are not findings (text decoded as Windows-1252 …).
    public var notes: [String]
    /// The errors and warnings listed, errors first; at most `--max-findings` of them
    /// (`counts.findingsNotShown` says how many more there were).
    public var findings: FindingList
    /// The original file, when the input is a corrections workbook; its findings' `sourceRow` are rows
    /// of that file.
    public var corrects: OriginalFile?
    /// The changes, per code and field with a count and one example (never listed one by one).
    public var changes: ChangeSummary

    public init(traceID: String, input: ReportInput, sheet: String? = nil, templateVersion: Int? = nil,
                status: ValidationSummary.Status, strict: Bool = false, exitCode: Int32, counts: ReportCounts,
                notes: [String] = [], findings: FindingList, changes: ChangeSummary = ChangeSummary()) {
        self.traceID = traceID
        self.input = input
        self.sheet = sheet
        self.templateVersion = templateVersion
        self.status = status
        self.strict = strict
        self.exitCode = exitCode
        self.counts = counts
        self.notes = notes
        self.findings = findings
        self.changes = changes
    }
}

/// The file a report is about.
public struct ReportInput: Sendable, Equatable {
    /// The name the user knows the file by (as uploaded, not a temporary path).
    public var name: String
    /// Lower-case hex SHA-256 of the file's bytes; nil when the file could not be read at all.
    public var sha256: String?
    /// The file's size in bytes; nil when it could not be read.
    public var bytes: Int?

    public init(name: String, sha256: String? = nil, bytes: Int? = nil) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
    }
}
