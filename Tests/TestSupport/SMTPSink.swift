#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A real SMTP server on loopback (`scripts/smtp-sink.py`, aiosmtpd) that a test starts and stops:
/// it keeps every message it accepts, can refuse (550) or defer (451) chosen recipients, offer
/// STARTTLS or speak TLS from the start with a self-signed certificate (`caFile`), and require a login.
public final class SMTPSink {
    /// One message as the server received it.
    public struct Received {
        public var mailFrom: String
        public var recipients: [String]
        /// The session was encrypted (STARTTLS or implicit TLS) when the message was sent.
        public var tls: Bool
        /// The user that logged in, nil without AUTH.
        public var login: String?
        /// The bytes after DATA, as received.
        public var raw: Data
        /// The file holding `raw`, for a second reader (Python's `email`).
        public var path: String

        /// The `Message-ID:` header as received (first one, unfolded), to count deliveries per message.
        public var messageID: String? {
            let text = String(decoding: raw, as: UTF8.self)
            let headers = text.components(separatedBy: "\r\n\r\n").first ?? ""
            let unfolded = headers.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
            for line in unfolded.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("message-id:") {
                return line.dropFirst("message-id:".count).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }

    public let port: Int
    public let folder: URL
    private let process: Process
    private let stdin: Pipe

    /// The certificate the server presents (STARTTLS and implicit TLS), to trust as a CA.
    public var caFile: String { folder.appendingPathComponent("tls-cert.pem").path }

    /// The repository's `scripts/smtp-sink.py`.
    public static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/smtp-sink.py").path
    }

    public init(reject: [String] = [], defer deferred: [String] = [], startTLS: Bool = false, implicitTLS: Bool = false,
                login: (user: String, password: String)? = nil, silent: Bool = false) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var arguments = ["python3", Self.script, "--dir", folder.path]
        for r in reject { arguments += ["--reject", r] }
        for d in deferred { arguments += ["--defer", d] }
        if startTLS { arguments.append("--starttls") }
        if implicitTLS { arguments.append("--smtps") }
        if let login { arguments += ["--auth", "\(login.user):\(login.password)"] }
        if silent { arguments.append("--silent") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        // The sink stops when this pipe closes, so it never outlives a crashed test run.
        stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let log = folder.appendingPathComponent("sink.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let portFile = folder.appendingPathComponent(".port")
        let deadline = Date().addingTimeInterval(30)
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let p = Int(text) {
                port = p
                break
            }
            if !process.isRunning || Date() > deadline {
                process.terminate()
                let why = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw InvitesheetBinary.Failure("the SMTP sink did not start (is aiosmtpd installed? run scripts/setup.sh): \(why)")
            }
            usleep(20_000)
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `smtp://127.0.0.1:PORT` (or `smtps://`).
    public func url(tls: Bool = false) -> String { "\(tls ? "smtps" : "smtp")://127.0.0.1:\(port)" }

    /// Stops the server and waits for it to exit.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Every message accepted so far, in the order received.
    public func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any] ?? [:]
            let eml = folder.appendingPathComponent(String(name.dropLast(5)) + ".eml")
            return Received(mailFrom: envelope["mail_from"] as? String ?? "", recipients: envelope["rcpt_tos"] as? [String] ?? [],
                            tls: envelope["tls"] as? Bool ?? false, login: envelope["login"] as? String,
                            raw: try Data(contentsOf: eml), path: eml.path)
        }
    }

    /// A loopback port where nothing listens (bound, read and released): connecting is refused.
    public static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw InvitesheetBinary.Failure("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw InvitesheetBinary.Failure("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
