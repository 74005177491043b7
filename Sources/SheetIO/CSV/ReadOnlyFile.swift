#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading with POSIX calls, read in fixed-size chunks from any offset.
///
/// The descriptor stays open for the life of the object so that every pass over the file
/// (encoding check, delimiter sniffing, reading rows) sees the same file even if the path is
/// replaced meanwhile.
final class ReadOnlyFile {
    /// Bytes per chunk: large enough to amortise system calls, small enough to keep memory flat.
    static let chunkSize = 64 << 10

    let path: String
    /// The name used in messages.
    let displayName: String
    /// The size `fstat` reported when the file was opened (informational; reads count real bytes).
    let reportedSize: Int
    private let fd: Int32
    private let maxBytes: Int

    init(path: String, displayName: String, maxBytes: Int) throws {
        self.path = path
        self.displayName = displayName
        self.maxBytes = maxBytes
        let d = open(path, O_RDONLY | O_CLOEXEC)
        guard d >= 0 else {
            throw SheetIOError(.io, "cannot open file: \(String(cString: strerror(errno)))", file: displayName)
        }
        var st = stat()
        guard fstat(d, &st) == 0 else {
            let message = String(cString: strerror(errno))
            close(d)
            throw SheetIOError(.io, "cannot read file information: \(message)", file: displayName)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(d)
            throw SheetIOError(.io, "is a folder, not a file", file: displayName)
        }
        let size = Int(st.st_size)
        if size > maxBytes {
            close(d)
            throw Self.tooLarge(size: size, limit: maxBytes, file: displayName)
        }
        self.fd = d
        self.reportedSize = size
    }

    deinit { close(fd) }

    static func tooLarge(size: Int, limit: Int, file: String) -> SheetIOError {
        SheetIOError(.io, "the file is larger than the limit of \(limit) bytes (\(size) bytes or more); split it into smaller files", file: file)
    }

    /// Calls `body` with each chunk of the file in order, from the start, until the end of the
    /// file or until `body` returns false. Bytes read are counted against the size limit.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer { buffer.deallocate() }
        var offset = 0
        while true {
            let n = try read(into: buffer, at: offset)
            if n == 0 { return }
            offset += n
            if offset > maxBytes { throw Self.tooLarge(size: offset, limit: maxBytes, file: displayName) }
            guard try body(UnsafeBufferPointer(rebasing: buffer[0..<n])) else { return }
            if n < buffer.count { return }
        }
    }

    /// Fills `buffer` from `offset` as far as the file allows; returns the bytes read (0 at the end).
    private func read(into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = pread(fd, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset + filled))
            if n < 0 {
                if errno == EINTR { continue }
                throw SheetIOError(.io, "cannot read file: \(String(cString: strerror(errno)))", file: displayName)
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }
}
