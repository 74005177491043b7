/// How much a finding matters.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    /// The row (or file) cannot be accepted as it is.
    case error
    /// Probably a mistake, or something Excel changed; the row is still accepted.
    case warning
    /// An automatic clean-up that was applied (trimmed spaces, `y` → `Yes`); never done silently.
    case change

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .change: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
