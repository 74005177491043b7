import GRDB

/// Which invitations `status` lists.
public struct StatusFilter: Sendable, Equatable {
    /// Only this inviter's (ignoring case).
    public var inviter: String?
    /// Only these TechPass statuses; empty lists every current invitation (superseded ones only when asked).
    public var states: [TechPassStatus]
    /// Only this address (ignoring case), its superseded invitations included.
    public var email: String?

    public init(inviter: String? = nil, states: [TechPassStatus] = [], email: String? = nil) {
        self.inviter = inviter
        self.states = states
        self.email = email
    }
}

/// When an invitation can be re-sent.
public enum ResendAvailability: Sendable, Equatable {
    case now
    case from(Int64)
    case notAvailable(TechPassStatus)

    /// "available now", "from 2026-12-02 09:00 UTC", "not available: registered".
    public var text: String {
        switch self {
        case .now: return "available now"
        case .from(let time): return "from \(LedgerTime.readable(time))"
        case .notAvailable(let status): return "not available: \(status.rawValue)"
        }
    }
}

/// One line of the "Invite User Status" page.
public struct StatusEntry: Sendable {
    public var invitation: InvitationRecord
    public var resend: ResendAvailability
    /// The last email to the invitee: its state and times.
    public var deliveryState: MessageState?
    public var deliveryCreatedAt: Int64?
    public var deliverySentAt: Int64?
    public var deliveryError: String?
    /// Every event, oldest first (only when asked for).
    public var events: [EventRecord]

    /// "sent 2026-12-01 09:00 UTC", "queued since …", "failed: <reply>".
    public var deliveryText: String {
        switch deliveryState {
        case .sent?: return "sent \(deliverySentAt.map(LedgerTime.readable) ?? "")"
        case .queued?, .sending?:
            let since = "queued since \(deliveryCreatedAt.map(LedgerTime.readable) ?? "")"
            return deliveryError.map { "\(since) (\($0))" } ?? since
        case .failed?: return "failed: \(deliveryError ?? "refused")"
        case nil: return ""
        }
    }
}

extension InvitationLedger {
    /// Streams the invitations `filter` selects, oldest first, to `body` — through a cursor, so a
    /// ledger of any size is listed in bounded memory. Returns how many were listed.
    @discardableResult
    public func status(filter: StatusFilter, at now: Int64, history: Bool = false, _ body: (StatusEntry) throws -> Void) throws -> Int {
        try reading { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let inviter = filter.inviter {
                conditions.append("i.inviter = ? COLLATE NOCASE")
                _ = arguments.append(contentsOf: [inviter])
            }
            if let email = filter.email {
                conditions.append("i.emailKey = ?")
                _ = arguments.append(contentsOf: [InviteeDetails.key(email)])
            }
            if !filter.states.isEmpty {
                conditions.append("i.status IN (\(filter.states.map { _ in "?" }.joined(separator: ", ")))")
                _ = arguments.append(contentsOf: StatementArguments(filter.states.map(\.rawValue)))
            }
            if filter.email == nil && !filter.states.contains(.superseded) {
                conditions.append("i.supersededBy IS NULL")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let sql = """
                SELECT i.*, m.state AS mState, m.createdAt AS mCreatedAt, m.sentAt AS mSentAt, m.lastError AS mError
                FROM invitation i LEFT JOIN message m ON m.id = i.lastMessageID
                \(whereClause) ORDER BY i.id
                """
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            let eventsStatement = try db.makeStatement(sql: "SELECT * FROM event WHERE invitationID = ? ORDER BY id")
            var count = 0
            while let row = try cursor.next() {
                let invitation = try InvitationRecord(row: row)
                let resend: ResendAvailability
                if let availableAt = resendAvailableAt(invitation) {
                    resend = availableAt <= now ? .now : .from(availableAt)
                } else {
                    resend = .notAvailable(invitation.status)
                }
                let events = history ? try EventRecord.fetchAll(eventsStatement, arguments: [invitation.id]) : []
                try body(StatusEntry(invitation: invitation, resend: resend, deliveryState: row["mState"], deliveryCreatedAt: row["mCreatedAt"],
                                     deliverySentAt: row["mSentAt"], deliveryError: row["mError"], events: events))
                count += 1
            }
            return count
        }
    }
}
