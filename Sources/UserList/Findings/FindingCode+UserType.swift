extension FindingCode {
    public static let userTypeRequired = FindingCode("userType.required", .error,
        meaning: "The user type is empty.",
        fix: "Choose Public officer or Vendor.")
    public static let userTypeInvalid = FindingCode("userType.invalid", .error,
        meaning: "The user type must be Public officer or Vendor.",
        fix: "Choose Public officer or Vendor from the dropdown.")

    static let userTypeCodes: [FindingCode] = [userTypeRequired, userTypeInvalid]
}
