#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock one watcher holds on an inbox (`flock` on `.invitesheet/lock`, which records
/// the holder's process id). The kernel releases it when the process ends, however it ends, so a
/// killed watcher never leaves a stale lock. Claiming by rename keeps files safe even without it.
public final class InboxLock {
    private let fd: Int32

    /// Takes the lock without waiting; throws `InboxLockError.held` naming the holder's pid.
    public init(in directory: Directory, name: String = InboxLayout.lockFile) throws {
        let f = openat(directory.fd, name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard f >= 0 else { throw InboxFileError("open lock file", path: directory.display(FileName(name))) }
        let lock: (Int32, Int32) -> Int32 = flock
        if lock(f, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = Self.readPID(f)
            close(f)
            if code == EWOULDBLOCK { throw InboxLockError.held(pid: holder, lockFile: directory.display(FileName(name))) }
            throw InboxFileError("lock", path: directory.display(FileName(name)), code: code)
        }
        fd = f
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = fsync(fd)
    }

    deinit { close(fd) }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[..<n], as: UTF8.self).trimmingWhitespace
        return Int32(text)
    }
}

/// Another watcher holds the inbox.
public enum InboxLockError: Error, Equatable, CustomStringConvertible {
    case held(pid: Int32?, lockFile: String)

    public var description: String {
        switch self {
        case .held(let pid, let lockFile):
            let who = pid.map { "another watcher (pid \($0))" } ?? "another watcher"
            return "\(who) is already watching this inbox (it holds \(lockFile)); only one watcher may run per inbox. Stop it first, or leave it running"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
