#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetIO
import UserList

/// Findings written to an anonymous temporary file as they are made and read back in order, so a
/// report can list every finding of a million-row file while memory holds only a buffer. The file is
/// unlinked as soon as it is created: nothing is left behind, even if the process is killed.
///
/// Each record: stage and flags (2 bytes), row, column and source row (8 bytes each, little-endian),
/// then field, header, value, code, message and hint, each a 4-byte length (`0xFFFFFFFF` for none)
/// and UTF-8 bytes.
public final class FindingSpool {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 16
    private var failed: SheetIOError?
    /// Findings written.
    public private(set) var count = 0

    /// A spool in `directory` (the output folder, or `$TMPDIR`/`/tmp` when nil).
    public init(directory: String? = nil) throws {
        let dir = directory ?? FindingSpool.temporaryDirectory
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array(".findings-XXXXXX".utf8CString)
        let d = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard d >= 0 else {
            throw SheetIOError(.write, "cannot create a temporary file: \(String(cString: strerror(errno)))", file: dir)
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = d
        buffer.reserveCapacity(capacity)
    }

    deinit { close(fd) }

    static var temporaryDirectory: String {
        if let t = getenv("TMPDIR"), t.pointee != 0 { return String(cString: t) }
        return "/tmp"
    }

    private static let none: UInt32 = 0xFFFF_FFFF

    /// Adds a finding at the end.
    public func append(_ finding: Finding) {
        buffer.append(UInt8(Stage.allCases.firstIndex(of: finding.stage)!))
        buffer.append((finding.row != nil ? 1 : 0) | (finding.column != nil ? 2 : 0) | (finding.sourceRow != nil ? 4 : 0))
        put(UInt64(bitPattern: Int64(finding.row ?? 0)))
        put(UInt64(bitPattern: Int64(finding.column ?? 0)))
        put(UInt64(bitPattern: Int64(finding.sourceRow ?? 0)))
        put(finding.field)
        put(finding.header)
        put(finding.value)
        put(finding.code.rawValue)
        put(finding.message)
        put(finding.hint)
        count += 1
        if buffer.count >= capacity { flush() }
    }

    private func put(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private func put(_ length: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { buffer.append(UInt8(truncatingIfNeeded: length >> UInt32(shift))) }
    }

    private func put(_ text: String?) {
        guard let text else { put(Self.none); return }
        put(UInt32(text.utf8.count))
        buffer.append(contentsOf: text.utf8)
    }

    private func flush() {
        guard !buffer.isEmpty, failed == nil else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = SheetIOError(.write, "cannot write the temporary findings file: \(String(cString: strerror(errno)))")
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each finding in order until it returns false.
    public func forEach(_ body: (Finding) throws -> Bool) throws {
        flush()
        if let failed { throw failed }
        var reader = Reader(fd: fd)
        for _ in 0..<count {
            guard let finding = try reader.next() else {
                throw SheetIOError(.io, "the temporary findings file ended early")
            }
            if try !body(finding) { return }
        }
    }

    /// Reads the findings back one at a time, in order; several cursors may read at once, so two
    /// spools can be walked side by side (a row's errors beside its warnings).
    public func cursor() throws -> Cursor {
        flush()
        if let failed { throw failed }
        return Cursor(reader: Reader(fd: fd), left: count)
    }

    /// A position in the spool; `next()` gives the following finding, nil at the end.
    public struct Cursor {
        private var reader: Reader
        private var left: Int

        fileprivate init(reader: Reader, left: Int) {
            self.reader = reader
            self.left = left
        }

        public mutating func next() throws -> Finding? {
            guard left > 0 else { return nil }
            left -= 1
            guard let finding = try reader.next() else { throw SheetIOError(.io, "the temporary findings file ended early") }
            return finding
        }
    }

    /// Reads records back with `pread`, so appending and reading never share a file offset.
    fileprivate struct Reader {
        let fd: Int32
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var start = 0
        var end = 0
        var fileOffset: off_t = 0

        init(fd: Int32) { self.fd = fd }

        mutating func next() throws -> Finding? {
            guard try ensure(26) else { return nil }
            let stageIndex = Int(buffer[start])
            let flags = buffer[start + 1]
            start += 2
            let row = Int(Int64(bitPattern: u64()))
            let column = Int(Int64(bitPattern: u64()))
            let sourceRow = Int(Int64(bitPattern: u64()))
            let field = try string()
            let header = try string()
            let value = try string()
            guard let codeText = try string(), let code = FindingCode(rawValue: codeText),
                  stageIndex < Stage.allCases.count, let message = try string() else {
                throw SheetIOError(.io, "the temporary findings file is damaged")
            }
            let hint = try string()
            var finding = Finding(stage: Stage.allCases[stageIndex], row: flags & 1 != 0 ? row : nil,
                                  column: flags & 2 != 0 ? column : nil, header: header, value: value,
                                  code: code, message: message, hint: hint)
            finding.field = field
            finding.sourceRow = flags & 4 != 0 ? sourceRow : nil
            return finding
        }

        private mutating func u64() -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<8 { v |= UInt64(buffer[start + i]) << UInt64(8 * i) }
            start += 8
            return v
        }

        private mutating func string() throws -> String? {
            guard try ensure(4) else { throw SheetIOError(.io, "the temporary findings file ended early") }
            var length: UInt32 = 0
            for i in 0..<4 { length |= UInt32(buffer[start + i]) << UInt32(8 * i) }
            start += 4
            if length == FindingSpool.none { return nil }
            let n = Int(length)
            guard try ensure(n) else { throw SheetIOError(.io, "the temporary findings file ended early") }
            let s = String(decoding: buffer[start..<(start + n)], as: UTF8.self)
            start += n
            return s
        }

        /// Makes at least `n` bytes available from `start`; false at the end of the file.
        private mutating func ensure(_ n: Int) throws -> Bool {
            if end - start >= n { return true }
            if start > 0 {
                buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
                end -= start
                start = 0
            }
            if buffer.count < n { buffer += [UInt8](repeating: 0, count: n - buffer.count) }
            while end < n {
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + end, $0.count - end, fileOffset) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw SheetIOError(.io, "cannot read the temporary findings file: \(String(cString: strerror(errno)))")
                }
                if got == 0 { return false }
                end += got
                fileOffset += off_t(got)
            }
            return true
        }
    }
}
