import Digest
import GRDB
import SQLiteBind
import Mail
import UserList

/// The writes every operation shares: a new invitation with its email, an event, a queued message.
extension InvitationLedger {
    /// The current (not superseded) invitation for an address, if any.
    func current(_ db: Database, emailKey: String) throws -> InvitationRecord? {
        // Most rows of a new file match nothing: a bare id lookup first skips decoding a record.
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM invitation WHERE emailKey = ? AND supersededBy IS NULL"),
                                          arguments: [emailKey]) else { return nil }
        return try InvitationRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM invitation WHERE id = ?"), arguments: [id])
    }

    /// The kind of invitation a row gets (SPEC "Two kinds of invitee").
    func kind(for details: InviteeDetails) -> InvitationKind {
        details.isPublicOfficer && policy.isIntegratedIdentityAddress(details.email) ? .accountCreated : .registration
    }

    /// A new registration token: the link to email and the SHA-256 to store.
    func newRegistrationLink() throws -> (link: String, hash: String) {
        let token = Base64URL.encode(try SystemRandom.bytes(32))
        return (policy.registrationURL + "?token=" + token, SHA256.hex(of: token.utf8))
    }

    /// Inserts an invitation (returning its id) for `details` with its first email and the event that records it.
    func invite(_ db: Database, _ details: InviteeDetails, sourceRow: Int, submissionID: Int64, inviter: String,
                at now: Int64, traceID: String, note: String) throws -> Int64 {
        let kind = self.kind(for: details)
        let status: TechPassStatus = kind == .accountCreated ? .accountCreated : .registrationPending
        var link: (link: String, hash: String)?
        var expiresAt: Int64?
        if kind == .registration {
            link = try newRegistrationLink()
            expiresAt = now + Int64(policy.registrationLinkLifetimeDays) * 86_400
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO invitation (submissionID, sourceRow, emailKey, email, userType, username, firstName, lastName,
                contactNumber, organisation, department, seed, reason, sponsoringAgency, businessOperation, odc,
                offshoreCompany, kind, status, seedStatus, inviter, invitedAt, sentAt, expiresAt, resendCount, tokenHash, traceID,
                lastMessageID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
            """)
        // The message's row id is taken now (this transaction is the only writer), so the invitation
        // is inserted knowing it instead of being updated afterwards.
        let messageRow = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) + 1 FROM message"))!
        let d = details
        let seedStatus: SeedStatus = d.needsSeed ? .pending : .notRequired
        try statement.run([
            .integer(submissionID), SQLValue(sourceRow), .text(d.emailKey), .text(d.email), SQLValue(d.userType), SQLValue(d.username),
            SQLValue(d.firstName), SQLValue(d.lastName), SQLValue(d.contactNumber), SQLValue(d.organisation), SQLValue(d.department),
            SQLValue(d.seed), SQLValue(d.reason), SQLValue(d.sponsoringAgency), SQLValue(d.businessOperation), SQLValue(d.odc),
            SQLValue(d.offshoreCompany), SQLValue(kind), SQLValue(status), SQLValue(seedStatus), .text(inviter), .integer(now), .integer(now),
            SQLValue(expiresAt), SQLValue(link?.hash), .text(traceID), .integer(messageRow),
        ], in: db)
        let id = db.lastInsertedRowID
        try event(db, invitation: id, at: now, from: nil, to: status, actor: inviter, traceID: traceID, note: note)
        let mail = InvitationMail.invitation(details, kind: kind, inviter: inviter, expiresAt: expiresAt, policy: policy, resend: false)
        try queue(db, mail, purpose: .invitation, invitation: id, link: link?.link, at: now, traceID: traceID, rowID: messageRow)
        return id
    }

    /// Records a change of state (or a re-send, from == to).
    func event(_ db: Database, invitation: Int64, at time: Int64, from: TechPassStatus?, to: TechPassStatus,
               actor: String, traceID: String, note: String?) throws {
        try db.cachedStatement(sql: "INSERT INTO event (invitationID, at, fromStatus, toStatus, actor, traceID, note) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .run([.integer(invitation), .integer(time), SQLValue(from), SQLValue(to), .text(actor), .text(traceID), SQLValue(note)], in: db)
    }

    /// Changes an invitation's status and records the event.
    func setStatus(_ db: Database, _ invitation: InvitationRecord, to status: TechPassStatus, at time: Int64, actor: String,
                   traceID: String, note: String?) throws {
        try db.cachedStatement(sql: "UPDATE invitation SET status = ? WHERE id = ?").execute(arguments: [status, invitation.id])
        try event(db, invitation: invitation.id, at: time, from: invitation.status, to: status, actor: actor, traceID: traceID, note: note)
    }

    /// Writes a message to the outbox, to be delivered after the transaction commits. Returns its row id.
    @discardableResult
    func queue(_ db: Database, _ mail: InvitationMail.Composed, purpose: MessagePurpose, invitation: Int64?, link: String?,
               at time: Int64, traceID: String, rowID: Int64? = nil) throws -> Int64 {
        let messageID = "<" + Hex.encode(try SystemRandom.bytes(16)) + "@invitesheet.local>"
        try db.cachedStatement(sql: """
            INSERT INTO message (id, invitationID, purpose, recipient, sender, subject, body, secretLink, messageID, state,
                attempts, createdAt, nextAttemptAt, traceID)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)
            """).run([SQLValue(rowID), SQLValue(invitation), SQLValue(purpose), .text(mail.recipient), .text(policy.senderAddress),
                      .text(mail.subject), .text(mail.body), SQLValue(link), .text(messageID), .integer(time), .integer(time), .text(traceID)], in: db)
        return db.lastInsertedRowID
    }
}
