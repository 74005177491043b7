extension FindingCode {
    public static let emailRequired = FindingCode("email.required", .error,
        meaning: "The email address is empty.",
        fix: "Enter the user's work email address.")
    public static let emailInvalid = FindingCode("email.invalid", .error,
        meaning: "The email address is not a valid address (name@domain, with letters, digits and a few symbols).",
        fix: "Correct the address; the message says which character or part is wrong.")
    public static let emailDisplayName = FindingCode("email.display-name", .error,
        meaning: "The cell holds a name as well as the address, as copied from Outlook (Jane Tan <jane@x.sg>).",
        fix: "Keep only the address itself.")
    public static let emailMailto = FindingCode("email.mailto", .error,
        meaning: "The address starts with mailto:, copied from a link.",
        fix: "Remove mailto: and keep only the address.")
    public static let emailMultiple = FindingCode("email.multiple", .error,
        meaning: "The cell holds more than one email address.",
        fix: "Put one address per row: add a row for each user.")
    public static let emailTooLong = FindingCode("email.too-long", .error,
        meaning: "The address is longer than 254 characters, the most an email address may have.",
        fix: "Check the address; it was probably pasted twice or joined with other text.")
    public static let emailDomainTypo = FindingCode("email.domain-typo", .error,
        meaning: "The part after @ looks mistyped (gov.sq, gov,sg, gmail.con, a trailing dot).",
        fix: "Correct the domain; the hint suggests the likely one.")
    public static let emailDomainNearMiss = FindingCode("email.domain-near-miss", .warning,
        meaning: "The vendor's address is valid but its domain is one keystroke away from a common one (gov.sg, gmail.com).",
        fix: "Check the domain with the vendor; if it is right, nothing to do.")
    public static let emailInvisibleCharacter = FindingCode("email.invisible-character", .error,
        meaning: "The address contains an invisible character (zero-width space, joiner or byte-order mark), usually pasted from a web page or chat.",
        fix: "Delete the cell's content and type the address again.")
    public static let emailSmartQuote = FindingCode("email.smart-quote", .error,
        meaning: "The address contains a curly quote (’ or “) where a straight one belongs; Word and Outlook change them automatically.",
        fix: "Replace the curly quote with a straight apostrophe ' or delete it, as the address really is.")
    public static let emailDomainNotGovernment = FindingCode("email.domain-not-government", .error,
        meaning: "A public officer's address must be a government one: name@agency.gov.sg.",
        fix: "Use the officer's government email, or set User type to Vendor if this person is a vendor.")
    public static let emailBareGovSG = FindingCode("email.bare-gov-sg", .error,
        meaning: "The address ends in @gov.sg with no agency; government addresses look like name@agency.gov.sg.",
        fix: "Add the agency, for example name@tech.gov.sg.")

    static let emailCodes: [FindingCode] = [
        emailRequired, emailInvalid, emailDisplayName, emailMailto, emailMultiple, emailTooLong, emailDomainTypo,
        emailDomainNearMiss, emailInvisibleCharacter, emailSmartQuote, emailDomainNotGovernment, emailBareGovSG,
    ]
}
