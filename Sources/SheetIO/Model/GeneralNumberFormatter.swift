/// Writes a stored number exactly: the shortest decimal that reads back as the same double
/// (the digits of Swift's `Double.description`), so nothing read from a file is lost.
///
/// - Whole numbers below 1E+16 print as integers: `91234567`, `6591234567`, `123456789012345`
///   (never `9.1234567E7` or `91234567.0`).
/// - Other numbers from 1E-9 up to 1E+16 print in plain notation: `0.1`, `0.3333333333333333`,
///   `0.00001`.
/// - Beyond that, scientific notation in Excel's style with all the digits needed:
///   `1.234567890123457E+18`, `1E+16`, `1.5E-10`.
/// - Infinity (a stored number beyond the double range, such as `1E+309`) prints as `inf` / `-inf`.
///
/// docs/values.md describes the rules for users.
public enum GeneralNumberFormatter {
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "#NUM!" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        // Fast path: whole numbers below 1E+15 are exact in an Int64 and need no digit search.
        if abs(value) < 1e15, value == value.rounded(.towardZero) {
            return String(Int64(value))
        }
        var text = abs(value).description
        return text.withUTF8 { layout(negative: value < 0, description: $0) }
    }

    /// Lays out the digits of `description` (`1.234567890123457e+18`, `0.1`, `1e-05`,
    /// `123456789012345.6`) by the rules above, byte by byte.
    private static func layout(negative: Bool, description d: UnsafeBufferPointer<UInt8>) -> String {
        // Significant digits without leading or trailing zeros, and the power of ten of the first
        // one (1.5 has 0, 1500 has 3, 0.001 has -3).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 ASCII digits, no allocation
        var count = 0
        var exponent = -1
        var seenPoint = false
        var i = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while i < d.count {
                let c = d[i]
                if c == UInt8(ascii: ".") { seenPoint = true; i += 1; continue }
                guard c >= 48 && c <= 57 else { break }
                if count == 0 && c == 48 {
                    if seenPoint { exponent -= 1 }
                } else {
                    if count < buffer.count { buffer[count] = c; count += 1 }
                    if !seenPoint { exponent += 1 }
                }
                i += 1
            }
        }
        if i < d.count, d[i] == UInt8(ascii: "e") || d[i] == UInt8(ascii: "E") {
            var k = i + 1
            var sign = 1
            if k < d.count, d[k] == UInt8(ascii: "-") { sign = -1; k += 1 } else if k < d.count, d[k] == UInt8(ascii: "+") { k += 1 }
            var e = 0
            while k < d.count, d[k] >= 48, d[k] <= 57 { e = e * 10 + Int(d[k] - 48); k += 1 }
            exponent += sign * e
        }
        return withUnsafeBytes(of: &digits) { raw in
            var n = count
            while n > 1 && raw[n - 1] == 48 { n -= 1 }
            let sig = UnsafeRawBufferPointer(rebasing: raw[0..<max(n, 1)])
            return String(unsafeUninitializedCapacity: 40 + max(0, abs(exponent))) { out in
                var o = 0
                func put(_ b: UInt8) { out[o] = b; o += 1 }
                if negative { put(UInt8(ascii: "-")) }
                if exponent >= 16 || exponent < -9 {
                    put(sig[0])
                    if sig.count > 1 {
                        put(UInt8(ascii: "."))
                        for b in sig.dropFirst() { put(b) }
                    }
                    put(UInt8(ascii: "E"))
                    put(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                    let e = abs(exponent)
                    if e >= 100 { put(UInt8(48 + e / 100)) }
                    put(UInt8(48 + (e / 10) % 10))
                    put(UInt8(48 + e % 10))
                } else if exponent < 0 {
                    put(48); put(UInt8(ascii: "."))
                    for _ in 0..<(-exponent - 1) { put(48) }
                    for b in sig { put(b) }
                } else {
                    for (k, b) in sig.enumerated() {
                        if k == exponent + 1 { put(UInt8(ascii: ".")) }
                        put(b)
                    }
                    if sig.count <= exponent { for _ in 0..<(exponent + 1 - sig.count) { put(48) } }
                }
                return o
            }
        }
    }
}
