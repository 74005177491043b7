/// Vendors need an organisation, a sponsoring agency and a business operation.
public struct VendorRequiredFieldsRule: RowRule {
    public let name = "vendor-required-fields"
    public let title = "Vendors have an organisation, sponsoring agency and business operation"
    public static let fields: [FieldKey] = [.organisation, .sponsoringAgency, .businessOperation]
    public var codes: [FindingCode] { Self.fields.compactMap { FindingCode.required($0) } }
    public init() {}

    public func check(_ row: inout RowDraft) {
        guard row.isVendor else { return }
        for field in Self.fields where row.isBlank(field) {
            let title = UserListSchema.current.column(field)?.title ?? field.rawValue
            var message = "Vendors need \(title.lowercased())."
            if !row.columns.contains(field) { message += " The sheet has no \(title) column; use the current template." }
            row.report(FindingCode.required(field)!, stage: stage, field: field, message: message)
        }
    }
}
