extension FindingCode {
    public static let nameRequired = FindingCode("name.required", .error,
        meaning: "The first or last name is empty.",
        fix: "Enter the name as it appears on the user's identity documents.")
    public static let nameInvalidCharacter = FindingCode("name.invalid-character", .error,
        meaning: "A name may contain only letters (any language), spaces, hyphens, apostrophes, full stops, and the s/o, d/o and @ of names such as Raj s/o Kumar or Tan Ah Kau @ Tan Ah Kow; an email address is not a name.",
        fix: "Remove the character the message names (digits, symbols, emoji), or type the person's name instead of an email address.")
    public static let nameNoLetter = FindingCode("name.no-letter", .error,
        meaning: "The name has no letters at all.",
        fix: "Enter the user's actual name.")
    public static let nameTooLong = FindingCode("name.too-long", .error,
        meaning: "A first or last name may have at most 64 characters.",
        fix: "Shorten the name, or split it between first and last name.")

    static let nameCodes: [FindingCode] = [nameRequired, nameInvalidCharacter, nameNoLetter, nameTooLong]
}
