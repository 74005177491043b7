import GRDB
import SQLiteBind
import UserList

/// Which invitations to re-send.
public enum ResendSelection: Sendable, Equatable {
    /// The current invitation of each address.
    case emails([String])
    /// Every invitation still waiting for its invitee (`account-created`, `registration-pending`).
    case allPending
}

/// What re-sending one invitation did.
public enum ResendOutcome: Sendable, Equatable {
    /// Sent again; for a registration invitation with a new link valid until `expiresAt`.
    case resent(expiresAt: Int64?)
    /// Emailed too recently: possible from `availableAt`.
    case tooSoon(lastEmail: Int64, availableAt: Int64)
    /// The invitee has registered or onboarded: nothing to re-send.
    case accountExists(TechPassStatus)
    /// Another inviter's invitation (with `--inviter`).
    case otherInviter(String)
    /// No invitation for this address.
    case notFound

    public var code: String {
        switch self {
        case .resent: return "resent"
        case .tooSoon: return "too-soon"
        case .accountExists: return "account-exists"
        case .otherInviter: return "other-inviter"
        case .notFound: return "not-found"
        }
    }

    /// One line for people (never the link).
    public var message: String {
        switch self {
        case .resent(let expiresAt?): return "re-sent with a new registration link, valid until \(LedgerTime.readable(expiresAt))"
        case .resent(nil): return "re-sent"
        case .tooSoon(let last, let available):
            return "not re-sent: last emailed \(LedgerTime.readable(last)); it can be re-sent from \(LedgerTime.readable(available))"
        case .accountExists(let status): return "not re-sent: the invitee has \(status == .onboarded ? "onboarded" : "registered") already"
        case .otherInviter(let inviter): return "not re-sent: invited by \(inviter), not by you"
        case .notFound: return "not re-sent: no invitation for this address (submit a user list to invite them)"
        }
    }

    public var isRefusal: Bool { if case .resent = self { return false } else { return true } }
}

/// One address's resend result.
public struct ResendResult: Sendable, Equatable {
    public var email: String
    public var invitationID: Int64?
    public var outcome: ResendOutcome
}

extension InvitationLedger {
    /// When an invitation can next be re-sent (SPEC "Re-sending"): nil when never (registered, onboarded, superseded).
    public func resendAvailableAt(_ invitation: InvitationRecord) -> Int64? {
        if invitation.status.accountExists || invitation.status == .superseded { return nil }
        return invitation.sentAt + Int64(policy.resendIntervalHours) * 3600
    }

    /// Re-sends invitations, in one transaction: only while the invitee has not registered or
    /// onboarded, at most once per resend interval since the last email; a registration invitation
    /// gets a new link (the old one stops working) and its lifetime restarts; an expired or
    /// undeliverable one becomes pending again. `inviter`, when given, limits it to their invitations.
    public func resend(_ selection: ResendSelection, inviter: String?, at now: Int64, traceID: String) throws -> [ResendResult] {
        try transaction("invitesheet resend") { db in
            var results: [ResendResult] = []
            switch selection {
            case .emails(let emails):
                for email in emails {
                    guard let invitation = try current(db, emailKey: InviteeDetails.key(email)) else {
                        results.append(ResendResult(email: email, invitationID: nil, outcome: .notFound))
                        continue
                    }
                    results.append(try resendOne(db, invitation, inviter: inviter, at: now, traceID: traceID))
                }
            case .allPending:
                var sql = "SELECT * FROM invitation WHERE supersededBy IS NULL AND status IN ('account-created', 'registration-pending')"
                var arguments: StatementArguments = []
                if let inviter {
                    sql += " AND inviter = ? COLLATE NOCASE"
                    arguments = [inviter]
                }
                sql += " ORDER BY id"
                // Collected first: the loop updates the rows the cursor would walk.
                let invitations = try InvitationRecord.fetchAll(db, sql: sql, arguments: arguments)
                for invitation in invitations {
                    results.append(try resendOne(db, invitation, inviter: inviter, at: now, traceID: traceID))
                }
            }
            return results
        }
    }

    private func resendOne(_ db: Database, _ invitation: InvitationRecord, inviter: String?, at now: Int64, traceID: String) throws -> ResendResult {
        func result(_ outcome: ResendOutcome) -> ResendResult {
            ResendResult(email: invitation.email, invitationID: invitation.id, outcome: outcome)
        }
        if invitation.status.accountExists { return result(.accountExists(invitation.status)) }
        if let inviter, inviter.lowercased() != invitation.inviter.lowercased() { return result(.otherInviter(invitation.inviter)) }
        let availableAt = resendAvailableAt(invitation) ?? now
        if now < availableAt { return result(.tooSoon(lastEmail: invitation.sentAt, availableAt: availableAt)) }

        let actor = inviter ?? invitation.inviter
        var link: (link: String, hash: String)?
        var expiresAt: Int64?
        let status: TechPassStatus
        switch invitation.kind {
        case .registration:
            link = try newRegistrationLink()
            expiresAt = now + Int64(policy.registrationLinkLifetimeDays) * 86_400
            status = .registrationPending
        case .accountCreated:
            status = .accountCreated
        }
        let mail = InvitationMail.invitation(invitation.details, kind: invitation.kind, inviter: invitation.inviter,
                                             expiresAt: expiresAt, policy: policy, resend: true)
        let messageRow = try queue(db, mail, purpose: .resend, invitation: invitation.id, link: link?.link, at: now, traceID: traceID)
        try db.cachedStatement(sql: """
            UPDATE invitation SET status = ?, sentAt = ?, expiresAt = COALESCE(?, expiresAt), tokenHash = COALESCE(?, tokenHash),
                resendCount = resendCount + 1, lastMessageID = ?, failureReason = NULL, failureTraceID = NULL
            WHERE id = ?
            """).run([SQLValue(status), .integer(now), SQLValue(expiresAt), SQLValue(link?.hash), .integer(messageRow), .integer(invitation.id)], in: db)
        let note = link == nil ? "re-sent" : "re-sent with a new registration link; the previous link no longer works"
        try event(db, invitation: invitation.id, at: now, from: invitation.status, to: status, actor: actor, traceID: traceID, note: note)
        return result(.resent(expiresAt: expiresAt))
    }
}
