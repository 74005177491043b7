import UserList

/// What a validation run produced.
public struct ValidationResult {
    public var summary: ValidationSummary
    /// The run's trace id (also in `report.json` and printed with any failure).
    public var traceID: String
    /// Lower-case hex SHA-256 of the input file's bytes; empty when the file could not be read.
    public var sha256: String
    /// 0 every row valid, 1 some rows invalid (or, with `strict`, any warning), 2 not processed.
    public var exitCode: Int32
    /// Paths of the files written, in the order written.
    public var outputs: [String]
    /// The input file's size in bytes; nil when it could not be read.
    public var inputBytes: Int?
    /// Findings left out of the lists by `maxFindings`.
    public var findingsNotShown: Int

    /// The original file when the input is a corrections workbook (`summary.corrects`): each row
    /// outcome's `sourceRow` is a row of that file. Nil for an ordinary upload.
    public var corrects: OriginalFile? { summary.corrects }

    /// The first upload this input's rows come from: the original it corrects, or the input itself
    /// (this run's name, SHA-256 and trace id). What a ledger keys rows by (`sourceRow` of this file),
    /// so a resubmitted correction is checked against what its original already submitted. Nil when
    /// the file could not be read.
    public var originalFile: OriginalFile? {
        if let corrects { return corrects }
        guard !sha256.isEmpty else { return nil }
        return OriginalFile(name: ValidationJob.fileName(of: summary.fileName), sha256: sha256, traceID: traceID)
    }

    public init(summary: ValidationSummary, traceID: String, sha256: String, exitCode: Int32, outputs: [String],
                inputBytes: Int? = nil, findingsNotShown: Int = 0) {
        self.summary = summary
        self.traceID = traceID
        self.sha256 = sha256
        self.exitCode = exitCode
        self.outputs = outputs
        self.inputBytes = inputBytes
        self.findingsNotShown = findingsNotShown
    }
}

/// A run that could not finish for a reason other than the input file: an output could not be written,
/// or something unexpected (a bug). Carries the trace id to print.
public struct ValidationRunError: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// An output file or the output folder could not be written (exit 2: the file was not processed).
        case output
        /// Anything else: a bug (exit 3).
        case `internal`
    }

    public var kind: Kind
    public var traceID: String
    /// The input's display name.
    public var file: String
    public var underlying: Error

    public init(kind: Kind, traceID: String, file: String, underlying: Error) {
        self.kind = kind
        self.traceID = traceID
        self.file = file
        self.underlying = underlying
    }

    /// The exit code for this failure.
    public var exitCode: Int32 { kind == .output ? ExitStatus.unprocessable : ExitStatus.internalError }

    public var description: String {
        switch kind {
        case .output: return "\(file): cannot write the results: \(underlying) (trace id \(traceID))"
        case .internal: return "\(file): internal error: \(underlying) (trace id \(traceID))"
        }
    }
}
