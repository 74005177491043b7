#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether some process still has a file open for writing, as far as the system can tell.
public enum WriterState: Equatable, Sendable {
    /// No process has it open for writing: safe to claim.
    case closed
    /// A process has it open for writing (a copy paused mid-file): not to be claimed yet.
    case openForWriting
    /// The system cannot tell here (network file systems, a file owned by another user without
    /// CAP_LEASE, or not Linux); only the settle time protects the file. `reason` is for the log.
    case unknown(reason: String)
}

extension Directory {
    /// Asks the kernel whether any process has `name` open for writing, without disturbing it.
    ///
    /// On Linux this takes a read lease (`fcntl(F_SETLEASE, F_RDLCK)`) on a read-only descriptor
    /// and releases it at once: the kernel refuses a read lease with EAGAIN while any descriptor
    /// anywhere has the file open for writing. A lease needs the caller to own the file or to hold
    /// CAP_LEASE, and some file systems (NFS, CIFS, FUSE) refuse leases: then the answer is
    /// `.unknown`.
    public func writerState(_ name: FileName) -> WriterState {
        #if os(Linux)
        Self.ignoreLeaseBreakSignal
        let file = name.withCString { openat(fd, $0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard file >= 0 else {
            // Someone holds a write lease on it (Samba's kernel oplocks do, for a client that has the
            // file open): a non-blocking open is refused instead of waiting for the lease to break.
            if errno == EWOULDBLOCK || errno == EAGAIN { return .openForWriting }
            return .unknown(reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(file) }
        if fcntl(file, Self.setLease, Int32(F_RDLCK)) == 0 {
            _ = fcntl(file, Self.setLease, Int32(F_UNLCK))
            return .closed
        }
        let code = errno
        if code == EAGAIN || code == EBUSY { return .openForWriting }
        return .unknown(reason: "read leases are not available here (\(String(cString: strerror(code))))")
        #else
        return .unknown(reason: "this system offers no way to tell whether a file is open for writing")
        #endif
    }

    #if os(Linux)
    /// F_SETLEASE (F_LINUX_SPECIFIC_BASE + 0): Glibc declares it only under _GNU_SOURCE, which Swift
    /// does not see.
    private static let setLease: Int32 = 1024

    /// A writer that opens the file while the lease is held makes the kernel send the lease holder
    /// SIGIO, whose default action ends the process. The lease is held for microseconds and released
    /// without waiting for the signal, so it is ignored (once, unless someone installed a handler).
    private static let ignoreLeaseBreakSignal: Void = {
        var current = sigaction()
        if sigaction(SIGIO, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil {
            signal(SIGIO, SIG_IGN)
        }
    }()
    #endif
}
