import Foundation
import Invitations
import SheetIO

/// What `submit` prints (invitations.csv is written by the Submission layer).
enum SubmitOutput {
    /// The counts, and the rows that need attention (duplicates first), at most 20 of them.
    static func printText(_ submission: SubmissionResult, dryRun: Bool, outputs: [String]) {
        let c = submission.counts
        var text = dryRun ? "Dry run, nothing changed or sent. Would have: " : "Invitations: "
        text += "\(formatCount(c.invited)) invited, \(formatCount(c.overridden)) overridden, \(formatCount(c.alreadyInvited)) already invited, "
        text += "\(formatCount(c.duplicates)) duplicate\(c.duplicates == 1 ? "" : "s"), \(formatCount(c.invalid)) invalid\n"
        let notable = submission.rows.filter { $0.outcome.isError } + submission.rows.filter { !$0.outcome.isError && $0.outcome.code != "invited" }
        for row in notable.prefix(20) {
            text += "  Row \(row.sourceRow): \(Terminal.printable(row.email)): \(Terminal.printable(row.outcome.message))\n"
        }
        if notable.count > 20 { text += "  … and \(formatCount(notable.count - 20)) more (see invitations.csv with --out)\n" }
        if !outputs.isEmpty { text += "Wrote: \(outputs.map(Terminal.printable).joined(separator: ", "))\n" }
        let sink = ByteSink.standardOutput()
        sink.write(text)
        try? sink.commit()
    }

    /// One JSON object on one line.
    static func printJSON(_ submission: SubmissionResult, file: String, sha256: String, traceID: String, exitCode: Int32,
                          dryRun: Bool, outputs: [String]) {
        var object = jsonFields(submission, sha256: sha256, traceID: traceID, exitCode: exitCode, dryRun: dryRun)
        object["file"] = file
        object["outputs"] = outputs
        printJSONLine(object)
    }

    /// The members `submit --format json` and `invite --format json` share, so they stay alike.
    static func jsonFields(_ submission: SubmissionResult, sha256: String, traceID: String, exitCode: Int32,
                           dryRun: Bool) -> [String: Any] {
        let c = submission.counts
        return [
            "sha256": sha256, "traceId": traceID, "exitCode": Int(exitCode), "dryRun": dryRun,
            "submission": submission.submissionID.map { NSNumber(value: $0) } ?? NSNull(),
            "counts": ["invited": c.invited, "overridden": c.overridden, "alreadyInvited": c.alreadyInvited,
                       "duplicates": c.duplicates, "invalid": c.invalid],
        ]
    }
}

/// Prints one JSON object as one line on standard output.
func printJSONLine(_ object: Any) {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    let sink = ByteSink.standardOutput()
    sink.write(bytes: data)
    sink.write("\n")
    try? sink.commit()
}

/// Writes text to standard output through the same buffer as the other outputs.
func writeOut(_ text: String) {
    let sink = ByteSink.standardOutput()
    sink.write(text)
    try? sink.commit()
}
