/// First and last names: letters of any script (with their combining marks), spaces, `-`, `'`, `.`,
/// and the `/` and `@` of Singapore names (`Raj s/o Kumar`, `Tan Ah Kau @ Tan Ah Kow`); 1–64
/// characters. An email address typed as a name is an error. Curly apostrophes become straight ones (a change).
public struct PersonNameRule: FieldRule {
    public let name = "person-name"
    public let title = "First and last names use letters, spaces, - ' . and the / and @ of Singapore names"
    public var codes: [FindingCode] { [.changeNormalised, .nameInvalidCharacter, .nameNoLetter, .nameTooLong] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .firstName || field == .lastName }

    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{00B4}", "`"]

    static func isAllowed(_ c: Character) -> Bool {
        var hasLetter = false
        for s in c.unicodeScalars {
            switch s.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: hasLetter = true
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default:
                if s == "\u{200C}" || s == "\u{200D}" { continue }
                if c.unicodeScalars.count == 1, s == " " || s == "-" || s == "'" || s == "." { return true }
                return false
            }
        }
        return hasLetter || c.unicodeScalars.allSatisfy { $0 == "\u{200C}" || $0 == "\u{200D}" }
    }

    static func isLetter(_ c: Character) -> Bool {
        c.unicodeScalars.contains {
            switch $0.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }
    }

    /// True for the common case, checked on bytes: ASCII letters, spaces, `-`, `'` and `.`, at least
    /// one letter, within the length limit. (`/` and `@` take the slow path, which checks where they stand.)
    static func isPlainValidASCII(_ text: String) -> Bool {
        var hasLetter = false
        var count = 0
        for b in text.utf8 {
            count += 1
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): hasLetter = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "'"), UInt8(ascii: "."): continue
            default: return false
            }
        }
        return hasLetter && count <= UserListSchema.nameMaxLength
    }

    /// The relation words whose `/` names may hold: son of, daughter of, and the Malay anak lelaki / perempuan.
    static let relations: Set<String> = ["s/o", "d/o", "a/l", "a/p"]

    /// True for the `/` of `s/o`, `d/o`, `a/l` or `a/p` written as a word, and for an `@` ("also known
    /// as") with a space on each side: `Raj s/o Kumar`, `Tan Ah Kau @ Tan Ah Kow`.
    static func isSingaporeNameMark(_ chars: [Character], at i: Int) -> Bool {
        func isSpaceOrEdge(_ j: Int) -> Bool { j < 0 || j >= chars.count || chars[j] == " " }
        switch chars[i] {
        case "@":
            return i > 0 && i < chars.count - 1 && chars[i - 1] == " " && chars[i + 1] == " "
        case "/":
            guard i >= 1, i + 1 < chars.count, isSpaceOrEdge(i - 2), isSpaceOrEdge(i + 2) else { return false }
            return relations.contains(String(chars[(i - 1)...(i + 1)]).lowercased())
        default:
            return false
        }
    }

    static let allowed = "names may have letters, spaces, hyphens, apostrophes and full stops (and s/o, d/o or @ between names)"

    /// True when the name is an email address (`jane@tech.gov.sg`), not a name with an `@` between words.
    static func looksLikeEmailAddress(_ text: String) -> Bool {
        guard text.contains("@"), !text.contains(" ") else { return false }
        if EmailGrammar.isPlainValid(text) { return true }
        guard let (local, domain) = EmailGrammar.split(text) else { return false }
        return !local.isEmpty && domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard var text = row.values[field], !Self.isPlainValidASCII(text) else { return }
        var title: String { UserListSchema.current.column(field)?.title ?? "Name" }
        if text.unicodeScalars.contains(where: Self.apostrophes.contains) {
            var out = String.UnicodeScalarView()
            for s in text.unicodeScalars { out.append(Self.apostrophes.contains(s) ? "'" : s) }
            text = String(out)
            row.values[field] = text
            row.report(.changeNormalised, stage: stage, field: field,
                       message: "Curly apostrophes were replaced with straight ones: \"\(text)\".")
        }
        let chars = Array(text)
        if Self.looksLikeEmailAddress(text), let at = chars.firstIndex(of: "@") {
            row.report(.nameInvalidCharacter, stage: stage, field: field,
                       message: "\(title) contains \"@\" at position \(at + 1) and looks like an email address, not a name.",
                       hint: "The address goes in Email address; type the person's name here.")
        } else if let i = chars.indices.first(where: { !Self.isAllowed(chars[$0]) && !Self.isSingaporeNameMark(chars, at: $0) }) {
            let c = chars[i]
            var hint: String?
            if c.isNumber { hint = "Names have no digits; check the name was not mixed up with another column." }
            else if c == "," { hint = "Write the name without commas; the family name goes in Last name." }
            row.report(.nameInvalidCharacter, stage: stage, field: field,
                       message: "\(title) contains \(TextScan.describe(c)) at position \(i + 1); \(Self.allowed).",
                       hint: hint)
        } else if !chars.contains(where: Self.isLetter) {
            row.report(.nameNoLetter, stage: stage, field: field, message: "\(title) has no letters.")
        }
        if chars.count > UserListSchema.nameMaxLength {
            row.report(.nameTooLong, stage: stage, field: field,
                       message: "\(title) has \(chars.count) characters; the most allowed is \(UserListSchema.nameMaxLength).")
        }
    }
}
