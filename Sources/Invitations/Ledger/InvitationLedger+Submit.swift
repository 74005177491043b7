import GRDB
import UserList

/// A file being submitted: what identifies it in the ledger.
public struct SubmissionInput: Sendable, Equatable {
    /// The name the user knows the file by.
    public var fileName: String
    /// Lower-case hex SHA-256 of the file's bytes as uploaded.
    public var sha256: String
    /// For a corrections workbook: the file it corrects (whose accepted rows are not submitted again).
    public var original: OriginalFile?
    /// Rows that failed validation (recorded in the submission's counts).
    public var invalidRows: Int
    /// Of those, rows refused only because the accounts export (`--existing`) lists the address:
    /// counted as duplicates, as SPEC calls them.
    public var existingAccountRows: Int

    public init(fileName: String, sha256: String, original: OriginalFile? = nil, invalidRows: Int = 0, existingAccountRows: Int = 0) {
        self.fileName = fileName
        self.sha256 = sha256
        self.original = original
        self.invalidRows = invalidRows
        self.existingAccountRows = existingAccountRows
    }
}

/// What submitting one accepted row did (SPEC "Submitting a row").
public enum SubmitOutcome: Sendable, Equatable {
    /// A new invitation.
    case invited(InvitationKind)
    /// A new invitation replacing a pending (or expired, or undeliverable) one with other details.
    case overridden(previous: Int64)
    /// Pending with the same details: nothing sent.
    case alreadyInvited(on: Int64)
    /// A corrections workbook's row that its original file already submitted: nothing sent.
    case alreadySubmitted(file: String, on: Int64)
    /// The invitee has registered or onboarded: an error.
    case duplicate(TechPassStatus)

    /// A short code for files and programs.
    public var code: String {
        switch self {
        case .invited: return "invited"
        case .overridden: return "overridden"
        case .alreadyInvited: return "already-invited"
        case .alreadySubmitted: return "already-submitted"
        case .duplicate: return "duplicate"
        }
    }

    /// One line for people.
    public var message: String {
        switch self {
        case .invited(.accountCreated): return "invited: account created, onboarding email sent"
        case .invited(.registration): return "invited: registration link sent"
        case .overridden(let previous): return "invited: replaces invitation \(previous) (its link no longer works)"
        case .alreadyInvited(let on):
            return "already invited on \(LedgerTime.date(on)); nothing sent (to send it again: invitesheet resend <email>)"
        case .alreadySubmitted(let file, let on):
            return "already submitted from \(file) on \(LedgerTime.date(on)); nothing sent"
        case .duplicate(let status):
            return "duplicate entry: the account exists (\(status.rawValue)); raise a service request to change its details"
        }
    }

    /// True when the row is an error (exit 1).
    public var isError: Bool { if case .duplicate = self { return true } else { return false } }
}

/// One row's result.
public struct SubmittedRow: Sendable, Equatable {
    public var sourceRow: Int
    public var email: String
    public var outcome: SubmitOutcome
    /// The invitation the row created or found; nil for a duplicate.
    public var invitationID: Int64?
}

/// Counts over a submission.
public struct SubmissionCounts: Sendable, Equatable, Codable {
    public var invited = 0
    public var overridden = 0
    public var alreadyInvited = 0
    public var duplicates = 0
    public var invalid = 0

    public init() {}

    mutating func add(_ outcome: SubmitOutcome) {
        switch outcome {
        case .invited: invited += 1
        case .overridden: overridden += 1
        case .alreadyInvited, .alreadySubmitted: alreadyInvited += 1
        case .duplicate: duplicates += 1
        }
    }
}

/// What `submit` did with one file.
public struct SubmissionResult: Sendable {
    /// The submission's id in the ledger (nil on a dry run).
    public var submissionID: Int64?
    public var rows: [SubmittedRow]
    public var counts: SubmissionCounts
    /// Set when the file is a corrections workbook whose original is not in the ledger.
    public var originalNotFound: Bool
}

extension InvitationLedger {
    /// Turns one file's accepted rows into invitations, all in one transaction (every row or none).
    /// With `dryRun`, works out the same results and rolls everything back. `progress` is told how
    /// many rows are done after each one (for a progress line on long files).
    public func submit(_ file: SubmissionInput, rows: some Sequence<AcceptedInvitee>, inviter: String, at now: Int64,
                       traceID: String, dryRun: Bool = false, progress: ((Int) -> Void)? = nil) throws -> SubmissionResult {
        try transaction("invitesheet submit \(file.fileName)", commit: !dryRun) { db in
            try db.execute(sql: """
                INSERT INTO submission (fileName, sha256, traceID, inviter, submittedAt, invalidCount, originalFileName, originalSha256, originalTraceID)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [file.fileName, file.sha256, traceID, inviter, now, file.invalidRows - file.existingAccountRows, file.original?.name,
                                 file.original?.sha256, file.original?.traceID])
            let submissionID = db.lastInsertedRowID
            var originalSubmissions: Set<Int64> = []
            var originalNotFound = false
            if let original = file.original {
                originalSubmissions = try Set(Int64.fetchAll(db, sql: "SELECT id FROM submission WHERE sha256 = ? AND id <> ?",
                                                             arguments: [original.sha256, submissionID]))
                originalNotFound = originalSubmissions.isEmpty
            }
            var counts = SubmissionCounts()
            counts.invalid = file.invalidRows - file.existingAccountRows
            counts.duplicates = file.existingAccountRows
            var results: [SubmittedRow] = []
            var accepted = 0
            for row in rows {
                accepted += 1
                let result = try submitRow(db, row, submissionID: submissionID, originalSubmissions: originalSubmissions,
                                           originalName: file.original?.name, inviter: inviter, at: now, traceID: traceID)
                counts.add(result.outcome)
                results.append(result)
                progress?(accepted)
            }
            try db.execute(sql: """
                UPDATE submission SET acceptedRows = ?, invitedCount = ?, overriddenCount = ?, alreadyInvitedCount = ?, duplicateCount = ?
                WHERE id = ?
                """, arguments: [accepted, counts.invited, counts.overridden, counts.alreadyInvited, counts.duplicates, submissionID])
            return SubmissionResult(submissionID: dryRun ? nil : submissionID, rows: results, counts: counts, originalNotFound: originalNotFound)
        }
    }

    private func submitRow(_ db: Database, _ row: AcceptedInvitee, submissionID: Int64, originalSubmissions: Set<Int64>,
                           originalName: String?, inviter: String, at now: Int64, traceID: String) throws -> SubmittedRow {
        let details = row.details
        func result(_ outcome: SubmitOutcome, _ id: Int64?) -> SubmittedRow {
            SubmittedRow(sourceRow: row.sourceRow, email: details.email, outcome: outcome, invitationID: id)
        }
        guard let existing = try current(db, emailKey: details.emailKey) else {
            let id = try invite(db, details, sourceRow: row.sourceRow, submissionID: submissionID, inviter: inviter, at: now,
                                traceID: traceID, note: "invited")
            return result(.invited(kind(for: details)), id)
        }
        if existing.status.accountExists { return result(.duplicate(existing.status), nil) }
        if originalSubmissions.contains(existing.submissionID), let originalName {
            return result(.alreadySubmitted(file: originalName, on: existing.invitedAt), existing.id)
        }
        if existing.status.isPending && existing.details.sameDetails(as: details) {
            return result(.alreadyInvited(on: existing.invitedAt), existing.id)
        }
        // Changed details (or an expired or undeliverable invitation): the new one overrides the old.
        try db.cachedStatement(sql: "UPDATE invitation SET supersededBy = -1 WHERE id = ?").execute(arguments: [existing.id])
        let id = try invite(db, details, sourceRow: row.sourceRow, submissionID: submissionID, inviter: inviter, at: now,
                            traceID: traceID, note: "invited, replacing invitation \(existing.id)")
        try db.cachedStatement(sql: "UPDATE invitation SET supersededBy = ? WHERE id = ?").execute(arguments: [id, existing.id])
        try setStatus(db, existing, to: .superseded, at: now, actor: inviter, traceID: traceID, note: "replaced by invitation \(id)")
        return result(.overridden(previous: existing.id), id)
    }
}
