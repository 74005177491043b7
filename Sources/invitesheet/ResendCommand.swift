import ArgumentParser
import Foundation
import Invitations
import Reports
import SheetIO

struct ResendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resend",
        abstract: "Send invitations again (at most once a day per invitee).",
        discussion: """
        Only while the invitee has not registered or onboarded, and at most \
        once per resend interval (24 hours, policy) after the last email to \
        them; a refusal says from when it will be possible. A registration \
        invitation gets a new link (the old one stops working) and its 5 days \
        start again; an expired invitation can be re-sent. --all-pending \
        re-sends every account-created and registration-pending invitation \
        (only yours with --inviter).

        Exit codes: 0 all re-sent; 1 any refused; 2 the ledger could not be \
        used; 3 internal error; 64 usage error.

        Environment: INVITESHEET_LEDGER (the ledger when --ledger is not \
        given); INVITESHEET_NOW, an ISO 8601 time such as \
        2026-12-01T09:00:00Z that fixes the clock, for tests and replays.

        Examples:
          invitesheet resend tan@vendor.com
          invitesheet resend tan@vendor.com lee@vendor.com --format json
          invitesheet resend --all-pending --inviter lim_kh@tech.gov.sg
        """
    )

    @Argument(help: ArgumentHelp("The invitees' addresses.", valueName: "EMAIL"))
    var emails: [String] = []

    @Flag(help: "Re-send every invitation still waiting for its invitee.")
    var allPending = false

    @Option(help: ArgumentHelp("Only invitations sent by this inviter (recorded as who re-sent them).", valueName: "EMAIL"))
    var inviter: String?

    @Option(help: ArgumentHelp("What to print: text (for people) or json (one object per invitation).", valueName: "text|json"))
    var format: Format = .text

    @OptionGroup var ledgerOptions: LedgerOptions

    @OptionGroup var policyOption: PolicyOption

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    func validate() throws {
        if emails.isEmpty && !allPending {
            throw ValidationError("Name the invitees to re-send to, e.g. invitesheet resend tan@vendor.com, or use --all-pending")
        }
        if !emails.isEmpty && allPending {
            throw ValidationError("Give either addresses or --all-pending, not both")
        }
    }

    func run() throws {
        let policy = try policyOption.load()
        let clock = try ledgerOptions.clock()
        let ledger = try ledgerOptions.open(policy: policy)
        let traceID = TraceID.make()
        let results: [ResendResult]
        do {
            try ledger.expire(at: clock.now(), traceID: traceID)
            results = try ledger.resend(allPending ? .allPending : .emails(emails), inviter: inviter, at: clock.now(), traceID: traceID)
        } catch {
            throw LedgerFailure.report(error, traceID: traceID)
        }
        let refused = results.filter { $0.outcome.isRefusal }
        let sink = ByteSink.standardOutput()
        switch format {
        case .text:
            let shown = allPending ? refused.prefix(20) : results.prefix(results.count)
            for r in shown { sink.write("\(Terminal.printable(r.email)): \(Terminal.printable(r.outcome.message))\n") }
            if allPending && refused.count > 20 { sink.write("… and \(formatCount(refused.count - 20)) more refused\n") }
            sink.write("Re-sent: \(formatCount(results.count - refused.count)), refused: \(formatCount(refused.count))\n")
        case .json:
            for r in results {
                var object: [String: Any] = ["email": r.email, "outcome": r.outcome.code, "message": r.outcome.message,
                                             "invitation": r.invitationID.map { NSNumber(value: $0) } ?? NSNull()]
                if case .tooSoon(_, let at) = r.outcome { object["availableAt"] = LedgerTime.iso(at) }
                if case .resent(let expires?) = r.outcome { object["expiresAt"] = LedgerTime.iso(expires) }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                sink.write(bytes: data)
                sink.write("\n")
            }
        }
        try sink.commit()
        let delivery = try ledgerOptions.deliver(ledger, at: clock.now(), traceID: traceID, quiet: format != .text)
        if !refused.isEmpty || delivery.failed > 0 { throw Exit.rowsInvalid }
    }
}
