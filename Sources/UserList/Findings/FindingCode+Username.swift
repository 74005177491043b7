extension FindingCode {
    public static let usernameRequired = FindingCode("username.required", .error,
        meaning: "Vendors need a TechPass username.",
        fix: "Enter a username, for example the vendor's full name.")
    public static let usernameInvalidCharacter = FindingCode("username.invalid-character", .error,
        meaning: "A username may contain only letters A–Z, digits, _, -, . and spaces.",
        fix: "Remove or replace the character the message names.")
    public static let usernameConsecutivePeriods = FindingCode("username.consecutive-periods", .error,
        meaning: "A username may not have two periods in a row.",
        fix: "Remove one of the periods.")
    public static let usernameEdgeCharacter = FindingCode("username.edge-character", .error,
        meaning: "A username must start and end with a letter or digit.",
        fix: "Remove the symbol or space at the start or end.")
    public static let usernameTooLong = FindingCode("username.too-long", .error,
        meaning: "The username is longer than the policy allows (64 characters by default).",
        fix: "Shorten the username.")
    public static let usernameInvisibleCharacter = FindingCode("username.invisible-character", .error,
        meaning: "The username contains an invisible character (zero-width space, joiner or byte-order mark).",
        fix: "Delete the cell's content and type the username again.")
    public static let usernameSmartQuote = FindingCode("username.smart-quote", .error,
        meaning: "The username contains a curly quote (’ or “), which usernames may not contain.",
        fix: "Remove the quote.")

    static let usernameCodes: [FindingCode] = [
        usernameRequired, usernameInvalidCharacter, usernameConsecutivePeriods, usernameEdgeCharacter,
        usernameTooLong, usernameInvisibleCharacter, usernameSmartQuote,
    ]
}
