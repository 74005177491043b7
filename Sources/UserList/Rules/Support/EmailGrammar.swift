/// The email address grammar of SPEC.md: `local@domain`, the local part made of letters, digits and
/// ``!#$%&'*+/=?^_`{|}~-`` separated by single dots; the domain of letter/digit/hyphen labels with an
/// alphabetic top-level label. ASCII only.
enum EmailGrammar {
    /// A problem with an address, with the message that explains it.
    struct Problem: Equatable {
        var message: String
    }

    static func isLocalCharacter(_ s: Unicode.Scalar) -> Bool {
        if TextScan.isASCIILetterOrDigit(s) { return true }
        switch s {
        case "!", "#", "$", "%", "&", "'", "*", "+", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~", "-": return true
        default: return false
        }
    }

    static func isDomainCharacter(_ s: Unicode.Scalar) -> Bool {
        TextScan.isASCIILetterOrDigit(s) || s == "-"
    }

    /// Checks the part before `@` (positions in messages count from the address's first character).
    static func localProblem(_ local: [Unicode.Scalar]) -> Problem? {
        guard !local.isEmpty else { return Problem(message: "There is nothing before the @.") }
        for (i, s) in local.enumerated() {
            let position = i + 1
            if s == "." {
                if i == 0 { return Problem(message: "The address starts with a period; the part before @ must start with a letter or digit.") }
                if local[i - 1] == "." { return Problem(message: "The address has two periods in a row at positions \(position - 1)–\(position).") }
                if i == local.count - 1 { return Problem(message: "The address has a period just before the @ (position \(position)).") }
                continue
            }
            if !isLocalCharacter(s) {
                return Problem(message: "The address contains \(TextScan.describe(s)) at position \(position); before the @ only letters, digits, periods and !#$%&'*+/=?^_`{|}~- are allowed.")
            }
        }
        return nil
    }

    /// Checks the part after `@`; `offset` is the 1-based position of the domain's first character.
    static func domainProblem(_ domain: [Unicode.Scalar], offset: Int) -> Problem? {
        guard !domain.isEmpty else { return Problem(message: "There is nothing after the @.") }
        var labelStart = 0
        var labels: [[Unicode.Scalar]] = []
        for i in 0...domain.count {
            if i == domain.count || domain[i] == "." {
                let label = Array(domain[labelStart..<i])
                if label.isEmpty {
                    if i == domain.count { return Problem(message: "The domain ends with a period.") }
                    if labelStart == 0 { return Problem(message: "The domain starts with a period (position \(offset)).") }
                    return Problem(message: "The domain has two periods in a row at positions \(offset + i - 1)–\(offset + i).")
                }
                if label.first == "-" || label.last == "-" {
                    return Problem(message: "The domain part \"\(String(String.UnicodeScalarView(label)))\" starts or ends with a hyphen.")
                }
                if label.count > 63 {
                    return Problem(message: "The domain part \"\(String(String.UnicodeScalarView(label.prefix(20))))…\" is longer than 63 characters.")
                }
                labels.append(label)
                labelStart = i + 1
                continue
            }
            if !isDomainCharacter(domain[i]) {
                return Problem(message: "The domain contains \(TextScan.describe(domain[i])) at position \(offset + i); after the @ only letters, digits, hyphens and periods are allowed.")
            }
        }
        guard labels.count >= 2 else {
            return Problem(message: "The domain \"\(String(String.UnicodeScalarView(domain)))\" has no top-level part such as .sg or .com.")
        }
        let tld = labels.last!
        if tld.count < 2 || !tld.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }) {
            return Problem(message: "The domain ends in \".\(String(String.UnicodeScalarView(tld)))\"; the last part must be letters only, such as .sg or .com.")
        }
        return nil
    }

    /// True when `text` is a plain valid address: the common case, decided in one pass over bytes
    /// without allocating. False means "look closer", not necessarily invalid.
    static func isPlainValid(_ text: String) -> Bool {
        var sawAt = false
        var previous: UInt8 = UInt8(ascii: ".")  // a leading period counts as following one
        var count = 0
        var labelLength = 0
        var labelAllLetters = true
        var labels = 0
        for b in text.utf8 {
            count += 1
            if b >= 0x80 { return false }
            let s = Unicode.Scalar(b)
            if !sawAt {
                if b == UInt8(ascii: "@") {
                    if previous == UInt8(ascii: ".") { return false }
                    sawAt = true
                    previous = b
                    continue
                }
                if b == UInt8(ascii: ".") {
                    if previous == UInt8(ascii: ".") { return false }
                } else if !isLocalCharacter(s) {
                    return false
                }
            } else {
                if b == UInt8(ascii: ".") {
                    if labelLength == 0 || previous == UInt8(ascii: "-") { return false }
                    labels += 1
                    labelLength = 0
                    labelAllLetters = true
                } else if isDomainCharacter(s) {
                    if labelLength == 0 && b == UInt8(ascii: "-") { return false }
                    labelLength += 1
                    if labelLength > 63 { return false }
                    if !((b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)) { labelAllLetters = false }
                } else {
                    return false
                }
            }
            previous = b
        }
        guard sawAt, count <= UserListSchema.emailMaxLength, labels >= 1, labelLength >= 2, labelAllLetters else { return false }
        return previous != UInt8(ascii: "-")
    }

    /// True for a syntactically valid domain such as `tech.gov.sg`.
    static func isValidDomain(_ domain: String) -> Bool {
        domainProblem(Array(domain.unicodeScalars), offset: 1) == nil
    }

    /// Splits a valid-looking address at its only `@`: (local, domain); nil without exactly one `@`.
    static func split(_ address: String) -> (local: Substring, domain: Substring)? {
        // By UTF-8 code unit: `@` is ASCII, so it is never part of a larger character, and the
        // byte search avoids grapheme breaking.
        let utf8 = address.utf8
        let sign = UInt8(ascii: "@")
        guard let at = utf8.firstIndex(of: sign) else { return nil }
        let afterAt = utf8.index(after: at)
        guard utf8[afterAt...].firstIndex(of: sign) == nil else { return nil }
        return (address[..<at], address[afterAt...])
    }

    /// The lowercased domain of an address with exactly one `@`.
    static func domain(of address: String) -> String? {
        split(address).map { $0.domain.lowercased() }
    }
}
