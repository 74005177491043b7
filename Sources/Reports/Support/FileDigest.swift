#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Digest
import SheetIO

/// The SHA-256 and size of a file, read in 256 KiB chunks (memory stays flat for any size).
public struct FileDigest: Sendable, Equatable {
    public var sha256: String
    public var bytes: Int

    /// Hashes the file at `path`; throws `SheetIOError(.io)` when it cannot be opened or read.
    public init(path: String, displayName: String? = nil) throws {
        let name = displayName ?? path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SheetIOError(.io, "cannot open: \(String(cString: strerror(errno)))", file: name) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw SheetIOError(.io, "is a folder, not a file", file: name)
        }
        let hasher = SHA256()
        var total = 0
        let chunk = 256 << 10
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw SheetIOError(.io, "cannot read: \(String(cString: strerror(errno)))", file: name)
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            total += n
        }
        sha256 = hasher.finalizeHex()
        bytes = total
    }

    /// The digest of bytes held in memory (what stands for a file when there is none, as for `invite`).
    public init(of data: [UInt8]) {
        sha256 = SHA256.hex(of: data)
        bytes = data.count
    }

    public init(sha256: String, bytes: Int) {
        self.sha256 = sha256
        self.bytes = bytes
    }
}
