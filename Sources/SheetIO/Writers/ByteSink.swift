#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte output to a file descriptor: a file written under a temporary name and renamed
/// into place on `commit()`, or standard output. Writers format straight into its buffer.
public final class ByteSink {
    /// The bytes not yet written: a fixed block of `capacity` bytes, `count` of them in use. Raw
    /// memory rather than an array, so a one-byte write is a store and an add (no uniqueness or
    /// capacity checks), which is most of what CSV and JSON writers do.
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let finalPath: String?
    private let temporaryPath: String?
    private var failed: SheetIOError?
    private static let capacity = 1 << 16
    private static func allocateBuffer() -> UnsafeMutablePointer<UInt8> { .allocate(capacity: capacity) }

    /// Standard output (never closed).
    public static func standardOutput() -> ByteSink { ByteSink(fd: 1) }

    private init(fd: Int32) {
        self.fd = fd
        self.ownsDescriptor = false
        self.finalPath = nil
        self.temporaryPath = nil
        buffer = Self.allocateBuffer()
    }

    /// A new file at `path`, written to `path.tmp-PID` and renamed into place by `commit()`,
    /// so a reader never sees a half-written file. `-` means standard output.
    public init(path: String) throws {
        var st = stat()
        if path == "-" {
            self.fd = 1; self.ownsDescriptor = false; self.finalPath = nil; self.temporaryPath = nil
        } else if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            // A device, FIFO or socket (/dev/null, /dev/stdout, a named pipe): write to it directly.
            // Renaming a temporary file over it would replace the device itself.
            if (st.st_mode & S_IFMT) == S_IFDIR {
                throw SheetIOError(.io, "is a folder; name a file to write", file: path)
            }
            let d = open(path, O_WRONLY | O_CLOEXEC)
            guard d >= 0 else {
                throw SheetIOError(.io, "cannot open for writing: \(String(cString: strerror(errno)))", file: path)
            }
            self.fd = d; self.ownsDescriptor = true; self.finalPath = path; self.temporaryPath = nil
        } else {
            let tmp = Self.temporaryName(for: path)
            let d = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard d >= 0 else {
                throw SheetIOError(.io, "cannot create file: \(String(cString: strerror(errno)))", file: path)
            }
            self.fd = d; self.ownsDescriptor = true; self.finalPath = path; self.temporaryPath = tmp
        }
        buffer = Self.allocateBuffer()
    }

    /// The temporary sibling name used while a file is being written.
    public static func temporaryName(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return dir + "." + base + ".tmp-\(getpid())"
    }

    private var committed = false

    deinit {
        buffer.deallocate()
        if ownsDescriptor {
            close(fd)
            if let t = temporaryPath, !committed { unlink(t) }  // never committed: leave nothing behind
        }
    }

    @inline(__always)
    public func write(_ byte: UInt8) {
        if count == Self.capacity { flushBuffer() }
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        if count + n > Self.capacity {
            flushBuffer()
            if n > Self.capacity { writeAll(bytes); return }
        }
        (buffer + count).update(from: source, count: n)
        count += n
    }

    @inline(__always)
    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    public func write(_ string: String) {
        var s = string
        s.withUTF8 { write($0) }
    }

    public func write<S: Sequence>(bytes: S) where S.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ write($0) }) != nil { return }
        for b in bytes { write(b) }
    }

    private func flushBuffer() {
        guard count > 0 else { return }
        writeAll(UnsafeBufferPointer(start: buffer, count: count))
        count = 0
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failed == nil, var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = systemWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                failed = SheetIOError(.write, "write failed: \(String(cString: strerror(errno)))", file: finalPath ?? "standard output")
                return
            }
            p += n
            left -= n
        }
    }

    /// Writes out what is buffered; for a file, syncs it and renames it into place.
    public func commit() throws {
        try Self.commit([self])
    }

    /// Commits several files at once: writes out each one's buffer, syncs them all with one call
    /// (`syncfs` on Linux: one wait for the disk instead of one per file), then renames each into
    /// place, so none appears before every one is on disk. A single file is synced with `fsync`.
    public static func commit(_ sinks: [ByteSink]) throws {
        for sink in sinks {
            sink.flushBuffer()
            if let failed = sink.failed { throw failed }
        }
        let files = sinks.filter { $0.ownsDescriptor && $0.temporaryPath != nil && !$0.committed }
        guard let first = files.first else { return }
        if files.count == 1 || flushFileSystem(first.fd) != 0 {
            for file in files where fsync(file.fd) != 0 {
                throw SheetIOError(.write, "cannot flush file: \(String(cString: strerror(errno)))", file: file.finalPath ?? "")
            }
        }
        for file in files {
            guard let tmp = file.temporaryPath, let final = file.finalPath else { continue }
            if rename(tmp, final) != 0 {
                throw SheetIOError(.write, "cannot move file into place: \(String(cString: strerror(errno)))", file: final)
            }
            file.committed = true
        }
    }

    /// Writes out what is buffered without syncing or renaming (`commit` does both later).
    public func flush() throws {
        flushBuffer()
        if let failed { throw failed }
    }
}

#if canImport(Glibc)
@_silgen_name("syncfs") private func linuxSyncfs(_ fd: Int32) -> Int32
/// Syncs the whole file system holding `fd`: every file written there so far reaches the disk.
private func flushFileSystem(_ fd: Int32) -> Int32 { linuxSyncfs(fd) }
#else
private func flushFileSystem(_ fd: Int32) -> Int32 { -1 }  // no syncfs: each file is fsynced
#endif

@inline(__always)
private func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, p, n)
    #else
    return Darwin.write(fd, p, n)
    #endif
}
