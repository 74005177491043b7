import ArgumentParser
import Foundation
import Invitations
import Reports
import SheetIO

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List invitations and where each one stands (Invite User Status).",
        discussion: """
        One line per invitation: first name, last name, email address, \
        organisation, department, date of invite, TechPass status, SEED status, \
        when it can be re-sent, and its last email (sent, or "queued since" \
        when it is waiting for the mail relay). Superseded invitations are \
        listed only with --state superseded or --email. An empty selection \
        prints "No record found". Registration links past their lifetime are \
        expired first; status never sends mail itself.

        States: account-created, registration-pending, registered, onboarded, \
        expired, superseded, failed.

        Environment: INVITESHEET_LEDGER (the ledger when --ledger is not \
        given); INVITESHEET_NOW, an ISO 8601 time such as \
        2026-12-01T09:00:00Z that fixes the clock, for tests and replays.

        Examples:
          invitesheet status
          invitesheet status --inviter lim_kh@tech.gov.sg --state expired
          invitesheet status --format xlsx -o status.xlsx
          invitesheet status --email tan@vendor.com --history
        """
    )

    @Option(help: ArgumentHelp("Only invitations sent by this inviter.", valueName: "EMAIL"))
    var inviter: String?

    @Option(help: ArgumentHelp("Only invitations in this TechPass state (repeatable).", valueName: "STATE"))
    var state: [TechPassStatus] = []

    @Option(help: ArgumentHelp("Only this invitee (all their invitations, superseded ones too).", valueName: "EMAIL"))
    var email: String?

    @Option(help: ArgumentHelp("text (a table), csv, json (one object per line) or xlsx (needs -o).", valueName: "text|csv|json|xlsx"))
    var format: Format = .text

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Add every event of each invitation (time, from, to, who, trace id).")
    var history = false

    @OptionGroup var ledgerOptions: LedgerOptions

    @OptionGroup var policyOption: PolicyOption

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, csv, json, xlsx }

    func validate() throws {
        if format == .xlsx && output == nil {
            throw ValidationError("--format xlsx needs a file to write, e.g. -o status.xlsx")
        }
    }

    func run() throws {
        let policy = try policyOption.load()
        let clock = try ledgerOptions.clock()
        let ledger = try ledgerOptions.open(policy: policy)
        let traceID = TraceID.make()
        let filter = StatusFilter(inviter: inviter, states: state, email: email)
        do {
            try ledger.expire(at: clock.now(), traceID: traceID)
            let count = try StatusOutput.write(ledger, filter: filter, at: clock.now(), history: history, format: format, to: output)
            if count == 0 && format == .text && output == nil { writeOut("No record found\n") }
            if count == 0 && output != nil { Terminal.standardError("invitesheet: No record found\n") }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw LedgerFailure.report(error, traceID: traceID)
        }
    }
}

extension TechPassStatus: ExpressibleByArgument {}
