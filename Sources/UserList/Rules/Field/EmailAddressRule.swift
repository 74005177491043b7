/// The email grammar of SPEC.md, one address per cell: no invisible characters or curly quotes, no
/// `mailto:`, display names or lists, at most 254 characters, `local@domain` with single-dot-separated
/// local parts and letter/digit/hyphen domain labels under an alphabetic top-level label. Domains
/// that are evidently mistyped (`gov,sg`, `gov.sg.`, `gmail.con`, `tech.gov.sq`) get a "did you mean".
/// Rules that depend on the user type (government domains) are in `GovernmentEmailRule`.
public struct EmailAddressRule: FieldRule {
    public let name = "email-address"
    public let title = "Email is one valid address"
    public var codes: [FindingCode] {
        [.emailInvisibleCharacter, .emailSmartQuote, .emailMailto, .emailDisplayName, .emailMultiple, .emailTooLong,
         .emailInvalid, .emailDomainTypo]
    }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .email }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        guard let (code, message, hint) = problem(in: text) else { return }
        row.report(code, stage: stage, field: field, message: message, hint: hint)
        // One pass should show every problem: a stray character before the @ does not hide a
        // mistyped domain after it (O’Brien@tech.gov.sq has both).
        if [.emailSmartQuote, .emailInvisibleCharacter, .emailInvalid].contains(code),
           let at = text.lastIndex(of: "@") {
            let domain = String(text[text.index(after: at)...])
            if let fixed = DomainTypoDetector.fixedTopLevel(domain) ?? DomainTypoDetector.repairedSyntax(domain), fixed != domain {
                row.report(.emailDomainTypo, stage: stage, field: field,
                           message: "The domain \"\(domain)\" looks mistyped as well.", hint: "Did you mean \(fixed)?")
            }
        }
    }

    /// The first problem with an address: its code, message and hint; nil when the address is valid.
    public func problem(in text: String) -> (FindingCode, String, String?)? {
        if EmailGrammar.isPlainValid(text) {
            guard let dot = text.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let tld = String(text[text.index(after: dot)...]).lowercased()
            guard DomainTypoDetector.topLevelTypos[tld] != nil else { return nil }
        }
        let scalars = Array(text.unicodeScalars)
        // One pass for everything the checks below need to know.
        var firstInvisible: Int?
        var firstSmartQuote: Int?
        var ats: [Int] = []
        var hasAngle = false
        for (i, s) in scalars.enumerated() {
            if s.value >= 0x80 {
                if firstInvisible == nil, TextScan.isInvisible(s) { firstInvisible = i }
                if firstSmartQuote == nil, TextScan.isSmartQuote(s) { firstSmartQuote = i }
            } else if s == "@" {
                ats.append(i)
            } else if s == "<" {
                hasAngle = true
            }
        }
        if let i = firstInvisible {
            return (.emailInvisibleCharacter,
                    "The address contains \(TextScan.describe(scalars[i])) at position \(i + 1).",
                    "Delete the cell's content and type the address again; invisible characters come from copying web pages or chats.")
        }
        if let i = firstSmartQuote {
            let hint = scalars[i] == "\u{2019}" || scalars[i] == "\u{2018}"
                ? "If the address really has an apostrophe, type a straight one (') instead; Word and Outlook curl it automatically."
                : "Remove the quote marks; an address has none."
            return (.emailSmartQuote, "The address contains \(TextScan.describe(scalars[i])) at position \(i + 1).", hint)
        }
        if Self.hasMailtoPrefix(scalars) {
            let rest = String(text.dropFirst(7))
            return (.emailMailto, "The address starts with mailto:, copied from a link.", "Keep only \(rest).")
        }
        if hasAngle || scalars.first == "\"", let inner = displayNameAddress(text) {
            return (.emailDisplayName, "The cell holds a name as well as the address.", "Keep only the address: \(inner).")
        }
        if ats.count >= 2 {
            let addresses = listedAddresses(text)
            if addresses >= 2 {
                return (.emailMultiple, "The cell holds \(addresses) email addresses; each user needs a row of their own.",
                        "Keep one address here and add a row for each of the others.")
            }
        }
        if scalars.count > UserListSchema.emailMaxLength {
            return (.emailTooLong,
                    "The address has \(scalars.count) characters; an email address has at most \(UserListSchema.emailMaxLength).", nil)
        }
        if ats.isEmpty {
            return (.emailInvalid, "The address has no @.", "An email address looks like name@agency.gov.sg.")
        }
        if ats.count > 1 {
            return (.emailInvalid, "The address has more than one @ (positions \(ats.map { String($0 + 1) }.joined(separator: ", "))).", nil)
        }
        let at = ats[0]
        let local = Array(scalars[..<at])
        let domain = Array(scalars[(at + 1)...])
        if let p = EmailGrammar.localProblem(local) {
            return (.emailInvalid, p.message, nil)
        }
        let localText = String(String.UnicodeScalarView(local))
        let domainText = String(String.UnicodeScalarView(domain))
        if let p = EmailGrammar.domainProblem(domain, offset: at + 2) {
            if let fixed = DomainTypoDetector.repairedSyntax(domainText) {
                return (.emailDomainTypo, p.message, "Did you mean \(localText)@\(fixed)?")
            }
            return (.emailInvalid, p.message, nil)
        }
        if let fixed = DomainTypoDetector.fixedTopLevel(domainText) {
            let tld = domainText.split(separator: ".").last.map(String.init) ?? ""
            return (.emailDomainTypo, "The domain ends in \".\(tld)\", which is not a real ending.",
                    "Did you mean \(localText)@\(fixed)?")
        }
        return nil
    }

    /// True when the address starts with `mailto:` in any case.
    static func hasMailtoPrefix(_ scalars: [Unicode.Scalar]) -> Bool {
        let prefix: [Unicode.Scalar] = ["m", "a", "i", "l", "t", "o", ":"]
        guard scalars.count >= prefix.count else { return false }
        for (i, p) in prefix.enumerated() {
            var s = scalars[i]
            if s >= "A" && s <= "Z" { s = Unicode.Scalar(s.value + 32)! }
            if s != p { return false }
        }
        return true
    }

    /// The address inside `Name <address>` or after `"Name"`, when the cell holds a display name.
    func displayNameAddress(_ text: String) -> String? {
        if let open = text.firstIndex(of: "<"), let close = text[open...].firstIndex(of: ">") {
            let inner = text[text.index(after: open)..<close]
            if inner.contains("@") { return TextScan.trimmed(String(inner)) }
        }
        if text.hasPrefix("\""), let close = text.dropFirst().firstIndex(of: "\"") {
            let rest = TextScan.trimmed(String(text[text.index(after: close)...]))
            if rest.contains("@"), !rest.hasPrefix("@") { return rest }
        }
        return nil
    }

    /// How many addresses a cell lists, separated by `;`, `,`, whitespace, `/` or `|`.
    func listedAddresses(_ text: String) -> Int {
        guard text.unicodeScalars.filter({ $0 == "@" }).count >= 2 else { return 1 }
        let parts = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " || $0 == "/" || $0 == "|" || $0 == "\n" })
        return parts.filter { $0.contains("@") }.count
    }
}
