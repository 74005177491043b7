import Foundation

/// Delivers through an SMTP relay with libcurl: `smtp://` upgrades with STARTTLS when the relay
/// offers it (and insists on it when credentials are set, so a password never crosses the
/// network in clear), `smtps://` is TLS from the start. Credentials come only from the
/// environment. Failures are classified for the ledger: a 5xx reply to the message or a
/// recipient is permanent; an unreachable relay, a timeout, a 4xx reply or a refused login
/// (a setting to fix, not a bad message) are temporary, so the message stays queued.
/// One transport keeps one libcurl handle (consecutive messages reuse the connection): use it
/// from one thread at a time.
public final class SMTPTransport: MailTransport {
    /// The relay's user name, from the environment only.
    public static let userVariable = "INVITESHEET_SMTP_USER"
    /// The relay's password, from the environment only.
    public static let passwordVariable = "INVITESHEET_SMTP_PASSWORD"
    /// A PEM file of certificate authorities to trust instead of the system's (a private CA, tests).
    public static let caFileVariable = "INVITESHEET_SMTP_CA_FILE"

    public let endpoint: SMTPEndpoint
    private let user: String?
    private let password: String?
    private let caFile: String?
    /// Seconds allowed to connect (and finish the TLS handshake) and for the whole message.
    var connectTimeoutSeconds = 10
    var totalTimeoutSeconds = 60
    private var session: CurlSMTPSession?

    /// `url` is `smtp://host[:port]` or `smtps://host[:port]`; a URL with a user or password is refused.
    public convenience init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(endpoint: SMTPEndpoint(url: url), environment: environment)
    }

    public init(endpoint: SMTPEndpoint, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.endpoint = endpoint
        let user = environment[Self.userVariable].flatMap { $0.isEmpty ? nil : $0 }
        let password = environment[Self.passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        if (user == nil) != (password == nil) {
            throw MailDestinationError("\(user == nil ? Self.passwordVariable : Self.userVariable) is set but \(user == nil ? Self.userVariable : Self.passwordVariable) is not: set both (to log in to the relay) or neither")
        }
        self.user = user
        self.password = password
        if let ca = environment[Self.caFileVariable], !ca.isEmpty {
            guard FileManager.default.isReadableFile(atPath: ca) else {
                throw MailDestinationError("\(Self.caFileVariable)=\(ca) is not a readable file: give a PEM file of trusted certificates, or unset it")
            }
            caFile = ca
        } else {
            caFile = nil
        }
    }

    public func deliver(_ message: MailMessage) throws {
        let bytes = try MailRenderer.render(message)
        if session == nil { session = try CurlSMTPSession() }
        let settings = CurlSMTPSession.Settings(
            url: endpoint.url, requireTLS: endpoint.implicitTLS || user != nil, user: user, password: password,
            caFile: caFile, connectTimeoutSeconds: connectTimeoutSeconds, totalTimeoutSeconds: totalTimeoutSeconds)
        guard let failure = session!.send(bytes, from: message.from, to: message.to, settings: settings) else { return }
        throw classify(failure)
    }

    /// One line for the ledger: who, what the relay said, what libcurl said.
    func classify(_ failure: CurlSMTPSession.Failure) -> MailDeliveryError {
        // Only a refusal's reply explains anything; after a TLS or network failure the last line
        // heard is an unrelated greeting.
        let reply = failure.kind == .other || failure.kind == .loginRefused ? failure.replyLine.map { Self.oneLine($0) } : nil
        let said = reply.map { "\($0) (\(Self.oneLine(failure.curlMessage)))" } ?? Self.oneLine(failure.curlMessage)
        switch failure.kind {
        case .loginRefused:
            return MailDeliveryError(.temporary, "\(endpoint.url) refused the login from \(Self.userVariable)/\(Self.passwordVariable): \(said)")
        case .tlsUnavailable:
            return MailDeliveryError(.temporary, "\(endpoint.url) does not offer STARTTLS, and the credentials are never sent without TLS: \(said)")
        case .tlsFailed:
            return MailDeliveryError(.temporary, "\(endpoint.url): TLS failed (is the relay's certificate trusted? \(Self.caFileVariable) names a private CA): \(said)")
        case .timedOut:
            return MailDeliveryError(.temporary, "\(endpoint.url) did not answer in time: \(said)")
        case .other:
            break
        }
        switch failure.responseCode {
        case 530, 535, 538:  // authentication required / refused: a setting, not this message
            return MailDeliveryError(.temporary, "\(endpoint.url) wants a login (\(Self.userVariable)/\(Self.passwordVariable)): \(said)")
        case 500...599:
            return MailDeliveryError(.permanent, "\(endpoint.url) refused the message: \(said)")
        case 400...499:
            return MailDeliveryError(.temporary, "\(endpoint.url) deferred the message: \(said)")
        default:
            return MailDeliveryError(.temporary, "\(endpoint.url) could not be reached: \(said)")
        }
    }

    /// Control characters out, at most 300 characters: the reply goes into one ledger/status line.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.unicodeScalars.count >= 300 { out += "…"; break }
            out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
