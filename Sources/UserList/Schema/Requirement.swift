/// When a column must be filled in.
public enum Requirement: Sendable, Equatable {
    /// Every row (the `*` columns).
    case always
    /// Rows whose user type is Vendor.
    case vendorsOnly
    /// Only when another field says so; the text says when, for the Instructions sheet.
    case conditional(String)
    /// Never required.
    case optional

    /// True for columns whose absence from the header stops the run.
    public var isAlways: Bool { self == .always }

    /// Short wording for the Instructions sheet.
    public var summary: String {
        switch self {
        case .always: return "Required"
        case .vendorsOnly: return "Required for vendors"
        case .conditional(let when): return "Required " + when
        case .optional: return "Optional"
        }
    }
}
