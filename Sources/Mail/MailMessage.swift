/// One email to deliver, as the ledger stores it: everything a transport needs, already decided.
/// The Message-ID is chosen when the message is written to the ledger and never changes, so a
/// message delivered twice (a crash between delivery and recording it) is recognisably the same.
public struct MailMessage: Sendable, Equatable {
    /// `<id@domain>` with the angle brackets, unique and stable for this message.
    public var messageID: String
    /// The sender's address (policy `senderAddress`), bare `name@domain`.
    public var from: String
    /// Recipients, bare addresses.
    public var to: [String]
    /// UTF-8; transports encode it (RFC 2047) when it is not plain ASCII.
    public var subject: String
    /// Plain-text body, UTF-8, lines separated by "\n"; transports turn them into CRLF.
    public var body: String
    /// When the message was composed, seconds since 1970 (from the one clock, so replays are stable).
    public var date: Int64

    public init(messageID: String, from: String, to: [String], subject: String, body: String, date: Int64) {
        self.messageID = messageID
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
    }
}

/// Why a message was not delivered: temporary failures are retried on a later run with back-off;
/// permanent ones mark the invitation `failed` with the server's reply.
public struct MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Try again later: the relay is unreachable, busy, or answered 4xx.
        case temporary
        /// Will never succeed as it is: the relay answered 5xx for this message or recipient.
        case permanent
    }

    public var kind: Kind
    /// The server's reply or the local reason, one line, never containing the message body.
    public var reply: String

    public init(_ kind: Kind, _ reply: String) {
        self.kind = kind
        self.reply = reply
    }

    public var description: String { "\(kind.rawValue) failure: \(reply)" }
}

/// Delivers messages: an outbox folder of `.eml` files, or an SMTP(S) relay through libcurl.
public protocol MailTransport: AnyObject {
    /// Delivers one message, or throws `MailDeliveryError`. Delivering the same Message-ID again
    /// must be harmless for the outbox (the same file is written again).
    func deliver(_ message: MailMessage) throws
}

/// A transport that can make a batch of deliveries durable at once: between `beginBatch()` and
/// `finishBatch()` the outbox writes its files without an fsync each, then flushes them together.
/// The ledger calls `finishBatch()` after each batch, before its messages are recorded as sent; if
/// it throws, the batch is retried later with the same Message-IDs.
public protocol BatchedMailTransport: MailTransport {
    func beginBatch()
    func finishBatch() throws
}
