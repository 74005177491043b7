import Invitations
import SheetIO

/// `invitations.csv`: what submitting a file did, one line per accepted row.
public enum InvitationsCSV {
    /// The file's name in an output folder.
    public static let fileName = "invitations.csv"

    /// Writes source row, email, outcome, message and invitation id for every row of `submission`
    /// (formula-like cells neutralised), atomically.
    public static func write(_ submission: SubmissionResult, to path: String) throws {
        let sink = try ByteSink(path: path)
        let csv = CSVWriter(sink: sink, neutraliseFormulas: true)
        csv.writeRow(["Source row", "Email", "Outcome", "Message", "Invitation"])
        for row in submission.rows {
            csv.writeRow([String(row.sourceRow), row.email, row.outcome.code, row.outcome.message, row.invitationID.map(String.init) ?? ""])
        }
        try sink.commit()
    }
}
