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

    static let seedCodes: [FindingCode] = [seedRequired, seedInvalid, seedOffshoreRequiresYes, seedDefaultedYes]
}
