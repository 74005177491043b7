#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders numbers as Excel's General format shows them in a wide column:
/// `91234567`, `6591234567`, `0.1`; never `9.1234567E7` or `91234567.0`.
///
/// Excel keeps 15 significant digits. Plain notation is used from 1E-9 up to 1E+20; beyond that
/// Excel's own scientific form (`1.5E+21`).
public enum GeneralNumberFormatter {
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "#NUM!" }
        if value.isInfinite { return "#NUM!" }
        if value == 0 { return "0" }
        // Fast path: integers that fit in 15 digits print exactly.
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            return String(Int64(value))
        }
        var buf = [CChar](repeating: 0, count: 64)
        let n = buf.withUnsafeMutableBufferPointer { p in
            withVaList([value]) { vsnprintf(p.baseAddress, 64, "%.15g", $0) }
        }
        guard n > 0 else { return String(value) }
        var s = String(cString: buf)
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let exponent = Int(s[s.index(after: e)...]) ?? 0
            if exponent >= -9 && exponent <= 20 {
                s = plain(value)
            } else {
                var mantissa = String(s[..<e])
                if mantissa.contains(".") {
                    while mantissa.hasSuffix("0") { mantissa.removeLast() }
                    if mantissa.hasSuffix(".") { mantissa.removeLast() }
                }
                let sign = exponent < 0 ? "-" : "+"
                let digits = String(abs(exponent))
                s = mantissa + "E" + sign + (digits.count < 2 ? "0" + digits : digits)
            }
        }
        return s
    }

    /// Fixed notation with 15 significant digits and no trailing zeros.
    private static func plain(_ value: Double) -> String {
        let magnitude = Int(floor(log10(abs(value))))
        let decimals = max(0, 14 - magnitude)
        var buf = [CChar](repeating: 0, count: 64)
        _ = buf.withUnsafeMutableBufferPointer { p in
            withVaList([decimals, value]) { vsnprintf(p.baseAddress, 64, "%.*f", $0) }
        }
        var s = String(cString: buf)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
