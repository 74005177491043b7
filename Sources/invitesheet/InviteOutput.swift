import Foundation
import Invitations
import Reports
import SheetIO
import Submission
import UserList

/// What `invite` prints: the person's findings as a file's summary lists them, each naming its
/// option (errors, then warnings, then one line per change), then one line with the outcome.
struct InviteOutput {
    let row: RowOutcome
    let submission: SubmissionResult
    /// `--email` as typed, for the outcome line when the row has no valid address.
    let typedEmail: String
    let traceID: String
    let sha256: String
    let exitCode: Int32
    let dryRun: Bool

    /// The invitee's address: as the ledger has it, else as typed.
    var email: String { submission.rows.first?.email ?? row.values[.email] ?? typedEmail }

    /// `invited`, `overridden`, `already-invited`, `duplicate` (in the ledger or in `--existing`) or `invalid`.
    var outcome: String {
        if let submitted = submission.rows.first { return submitted.outcome.code }
        return submission.counts.duplicates > 0 ? "duplicate" : "invalid"
    }

    /// The outcome for people: the ledger's words, or why nobody was invited.
    var message: String {
        if let submitted = submission.rows.first { return submitted.outcome.message }
        if submission.counts.duplicates > 0 {
            return "duplicate entry: the account exists (listed in --existing); raise a service request to change its details"
        }
        return "not invited: \(formatCount(row.errors.count, "error")) to fix"
    }

    /// Errors, then warnings, then changes, each in the order the stages found them.
    private var findings: [Finding] { row.errors + row.warnings + row.changes }

    func printText() {
        let writer = TextSummaryWriter(colour: false)
        var text = ""
        for severity in [Severity.error, .warning] {
            let listed = findings.filter { $0.severity == severity }
            guard !listed.isEmpty else { continue }
            text += (severity == .error ? "Errors" : "Warnings") + "\n"
            for finding in listed { text += writer.lines(for: finding, place: FieldOption.name(of: finding)) }
            text += "\n"
        }
        var changes = ChangeSummary()
        changes.add(row)
        if !changes.isEmpty {
            text += "Changes made\n"
            for entry in changes.entries {
                let place = entry.field.map(FieldOption.name) ?? "The person"
                text += "  " + ChangeSummaryText.line(entry, place: place) + " [\(entry.code.rawValue)]\n"
            }
            text += "\n"
        }
        if dryRun { text += "Dry run, nothing changed or sent. " }
        text += "\(Terminal.printable(email)): \(Terminal.printable(message))"
        if exitCode != ExitStatus.ok { text += " (exit \(exitCode), trace id \(traceID))" }
        writeOut(text + "\n")
    }

    /// One JSON object: the fields of `submit --format json` that apply, the outcome and the findings.
    func printJSON() {
        let listed: [[String: Any]] = findings.map { f in
            var object: [String: Any] = [
                "option": FieldOption.name(of: f) ?? NSNull(), "field": f.field ?? NSNull(), "code": f.code.rawValue,
                "severity": f.severity.rawValue, "message": f.message, "hint": f.hint ?? f.code.fix, "value": f.value ?? NSNull(),
            ]
            if f.severity == .change { object["after"] = f.fieldKey.flatMap { row.values[$0] } ?? NSNull() }
            return object
        }
        var object = SubmitOutput.jsonFields(submission, sha256: sha256, traceID: traceID, exitCode: exitCode, dryRun: dryRun)
        object["email"] = email
        object["outcome"] = outcome
        object["message"] = message
        object["invitation"] = submission.rows.first?.invitationID.map { NSNumber(value: $0) } ?? NSNull()
        object["findings"] = listed
        printJSONLine(object)
    }
}
