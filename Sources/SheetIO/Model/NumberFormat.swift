/// A cell number format: its id, its format code and what kind of value it shows.
public struct NumberFormat: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case general, text, number, date, time, dateTime
        /// Elapsed time: a bracketed `[h]`, `[mm]`, `[ss]`… token (`[h]:mm:ss`), written as a duration.
        case duration
        public var isDateOrTime: Bool { self == .date || self == .time || self == .dateTime }
    }
    public var id: Int
    public var code: String
    public var kind: Kind

    public init(id: Int, code: String, kind: Kind) {
        self.id = id
        self.code = code
        self.kind = kind
    }

    public init(id: Int, code: String) {
        self.init(id: id, code: code, kind: NumberFormat.classify(code: code))
    }

    public static let general = NumberFormat(id: 0, code: "General", kind: .general)
    public static let text = NumberFormat(id: 49, code: "@", kind: .text)

    /// True for the text format `@`, which makes Excel keep what was typed (leading zeros, `+65`).
    public var isText: Bool { kind == .text }

    /// The format code of a built-in number format id (ECMA-376 Part 1, 18.8.30), if it has one.
    public static func builtInCode(id: Int) -> String? {
        switch id {
        case 0: return "General"
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12: return "# ?/?"
        case 13: return "# ??/??"
        case 14: return "mm-dd-yy"
        case 15: return "d-mmm-yy"
        case 16: return "d-mmm"
        case 17: return "mmm-yy"
        case 18: return "h:mm AM/PM"
        case 19: return "h:mm:ss AM/PM"
        case 20: return "h:mm"
        case 21: return "h:mm:ss"
        case 22: return "m/d/yy h:mm"
        case 37: return "#,##0 ;(#,##0)"
        case 38: return "#,##0 ;[Red](#,##0)"
        case 39: return "#,##0.00;(#,##0.00)"
        case 40: return "#,##0.00;[Red](#,##0.00)"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mmss.0"
        case 48: return "##0.0E+0"
        case 49: return "@"
        // Locale-dependent date formats (East Asian built-ins) are dates whatever their exact code.
        case 27...36, 50...58: return "yyyy-mm-dd"
        default: return nil
        }
    }

    /// The built-in format for an id, or General for an id with no built-in meaning.
    public static func builtIn(id: Int) -> NumberFormat {
        if id == 0 { return .general }
        if id == 49 { return .text }
        return NumberFormat(id: id, code: builtInCode(id: id) ?? "General")
    }

    /// Decides whether a format code shows a date, a time, both, text or a plain number.
    ///
    /// Quoted literals, backslash escapes, `_x`/`*x` padding and bracketed sections
    /// (colours, conditions, locales) are skipped; any `[h]`, `[m]`, `[s]` elapsed-time token makes
    /// it a duration. Only the first section (positive numbers) decides.
    public static func classify(code: String) -> Kind {
        let bytes = Array(code.utf8)
        if bytes.isEmpty { return .general }
        var hasDate = false, hasTime = false, hasDigits = false, hasAt = false, hasElapsed = false
        var lastTimeToken: UInt8 = 0  // 'h' or 's' or 0, to tell minutes from months
        var i = 0
        func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b + 32 : b }
        if code.lowercased() == "general" { return .general }
        sectionLoop: while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: ";"): break sectionLoop
            case UInt8(ascii: "\""):
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += 1 }
                i += 1
                continue
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                i += 2
                continue
            case UInt8(ascii: "["):
                var j = i + 1
                var inner: [UInt8] = []
                while j < bytes.count && bytes[j] != UInt8(ascii: "]") { inner.append(lower(bytes[j])); j += 1 }
                if !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "h") || $0 == UInt8(ascii: "m") || $0 == UInt8(ascii: "s") }) {
                    hasElapsed = true
                    // `[h]:mm`: minutes after elapsed hours, not a month.
                    if inner[0] == UInt8(ascii: "h") { lastTimeToken = UInt8(ascii: "h") }
                }
                i = j + 1
                continue
            case UInt8(ascii: "@"):
                hasAt = true
            case UInt8(ascii: "0"), UInt8(ascii: "#"), UInt8(ascii: "?"):
                hasDigits = true
            default:
                let l = lower(b)
                // `AM/PM` and `A/P` mark a 12-hour time; their `M` is not a month.
                if l == UInt8(ascii: "a"), Self.matches(bytes, at: i, "am/pm") {
                    hasTime = true
                    i += 5
                    continue
                }
                if l == UInt8(ascii: "a"), Self.matches(bytes, at: i, "a/p") {
                    hasTime = true
                    i += 3
                    continue
                }
                if l == UInt8(ascii: "y") || l == UInt8(ascii: "d") {
                    hasDate = true
                    lastTimeToken = 0
                } else if l == UInt8(ascii: "h") {
                    hasTime = true
                    lastTimeToken = l
                } else if l == UInt8(ascii: "s") {
                    hasTime = true
                    lastTimeToken = l
                } else if l == UInt8(ascii: "m") {
                    var j = i
                    while j < bytes.count && lower(bytes[j]) == UInt8(ascii: "m") { j += 1 }
                    if lastTimeToken == UInt8(ascii: "h") {
                        hasTime = true
                    } else {
                        // A month, unless seconds follow before any other date or time token.
                        if !Self.followedBySeconds(bytes, from: j) { hasDate = true } else { hasTime = true }
                    }
                    lastTimeToken = 0
                    i = j
                    continue
                }
            }
            i += 1
        }
        if hasElapsed { return .duration }
        if hasDate && hasTime { return .dateTime }
        if hasDate { return .date }
        if hasTime { return .time }
        if hasAt && !hasDigits { return .text }
        return .number
    }

    /// True when `bytes` at `start` spell `lowercase` (ASCII, case-insensitive).
    private static func matches(_ bytes: [UInt8], at start: Int, _ lowercase: StaticString) -> Bool {
        let n = lowercase.utf8CodeUnitCount
        guard start + n <= bytes.count else { return false }
        let p = lowercase.utf8Start
        for k in 0..<n {
            let b = bytes[start + k]
            if ((b >= 65 && b <= 90) ? b + 32 : b) != p[k] { return false }
        }
        return true
    }

    private static func followedBySeconds(_ bytes: [UInt8], from start: Int) -> Bool {
        var j = start
        while j < bytes.count {
            let l = (bytes[j] >= 65 && bytes[j] <= 90) ? bytes[j] + 32 : bytes[j]
            if l == UInt8(ascii: "s") { return true }
            if l == UInt8(ascii: "y") || l == UInt8(ascii: "d") || l == UInt8(ascii: "h") || l == UInt8(ascii: "m") || l == UInt8(ascii: ";") { return false }
            j += 1
        }
        return false
    }
}
