/// Builds one JSON object on one line, for the journal and the log. Strings are escaped so that
/// nothing in them can act on a terminal: every control character (C0, DEL, C1), line separators
/// and bidirectional overrides become `\uXXXX`.
public struct JSONLine: Sendable {
    private var text = "{"
    private var empty = true

    public init() {}

    public mutating func add(_ key: String, _ value: String) {
        appendKey(key)
        Self.appendString(value, to: &text)
    }

    public mutating func add(_ key: String, _ value: String?) {
        if let value { add(key, value) }
    }

    public mutating func add(_ key: String, _ value: Int) {
        appendKey(key)
        text += String(value)
    }

    public mutating func add(_ key: String, _ value: Int?) {
        if let value { add(key, value) }
    }

    public mutating func add(_ key: String, _ value: Bool) {
        appendKey(key)
        text += value ? "true" : "false"
    }

    /// Adds an already-encoded JSON value (an object or array built elsewhere).
    public mutating func add(_ key: String, raw: String) {
        appendKey(key)
        text += raw
    }

    /// Adds an object of whole numbers with sorted keys.
    public mutating func add(_ key: String, counts: [String: Int]) {
        var inner = JSONLine()
        for k in counts.keys.sorted() { inner.add(k, counts[k]!) }
        add(key, raw: inner.finished)
    }

    /// The object, closed (no trailing newline).
    public var finished: String { text + "}" }

    private mutating func appendKey(_ key: String) {
        if !empty { text += "," }
        empty = false
        Self.appendString(key, to: &text)
        text += ":"
    }

    /// Appends `value` as a quoted, escaped JSON string.
    public static func appendString(_ value: String, to out: inout String) {
        out += "\""
        for s in value.unicodeScalars {
            switch s.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default:
                if FileName.isHostile(s) {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        out += "\""
    }

    /// `value` as a quoted, escaped JSON string.
    public static func quoted(_ value: String) -> String {
        var out = ""
        appendString(value, to: &out)
        return out
    }
}
