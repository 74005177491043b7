/// Offshore vendors need an offshore development centre; a centre of `Others` needs the offshore company name.
public struct OffshoreVendorRule: RowRule {
    public let name = "offshore-vendor"
    public let title = "Offshore vendors have a development centre (and a company name for Others)"
    public var codes: [FindingCode] { [.odcRequired, .offshoreCompanyRequired] }
    public init() {}

    public func check(_ row: inout RowDraft) {
        if row.isOffshoreVendor, row.isBlank(.odc) {
            row.report(.odcRequired, stage: stage, field: .odc,
                       message: "Offshore vendors need an offshore development centre.",
                       hint: "Choose the centre from the dropdown, or \(Policy.otherODC) and fill in the offshore company name.")
        }
        if row.values[.odc] == Policy.otherODC, row.isBlank(.offshoreCompany) {
            row.report(.offshoreCompanyRequired, stage: stage, field: .offshoreCompany,
                       message: "The offshore development centre is \(Policy.otherODC), so the offshore company name is required.")
        }
    }
}
