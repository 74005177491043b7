extension FindingCode {
    public static let duplicateEmailInFile = FindingCode("duplicate.email-in-file", .error,
        meaning: "An earlier row of this file has the same email address (ignoring case).",
        fix: "Delete this row, or correct the address if it belongs to someone else.")
    public static let duplicateUsernameInFile = FindingCode("duplicate.username-in-file", .error,
        meaning: "An earlier vendor row of this file has the same TechPass username (ignoring case).",
        fix: "Give each vendor a different username, for example by adding the company or a number.")
    public static let duplicateExistingEmail = FindingCode("duplicate.existing-email", .error,
        meaning: "This email address already has a TechPass account.",
        fix: "Delete the row: the user can already sign in. Raise a service request if the account needs changes.")
    public static let duplicateExistingUsername = FindingCode("duplicate.existing-username", .error,
        meaning: "This TechPass username is already taken by an existing account.",
        fix: "Choose another username, for example by adding the company or a number.")

    static let duplicateCodes: [FindingCode] = [
        duplicateEmailInFile, duplicateUsernameInFile, duplicateExistingEmail, duplicateExistingUsername,
    ]
}
