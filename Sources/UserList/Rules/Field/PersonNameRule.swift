/// First and last names: letters of any script (with their combining marks), spaces, `-`, `'` and `.`;
/// 1–64 characters. Curly apostrophes become straight ones (a change).
public struct PersonNameRule: FieldRule {
    public let name = "person-name"
    public let title = "First and last names use letters, spaces, - ' and ."
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
    /// one letter, within the length limit.
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
        let bad = chars.indices.filter { !Self.isAllowed(chars[$0]) }
        if let i = bad.first {
            let c = chars[i]
            var hint: String?
            if c.isNumber { hint = "Names have no digits; check the name was not mixed up with another column." }
            else if c == "," { hint = "Write the name without commas; the family name goes in Last name." }
            else if c == "@" { hint = "This looks like an email address; the address goes in Email address." }
            row.report(.nameInvalidCharacter, stage: stage, field: field,
                       message: "\(title) contains \(TextScan.describe(c)) at position \(i + 1); names may have letters, spaces, hyphens, apostrophes and full stops.",
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
