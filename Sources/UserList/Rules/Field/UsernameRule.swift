/// The TechPass username grammar: ASCII letters, digits, `_`, `-`, `.` and spaces; starts and ends
/// with a letter or digit; no `..`; at most the policy's length. Messages name the character and its
/// position. Whether a username is needed at all depends on the user type (`VendorUsernameRule`).
public struct UsernameRule: FieldRule {
    public let name = "username"
    public let title = "Username uses the allowed characters"
    public let maxLength: Int
    public var codes: [FindingCode] {
        [.usernameInvisibleCharacter, .usernameSmartQuote, .usernameInvalidCharacter, .usernameEdgeCharacter,
         .usernameConsecutivePeriods, .usernameTooLong]
    }

    public init(policy: Policy = .default) { maxLength = policy.usernameMaxLength }

    public func applies(to field: FieldKey) -> Bool { field == .username }

    static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        TextScan.isASCIILetterOrDigit(s) || s == "_" || s == "-" || s == "." || s == " "
    }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        let s = Array(text.unicodeScalars)
        func report(_ code: FindingCode, _ message: String, _ hint: String? = nil) {
            row.report(code, stage: stage, field: field, message: message, hint: hint)
        }
        if let i = s.firstIndex(where: TextScan.isInvisible) {
            report(.usernameInvisibleCharacter, "The username contains \(TextScan.describe(s[i])) at position \(i + 1).",
                   "Delete the cell's content and type the username again.")
        }
        if let i = s.firstIndex(where: TextScan.isSmartQuote) {
            report(.usernameSmartQuote, "The username contains \(TextScan.describe(s[i])) at position \(i + 1).",
                   "Remove the quote; usernames may not contain quotes or apostrophes.")
        }
        let bad = s.indices.filter { !Self.isAllowed(s[$0]) && !TextScan.isInvisible(s[$0]) && !TextScan.isSmartQuote(s[$0]) }
        if let i = bad.first {
            var message = "The username contains \(TextScan.describe(s[i])) at position \(i + 1)"
            if bad.count > 1 { message += " and \(TextScan.count(bad.count - 1, "other character")) that \(bad.count == 2 ? "is" : "are") not allowed" }
            message += "; only letters A–Z, digits, _, -, . and spaces are allowed."
            let hint: String? = s[i] == "@"
                ? "The username is not the email address; use the vendor's name, such as Lim Jia Hui."
                : (s[i].value > 0x7F && s[i].properties.isAlphabetic ? "Use the letter without its accent, or the name in English letters." : nil)
            report(.usernameInvalidCharacter, message, hint)
        }
        if let first = s.first, let last = s.last {
            if !TextScan.isASCIILetterOrDigit(first) {
                report(.usernameEdgeCharacter, "The username starts with \(TextScan.describe(first)); it must start with a letter or digit.")
            } else if !TextScan.isASCIILetterOrDigit(last) {
                report(.usernameEdgeCharacter, "The username ends with \(TextScan.describe(last)) (position \(s.count)); it must end with a letter or digit.")
            }
        }
        if let i = s.indices.dropFirst().first(where: { s[$0] == "." && s[$0 - 1] == "." }) {
            report(.usernameConsecutivePeriods, "The username has two periods in a row at positions \(i)–\(i + 1).")
        }
        if s.count > maxLength {
            report(.usernameTooLong, "The username has \(s.count) characters; the most allowed is \(maxLength).")
        }
    }
}
