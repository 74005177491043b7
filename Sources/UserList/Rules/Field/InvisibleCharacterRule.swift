/// Removes zero-width spaces, word joiners, byte-order marks and soft hyphens from every field but
/// the email and username (where they are errors), reporting a change. Zero-width joiners stay in
/// free-text fields, where some scripts need them.
public struct InvisibleCharacterRule: FieldRule {
    public let name = "invisible-characters"
    public let title = "Invisible characters are removed outside email and username"
    public var codes: [FindingCode] { [.changeInvisibleRemoved] }
    public init() {}

    static let freeText: Set<FieldKey> = [.firstName, .lastName, .organisation, .department, .reason, .offshoreCompany]

    public func applies(to field: FieldKey) -> Bool { field != .email && field != .username }

    public var skipsPlainASCII: Bool { true }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field], !TextScan.isPlainASCII(text) else { return }
        let keepJoiners = Self.freeText.contains(field)
        var removed = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if TextScan.isInvisible(s), !(keepJoiners && (s == "\u{200C}" || s == "\u{200D}")) {
                removed += 1
            } else {
                out.append(s)
            }
        }
        guard removed > 0 else { return }
        row.report(.changeInvisibleRemoved, stage: stage, field: field,
                   message: "\(TextScan.count(removed, "invisible character")) (zero-width space or similar) removed.")
        let cleaned = TextScan.trimmed(String(out))
        row.values[field] = cleaned.isEmpty ? nil : cleaned
    }
}
