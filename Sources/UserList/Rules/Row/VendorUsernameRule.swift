/// Vendors need a username; a public officer's email is their username, so a username given for
/// one is ignored with a warning (and its field-stage findings dropped).
public struct VendorUsernameRule: RowRule {
    public let name = "vendor-username"
    public let title = "Vendors have a username; public officers do not"
    public var codes: [FindingCode] { [.usernameRequired, .usernameIgnoredForPublicOfficer] }
    public init() {}

    public func check(_ row: inout RowDraft) {
        switch row.userType {
        case .vendor?:
            if row.isBlank(.username) {
                row.report(.usernameRequired, stage: stage, field: .username,
                           message: "Vendors need a TechPass username.",
                           hint: "The vendor's full name is a fine username, for example Lim Jia Hui.")
            }
        case .publicOfficer?:
            guard !row.original[.username].isEmpty else { return }
            let hadValue = row.values[.username] != nil || row.isSettled(.username)
            row.ignore(.username, findingsFrom: [.field])
            guard hadValue else { return }
            row.report(.usernameIgnoredForPublicOfficer, stage: stage, field: .username,
                       message: "Public officers sign in with their email address, so this username was ignored.",
                       hint: "Leave TechPass username empty for public officers, or set User type to Vendor.")
        case nil:
            return
        }
    }
}
