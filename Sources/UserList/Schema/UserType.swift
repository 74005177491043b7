/// Who is being invited; decides which columns are required.
public enum UserType: String, CaseIterable, Sendable, Codable {
    case publicOfficer = "Public officer"
    case vendor = "Vendor"

    /// Reads a user type case-insensitively, ignoring extra spaces (`PUBLIC  OFFICER`).
    public init?(parsing text: String) {
        if let exact = UserType(rawValue: text) { self = exact; return }
        let folded = text.split(whereSeparator: { $0 == " " }).joined(separator: " ").lowercased()
        guard let match = UserType.allCases.first(where: { $0.rawValue.lowercased() == folded }) else { return nil }
        self = match
    }
}
