extension FindingCode {
    public static let changeTrimmed = FindingCode("change.trimmed", .change,
        meaning: "Spaces, tabs or line breaks before or after the value were removed.",
        fix: "Nothing to do; the cleaned value is used.")
    public static let changeNBSPRemoved = FindingCode("change.nbsp-removed", .change,
        meaning: "Non-breaking spaces (often pasted from web pages or Word) were replaced with ordinary spaces.",
        fix: "Nothing to do; the cleaned value is used.")
    public static let changeLineBreakRemoved = FindingCode("change.line-break-removed", .change,
        meaning: "Line breaks or tabs inside the value were replaced with spaces.",
        fix: "Nothing to do; the cleaned value is used.")
    public static let changeInvisibleRemoved = FindingCode("change.invisible-removed", .change,
        meaning: "Invisible characters (zero-width spaces, soft hyphens, byte-order marks) were removed.",
        fix: "Nothing to do; the cleaned value is used.")
    public static let changeNormalised = FindingCode("change.normalised", .change,
        meaning: "The value was rewritten in its standard form (y → Yes, phone number → +6591234567, user type capitalised).",
        fix: "Nothing to do; the standard form is used.")

    static let changeCodes: [FindingCode] = [
        changeTrimmed, changeNBSPRemoved, changeLineBreakRemoved, changeInvisibleRemoved, changeNormalised,
    ]
}
