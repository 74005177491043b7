#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Our own comparison of every local file header with its central-directory entry, used when
/// libzip's `ZIP_CHECKCONS` refuses an archive.
///
/// libzip compares the "version needed to extract" too, and minizip (inside libxlsxwriter, so
/// also our own template) writes 4.5 in local headers beside 2.0 in the directory. That field says
/// nothing about the data; everything that does is compared here: name, compression method, flags'
/// data-descriptor bit, and CRC and sizes unless a data descriptor carries them. Entries must not
/// overlap and must lie inside the file.
enum ZipHeaderCheck {
    struct Mismatch: Error { let reason: String }

    static func verify(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Mismatch(reason: "cannot reopen the file") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Mismatch(reason: "cannot stat the file") }
        let size = Int(st.st_size)

        func read(_ offset: Int, _ count: Int) throws -> [UInt8] {
            guard offset >= 0, count >= 0, offset + count <= size else { throw Mismatch(reason: "a header points outside the file") }
            var b = [UInt8](repeating: 0, count: count)
            let n = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            guard n == count else { throw Mismatch(reason: "short read") }
            return b
        }
        func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }
        func u64(_ b: [UInt8], _ i: Int) -> Int { u32(b, i) | u32(b, i + 4) << 32 }

        // End of central directory: the last 22..65,557 bytes.
        let tailSize = min(size, 65_557)
        let tail = try read(size - tailSize, tailSize)
        guard let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
            tail[$0] == 0x50 && tail[$0 + 1] == 0x4B && tail[$0 + 2] == 5 && tail[$0 + 3] == 6
        }) else { throw Mismatch(reason: "no end of central directory") }
        var count = u16(tail, eocd + 10)
        var cdOffset = u32(tail, eocd + 16)
        if count == 0xFFFF || cdOffset == 0xFFFF_FFFF {
            let locator = eocd - 20
            guard locator >= 0, u32(tail, locator) == 0x0706_4B50 else { throw Mismatch(reason: "zip64 locator missing") }
            let rec = try read(u64(tail, locator + 8), 56)
            guard u32(rec, 0) == 0x0606_4B50 else { throw Mismatch(reason: "zip64 directory record missing") }
            count = u64(rec, 32)
            cdOffset = u64(rec, 48)
        }
        var at = cdOffset
        var spans: [(Int, Int)] = []
        for _ in 0..<count {
            let c = try read(at, 46)
            guard u32(c, 0) == 0x0201_4B50 else { throw Mismatch(reason: "bad central directory entry") }
            let flags = u16(c, 8), method = u16(c, 10), crc = u32(c, 16)
            var compressed = u32(c, 20), uncompressed = u32(c, 24)
            let nameLength = u16(c, 28), extraLength = u16(c, 30), commentLength = u16(c, 32)
            var localOffset = u32(c, 42)
            let rest = try read(at + 46, nameLength + extraLength)
            let name = Array(rest[0..<nameLength])
            // Zip64 extra (0x0001) holds, in order, whichever of the three fields were 0xFFFFFFFF.
            var e = nameLength
            while e + 4 <= rest.count {
                let id = u16(rest, e), len = u16(rest, e + 2)
                if id == 1 {
                    var p = e + 4
                    if uncompressed == 0xFFFF_FFFF, p + 8 <= rest.count { uncompressed = u64(rest, p); p += 8 }
                    if compressed == 0xFFFF_FFFF, p + 8 <= rest.count { compressed = u64(rest, p); p += 8 }
                    if localOffset == 0xFFFF_FFFF, p + 8 <= rest.count { localOffset = u64(rest, p) }
                }
                e += 4 + len
            }
            let l = try read(localOffset, 30)
            guard u32(l, 0) == 0x0403_4B50 else { throw Mismatch(reason: "entry \(String(decoding: name, as: UTF8.self)) has no local header") }
            let localName = try read(localOffset + 30, u16(l, 26))
            guard localName == name else { throw Mismatch(reason: "local and central names differ for \(String(decoding: name, as: UTF8.self))") }
            let localFlags = u16(l, 6)
            guard localFlags & 8 == flags & 8, localFlags & 1 == flags & 1, u16(l, 8) == method,
                  localFlags & 8 != 0 || u32(l, 14) == crc else {
                throw Mismatch(reason: "local header of \(String(decoding: name, as: UTF8.self)) disagrees with the directory")
            }
            if localFlags & 8 == 0 {
                let lc = u32(l, 18), lu = u32(l, 22)
                if lc != 0xFFFF_FFFF && lu != 0xFFFF_FFFF && (lc != compressed || lu != uncompressed) {
                    throw Mismatch(reason: "local sizes of \(String(decoding: name, as: UTF8.self)) disagree with the directory")
                }
            }
            let dataStart = localOffset + 30 + u16(l, 26) + u16(l, 28)
            guard dataStart + compressed <= size else { throw Mismatch(reason: "entry data runs past the end of the file") }
            spans.append((localOffset, dataStart + compressed))
            at += 46 + nameLength + extraLength + commentLength
        }
        spans.sort { $0.0 < $1.0 }
        for i in spans.indices.dropFirst() where spans[i].0 < spans[i - 1].1 {
            throw Mismatch(reason: "entries overlap")
        }
    }
}
