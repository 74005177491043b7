/// The stable key of each user-list column, in template order.
public enum FieldKey: String, CaseIterable, Sendable, Codable, Hashable {
    case email
    case userType
    case username
    case firstName
    case lastName
    case contactNumber
    case organisation
    case department
    case seed
    case reason
    case sponsoringAgency
    case businessOperation
    case odc
    case offshoreCompany

    /// Zero-based position in the current template (and in `FieldValues` storage).
    public var index: Int {
        switch self {
        case .email: return 0
        case .userType: return 1
        case .username: return 2
        case .firstName: return 3
        case .lastName: return 4
        case .contactNumber: return 5
        case .organisation: return 6
        case .department: return 7
        case .seed: return 8
        case .reason: return 9
        case .sponsoringAgency: return 10
        case .businessOperation: return 11
        case .odc: return 12
        case .offshoreCompany: return 13
        }
    }

    /// Number of fields.
    public static let count = 14

    /// The key at a position in template order.
    public static func at(_ index: Int) -> FieldKey { allCases[index] }
}
