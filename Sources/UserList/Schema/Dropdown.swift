/// Where a column's dropdown (data validation list) gets its values.
public enum Dropdown: Sendable, Equatable {
    /// A fixed list defined by the template.
    case fixed([String])
    /// The policy's offshore development centres, then `Others`.
    case offshoreDevelopmentCentres
    /// The policy's sponsoring agencies; no dropdown when the policy leaves them free text.
    case sponsoringAgencies

    /// The values to offer under a policy; nil when the column is free text under that policy.
    public func values(policy: Policy) -> [String]? {
        switch self {
        case .fixed(let values): return values
        case .offshoreDevelopmentCentres: return policy.odcChoices
        case .sponsoringAgencies: return policy.sponsoringAgencies.isEmpty ? nil : policy.sponsoringAgencies
        }
    }
}
