extension FindingCode {
    /// The catalogue: every code invitesheet can report, grouped by stage.
    public static let all: [FindingCode] =
        fileCodes + structureCodes + excelCodes + changeCodes + emailCodes + usernameCodes + nameCodes
        + contactCodes + userTypeCodes + seedCodes + reasonCodes + vendorCodes + offshoreCodes + duplicateCodes

    /// The code for a required field left empty; nil for Department, which is never required.
    public static func required(_ field: FieldKey) -> FindingCode? {
        switch field {
        case .email: return .emailRequired
        case .userType: return .userTypeRequired
        case .username: return .usernameRequired
        case .firstName, .lastName: return .nameRequired
        case .contactNumber: return .contactRequired
        case .organisation: return .organisationRequired
        case .department: return nil
        case .seed: return .seedRequired
        case .reason: return .reasonRequired
        case .sponsoringAgency: return .sponsoringAgencyRequired
        case .businessOperation: return .businessOperationRequired
        case .odc: return .odcRequired
        case .offshoreCompany: return .offshoreCompanyRequired
        }
    }
}
