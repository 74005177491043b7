extension FindingCode {
    public static let odcRequired = FindingCode("odc.required", .error,
        meaning: "Offshore vendors need an offshore development centre.",
        fix: "Choose the centre from the dropdown, or Others and fill in the offshore company name.")
    public static let odcUnknown = FindingCode("odc.unknown", .error,
        meaning: "The offshore development centre is not one in the list.",
        fix: "Choose the centre from the dropdown, or Others and fill in the offshore company name.")
    public static let offshoreCompanyRequired = FindingCode("offshoreCompany.required", .error,
        meaning: "When the offshore development centre is Others, the offshore company name is required.",
        fix: "Enter the offshore company's name.")

    static let offshoreCodes: [FindingCode] = [odcRequired, odcUnknown, offshoreCompanyRequired]
}
