import Reports
import UserList

/// The inbox's validator: runs `ValidationRunner` on a claimed file with the full `--out` set of
/// `validate` (report.json, errors.csv, corrections.xlsx, accepted.csv, accepted.jsonl).
public struct ReportsProcessor: InboxProcessor {
    public var policy: Policy
    public var existing: ExistingAccounts

    public init(policy: Policy = .default, existing: ExistingAccounts = .none) {
        self.policy = policy
        self.existing = existing
    }

    public func process(file: String, displayName: String, reportDirectory: String) throws -> ProcessOutcome {
        let job = ValidationJob(inputPath: file, displayName: displayName, outputDirectory: reportDirectory,
                                policy: policy, existing: existing)
        return Self.outcome(of: try ValidationRunner().run(job))
    }

    /// Where a validated file is filed: by its exit code, as `validate` would exit.
    static func outcome(of result: ValidationResult) -> ProcessOutcome {
        let summary = result.summary
        let outcome: Outcome
        switch result.exitCode {
        case ExitStatus.ok: outcome = .accepted
        case ExitStatus.rowsInvalid: outcome = .needsFixing
        default: outcome = .rejected
        }
        let counts = OutcomeCounts(rows: summary.rowCount, valid: summary.validRowCount, invalid: summary.invalidRowCount,
                                   errors: summary.errorCount, warnings: summary.warningCount, changes: summary.changeCount)
        return ProcessOutcome(outcome: outcome, counts: counts, traceID: result.traceID, codes: summary.countsByCode)
    }
}
