/// One directory entry's name as the raw bytes the file system holds. Names are kept as bytes so
/// that a name that is not UTF-8 can still be renamed exactly; `display` is the only form shown to
/// people (escaped), and `sanitised` the only form used to name new folders.
public struct FileName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The most bytes one name may have on Linux and macOS file systems (NAME_MAX).
    public static let maxBytes = 255

    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The name as text when its bytes are valid UTF-8 (control characters included), else nil.
    public var exactString: String? {
        var decoded = ""
        var it = bytes.makeIterator()
        var codec = UTF8()
        while true {
            switch codec.decode(&it) {
            case .scalarValue(let s): decoded.unicodeScalars.append(s)
            case .emptyInput: return decoded
            case .error: return nil
            }
        }
    }

    public var isValidUTF8: Bool { exactString != nil }

    /// The name made safe for a terminal or a log line: control characters (newlines, ANSI escapes,
    /// C1 codes), bidirectional overrides and bytes that are not UTF-8 shown as visible escapes.
    public var display: String { Self.escaped(bytes) }

    public var description: String { display }

    /// The lower-cased extension without the dot; "" when there is none (or the only dot leads).
    public var fileExtension: String {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return "" }
        return String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
    }

    /// The kind of name as far as reading the file goes: `xlsx` for `.xlsx` and `.xlsm` (read
    /// alike), otherwise the lower-cased extension ("" when there is none). The same bytes under
    /// names of different kinds are judged separately: CSV text named `.xlsx` is rejected, named
    /// `.csv` it is read.
    public var kindOfName: String {
        let ext = fileExtension
        return ext == "xlsm" ? "xlsx" : ext
    }

    /// The bytes before the extension's dot (the whole name when there is no extension).
    public var stemBytes: ArraySlice<UInt8> {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return bytes[...] }
        return bytes[..<dot]
    }

    /// The bytes from the extension's dot on ("" when there is none).
    public var extensionBytes: ArraySlice<UInt8> {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > 0 else { return [] }
        return bytes[dot...]
    }

    /// The name with ` (n)` before the extension, shortened (at a character boundary) so the result
    /// still fits in `maxBytes`. Used to avoid overwriting an existing entry, never to hide one.
    public func numbered(_ n: Int) -> FileName {
        let suffix = Array(" (\(n))".utf8)
        let ext = Array(extensionBytes.count + suffix.count < Self.maxBytes ? extensionBytes : [])
        let room = Self.maxBytes - suffix.count - ext.count
        let stem = Self.prefix(Array(ext.isEmpty ? bytes[...] : stemBytes), maxBytes: room)
        return FileName(bytes: stem + suffix + ext)
    }

    /// A name usable on any file system and in any shell, from this one: valid UTF-8; control
    /// characters, path and shell-hostile characters replaced by `_`; no leading `-` or `.`; at most
    /// `maxBytes` bytes (cut at a character boundary). Empty input gives `file`.
    public static func sanitised(_ bytes: ArraySlice<UInt8>, maxBytes: Int) -> String {
        var out = ""
        var it = bytes.makeIterator()
        var codec = UTF8()
        var used = 0
        decoding: while true {
            var piece: String
            switch codec.decode(&it) {
            case .scalarValue(let s):
                if isHostile(s) || "/\\:*?\"<>|".unicodeScalars.contains(s) { piece = "_" } else { piece = String(s) }
            case .error: piece = "_"
            case .emptyInput: break decoding
            }
            if out.isEmpty && (piece == "-" || piece == ".") { piece = "_" }
            let n = piece.utf8.count
            if used + n > maxBytes { break }
            out += piece
            used += n
        }
        while out.hasSuffix(" ") || out.hasSuffix(".") { out.removeLast() }
        return out.isEmpty ? "file" : out
    }

    /// True for scalars that must never reach a terminal raw: C0 and C1 controls, DEL, line and
    /// paragraph separators, and the bidirectional controls that can make a name read backwards.
    static func isHostile(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: return true
        default: return false
        }
    }

    static func escaped(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            guard let (s, width) = scalar(in: bytes, at: i) else {
                let b = bytes[i]
                out += "\\x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
                i += 1
                continue
            }
            i += width
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x5C: out += "\\\\"
            default:
                if isHostile(s) { out += "\\u{\(String(s.value, radix: 16))}" } else { out.unicodeScalars.append(s) }
            }
        }
        return out
    }

    /// The scalar that starts at `i` and its length in bytes, or nil when the bytes there are not UTF-8.
    static func scalar(in bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        var it = bytes[i...].makeIterator()
        var codec = UTF8()
        guard case .scalarValue(let s) = codec.decode(&it) else { return nil }
        return (s, UTF8.width(s))
    }

    /// The longest prefix of `bytes` that fits in `maxBytes` and does not split a UTF-8 sequence.
    static func prefix(_ bytes: [UInt8], maxBytes: Int) -> [UInt8] {
        guard bytes.count > maxBytes else { return bytes }
        var end = max(0, maxBytes)
        while end > 0 && end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
        return Array(bytes[..<end])
    }

    public static func < (a: FileName, b: FileName) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}
