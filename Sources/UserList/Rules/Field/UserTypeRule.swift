/// User type is `Public officer` or `Vendor`, any case; other spellings are written the standard way (a change).
public struct UserTypeRule: FieldRule {
    public let name = "user-type"
    public let title = "User type is Public officer or Vendor"
    public var codes: [FindingCode] { [.userTypeInvalid, .changeNormalised] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .userType }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        guard let type = UserType(parsing: text) else {
            row.report(.userTypeInvalid, stage: stage, field: field,
                       message: "\"\(text)\" is not a user type; choose Public officer or Vendor.",
                       hint: Self.suggestion(for: text).map { "Did you mean \($0)?" })
            return
        }
        row.accept(type)
        if type.rawValue != text {
            row.report(.changeNormalised, stage: stage, field: field, message: "Written as \(type.rawValue).")
        }
    }

    /// The user type probably meant by a near miss (`Vendors`, `PO`, `Contractor`, `Public Officers`).
    static func suggestion(for text: String) -> String? {
        let lower = text.lowercased()
        if let near = EditDistance.nearest(lower, in: UserType.allCases.map(\.rawValue), limit: 2) { return near }
        let officerWords = ["officer", "public", "po", "govt", "government", "civil servant", "staff"]
        let vendorWords = ["vendor", "contractor", "supplier", "external", "consultant", "partner"]
        if officerWords.contains(where: { lower == $0 || lower.contains($0 + " ") || lower.hasPrefix($0) }) { return UserType.publicOfficer.rawValue }
        if vendorWords.contains(where: { lower.contains($0) }) { return UserType.vendor.rawValue }
        return nil
    }
}
