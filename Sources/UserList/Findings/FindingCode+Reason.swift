extension FindingCode {
    public static let reasonRequired = FindingCode("reason.required", .error,
        meaning: "The reason is empty.",
        fix: "Say why the user needs a TechPass account, for example the project they work on.")
    public static let reasonTooLong = FindingCode("reason.too-long", .error,
        meaning: "The reason may have at most 500 characters.",
        fix: "Shorten the reason.")

    static let reasonCodes: [FindingCode] = [reasonRequired, reasonTooLong]

}
