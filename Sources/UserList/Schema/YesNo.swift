/// A Yes/No answer (the SEED column).
public enum YesNo: String, CaseIterable, Sendable, Codable {
    case yes = "Yes"
    case no = "No"

    /// Accepts y/n/yes/no/true/false in any case.
    public init?(parsing text: String) {
        if let exact = YesNo(rawValue: text) { self = exact; return }
        switch text.lowercased() {
        case "y", "yes", "true": self = .yes
        case "n", "no", "false": self = .no
        default: return nil
        }
    }

    public init(_ bool: Bool) { self = bool ? .yes : .no }
}
