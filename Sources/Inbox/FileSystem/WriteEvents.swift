#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What inotify has seen writers do to the files of one folder (Linux only): a file created or
/// written to and not closed by a writer since (`IN_CLOSE_WRITE`) still has a writer. It is the
/// second way of telling, for files a read lease cannot be taken on (another user's files when the
/// watcher is not root). Files nothing was seen of since the watch began (or since the event queue
/// overflowed) are not judged, nor are files renamed into the folder: the settle time covers them.
public final class WriteEvents {
    private let fd: Int32
    /// Created or written to, and not closed by a writer since.
    private var written: Set<FileName> = []
    /// Closed by a writer, and not written to since.
    private var closed: Set<FileName> = []
    private var buffer = [UInt8](repeating: 0, count: 64 << 10)

    /// Starts watching `directory`; nil where inotify is not available (not Linux, or the limit of
    /// watches is reached).
    public init?(directory: Directory) {
        #if os(Linux)
        let f = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard f >= 0 else { return nil }
        let mask = UInt32(IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_ONLYDIR)
        guard inotify_add_watch(f, directory.path, mask) >= 0 else {
            close(f)
            return nil
        }
        fd = f
        #else
        return nil
        #endif
    }

    deinit { close(fd) }

    /// What the events say about `name`, after reading the ones waiting: `.openForWriting`,
    /// `.closed`, or nil when they say nothing.
    public func state(_ name: FileName) -> WriterState? {
        drain()
        if written.contains(name) { return .openForWriting }
        if closed.contains(name) { return .closed }
        return nil
    }

    /// Reads every event waiting in the queue (never blocks).
    public func drain() {
        #if os(Linux)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            var offset = 0
            // struct inotify_event: int wd; uint32 mask; uint32 cookie; uint32 len; char name[len].
            while offset + 16 <= n {
                let (mask, length) = buffer.withUnsafeBytes {
                    ($0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self), Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                apply(mask: mask, name: FileName(bytes: Array(nameBytes)))
                offset += 16 + length
            }
        }
        #endif
    }

    #if os(Linux)
    private func apply(mask: UInt32, name: FileName) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: nothing known is certain any more.
            written.removeAll()
            closed.removeAll()
            return
        }
        guard !name.bytes.isEmpty, mask & UInt32(IN_ISDIR) == 0 else { return }
        if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
            written.insert(name)
            closed.remove(name)
        }
        if mask & UInt32(IN_CLOSE_WRITE) != 0 {
            written.remove(name)
            closed.insert(name)
        }
        if mask & UInt32(IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE) != 0 {
            written.remove(name)
            closed.remove(name)
        }
    }
    #endif
}
