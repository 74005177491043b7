import GRDB

/// What a sync changed.
public struct SyncResult: Sendable, Equatable, Codable {
    /// Invitations that became `registered`.
    public var registered = 0
    /// Invitations that became `onboarded`.
    public var onboarded = 0
    /// Invitations whose SEED status changed.
    public var seedUpdated = 0
    /// Accounts that matched an invitation and changed nothing.
    public var unchanged = 0
    /// Accounts whose email matches no invitation (counted, not an error).
    public var unknown = 0
    /// Accounts whose status text was not understood (their invitation is left as it is).
    public var unrecognisedStatus = 0

    public init() {}
}

extension InvitationLedger {
    /// Brings invitations in step with a TechPass accounts export, in one transaction: an account
    /// that exists marks its registration invitation `registered` (or `onboarded`), SEED status is
    /// copied, and the inviter is emailed for each registration. Emails that match no invitation
    /// are counted.
    public func sync(accounts: some Sequence<ExportedAccount>, source: String, at now: Int64, traceID: String) throws -> SyncResult {
        try transaction("invitesheet sync \(source)") { db in
            var result = SyncResult()
            for account in accounts {
                guard let invitation = try current(db, emailKey: InviteeDetails.key(account.email)) else {
                    result.unknown += 1
                    continue
                }
                var changed = false
                let reported = AccountStatusText.techPass(account.techPassStatus)
                if reported == nil, let text = account.techPassStatus, !AccountStatusText.isPending(text) { result.unrecognisedStatus += 1 }
                if let target = reported.flatMap({ nextStatus(invitation, reported: $0) }) {
                    try setStatus(db, invitation, to: target, at: now, actor: "sync", traceID: traceID,
                                  note: "accounts export \(source), row \(account.row)")
                    if target == .registered { result.registered += 1 } else { result.onboarded += 1 }
                    if !invitation.status.accountExists {
                        try queue(db, InvitationMail.registered(invitation, status: target, at: now), purpose: .registeredNotice,
                                  invitation: invitation.id, link: nil, at: now, traceID: traceID)
                    }
                    changed = true
                }
                if let username = account.username, username != invitation.techPassUsername {
                    try db.execute(sql: "UPDATE invitation SET techPassUsername = ? WHERE id = ?", arguments: [username, invitation.id])
                }
                if let seed = AccountStatusText.seed(account.seedStatus), seed != invitation.seedStatus {
                    try db.execute(sql: "UPDATE invitation SET seedStatus = ? WHERE id = ?", arguments: [seed, invitation.id])
                    let status = try TechPassStatus.fetchOne(db, sql: "SELECT status FROM invitation WHERE id = ?", arguments: [invitation.id])!
                    try event(db, invitation: invitation.id, at: now, from: status, to: status, actor: "sync", traceID: traceID,
                              note: "SEED \(invitation.seedStatus.rawValue) → \(seed.rawValue)")
                    result.seedUpdated += 1
                    changed = true
                }
                if !changed { result.unchanged += 1 }
            }
            return result
        }
    }

    /// The state an invitation moves to when the export reports `reported`; nil when it stays.
    private func nextStatus(_ invitation: InvitationRecord, reported: TechPassStatus) -> TechPassStatus? {
        switch (invitation.status, reported) {
        case (.onboarded, _), (.registered, .registered), (.superseded, _): return nil
        case (.accountCreated, .registered): return nil  // the account was created at once; waiting for onboarding
        case (_, .onboarded): return .onboarded
        case (_, .registered): return .registered
        default: return nil
        }
    }
}

/// How an accounts export's free-text statuses map onto the ledger's.
enum AccountStatusText {
    /// `onboarded` / `registered` (an account that exists and is not yet onboarded); nil for pending,
    /// unknown or blank text. A listed account with no status column at all counts as registered.
    static func techPass(_ text: String?) -> TechPassStatus? {
        guard let text else { return .registered }
        switch fold(text) {
        case "onboarded", "onboard", "active", "activated", "complete", "completed": return .onboarded
        case "registered", "account-created", "created", "exists", "existing": return .registered
        default: return nil
        }
    }

    /// Text that says the account is still waiting (no change to make).
    static func isPending(_ text: String) -> Bool {
        ["pending", "registration-pending", "invited", "pending-registration"].contains(fold(text))
    }

    static func seed(_ text: String?) -> SeedStatus? {
        guard let text else { return nil }
        switch fold(text) {
        case "onboarded", "complete", "completed", "done", "active": return .onboarded
        case "pending", "in-progress", "required", "yes": return .pending
        case "not-required", "no", "n/a", "na", "none", "not-applicable": return .notRequired
        default: return nil
        }
    }

    private static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: "-")
    }
}
