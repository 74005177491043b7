#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The default transport: a folder with one `.eml` file per message, named from its Message-ID,
/// so delivering the same message again rewrites the same file and never adds a second one.
/// Each file is written whole or not at all (`AtomicFile`: an unnamed file linked under its name,
/// or a temporary file renamed over an older version; fsync, then fsync the folder): a reader or
/// a crash never sees half a message. Files are private to the user (mode 0600)
/// because invitations carry registration links.
///
/// In a batch (`beginBatch()` … `finishBatch()`, as the ledger delivers) the files are written
/// without an fsync each and flushed together by one `syncfs` at the end: 20,000 invitations took
/// 53 s with an fsync per file and 10 s with one flush per batch of 200.
public final class OutboxTransport: BatchedMailTransport {
    public let directory: String
    private var inBatch = false
    /// The folder was made (or found) by this transport; a folder removed later fails the next
    /// delivery, which is retried on a later run.
    private var folderMade = false

    public init(directory: String) {
        self.directory = directory
    }

    public func deliver(_ message: MailMessage) throws {
        let bytes = try MailRenderer.render(message)
        let name = try Self.fileName(forMessageID: message.messageID)
        if !folderMade {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw MailDeliveryError(.temporary, "cannot create the outbox folder \(directory): \(Self.reason(error))")
            }
            folderMade = true
        }
        try AtomicFile.replace(name, in: directory, with: bytes, durable: !inBatch)
    }

    public func beginBatch() { inBatch = true }

    /// Makes every file written since `beginBatch()` durable, with their renames: one `syncfs` of
    /// the file system holding the outbox.
    public func finishBatch() throws {
        inBatch = false
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw MailDeliveryError(.temporary, "cannot open the outbox folder \(directory): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flushFileSystem(fd) == 0 else {
            throw MailDeliveryError(.temporary, "cannot flush the outbox folder \(directory): \(String(cString: strerror(errno)))")
        }
    }

    /// Where `deliver` puts the message with this Message-ID.
    public func path(forMessageID id: String) throws -> String {
        (directory as NSString).appendingPathComponent(try Self.fileName(forMessageID: id))
    }

    /// `<abc.1@x.gov.sg>` → `abc.1@x.gov.sg.eml`. Characters other than letters, digits and
    /// `.-_@+=` are written `%XX`, as is a leading `.`, so the name is one path component,
    /// never hidden, and two Message-IDs never share a file.
    static func fileName(forMessageID id: String) throws -> String {
        if let problem = MailRenderer.messageIDProblem(id) {
            throw MailDeliveryError(.permanent, "the Message-ID \(MailRenderer.printable(id)) \(problem)")
        }
        let inner = id.utf8.dropFirst().dropLast()
        var name: [UInt8] = []
        name.reserveCapacity(inner.count + 4)
        for (i, byte) in inner.enumerated() {
            let safe: Bool
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                safe = true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="):
                safe = true
            case UInt8(ascii: "."):
                safe = i > 0
            default:
                safe = false
            }
            if safe {
                name.append(byte)
            } else {
                name += [UInt8(ascii: "%"), QuotedPrintable.hexDigit(byte >> 4), QuotedPrintable.hexDigit(byte & 15)]
            }
        }
        return String(decoding: name, as: UTF8.self) + ".eml"
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

#if os(Linux)
/// glibc's syncfs(2), which the Glibc module does not export: flushes the file system holding `fd`.
@_silgen_name("syncfs") private func linuxSyncfs(_ fd: Int32) -> Int32
private func flushFileSystem(_ fd: Int32) -> Int32 { linuxSyncfs(fd) }
#else
private func flushFileSystem(_ fd: Int32) -> Int32 { fsync(fd) }
#endif
