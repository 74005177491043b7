import UserList

/// The emails the invitations send, composed from the ledger's data. Plain text; the registration
/// link is kept out of the stored body (a placeholder marks its place) so it can be forgotten once
/// the message has gone.
enum InvitationMail {
    /// Marks where the link goes; control characters never survive validation, so no field can fake it.
    static let linkPlaceholder = "\u{1A}registration-link\u{1A}"
    private static let placeholderBytes = Array(linkPlaceholder.utf8)

    struct Composed {
        var recipient: String
        var subject: String
        var body: String
    }

    /// The body with the link put in (or a note that it is no longer kept).
    static func fillLink(_ body: String, link: String?) -> String {
        // On UTF-8 bytes: a search by Character cost more than composing the whole email.
        var body = body
        return body.withUTF8 { text in
            let marker = placeholderBytes
            var found: [Int] = []
            var i = 0
            while i + marker.count <= text.count {
                if text[i] == marker[0], (1..<marker.count).allSatisfy({ text[i + $0] == marker[$0] }) {
                    found.append(i)
                    i += marker.count
                } else {
                    i += 1
                }
            }
            guard !found.isEmpty else { return String(decoding: text, as: UTF8.self) }
            var filler = link ?? "(the link is not kept after the email is sent)"
            return filler.withUTF8 { filler in
                var out: [UInt8] = []
                out.reserveCapacity(text.count + (filler.count - marker.count) * found.count)
                var start = 0
                for at in found {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<at]))
                    out.append(contentsOf: filler)
                    start = at + marker.count
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// To the invitee: their account was created, or here is their registration link.
    static func invitation(_ details: InviteeDetails, kind: InvitationKind, inviter: String, expiresAt: Int64?,
                           policy: Policy, resend: Bool) -> Composed {
        // An officer invited by email gave no name yet: greet them without one, never "Dear ,".
        var lines = [details.name.map { "Dear \($0)," } ?? "Hello,", ""]
        switch kind {
        case .accountCreated:
            lines.append(resend
                ? "This is a reminder from \(inviter): a TechPass account has been created for you."
                : "\(inviter) has created a TechPass account for you.")
            lines += ["", "Your TechPass username is your government email address, \(details.email).",
                      "Sign in at https://portal.techpass.gov.sg to complete your onboarding."]
        case .registration:
            lines.append(resend
                ? "\(inviter) has sent you a new link to register for TechPass. Earlier links no longer work."
                : "\(inviter) has invited you to register for TechPass, the sign-in for the Singapore Government Tech Stack.")
            lines += ["", "Register with this link:", linkPlaceholder, ""]
            if let expiresAt {
                lines.append("The registration must be completed within \(policy.registrationLinkLifetimeDays) days, by \(LedgerTime.readable(expiresAt)); after that the link expires and \(inviter) will need to send a new one.")
            }
            if let username = details.username, !username.isEmpty { lines += ["", "Your TechPass username will be \(username)."] }
        }
        if details.needsSeed {
            lines += ["", "You also need to onboard to SEED (Security Suite for Engineering Endpoint Devices) to use",
                      "SGTS services from an internet device. After signing in, follow the SEED onboarding steps:",
                      "https://docs.developer.tech.gov.sg/docs/security-suite-for-engineering-endpoint-devices/"]
        }
        lines += ["", "If you did not expect this invitation, you can ignore this email or contact \(inviter).", ""]
        let subject: String
        switch kind {
        case .accountCreated: subject = "Your TechPass account has been created"
        case .registration: subject = resend ? "Your new TechPass registration link" : "You are invited to register for TechPass"
        }
        return Composed(recipient: details.email, subject: subject, body: lines.joined(separator: "\n"))
    }

    /// To the inviter: the invitee registered (or onboarded).
    static func registered(_ invitation: InvitationRecord, status: TechPassStatus, at time: Int64) -> Composed {
        let who = invitation.details.nameAndAddress
        let body = ["Hello,", "",
                    "\(who), whom you invited on \(LedgerTime.date(invitation.invitedAt)), has \(status == .onboarded ? "onboarded to" : "registered with") TechPass (recorded \(LedgerTime.readable(time))).",
                    "", "No action is needed.", ""].joined(separator: "\n")
        return Composed(recipient: invitation.inviter, subject: "TechPass invitation accepted: \(invitation.email)", body: body)
    }

    /// To the inviter: the registration link expired unused.
    static func expired(_ invitation: InvitationRecord, at time: Int64) -> Composed {
        let who = invitation.details.nameAndAddress
        let body = ["Hello,", "",
                    "\(who) did not complete the TechPass registration you sent on \(LedgerTime.readable(invitation.sentAt)); the link expired at \(LedgerTime.readable(invitation.expiresAt ?? time)).",
                    "", "To invite them again, re-send the invitation:", "  invitesheet resend \(invitation.email)", ""].joined(separator: "\n")
        return Composed(recipient: invitation.inviter, subject: "TechPass invitation expired: \(invitation.email)", body: body)
    }
}
