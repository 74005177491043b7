#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file so that it is either absent, the old version or the whole new version, even
/// across a power cut: write a temporary file beside it, fsync it, rename it over the target,
/// fsync the folder so the rename itself is durable.
enum AtomicFile {
    /// With `durable` false the file and folder are not flushed here: the caller flushes many files
    /// at once (`OutboxTransport.finishBatch`) before it counts them as written.
    static func replace(_ name: String, in directory: String, with bytes: [UInt8], durable: Bool = true) throws {
        let target = (directory as NSString).appendingPathComponent(name)
        // Hidden and not ending in .eml: whoever lists the outbox never picks up a half-written file.
        let temporary = (directory as NSString).appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create", temporary) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write", temporary)
                }
                written += n
            }
            guard !durable || fsync(fd) == 0 else { throw failure("cannot flush", temporary) }
            closed = true
            guard close(fd) == 0 else { throw failure("cannot close", temporary) }
            guard rename(temporary, target) == 0 else { throw failure("cannot rename the temporary file to", target) }
        } catch {
            unlink(temporary)
            throw error
        }
        guard durable else { return }
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw failure("cannot open the folder", directory) }
        defer { close(dirFD) }
        guard fsync(dirFD) == 0 else { throw failure("cannot flush the folder", directory) }
    }

    /// A full disk or a permission problem may be fixed before the next run: temporary.
    private static func failure(_ what: String, _ path: String) -> MailDeliveryError {
        MailDeliveryError(.temporary, "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
