extension UserListSchema {
    /// Template version 2: the current one, with the vendor registration columns
    /// (sponsoring agency, business operation, ODC, offshore company).
    public static let current = UserListSchema(version: 2, columns: [
        ColumnDefinition(
            key: .email, header: "Email address*", requirement: .always,
            help: "The user's work email. Public officers: name@agency.gov.sg (not bare @gov.sg). Vendors: the address the vendor gave you. One address per cell.",
            example: "jane_tan@tech.gov.sg",
            aliases: ["E-mail", "Email", "Email Address", "E-mail address", "Email addr", "Work email", "Official email",
                      "Organisation email", "Organisational email address", "Email ID"],
            width: 34),
        ColumnDefinition(
            key: .userType, header: "User type*", requirement: .always,
            help: "Public officer or Vendor. Pick from the list.",
            example: "Public officer",
            aliases: ["Type", "User Type", "Usertype", "Type of user", "User category", "Account type"],
            dropdown: .fixed(UserType.allCases.map(\.rawValue)), width: 16),
        ColumnDefinition(
            key: .username, header: "TechPass username", requirement: .vendorsOnly,
            help: "Vendors only. Letters A–Z, digits, _, -, . and spaces; starts and ends with a letter or digit; no two periods in a row; up to 64 characters. The vendor's full name is a fine username. Leave empty for public officers: their email is their username.",
            example: "Lim Jia Hui",
            aliases: ["Username", "User name", "TechPass user name", "TechPass ID", "Techpass login"],
            width: 24),
        ColumnDefinition(
            key: .firstName, header: "First name*", requirement: .always,
            help: "Letters of any language, spaces, hyphens, apostrophes and full stops, and the s/o, d/o and @ of names such as Raj s/o Kumar or Tan Ah Kau @ Tan Ah Kow; up to 64 characters.",
            example: "Wei Ming",
            aliases: ["First Name", "Firstname", "Given name", "Given names", "Forename"],
            width: 20),
        ColumnDefinition(
            key: .lastName, header: "Last name*", requirement: .always,
            help: "Letters of any language, spaces, hyphens, apostrophes and full stops, and the s/o, d/o and @ of names such as Raj s/o Kumar or Tan Ah Kau @ Tan Ah Kow; up to 64 characters.",
            example: "Tan",
            aliases: ["Last Name", "Lastname", "Surname", "Family name"],
            width: 20),
        ColumnDefinition(
            key: .contactNumber, header: "Contact number*", requirement: .always,
            help: "Singapore: 8 digits starting 3, 6, 8 or 9, with or without +65. Other countries: + and the country code. Spaces, dashes and brackets are fine.",
            example: "+65 9123 4567",
            aliases: ["Phone", "Mobile", "Contact no", "Contact", "Phone number", "Mobile number", "Mobile no",
                      "Telephone", "Tel", "Handphone", "HP", "Mobile phone"],
            width: 18, isTextFormatted: true),
        ColumnDefinition(
            key: .organisation, header: "Organisation", requirement: .vendorsOnly,
            help: "The vendor's company. Optional for public officers.",
            example: "NCS Pte Ltd",
            aliases: ["Organization", "Company", "Org", "Organisation name", "Vendor organisation", "Vendor company"],
            width: 24),
        ColumnDefinition(
            key: .department, header: "Department", requirement: .optional,
            help: "The user's department or team. Optional.",
            example: "Digital Services",
            aliases: ["Dept", "Division", "Team"],
            width: 22),
        ColumnDefinition(
            key: .seed, header: "SEED onboarding required?*", requirement: .always,
            help: "Yes if the user will reach SGTS from an internet device (SEED); No for a government (GSIB) device. Offshore vendors always need Yes; left empty it becomes Yes.",
            example: "Yes",
            aliases: ["SEED", "SEED onboarding required", "Is onboarding to SEED required?", "SEED required",
                      "Onboard to SEED", "SEED onboarding", "Require SEED"],
            dropdown: .fixed(YesNo.allCases.map(\.rawValue)), width: 16),
        ColumnDefinition(
            key: .reason, header: "Reason*", requirement: .always,
            help: "Why the user needs a TechPass account; up to 500 characters.",
            example: "Developer on the MyAgency portal project",
            aliases: ["Reason for account", "Justification", "Purpose", "Reason for TechPass account"],
            width: 40),
        ColumnDefinition(
            key: .sponsoringAgency, header: "Sponsoring agency", requirement: .vendorsOnly,
            help: "Vendors only: the agency the vendor is attached to.",
            example: "GovTech",
            aliases: ["Agency", "Sponsor agency", "Sponsoring Agency Name", "Sponsor"],
            dropdown: .sponsoringAgencies, width: 22),
        ColumnDefinition(
            key: .businessOperation, header: "Business operation", requirement: .vendorsOnly,
            help: "Vendors only: Onshore or Offshore.",
            example: "Onshore",
            aliases: ["Business operations", "Onshore/Offshore", "Onshore or offshore", "Operation"],
            dropdown: .fixed(BusinessOperation.allCases.map(\.rawValue)), width: 18),
        ColumnDefinition(
            key: .odc, header: "Offshore development centre", requirement: .conditional("for offshore vendors"),
            help: "Offshore vendors only: pick the centre from the list, or Others and fill in the offshore company name.",
            example: "India",
            aliases: ["ODC", "Offshore development center", "Offshore development centre (ODC)",
                      "Offshore development center (ODC)", "Development centre"],
            dropdown: .offshoreDevelopmentCentres, width: 24),
        ColumnDefinition(
            key: .offshoreCompany, header: "Offshore company name", requirement: .conditional("when the offshore development centre is Others"),
            help: "Only when the offshore development centre is Others: the company's name.",
            example: "Acme Offshore Services",
            aliases: ["Offshore company", "Offshore company name (if Others)", "ODC company name"],
            width: 26),
    ])
}
