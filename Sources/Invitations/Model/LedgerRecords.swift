import GRDB
import Mail

/// A row of `invitation`: one invitation to one address, as accepted, with where it stands.
public struct InvitationRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "invitation"

    public var id: Int64
    public var submissionID: Int64
    public var sourceRow: Int
    public var emailKey: String
    public var email: String
    public var userType: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var contactNumber: String?
    public var organisation: String?
    public var department: String?
    public var seed: String?
    public var reason: String?
    public var sponsoringAgency: String?
    public var businessOperation: String?
    public var odc: String?
    public var offshoreCompany: String?
    public var kind: InvitationKind
    public var status: TechPassStatus
    public var seedStatus: SeedStatus
    public var inviter: String
    public var invitedAt: Int64
    /// When the last email to the invitee was queued (the resend interval counts from it).
    public var sentAt: Int64
    public var expiresAt: Int64?
    public var resendCount: Int
    public var supersededBy: Int64?
    /// SHA-256 (hex) of the registration token; the token itself is never stored.
    public var tokenHash: String?
    public var lastMessageID: Int64?
    public var failureReason: String?
    public var failureTraceID: String?
    public var techPassUsername: String?
    public var traceID: String

    /// Decoded by column name, without Codable's keyed containers, which cost about 100,000
    /// instructions a row (callgrind of `resend --all-pending` over 5,000 invitations: 528 M).
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        submissionID = try row.decode(forColumn: "submissionID")
        sourceRow = try row.decode(forColumn: "sourceRow")
        emailKey = try row.decode(forColumn: "emailKey")
        email = try row.decode(forColumn: "email")
        userType = try row.decode(forColumn: "userType")
        username = try row.decode(forColumn: "username")
        firstName = try row.decode(forColumn: "firstName")
        lastName = try row.decode(forColumn: "lastName")
        contactNumber = try row.decode(forColumn: "contactNumber")
        organisation = try row.decode(forColumn: "organisation")
        department = try row.decode(forColumn: "department")
        seed = try row.decode(forColumn: "seed")
        reason = try row.decode(forColumn: "reason")
        sponsoringAgency = try row.decode(forColumn: "sponsoringAgency")
        businessOperation = try row.decode(forColumn: "businessOperation")
        odc = try row.decode(forColumn: "odc")
        offshoreCompany = try row.decode(forColumn: "offshoreCompany")
        kind = try row.decode(forColumn: "kind")
        status = try row.decode(forColumn: "status")
        seedStatus = try row.decode(forColumn: "seedStatus")
        inviter = try row.decode(forColumn: "inviter")
        invitedAt = try row.decode(forColumn: "invitedAt")
        sentAt = try row.decode(forColumn: "sentAt")
        expiresAt = try row.decode(forColumn: "expiresAt")
        resendCount = try row.decode(forColumn: "resendCount")
        supersededBy = try row.decode(forColumn: "supersededBy")
        tokenHash = try row.decode(forColumn: "tokenHash")
        lastMessageID = try row.decode(forColumn: "lastMessageID")
        failureReason = try row.decode(forColumn: "failureReason")
        failureTraceID = try row.decode(forColumn: "failureTraceID")
        techPassUsername = try row.decode(forColumn: "techPassUsername")
        traceID = try row.decode(forColumn: "traceID")
    }

    /// The invitee's details as accepted.
    public var details: InviteeDetails {
        InviteeDetails(email: email, userType: userType, username: username, firstName: firstName, lastName: lastName,
                       contactNumber: contactNumber, organisation: organisation, department: department, seed: seed,
                       reason: reason, sponsoringAgency: sponsoringAgency, businessOperation: businessOperation, odc: odc,
                       offshoreCompany: offshoreCompany)
    }
}

/// A row of `submission`: one file submitted.
public struct SubmissionRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "submission"

    public var id: Int64
    public var fileName: String
    public var sha256: String
    public var traceID: String
    public var inviter: String
    public var submittedAt: Int64
    public var acceptedRows: Int
    public var invitedCount: Int
    public var overriddenCount: Int
    public var alreadyInvitedCount: Int
    public var duplicateCount: Int
    public var invalidCount: Int
    public var originalFileName: String?
    public var originalSha256: String?
    public var originalTraceID: String?
}

/// A row of `event`: one change of an invitation's state (or a re-send), never deleted.
public struct EventRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "event"

    public var id: Int64
    public var invitationID: Int64
    public var at: Int64
    public var fromStatus: TechPassStatus?
    public var toStatus: TechPassStatus
    /// Who made the change: the inviter's address, `sync`, `expiry` or `mail`.
    public var actor: String
    public var traceID: String
    public var note: String?
}

/// What a message in the outbox is for.
public enum MessagePurpose: String, Codable, Sendable {
    /// The first email to an invitee (account created, or a registration link).
    case invitation
    /// The same invitation sent again (a new link for registration invitations).
    case resend
    /// To the inviter: the invitee registered.
    case registeredNotice = "registered-notice"
    /// To the inviter: the registration link expired unused.
    case expiredNotice = "expired-notice"
}

/// Where a message is on its way out.
public enum MessageState: String, Codable, Sendable {
    /// Waiting for delivery (first try, or a retry after a temporary failure).
    case queued
    /// Handed to the transport by the process in `claimedBy`; if that process died, it is sent
    /// again with the same Message-ID (at least once, never lost).
    case sending
    case sent
    /// Refused for good (the relay answered 5xx); `lastError` has the reply.
    case failed
}

/// A row of `message`: one email, written in the same transaction as the change that caused it.
public struct MessageRecord: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "message"

    public var id: Int64
    public var invitationID: Int64?
    public var purpose: MessagePurpose
    public var recipient: String
    public var sender: String
    public var subject: String
    /// The body with a placeholder where the registration link goes.
    public var body: String
    /// The registration link, kept only until the message is delivered or has failed for good.
    public var secretLink: String?
    public var messageID: String
    public var state: MessageState
    public var attempts: Int
    public var createdAt: Int64
    public var nextAttemptAt: Int64
    public var lastAttemptAt: Int64?
    public var claimedBy: Int32?
    public var sentAt: Int64?
    public var lastError: String?
    public var traceID: String

    /// Decoded by column name, without Codable's keyed containers: delivery reads every message
    /// it sends, and the Codable path cost more than composing the email.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        invitationID = try row.decode(forColumn: "invitationID")
        purpose = try row.decode(forColumn: "purpose")
        recipient = try row.decode(forColumn: "recipient")
        sender = try row.decode(forColumn: "sender")
        subject = try row.decode(forColumn: "subject")
        body = try row.decode(forColumn: "body")
        secretLink = try row.decode(forColumn: "secretLink")
        messageID = try row.decode(forColumn: "messageID")
        state = try row.decode(forColumn: "state")
        attempts = try row.decode(forColumn: "attempts")
        createdAt = try row.decode(forColumn: "createdAt")
        nextAttemptAt = try row.decode(forColumn: "nextAttemptAt")
        lastAttemptAt = try row.decode(forColumn: "lastAttemptAt")
        claimedBy = try row.decode(forColumn: "claimedBy")
        sentAt = try row.decode(forColumn: "sentAt")
        lastError = try row.decode(forColumn: "lastError")
        traceID = try row.decode(forColumn: "traceID")
    }

    /// The message as a transport delivers it, the link put back into the body.
    public var mailMessage: MailMessage {
        MailMessage(messageID: messageID, from: sender, to: [recipient], subject: subject,
                         body: InvitationMail.fillLink(body, link: secretLink), date: createdAt)
    }
}

extension TechPassStatus: DatabaseValueConvertible {}
extension SeedStatus: DatabaseValueConvertible {}
extension InvitationKind: DatabaseValueConvertible {}
extension MessagePurpose: DatabaseValueConvertible {}
extension MessageState: DatabaseValueConvertible {}
