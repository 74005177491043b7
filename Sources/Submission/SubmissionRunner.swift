import Invitations
import Reports
import SheetIO
import UserList

/// The ledger refused or failed a file's submission after the file was validated; `traceID` is the
/// validation run's, so the message can name it.
public struct SubmissionLedgerFailure: Error {
    public var underlying: Error
    public var traceID: String
}

/// Submits one file: validates it exactly as `validate` does (same stages and outputs), collects its
/// accepted rows, and submits them to the ledger in one transaction. Used by `submit` and by the
/// inbox's `watch --submit`, so both invite the same rows the same way.
public struct SubmissionRunner {
    public init() {}

    /// Validates `job`, then submits its accepted rows as `inviter`. Returns the validation result
    /// and the submission (nil when the file could not be processed: nothing was submitted).
    /// `onRow` and `present` are passed to `ValidationRunner`; `onRecorded` is told, while the ledger
    /// records the accepted rows, how many are done of how many. Throws `ValidationRunError` when the
    /// file could not be validated, `SubmissionLedgerFailure` when the ledger failed.
    public func run(job: ValidationJob, ledger: InvitationLedger, inviter: String, at now: Int64, dryRun: Bool = false,
                    onRow: ((RowOutcome) -> Void)? = nil,
                    present: ((ValidationReport) throws -> Void)? = nil,
                    onRecorded: ((_ done: Int, _ of: Int) -> Void)? = nil) throws -> (ValidationResult, SubmissionResult?) {
        var accepted: [AcceptedInvitee] = []
        var existingAccountRows = 0
        let result = try ValidationRunner().run(job, onRow: { outcome in
            if outcome.isValid {
                accepted.append(AcceptedInvitee(outcome))
            } else if outcome.errors.allSatisfy({ $0.code == .duplicateExistingEmail || $0.code == .duplicateExistingUsername }) {
                existingAccountRows += 1
            }
            onRow?(outcome)
        }, present: present)
        if result.exitCode == ExitStatus.unprocessable { return (result, nil) }
        let input = SubmissionInput(fileName: job.displayName, sha256: result.sha256, original: result.corrects,
                                    invalidRows: result.summary.invalidRowCount, existingAccountRows: existingAccountRows)
        do {
            let total = accepted.count
            let submission = try ledger.submit(input, rows: accepted, inviter: inviter, at: now, traceID: result.traceID, dryRun: dryRun,
                                               progress: onRecorded.map { report in { done in report(done, total) } })
            return (result, submission)
        } catch {
            throw SubmissionLedgerFailure(underlying: error, traceID: result.traceID)
        }
    }

    /// A submitted file's exit code: its validation's (0, 1, or 1 for warnings under `strict`), and 1
    /// when a row's invitee already has an account (a duplicate).
    public static func exitCode(_ validation: ValidationResult, _ submission: SubmissionResult) -> Int32 {
        max(validation.exitCode, submission.counts.duplicates > 0 ? ExitStatus.rowsInvalid : ExitStatus.ok)
    }
}
