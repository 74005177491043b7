import ArgumentParser
import Foundation
import Invitations
import Reports
import SheetIO

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Update invitations from a TechPass accounts export.",
        discussion: """
        The export (CSV or XLSX, the same file --existing takes) has an email \
        column and optionally username, TechPass status and SEED status \
        columns, headers matched like the user list's. An invitee found there \
        becomes registered (or onboarded, when the export says so) and the \
        inviter is emailed; SEED status is copied. Addresses that match no \
        invitation are counted, not an error. Registration links past their \
        lifetime are expired and their inviters emailed.

        Environment: INVITESHEET_LEDGER (the ledger when --ledger is not \
        given); INVITESHEET_NOW, an ISO 8601 time such as \
        2026-12-01T09:00:00Z that fixes the clock, for tests and replays.

        Examples:
          invitesheet sync accounts.csv
          invitesheet sync accounts.xlsx --ledger /srv/invites.sqlite --format json
        """
    )

    @Argument(help: ArgumentHelp("The accounts export (.csv or .xlsx).", valueName: "ACCOUNTS_FILE"))
    var accountsFile: String

    @Option(help: ArgumentHelp("What to print: text (for people) or json (one object).", valueName: "text|json"))
    var format: Format = .text

    @OptionGroup var ledgerOptions: LedgerOptions

    @OptionGroup var policyOption: PolicyOption

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    func run() throws {
        let policy = try policyOption.load()
        let clock = try ledgerOptions.clock()
        let traceID = TraceID.make()
        let accounts: [ExportedAccount]
        do {
            accounts = try AccountsExport.load(path: accountsFile, limits: policy.readLimits)
        } catch let error as SheetIOError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description)) (trace id \(traceID))\n")
            throw Exit.unprocessable
        } catch let error as AccountsExportError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description)) (trace id \(traceID))\n")
            throw Exit.unprocessable
        }
        let ledger = try ledgerOptions.open(policy: policy)
        let expired: Int
        let result: SyncResult
        do {
            expired = try ledger.expire(at: clock.now(), traceID: traceID)
            result = try ledger.sync(accounts: accounts, source: (accountsFile as NSString).lastPathComponent, at: clock.now(), traceID: traceID)
        } catch {
            throw LedgerFailure.report(error, traceID: traceID)
        }
        switch format {
        case .text:
            var text = "Synced \(formatCount(accounts.count)) account(s): \(formatCount(result.registered)) registered, "
            text += "\(formatCount(result.onboarded)) onboarded, \(formatCount(result.seedUpdated)) SEED status updated, "
            text += "\(formatCount(result.unchanged)) unchanged, \(formatCount(result.unknown)) not invited here"
            if result.unrecognisedStatus > 0 { text += ", \(formatCount(result.unrecognisedStatus)) with a status not understood (left as they were)" }
            text += "\nExpired: \(formatCount(expired)) registration link(s)\n"
            writeOut(text)
        case .json:
            printJSONLine(["accounts": accounts.count, "registered": result.registered, "onboarded": result.onboarded,
                           "seedUpdated": result.seedUpdated, "unchanged": result.unchanged, "unknown": result.unknown,
                           "unrecognisedStatus": result.unrecognisedStatus, "expired": expired, "traceId": traceID])
        }
        _ = try ledgerOptions.deliver(ledger, at: clock.now(), traceID: traceID, quiet: format != .text)
    }
}
