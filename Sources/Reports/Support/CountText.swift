/// Counts as people read them in every report: thousands grouped with commas (`1,017`) and the
/// noun in the singular for one (`1 row`, `2 rows`).
public enum CountText {
    /// `1,048,575`.
    public static func number(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `1 row`, `1,017 rows`; `plural` when the noun does not just take an `s`.
    public static func of(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
