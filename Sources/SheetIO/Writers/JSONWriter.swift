/// A minimal streaming JSON writer over a `ByteSink`: compact output (no spaces), commas placed
/// automatically, strings escaped per RFC 8259. Nothing is built in memory.
public final class JSONWriter {
    private let sink: ByteSink
    /// One entry per open object or array: whether it already holds a member.
    private var hasMember: [Bool] = []
    /// True right after `key(_:)`, when the value follows with no comma.
    private var afterKey = false

    public init(sink: ByteSink) { self.sink = sink }

    public func beginObject() { beforeValue(); sink.write(UInt8(ascii: "{")); hasMember.append(false) }
    public func endObject() { hasMember.removeLast(); sink.write(UInt8(ascii: "}")) }
    public func beginArray() { beforeValue(); sink.write(UInt8(ascii: "[")); hasMember.append(false) }
    public func endArray() { hasMember.removeLast(); sink.write(UInt8(ascii: "]")) }

    /// Writes an object member's name; the next call writes its value.
    public func key(_ name: String) {
        beforeValue()
        JSONEscaping.writeString(name, to: sink)
        sink.write(UInt8(ascii: ":"))
        afterKey = true
    }

    public func value(_ text: String) { beforeValue(); JSONEscaping.writeString(text, to: sink) }

    /// A string, or `null` when nil.
    public func value(_ text: String?) {
        if let text { value(text) } else { null() }
    }

    public func value(_ number: Int) { beforeValue(); sink.write(String(number)) }

    /// A number exactly as stored, shortest form (`91234567`, `0.3333333333333333`; see
    /// `GeneralNumberFormatter`); JSON has no NaN or infinity, so those are written as `null`.
    public func value(_ number: Double) {
        guard number.isFinite else { null(); return }
        beforeValue()
        sink.write(GeneralNumberFormatter.format(number))
    }

    public func value(_ flag: Bool) { beforeValue(); sink.write(flag ? "true" : "false") }

    public func null() { beforeValue(); sink.write("null") }

    /// Ends a top-level value with a line break (JSON Lines); the next value starts afresh.
    public func endLine() {
        precondition(hasMember.isEmpty, "endLine() inside an open object or array")
        afterKey = false
        sink.write(UInt8(ascii: "\n"))
    }

    @inline(__always)
    private func beforeValue() {
        if afterKey { afterKey = false; return }
        guard let last = hasMember.last else { return }
        if last { sink.write(UInt8(ascii: ",")) } else { hasMember[hasMember.count - 1] = true }
    }
}

/// JSON string escaping per RFC 8259: `"` and `\`, control characters (short forms where JSON
/// has them, `\u00XX` otherwise), and U+2028/U+2029, which break JavaScript string literals.
public enum JSONEscaping {
    /// Writes `text` as a quoted JSON string.
    public static func writeString(_ text: String, to sink: ByteSink) {
        if text.utf8.withContiguousStorageIfAvailable({ writeString(bytes: $0, to: sink) }) != nil { return }
        var copy = text
        copy.withUTF8 { writeString(bytes: $0, to: sink) }
    }

    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        forEachPiece(of: Array(text.utf8)) { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    static func writeString(bytes: UnsafeBufferPointer<UInt8>, to sink: ByteSink) {
        sink.write(UInt8(ascii: "\""))
        if needsNoEscape(bytes) {
            sink.write(bytes)  // the common case: one copy, no per-byte work beyond the scan
        } else {
            forEachPiece(of: bytes) { sink.write($0) }
        }
        sink.write(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0xE2 { return false }
        return true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Calls `body` with runs of bytes that need no escaping and with each escape sequence.
    private static func forEachPiece<C: RandomAccessCollection>(of bytes: C, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    where C.Element == UInt8, C.Index == Int {
        var start = bytes.startIndex
        var i = start
        let end = bytes.endIndex
        func flush(_ upTo: Int) {
            guard upTo > start else { return }
            if bytes.withContiguousStorageIfAvailable({ p in body(UnsafeBufferPointer(rebasing: p[(start - bytes.startIndex)..<(upTo - bytes.startIndex)])) }) == nil {
                let run = Array(bytes[start..<upTo])
                run.withUnsafeBufferPointer(body)
            }
        }
        func emit(_ escape: [UInt8]) { escape.withUnsafeBufferPointer(body) }
        while i < end {
            let b = bytes[i]
            var escape: [UInt8]?
            var width = 1
            switch b {
            case UInt8(ascii: "\""): escape = [0x5C, 0x22]
            case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
            case 0x08: escape = [0x5C, UInt8(ascii: "b")]
            case 0x0C: escape = [0x5C, UInt8(ascii: "f")]
            case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
            case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
            case 0x09: escape = [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20:
                escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            case 0xE2:
                // U+2028 LINE SEPARATOR (E2 80 A8) and U+2029 PARAGRAPH SEPARATOR (E2 80 A9).
                if i + 2 < end && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                    escape = Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                    width = 3
                }
            default:
                break
            }
            if let escape {
                flush(i)
                emit(escape)
                i += width
                start = i
            } else {
                i += 1
            }
        }
        flush(end)
    }
}
