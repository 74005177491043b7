/// A value in a column that does not apply to the row (SPEC "Offshore vendor rules"): a username,
/// sponsoring agency, business operation, ODC or offshore company on a public officer's row; an ODC or
/// offshore company on an onshore vendor's row. Each is a warning naming the column, and the value
/// (with what the field stage said about it) is left out of the accepted output.
public struct NotApplicableValueRule: RowRule {
    public let name = "not-applicable-value"
    public let title = "Columns that do not apply to the row are empty"
    public var codes: [FindingCode] { [.valueNotApplicable] }
    public init() {}

    static let publicOfficerFields: [FieldKey] = [.username, .sponsoringAgency, .businessOperation, .odc, .offshoreCompany]
    static let onshoreVendorFields: [FieldKey] = [.odc, .offshoreCompany]

    /// The fields that must be empty on this row, once its user type (and business operation) are known.
    static func fields(for row: RowDraft) -> [FieldKey] {
        if row.isPublicOfficer { return publicOfficerFields }
        if row.isVendor, row.businessOperation == .onshore { return onshoreVendorFields }
        return []
    }

    public func check(_ row: inout RowDraft) {
        for field in Self.fields(for: row) where row.traits[field].contains(.present) {
            let hadValue = row.values[field] != nil || row.isSettled(field)
            row.ignore(field, findingsFrom: [.field])
            // Whitespace only: nothing was there to leave out.
            guard hadValue else { continue }
            let (message, hint) = describe(field, in: row)
            row.report(.valueNotApplicable, stage: stage, field: field, message: message, hint: hint)
        }
    }

    private func describe(_ field: FieldKey, in row: RowDraft) -> (String, String) {
        let title = UserListSchema.current.column(field)?.title ?? field.rawValue
        if row.isPublicOfficer {
            let message = field == .username
                ? "Public officers sign in with their email address, so the TechPass username was left out."
                : "\(title) does not apply to public officers, so the value was left out."
            return (message, "Leave \(title) empty for public officers, or set User type to Vendor if this person is a vendor.")
        }
        return ("\(title) is only for offshore vendors and this vendor is onshore, so the value was left out.",
                "Leave \(title) empty, or set Business operation to Offshore if the vendor works offshore.")
    }
}
