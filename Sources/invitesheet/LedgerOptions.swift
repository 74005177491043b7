import ArgumentParser
import Foundation
import Invitations
import Mail
import Reports
import SheetIO
import UserList

/// Options shared by the commands that open the invitations ledger: where it is and how mail goes.
/// The policy is `PolicyOption` (status, resend, sync) or `RulesOptions` (submit), loaded the same way.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The invitations ledger (SQLite). Default: $INVITESHEET_LEDGER, else invitesheet-ledger.sqlite here.", valueName: "PATH"))
    var ledger: String?

    @Option(help: ArgumentHelp("How emails are delivered: outbox:DIR (.eml files), smtp://host:port or smtps://host:port. Default: outbox: a folder outbox/ beside the ledger.", valueName: "DEST"))
    var mail: String?

    /// The ledger file: --ledger, else $INVITESHEET_LEDGER, else ./invitesheet-ledger.sqlite.
    var ledgerPath: String {
        if let ledger, !ledger.isEmpty { return ledger }
        if let env = ProcessInfo.processInfo.environment["INVITESHEET_LEDGER"], !env.isEmpty { return env }
        return "invitesheet-ledger.sqlite"
    }

    /// The one clock (INVITESHEET_NOW when set), or exit 64 when it is set to something else than a time.
    func clock() throws -> LedgerClock {
        do {
            return try LedgerClock.fromEnvironment()
        } catch {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(String(describing: error)))\n")
            throw Exit.usage
        }
    }

    /// Opens (or creates) the ledger; a ledger that cannot be used stops the command with exit 2.
    func open(policy: Policy) throws -> InvitationLedger {
        do {
            return try InvitationLedger.open(path: ledgerPath, policy: policy)
        } catch {
            throw LedgerFailure.report(error)
        }
    }

    /// The mail transport for --mail.
    func transport() throws -> MailTransport {
        do {
            return try MailDestinationOption.transport(for: mail, ledgerPath: ledgerPath)
        } catch let error as MailOptionError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.message))\n")
            throw Exit.usage
        }
    }

    /// Delivers what the ledger has queued, printing one line when something is left waiting.
    /// Returns false when a message failed for good.
    func deliver(_ ledger: InvitationLedger, at now: Int64, traceID: String, quiet: Bool) throws -> DeliveryReport {
        let transport = try self.transport()
        let progress = ProgressLine()
        do {
            let report = try ledger.deliverPending(using: transport, at: now, traceID: traceID, progress: quiet ? nil : { handled, waiting in
                progress.update("delivering emails: \(formatCount(handled)) of \(formatCount(waiting))")
            })
            progress.finish()
            if report.deferred > 0 {
                Terminal.standardError("invitesheet: warning: \(report.deferred) email(s) could not be delivered yet (\(Terminal.printable(report.firstError ?? "temporary failure"))); they stay queued and are retried on the next run (trace id \(traceID))\n")
            }
            if report.failed > 0 {
                Terminal.standardError("invitesheet: error: \(report.failed) email(s) were refused for good; their invitations are marked failed (see invitesheet status --state failed) (trace id \(traceID))\n")
            }
            if !quiet, report.sent > 0 {
                Terminal.standardError("invitesheet: \(formatCount(report.sent)) email(s) delivered\n")
            }
            return report
        } catch {
            progress.finish()  // before the error line, which must not land on the progress text
            throw LedgerFailure.report(error, traceID: traceID)
        }
    }
}

/// Prints a ledger failure (one line, trace id) and gives the exit code: 2 for a ledger that
/// cannot be used, 3 for anything unexpected.
enum LedgerFailure {
    static func report(_ error: Error, traceID: String = TraceID.make()) -> ExitCode {
        if let error = error as? LedgerError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description)) (trace id \(traceID))\n")
            return Exit.unprocessable
        }
        if let error = error as? ExitCode { return error }
        Terminal.standardError("invitesheet: internal error: \(Terminal.printable(String(describing: error))) (trace id \(traceID))\n")
        return Exit.internalError
    }
}
