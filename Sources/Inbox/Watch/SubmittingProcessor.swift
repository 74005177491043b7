import Foundation
import Invitations
import Logging
import Mail
import Reports
import Submission
import UserList

/// The inbox's validator for `watch --submit`: validates a claimed file as `ReportsProcessor` does,
/// submits its valid rows to the ledger in one transaction, writes `invitations.csv` beside the
/// report, then delivers the mail that transaction queued.
///
/// Crash safety comes from the ledger and the journal together: the journal records the outcome only
/// after the ledger's transaction has committed, and a file whose journal entry is still "claimed"
/// is validated and submitted again on restart. The ledger finds every row of that second
/// submission already invited, so nothing is invited or sent twice; mail committed but not yet
/// delivered is delivered on restart (`deliverPending`), under the same Message-ID.
public final class SubmittingProcessor: InboxProcessor, @unchecked Sendable {
    public let policy: Policy
    public let existing: ExistingAccounts
    let ledger: InvitationLedger
    let inviter: String
    let transport: MailTransport
    let clock: LedgerClock
    let logger: Logger
    /// One delivery at a time: two workers must not hand the same queued message to the transport.
    private let deliveryLock = NSLock()

    public init(policy: Policy, existing: ExistingAccounts, ledger: InvitationLedger, inviter: String,
                transport: MailTransport, clock: LedgerClock, logger: Logger) {
        self.policy = policy
        self.existing = existing
        self.ledger = ledger
        self.inviter = inviter
        self.transport = transport
        self.clock = clock
        self.logger = logger
    }

    public func process(file: String, displayName: String, reportDirectory: String) throws -> ProcessOutcome {
        let job = ValidationJob(inputPath: file, displayName: displayName, outputDirectory: reportDirectory,
                                policy: policy, existing: existing)
        let (result, submitted) = try SubmissionRunner().run(job: job, ledger: ledger, inviter: inviter, at: clock.now())
        var outcome = ReportsProcessor.outcome(of: result)
        guard let submission = submitted else { return outcome }
        // A row whose invitee already has an account is an error for submit (exit 1): the file needs fixing.
        if outcome.outcome == .accepted && submission.counts.duplicates > 0 { outcome.outcome = .needsFixing }
        try InvitationsCSV.write(submission, to: OutputFiles.path(InvitationsCSV.fileName, in: reportDirectory))
        let c = submission.counts
        logger.info("submitted: \(c.invited) invited, \(c.overridden) overridden, \(c.alreadyInvited) already invited, \(c.duplicates) duplicates", metadata: [
            "event": "submitted", "file": .string(displayName), "traceId": .string(result.traceID),
            "submission": .string(submission.submissionID.map(String.init) ?? ""),
            "invitations": .dictionary(["invited": .stringConvertible(c.invited), "overridden": .stringConvertible(c.overridden),
                                        "alreadyInvited": .stringConvertible(c.alreadyInvited), "duplicates": .stringConvertible(c.duplicates)]),
        ])
        deliver(traceID: result.traceID)
        return outcome
    }

    /// Delivers every message waiting in the ledger. A failure is logged, never thrown: the messages
    /// stay queued and are retried after the next file and on the next start.
    public func deliver(traceID: String) {
        deliveryLock.lock()
        defer { deliveryLock.unlock() }
        do {
            let report = try ledger.deliverPending(using: transport, at: clock.now(), traceID: traceID)
            if report.sent > 0 || report.deferred > 0 || report.failed > 0 {
                let level: Logger.Level = report.deferred > 0 || report.failed > 0 ? .warning : .info
                logger.log(level: level, "mail: \(report.sent) delivered, \(report.deferred) waiting to be retried, \(report.failed) refused for good", metadata: [
                    "event": "delivered", "traceId": .string(traceID),
                    "sent": .stringConvertible(report.sent), "deferred": .stringConvertible(report.deferred),
                    "failed": .stringConvertible(report.failed), "error": .string(report.firstError ?? ""),
                ])
            }
        } catch {
            logger.error("cannot deliver mail: \(error); it stays queued and is retried", metadata: [
                "event": "delivery-error", "traceId": .string(traceID), "error": .string("\(error)"),
            ])
        }
    }
}
