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
        let (negative, digits, exponent) = shortestDigits(value)
        // `exponent` is the power of ten of the first digit: 1.5 has exponent 0, 1500 has 3.
        var out = negative ? "-" : ""
        if exponent >= 16 || exponent < -9 {
            out.append(digits[digits.startIndex])
            if digits.count > 1 {
                out.append(".")
                out.append(contentsOf: digits.dropFirst())
            }
            out.append("E")
            out.append(exponent < 0 ? "-" : "+")
            let e = String(abs(exponent))
            if e.count < 2 { out.append("0") }
            out.append(e)
        } else if exponent < 0 {
            out.append("0.")
            out.append(String(repeating: "0", count: -exponent - 1))
            out.append(contentsOf: digits)
        } else if digits.count <= exponent + 1 {
            out.append(contentsOf: digits)
            out.append(String(repeating: "0", count: exponent + 1 - digits.count))
        } else {
            let point = digits.index(digits.startIndex, offsetBy: exponent + 1)
            out.append(contentsOf: digits[..<point])
            out.append(".")
            out.append(contentsOf: digits[point...])
        }
        return out
    }

    /// The shortest round-trip significant digits of a finite non-zero double (no leading or
    /// trailing zeros) and the decimal exponent of the first digit, taken from `description`
    /// (`1.234567890123457e+18`, `0.1`, `1e-05`, `123456789012345.6`).
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: String, exponent: Int) {
        let text = abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointOffset = mantissa.count  // digits before the decimal point
        if let dot = mantissa.firstIndex(of: ".") {
            pointOffset = mantissa.distance(from: mantissa.startIndex, to: dot)
        }
        for c in mantissa where c != "." { digits.append(c) }
        // Leading zeros (0.001) move the first significant digit right.
        var leading = 0
        for c in digits { if c == "0" { leading += 1 } else { break } }
        digits.removeFirst(leading)
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        return (value < 0, digits, exponent + pointOffset - 1 - leading)
    }
}
