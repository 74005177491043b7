extension FindingCode {
    public static let contactRequired = FindingCode("contact.required", .error,
        meaning: "The contact number is empty.",
        fix: "Enter a mobile or office number, for example +65 9123 4567.")
    public static let contactInvalidCharacter = FindingCode("contact.invalid-character", .error,
        meaning: "A contact number may contain only digits, a leading +, spaces, dashes and brackets.",
        fix: "Remove the character the message names; put extensions and notes elsewhere.")
    public static let contactInvalid = FindingCode("contact.invalid", .error,
        meaning: "The contact number cannot be a phone number: a + in the middle, a country code that no country has or that starts with 0, or digits outside every range the country uses (checked against libphonenumber's numbering plans).",
        fix: "Write the number as +<country code> <number>, for example +65 9123 4567, and check its digits.")
    public static let contactSingaporeInvalid = FindingCode("contact.sg-invalid", .error,
        meaning: "A number without + is read as a Singapore number, and this one is not one in use: Singapore numbers have 8 digits, in the ranges allocated to mobile, office and VoIP lines.",
        fix: "Check the digits; for a number outside Singapore, start with + and the country code.")
    public static let contactMissingCountryCode = FindingCode("contact.missing-country-code", .error,
        meaning: "The number is not a Singapore number and has no + country code.",
        fix: "Start the number with + and the country code, for example +60 12 345 6789.")
    public static let contactInvalidLength = FindingCode("contact.invalid-length", .error,
        meaning: "The number has too few or too many digits: for Singapore 8, for other countries the lengths that country uses.",
        fix: "Check the number for missing or extra digits.")
    public static let contactNotPersonal = FindingCode("contact.not-personal", .error,
        meaning: "The number is a toll-free, premium-rate or shared-cost line (such as 1800 123 4567), which reaches a company's service desk rather than the person.",
        fix: "Give the person's own mobile or office number.")
    public static let contactDigitsLost = FindingCode("contact.digits-lost", .error,
        meaning: "Excel saved the number in scientific notation (like 6.59123E+11) or kept only 15 of its digits, so some digits are lost.",
        fix: "Format the column as Text (Home → Number → Text), then type the number again with all its digits.")

    static let contactCodes: [FindingCode] = [
        contactRequired, contactInvalidCharacter, contactInvalid, contactSingaporeInvalid, contactMissingCountryCode,
        contactInvalidLength, contactNotPersonal, contactDigitsLost,
    ]
}
