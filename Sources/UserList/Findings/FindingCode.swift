/// A stable finding code (`username.consecutive-periods`) with its severity, what it means and how to fix it.
///
/// Codes are defined once, in the `FindingCode+…` files, and all listed in `FindingCode.all`.
/// Two codes are equal when their strings are.
public struct FindingCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where a code can appear.
    public enum Scope: String, Sendable, Codable {
        /// About the whole file (file stage).
        case file
        /// About the sheet: its structure, or facts known only at the end of it (merged ranges).
        case sheet
        /// About one data row.
        case row
    }

    /// The stable dotted, lowercase-kebab string.
    public let rawValue: String
    public let severity: Severity
    public let scope: Scope
    /// What the finding means, in one plain sentence.
    public let meaning: String
    /// What the user should do.
    public let fix: String

    init(_ rawValue: String, _ severity: Severity, _ scope: Scope = .row, meaning: String, fix: String) {
        self.rawValue = rawValue
        self.severity = severity
        self.scope = scope
        self.meaning = meaning
        self.fix = fix
    }

    public var description: String { rawValue }

    public static func == (a: FindingCode, b: FindingCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The code with this string, if it is in the catalogue.
    public init?(rawValue: String) {
        guard let code = FindingCode.byRawValue[rawValue] else { return nil }
        self = code
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let code = FindingCode(rawValue: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown finding code \"\(s)\"")
        }
        self = code
    }

    private static let byRawValue: [String: FindingCode] = {
        var d: [String: FindingCode] = [:]
        for code in all { d[code.rawValue] = code }
        return d
    }()
}
