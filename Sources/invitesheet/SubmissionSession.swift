import ArgumentParser
import Foundation
import Invitations
import Reports
import UserList

/// What `submit` and `invite` share around their submissions, so both open, check and deliver the
/// same way: the policy and existing accounts (`RulesOptions`), the inviter (a public officer's
/// address, else exit 64), the one clock, the ledger (an in-memory one for a dry run when there is
/// no ledger yet, so a dry run creates nothing), expiring overdue links on opening, and delivering
/// what the submissions queued.
struct SubmissionSession {
    let policy: Policy
    let accounts: ExistingAccounts
    /// The inviter's address, trimmed.
    let inviter: String
    let clock: LedgerClock
    let ledger: InvitationLedger
    /// The trace id of opening (expiry) and delivery.
    let traceID = TraceID.make()
    let dryRun: Bool
    private let ledgerOptions: LedgerOptions

    init(inviter: String?, rules: RulesOptions, ledgerOptions: LedgerOptions, dryRun: Bool) throws {
        policy = try rules.loadPolicy()
        guard let inviter, policy.isPublicOfficerAddress(inviter) else {
            let suffixes = policy.publicOfficerDomainSuffixes.map { "name@agency.\($0)" }.joined(separator: " or ")
            Terminal.standardError("invitesheet: error: --inviter \(Terminal.printable(inviter ?? "")) is not a public officer's address; use yours (\(suffixes))\n")
            throw Exit.usage
        }
        self.inviter = inviter.trimmingCharacters(in: .whitespaces)
        clock = try ledgerOptions.clock()
        accounts = try rules.loadExisting(limits: policy.readLimits)
        if dryRun && !FileManager.default.fileExists(atPath: ledgerOptions.ledgerPath) {
            ledger = try InvitationLedger.inMemory(policy: policy)
        } else {
            ledger = try ledgerOptions.open(policy: policy)
        }
        self.dryRun = dryRun
        self.ledgerOptions = ledgerOptions
        if !dryRun {
            do { try ledger.expire(at: clock.now(), traceID: traceID) } catch { throw LedgerFailure.report(error, traceID: traceID) }
        }
    }

    /// Delivers what is queued (nothing on a dry run); exit 1 when a message was refused for good.
    func deliver(quiet: Bool) throws -> Int32 {
        guard !dryRun else { return ExitStatus.ok }
        let report = try ledgerOptions.deliver(ledger, at: clock.now(), traceID: traceID, quiet: quiet)
        return report.failed > 0 ? ExitStatus.rowsInvalid : ExitStatus.ok
    }
}
