/// Vendors need a username (a username on a public officer's row is `NotApplicableValueRule`'s).
public struct VendorUsernameRule: RowRule {
    public let name = "vendor-username"
    public let title = "Vendors have a username"
    public var codes: [FindingCode] { [.usernameRequired] }
    public init() {}

    public func check(_ row: inout RowDraft) {
        guard row.isVendor, row.isBlank(.username) else { return }
        row.report(.usernameRequired, stage: stage, field: .username,
                   message: "Vendors need a TechPass username.",
                   hint: "The vendor's full name is a fine username, for example Lim Jia Hui.")
    }
}
