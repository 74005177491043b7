#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for text taken from SpreadsheetML.
enum XMLText {
    /// Decodes `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring; a lowercase `x` only, as
    /// Excel, openpyxl and calamine read them, so `_X0041_` stays text): `_x000D_` is CR and
    /// `_x005F_` is a literal underscore, so `_x005F_x0041_` stays `_x0041_`. UTF-16 surrogate
    /// pairs written as two escapes are joined.
    static func decodeEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard hasEscape(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var units: [UInt16] = []
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func flushUnits() {
            guard !units.isEmpty else { return }
            // Lone surrogates become U+FFFD, as any UTF-16 decoder does.
            out.append(contentsOf: String(decoding: units, as: UTF16.self).utf8)
            units.removeAll()
        }
        while i < bytes.count {
            if let unit = escapeAt(bytes, i) {
                units.append(unit)
                i += 7
                continue
            }
            flushUnits()
            out.append(bytes[i])
            i += 1
        }
        flushUnits()
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func hasEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 7, let base = bytes.baseAddress else { return false }
        var p = UnsafeRawPointer(base)
        var left = bytes.count
        while left >= 7, let hit = memchr(p, Int32(UInt8(ascii: "_")), left) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if escapeAt(bytes, offset) != nil { return true }
            p = UnsafeRawPointer(hit) + 1
            left = bytes.count - offset - 1
        }
        return false
    }

    @inline(__always)
    private static func escapeAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt16? {
        guard i + 6 < b.count, b[i] == UInt8(ascii: "_"), b[i + 1] == UInt8(ascii: "x"),
              b[i + 6] == UInt8(ascii: "_") else { return nil }
        var v: UInt16 = 0
        for k in 2...5 {
            let c = b[i + k]
            let d: UInt16
            switch c {
            case 48...57: d = UInt16(c - 48)
            case 65...70: d = UInt16(c - 55)
            case 97...102: d = UInt16(c - 87)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    /// Number of UTF-16 code units (what Excel counts as characters) in UTF-8 bytes.
    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes {
            if b & 0xC0 != 0x80 { n += (b >= 0xF0) ? 2 : 1 }
        }
        return n
    }

    /// Parses a non-negative decimal integer; nil when not all digits or over 18 digits.
    @inline(__always)
    static func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 48 && b <= 57 else { return nil }
            v = v &* 10 &+ Int(b - 48)
        }
        return v
    }

    /// Parses an XML number (`xsd:double` in decimal form: `-12`, `0.5`, `1.5E+21`) straight from
    /// bytes: integers of up to 15 digits exactly by hand, everything else checked to be decimal
    /// (`strtod` would also take `0x10`, `nan` and `inf`, which no OOXML number is) and then read by
    /// `strtod` from a NUL-terminated scratch copy. A number beyond the double range is ±infinity.
    @inline(__always)
    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [CChar]) -> Double? {
        var i = 0
        var negative = false
        var b = bytes[...]
        while let f = b.first, f == 0x20 || f == 0x09 || f == 0x0A || f == 0x0D { b = b.dropFirst() }
        while let l = b.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D { b = b.dropLast() }
        guard !b.isEmpty else { return nil }
        if b.first == UInt8(ascii: "-") { negative = true; i = 1 }
        if b.count - i > 0 && b.count - i <= 15 {
            var v: Int64 = 0
            var ok = true
            var k = b.startIndex + i
            while k < b.endIndex {
                let c = b[k]
                if c < 48 || c > 57 { ok = false; break }
                v = v * 10 + Int64(c - 48)
                k += 1
            }
            if ok { return Double(negative ? -v : v) }
        }
        guard isDecimalNumber(b) else { return nil }
        scratch.removeAll(keepingCapacity: true)
        for c in b { scratch.append(CChar(bitPattern: c)) }
        scratch.append(0)
        return scratch.withUnsafeBufferPointer { p -> Double? in
            var end: UnsafeMutablePointer<CChar>?
            let v = strtod(p.baseAddress!, &end)
            guard let end, end == UnsafeMutablePointer(mutating: p.baseAddress! + (p.count - 1)), !v.isNaN else { return nil }
            return v
        }
    }
}

extension XMLText {
    /// `[+-]?(digits[.digits?] | .digits)([eE][+-]?digits)?`: the decimal lexical form of `xsd:double`.
    static func isDecimalNumber(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var i = b.startIndex
        let end = b.endIndex
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < end && b[k] >= 48 && b[k] <= 57 }
        if i < end && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
        var mantissaDigits = 0
        while isDigit(i) { i += 1; mantissaDigits += 1 }
        if i < end && b[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < end && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < end && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == end
    }

    /// Escapes text for an `ST_Xstring` so that readers decode it back to itself: every literal
    /// `_xHHHH_` gets its underscore written as `_x005F_` (libxlsxwriter does not do this).
    static func escapeForXstring(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        var bytes = Array(text.utf8)
        let escaped: [UInt8]? = bytes.withUnsafeBufferPointer { b in
            guard hasEscape(b) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16)
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "_"), hasEscape(UnsafeBufferPointer(rebasing: b[i..<min(b.count, i + 7)])) {
                    out.append(contentsOf: Array("_x005F".utf8))
                }
                out.append(b[i])
                i += 1
            }
            return out
        }
        if let escaped { bytes = escaped } else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }
}
