extension FindingCode {
    public static let seedRequired = FindingCode("seed.required", .error,
        meaning: "SEED onboarding required? is empty.",
        fix: "Choose Yes if the user will reach SGTS from an internet device, No for a government (GSIB) device.")
    public static let seedInvalid = FindingCode("seed.invalid", .error,
        meaning: "SEED onboarding required? must be Yes or No.",
        fix: "Choose Yes or No from the dropdown.")
    public static let seedOffshoreRequiresYes = FindingCode("seed.offshore-requires-yes", .error,
        meaning: "Offshore vendors must be onboarded to SEED.",
        fix: "Set SEED onboarding required? to Yes, or Business operation to Onshore if the vendor works onshore.")
    public static let seedDefaultedYes = FindingCode("seed.defaulted-yes", .change, .row,
        meaning: "SEED onboarding required? was empty for an offshore vendor and was set to Yes, as offshore vendors need SEED.",
        fix: "Nothing to do.")

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

    public static let odcRequired = FindingCode("odc.required", .error,
        meaning: "Offshore vendors need an offshore development centre.",
        fix: "Choose the centre from the dropdown, or Others and fill in the offshore company name.")
    public static let odcUnknown = FindingCode("odc.unknown", .error,
        meaning: "The offshore development centre is not one in the list.",
        fix: "Choose the centre from the dropdown, or Others and fill in the offshore company name.")
    public static let offshoreCompanyRequired = FindingCode("offshoreCompany.required", .error,
        meaning: "When the offshore development centre is Others, the offshore company name is required.",
        fix: "Enter the offshore company's name.")

    static let seedCodes: [FindingCode] = [seedRequired, seedInvalid, seedOffshoreRequiresYes, seedDefaultedYes]
    static let vendorCodes: [FindingCode] = [
        organisationRequired, sponsoringAgencyRequired, sponsoringAgencyUnknown, businessOperationRequired,
        businessOperationInvalid,
    ]
    static let offshoreCodes: [FindingCode] = [odcRequired, odcUnknown, offshoreCompanyRequired]
}
