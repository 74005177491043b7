import Foundation

/// Where `--mail` sends messages: `outbox:DIR` (a folder of `.eml` files), `smtp://host[:port]`
/// (STARTTLS when the relay offers it) or `smtps://host[:port]` (TLS from the first byte).
public enum MailDestination: Equatable, Sendable, CustomStringConvertible {
    case outbox(directory: String)
    case smtp(SMTPEndpoint)

    /// What to type, for help texts and error messages.
    public static let forms = "outbox:DIR, smtp://HOST[:PORT] or smtps://HOST[:PORT]"

    /// Parses a `--mail` value; the error says what to type instead.
    public init(_ value: String) throws {
        if value.lowercased().hasPrefix("outbox:") {
            let directory = String(value.dropFirst("outbox:".count))
            guard !directory.isEmpty else {
                throw MailDestinationError("--mail outbox: needs a folder after the colon, for example outbox:./outbox")
            }
            self = .outbox(directory: directory)
        } else if value.contains("://") {
            self = .smtp(try SMTPEndpoint(url: value))
        } else {
            throw MailDestinationError("--mail \(MailRenderer.printable(value)) is not a mail destination: type \(Self.forms)")
        }
    }

    /// The transport for this destination; SMTP reads its credentials from `environment`.
    public func makeTransport(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any MailTransport {
        switch self {
        case .outbox(let directory): return OutboxTransport(directory: directory)
        case .smtp(let endpoint): return try SMTPTransport(endpoint: endpoint, environment: environment)
        }
    }

    public var description: String {
        switch self {
        case .outbox(let directory): return "outbox:" + directory
        case .smtp(let endpoint): return endpoint.url
        }
    }
}

/// An SMTP relay: scheme, host and port, never a user or password (those come from the environment).
public struct SMTPEndpoint: Equatable, Sendable, CustomStringConvertible {
    /// `smtps://`: TLS from the start (port 465 by default); else `smtp://` with STARTTLS when offered (port 25).
    public var implicitTLS: Bool
    /// A host name, an IPv4 address or an IPv6 address (without brackets).
    public var host: String
    public var port: Int

    public init(implicitTLS: Bool, host: String, port: Int) {
        self.implicitTLS = implicitTLS
        self.host = host
        self.port = port
    }

    /// Parses `smtp://host[:port]` or `smtps://host[:port]` (an optional trailing `/`).
    public init(url: String) throws {
        guard let schemeEnd = url.range(of: "://") else {
            throw MailDestinationError("--mail \(MailRenderer.printable(url)) is not a mail destination: type \(MailDestination.forms)")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "smtp": implicitTLS = false
        case "smtps": implicitTLS = true
        default:
            throw MailDestinationError("--mail accepts only smtp:// and smtps:// URLs, not \(MailRenderer.printable(scheme + "://")): type \(MailDestination.forms)")
        }
        var authority = Substring(url[schemeEnd.upperBound...])
        if authority.hasSuffix("/") { authority.removeLast() }
        // Never echo a URL that holds a password into an error message or a log.
        if authority.contains("@") {
            throw MailDestinationError("--mail must not contain a user name or password: put them in the environment variables \(SMTPTransport.userVariable) and \(SMTPTransport.passwordVariable) and give only \(scheme)://HOST[:PORT]")
        }
        if authority.contains(where: { "/?#".contains($0) }) {
            throw MailDestinationError("--mail \(MailRenderer.printable(url)) has a path, query or fragment: give only \(scheme)://HOST[:PORT]")
        }
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw MailDestinationError("--mail \(MailRenderer.printable(url)): an IPv6 address needs its closing ], as in \(scheme)://[::1]:25")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw MailDestinationError("--mail \(MailRenderer.printable(url)): expected :PORT after the IPv6 address") }
                portPart = after.dropFirst()
            }
            guard !hostPart.isEmpty, hostPart.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw MailDestinationError("--mail \(MailRenderer.printable(url)): \(MailRenderer.printable(String(hostPart))) is not an IPv6 address")
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                hostPart = authority[..<colon]
                portPart = authority[authority.index(after: colon)...]
            }
            guard !hostPart.isEmpty, hostPart.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" }) else {
                throw MailDestinationError("--mail \(MailRenderer.printable(url)) needs a host name or address, as in \(scheme)://smtp.agency.gov.sg:587")
            }
        }
        host = String(hostPart)
        if let portPart {
            guard let p = Int(portPart), (1...65535).contains(p), portPart.allSatisfy(\.isASCII) else {
                throw MailDestinationError("--mail \(MailRenderer.printable(url)): the port must be a number from 1 to 65535")
            }
            port = p
        } else {
            port = implicitTLS ? 465 : 25
        }
    }

    /// `smtp://host:port` with IPv6 addresses bracketed: what libcurl is given.
    public var url: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "\(implicitTLS ? "smtps" : "smtp")://\(h):\(port)"
    }

    public var description: String { url }
}

/// A `--mail` value or mail setting that cannot be used, with what to type instead.
public struct MailDestinationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
