extension FindingCode {
    public static let organisationRequired = FindingCode("organisation.required", .error,
        meaning: "Vendors need an organisation.",
        fix: "Enter the vendor's company name.")
    public static let sponsoringAgencyRequired = FindingCode("sponsoringAgency.required", .error,
        meaning: "Vendors need a sponsoring agency: the agency they are attached to.",
        fix: "Enter the agency the vendor works for.")
    public static let sponsoringAgencyUnknown = FindingCode("sponsoringAgency.unknown", .error,
        meaning: "The sponsoring agency is not one of the agencies the policy lists.",
        fix: "Choose the agency from the dropdown.")
    public static let businessOperationRequired = FindingCode("businessOperation.required", .error,
        meaning: "Vendors need a business operation: Onshore or Offshore.",
        fix: "Choose Onshore or Offshore.")
    public static let businessOperationInvalid = FindingCode("businessOperation.invalid", .error,
        meaning: "Business operation must be Onshore or Offshore.",
        fix: "Choose Onshore or Offshore from the dropdown.")
    public static let valueNotApplicable = FindingCode("value.not-applicable", .warning,
        meaning: "The column does not apply to this row (a username, sponsoring agency, business operation, ODC or offshore company for a public officer; an ODC or offshore company for an onshore vendor), so its value was left out.",
        fix: "Leave the column empty for this kind of user, or correct User type or Business operation if they are wrong.")

    static let vendorCodes: [FindingCode] = [
        organisationRequired, sponsoringAgencyRequired, sponsoringAgencyUnknown, businessOperationRequired,
        businessOperationInvalid, valueNotApplicable,
    ]
}
