import Foundation
import Invitations
import Mail

/// The one place `--mail` is turned into a transport.
///
/// MERGE POINT: this is to be replaced by the Mail layer's `MailDestination` parser and its
/// `OutboxTransport` / `SMTPTransport` (built in parallel). Until then it understands
/// `outbox:DIR` only, with the minimal writer below.
enum MailDestinationOption {
    static func transport(for value: String?, ledgerPath: String) throws -> MailTransport {
        guard let value, !value.isEmpty else {
            let folder = (ledgerPath as NSString).deletingLastPathComponent
            return MinimalOutboxWriter(directory: folder.isEmpty ? "outbox" : (folder as NSString).appendingPathComponent("outbox"))
        }
        if value.hasPrefix("outbox:") {
            let directory = String(value.dropFirst("outbox:".count))
            guard !directory.isEmpty else { throw MailOptionError(message: "outbox: needs a folder, e.g. --mail outbox:mail/") }
            return MinimalOutboxWriter(directory: directory)
        }
        if value.hasPrefix("smtp://") || value.hasPrefix("smtps://") {
            throw MailOptionError(message: "SMTP delivery is not in this build yet; use --mail outbox:DIR")
        }
        throw MailOptionError(message: "\"\(value)\" is not a mail destination; use outbox:DIR, smtp://host:port or smtps://host:port")
    }
}

struct MailOptionError: Error {
    var message: String
}

/// TEMPORARY (replaced by the Mail layer's OutboxTransport at merge): writes each message as
/// `DIR/<Message-ID without brackets>.eml` through a temporary name and a rename, so delivering the
/// same message twice rewrites the same file.
final class MinimalOutboxWriter: BatchedMailTransport {
    let directory: String

    private let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter
    }()
    private var folderReady = false

    init(directory: String) { self.directory = directory }

    func deliver(_ message: MailMessage) throws {
        if !folderReady {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                folderReady = true
            } catch {
                throw MailDeliveryError(.temporary, "cannot create the outbox folder \(directory)")
            }
        }
        let name = message.messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        let path = (directory as NSString).appendingPathComponent(name + ".eml")
        let temporary = path + ".tmp"
        let date = Date(timeIntervalSince1970: TimeInterval(message.date))
        var text = "From: \(message.from)\r\nTo: \(message.to.joined(separator: ", "))\r\n"
        text += "Subject: \(Self.encodedHeader(message.subject))\r\nDate: \(formatter.string(from: date))\r\n"
        text += "Message-ID: \(message.messageID)\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        text += "Content-Transfer-Encoding: 8bit\r\n\r\n"
        text += message.body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") + "\r\n"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MailDeliveryError(.temporary, "cannot write \(path)") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            throw MailDeliveryError(.temporary, "cannot write \(path)")
        }
    }

    /// One syncfs for the batch's files and renames, instead of an fsync per file.
    func finishBatch() throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, linuxSyncfs(fd) == 0 else {
            if fd >= 0 { close(fd) }
            throw MailDeliveryError(.temporary, "cannot flush the outbox folder \(directory)")
        }
        close(fd)
    }

    /// RFC 2047 for a non-ASCII header.
    static func encodedHeader(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII }) { return text }
        return "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
    }
}

/// glibc's syncfs(2) (not exported by the Glibc module): flushes the file system holding `fd`.
@_silgen_name("syncfs") private func linuxSyncfs(_ fd: Int32) -> Int32
