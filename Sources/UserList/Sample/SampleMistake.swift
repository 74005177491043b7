/// The deliberate mistakes a `SampleGenerator` puts in rows, one per row-level finding code it aims
/// at, cycled in this order so every code shows up.
public enum SampleMistake: String, CaseIterable, Sendable {
    case emailRequired, emailInvalid, emailDisplayName, emailMailto, emailMultiple, emailTooLong, emailDomainTypo
    case emailInvisibleCharacter, emailSmartQuote, emailNotGovernment, emailBareGovSG, emailNearMiss
    case usernameRequired, usernameInvalidCharacter, usernameConsecutivePeriods, usernameEdgeCharacter, usernameTooLong
    case usernameInvisibleCharacter, usernameSmartQuote, usernameForPublicOfficer
    case nameRequired, nameInvalidCharacter, nameTooLong, nameNoLetter
    case contactRequired, contactInvalidCharacter, contactSingaporeInvalid, contactMissingCountryCode
    case contactInvalidLength, contactMisplacedPlus, contactNotPersonal
    case userTypeRequired, userTypeInvalid
    case seedRequired, seedInvalid, seedOffshoreNo, seedOffshoreBlank
    case reasonRequired, reasonTooLong
    case organisationRequired, sponsoringAgencyRequired, sponsoringAgencyUnknown
    case businessOperationRequired, businessOperationInvalid
    case odcRequired, odcUnknown, offshoreCompanyRequired
    case duplicateEmail, duplicateUsername, existingEmail, existingUsername
    case paddedEmail, nonBreakingSpaceInName, lineBreakInDepartment, invisibleInOrganisation, lowercaseSeed
    case phoneLostLeadingZero, phoneLostPlus, phoneScientific, departmentDate, organisationFormula, hiddenRow
    case organisationErrorValue, departmentScientific, nameMojibake, reasonFormulaNoValue

    /// The code the mistake is meant to produce.
    public var code: FindingCode {
        switch self {
        case .emailRequired: return .emailRequired
        case .emailInvalid: return .emailInvalid
        case .emailDisplayName: return .emailDisplayName
        case .emailMailto: return .emailMailto
        case .emailMultiple: return .emailMultiple
        case .emailTooLong: return .emailTooLong
        case .emailDomainTypo: return .emailDomainTypo
        case .emailInvisibleCharacter: return .emailInvisibleCharacter
        case .emailSmartQuote: return .emailSmartQuote
        case .emailNotGovernment: return .emailDomainNotGovernment
        case .emailBareGovSG: return .emailBareGovSG
        case .emailNearMiss: return .emailDomainNearMiss
        case .usernameRequired: return .usernameRequired
        case .usernameInvalidCharacter: return .usernameInvalidCharacter
        case .usernameConsecutivePeriods: return .usernameConsecutivePeriods
        case .usernameEdgeCharacter: return .usernameEdgeCharacter
        case .usernameTooLong: return .usernameTooLong
        case .usernameInvisibleCharacter: return .usernameInvisibleCharacter
        case .usernameSmartQuote: return .usernameSmartQuote
        case .usernameForPublicOfficer: return .valueNotApplicable
        case .nameRequired: return .nameRequired
        case .nameInvalidCharacter: return .nameInvalidCharacter
        case .nameTooLong: return .nameTooLong
        case .nameNoLetter: return .nameNoLetter
        case .contactRequired: return .contactRequired
        case .contactInvalidCharacter: return .contactInvalidCharacter
        case .contactSingaporeInvalid: return .contactSingaporeInvalid
        case .contactMissingCountryCode: return .contactMissingCountryCode
        case .contactInvalidLength: return .contactInvalidLength
        case .contactMisplacedPlus: return .contactInvalid
        case .contactNotPersonal: return .contactNotPersonal
        case .userTypeRequired: return .userTypeRequired
        case .userTypeInvalid: return .userTypeInvalid
        case .seedRequired: return .seedRequired
        case .seedInvalid: return .seedInvalid
        case .seedOffshoreNo: return .seedOffshoreRequiresYes
        case .seedOffshoreBlank: return .seedDefaultedYes
        case .reasonRequired: return .reasonRequired
        case .reasonTooLong: return .reasonTooLong
        case .organisationRequired: return .organisationRequired
        case .sponsoringAgencyRequired: return .sponsoringAgencyRequired
        case .sponsoringAgencyUnknown: return .sponsoringAgencyUnknown
        case .businessOperationRequired: return .businessOperationRequired
        case .businessOperationInvalid: return .businessOperationInvalid
        case .odcRequired: return .odcRequired
        case .odcUnknown: return .odcUnknown
        case .offshoreCompanyRequired: return .offshoreCompanyRequired
        case .duplicateEmail: return .duplicateEmailInFile
        case .duplicateUsername: return .duplicateUsernameInFile
        case .existingEmail: return .duplicateExistingEmail
        case .existingUsername: return .duplicateExistingUsername
        case .paddedEmail: return .changeTrimmed
        case .nonBreakingSpaceInName: return .changeNBSPRemoved
        case .lineBreakInDepartment: return .changeLineBreakRemoved
        case .invisibleInOrganisation: return .changeInvisibleRemoved
        case .lowercaseSeed: return .changeNormalised
        case .phoneLostLeadingZero: return .excelLeadingZeroLost
        case .phoneLostPlus: return .excelPlusLost
        case .phoneScientific: return .contactDigitsLost
        case .departmentDate: return .excelDateSerialInText
        case .organisationFormula: return .excelFormula
        case .hiddenRow: return .excelHiddenRow
        case .organisationErrorValue: return .excelErrorValue
        case .departmentScientific: return .excelScientificNotation
        case .nameMojibake: return .excelMojibake
        case .reasonFormulaNoValue: return .excelFormulaNoValue
        }
    }

    /// True when the row should fail validation (under `SampleGenerator.policy`).
    public var makesRowInvalid: Bool { code.severity == .error }
}
