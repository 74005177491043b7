import GRDB

extension InvitationLedger {
    /// Expires every registration link past its lifetime and emails each inviter, in one
    /// transaction. Every command that opens the ledger calls it first. Returns how many expired.
    @discardableResult
    public func expire(at now: Int64, traceID: String) throws -> Int {
        try transaction("invitesheet: expiring registration links") { db in
            let due = try InvitationRecord.fetchAll(db, sql: """
                SELECT * FROM invitation
                WHERE status = 'registration-pending' AND supersededBy IS NULL AND expiresAt <= ?
                ORDER BY id
                """, arguments: [now])
            for invitation in due {
                try setStatus(db, invitation, to: .expired, at: now, actor: "expiry", traceID: traceID,
                              note: "the registration link expired unused")
                try queue(db, InvitationMail.expired(invitation, at: now), purpose: .expiredNotice, invitation: invitation.id,
                          link: nil, at: now, traceID: traceID)
            }
            return due.count
        }
    }
}
