/// Where a vendor works from.
public enum BusinessOperation: String, CaseIterable, Sendable, Codable {
    case onshore = "Onshore"
    case offshore = "Offshore"

    /// Reads `onshore`/`OFFSHORE` in any case.
    public init?(parsing text: String) {
        if let exact = BusinessOperation(rawValue: text) { self = exact; return }
        let lower = text.lowercased()
        guard let match = BusinessOperation.allCases.first(where: { $0.rawValue.lowercased() == lower }) else { return nil }
        self = match
    }
}
