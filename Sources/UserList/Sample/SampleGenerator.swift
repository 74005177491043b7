import SheetIO

/// Generates realistic, reproducible user lists for tests and benchmarks: Singapore-flavoured public
/// officers and vendors (onshore and offshore), with about `errorRate` of the rows carrying a
/// deliberate mistake. Mistakes cycle through `SampleMistake.allCases`, so every row-level code the
/// validators can report appears once enough rows are made. Any row can be made on its own
/// (`row(_:)` is random access) from the seed alone.
///
/// The rows are designed for `SampleGenerator.policy` (the default policy with this generator's
/// sponsoring agencies listed) and `existingAccounts`.
public struct SampleGenerator: Sendable {
    public let rowCount: Int
    public let errorRate: Double
    public let seed: UInt64
    private let phase: Double

    public init(rows: Int, errorRate: Double, seed: UInt64) {
        rowCount = max(0, rows)
        self.errorRate = min(max(errorRate, 0), 1)
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        phase = Double(rng.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// The sponsoring agencies the samples use.
    public static let sponsoringAgencies: [String] = SampleData.agencies.map(\.name)

    /// The policy the samples are designed for: defaults, with the samples' sponsoring agencies listed.
    public static let policy = Policy(sponsoringAgencies: sponsoringAgencies)

    /// The current template's headers.
    public static let headers: [String] = UserListSchema.current.columns.map(\.header)

    /// Row 1: the header.
    public var headerRow: Row {
        Row(number: 1, cells: Self.headers.enumerated().map { Cell(column: $0.offset, value: .text($0.element)) })
    }

    // MARK: Which rows carry mistakes

    /// The row's position among mistaken rows: evenly spread at `errorRate`, shifted by the seed.
    private func mistakeOrdinal(_ index: Int) -> Int? {
        guard errorRate > 0 else { return nil }
        let a = (Double(index) * errorRate + phase).rounded(.down)
        let b = (Double(index + 1) * errorRate + phase).rounded(.down)
        return b > a ? Int(b) - 1 : nil
    }

    /// The mistake scheduled for a row (zero-based data row index), if any.
    public func mistake(at index: Int) -> SampleMistake? {
        mistakeOrdinal(index).map { SampleMistake.allCases[$0 % SampleMistake.allCases.count] }
    }

    /// True when the row is meant to fail validation.
    public func isIntendedInvalid(_ index: Int) -> Bool { sample(index).intendedInvalid }

    /// The 14 values of a data row, in template column order.
    public func row(_ index: Int) -> [CellValue] { sample(index).values }

    /// The data row as a sheet row (row number `index + 2`), with formats, formulas and hidden flag.
    public func sheetRow(_ index: Int) -> Row { sample(index).row }

    /// Accounts that the `existingEmail` and `existingUsername` mistakes collide with.
    public var existingAccounts: ExistingAccounts {
        var accounts = ExistingAccounts()
        for i in 0..<rowCount {
            switch mistake(at: i) {
            case .existingEmail?: accounts.add(email: Self.existingEmail(i))
            case .existingUsername?: accounts.add(username: Self.existingUsername(i))
            default: continue
            }
        }
        accounts.add(email: "someone.else@tech.gov.sg")
        return accounts
    }

    static func existingEmail(_ i: Int) -> String { "existing.user" + String(i) + "@tech.gov.sg" }
    static func existingUsername(_ i: Int) -> String { "Existing User " + String(i) }

    /// A sheet source holding the header and every row, for feeding the validator without a file.
    public func source(fileName: String = "sample.xlsx") -> SampleSheetSource {
        SampleSheetSource(generator: self, fileName: fileName)
    }

    // MARK: Making a row

    private func rng(for index: Int) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }

    /// The whole sample row: values, sheet row, the mistake applied and whether it should fail.
    public func sample(_ index: Int) -> SampleRow {
        var record: SampleRecord
        var applied = mistake(at: index)
        switch applied {
        case .duplicateEmail?:
            var probe = rng(for: index)
            let type = SampleRecord.naturalType(&probe)
            if let earlier = cleanRow(before: index, type: type, vendorOnly: false) {
                record = base(index, forcing: type)
                record[.email] = .text(base(earlier).email)
            } else {
                record = base(index)
                applied = nil
            }
        case .duplicateUsername?:
            if let earlier = cleanRow(before: index, type: .vendor, vendorOnly: true) {
                record = base(index, forcing: .vendor)
                record[.username] = .text(base(earlier).username)
            } else {
                record = base(index)
                applied = nil
            }
        case let m?:
            record = base(index, forcing: m.userType, offshore: m.offshore)
            apply(m, to: &record, index: index)
        case nil:
            record = base(index)
        }
        return SampleRow(index: index, record: record, mistake: applied)
    }

    /// The nearest earlier row without a mistake whose natural user type is `type`.
    private func cleanRow(before index: Int, type: UserType, vendorOnly: Bool) -> Int? {
        var j = index - 1
        while j >= 0 && j >= index - 400 {
            if mistake(at: j) == nil {
                var probe = rng(for: j)
                if SampleRecord.naturalType(&probe) == type { return j }
            }
            j -= 1
        }
        return nil
    }

    private func base(_ index: Int, forcing type: UserType? = nil, offshore: Bool? = nil) -> SampleRecord {
        var r = rng(for: index)
        return SampleRecord(index: index, rng: &r, type: type, offshore: offshore)
    }

    private func apply(_ mistake: SampleMistake, to record: inout SampleRecord, index i: Int) {
        let n = String(i)
        let p = record.person
        let agency = record.agency.domain
        switch mistake {
        case .emailRequired: record[.email] = .empty
        case .emailInvalid: record[.email] = .text(p.handleFirst + ".." + p.handleLast + n + "@" + agency)
        case .emailDisplayName: record[.email] = .text(p.first + " " + p.last + " <" + record.email + ">")
        case .emailMailto: record[.email] = .text("mailto:" + record.email)
        case .emailMultiple: record[.email] = .text(record.email + "; " + p.handleLast + ".team" + n + "@" + agency)
        case .emailTooLong: record[.email] = .text(String(repeating: p.handleFirst, count: 260 / p.handleFirst.count + 1) + n + "@" + agency)
        case .emailDomainTypo: record[.email] = .text(p.handleFirst + "_" + p.handleLast + n + "@" + agency.replacingLastDot(with: ","))
        case .emailInvisibleCharacter: record[.email] = .text(p.handleFirst + "\u{200B}." + p.handleLast + n + "@" + agency)
        case .emailSmartQuote: record[.email] = .text("o\u{2019}" + p.handleLast + n + "@" + agency)
        case .emailNotGovernment: record[.email] = .text(p.handleFirst + "." + p.handleLast + n + "@gmail.com")
        case .emailBareGovSG: record[.email] = .text(p.handleFirst + "." + p.handleLast + n + "@gov.sg")
        case .emailNearMiss: record[.email] = .text(p.handleFirst + "." + p.handleLast + n + "@gmial.com")
        case .usernameRequired: record[.username] = .empty
        case .usernameInvalidCharacter: record[.username] = .text(p.handleFirst + "@" + record.vendor.short + n)
        case .usernameConsecutivePeriods: record[.username] = .text(p.handleFirst + ".." + p.handleLast + n)
        case .usernameEdgeCharacter: record[.username] = .text("_" + p.handleFirst + p.handleLast + n)
        case .usernameTooLong:
            var long = ""
            while long.count < 70 { long += p.handleFirst.capitalisedFirst + " " + p.handleLast.capitalisedFirst + " " }
            record[.username] = .text(long + n)
        case .usernameInvisibleCharacter: record[.username] = .text(p.handleFirst + "\u{200B}" + p.handleLast + n)
        case .usernameSmartQuote: record[.username] = .text("O\u{2019}" + p.handleLast.capitalisedFirst + " " + n)
        case .usernameForPublicOfficer: record[.username] = .text(p.handleFirst + "." + p.handleLast + n)
        case .nameRequired: record[.firstName] = .empty
        case .nameInvalidCharacter: record[.lastName] = .text(p.last + "2")
        case .nameTooLong: record[.firstName] = .text(String(repeating: "Abcdefghij", count: 7))
        case .nameNoLetter: record[.lastName] = .text("-")
        case .contactRequired: record[.contactNumber] = .empty
        case .contactInvalidCharacter: record[.contactNumber] = .text("9123 4567 ext 12")
        case .contactSingaporeInvalid: record[.contactNumber] = .text("1234 5678")
        case .contactMissingCountryCode: record[.contactNumber] = .text("60123456789")
        case .contactInvalidLength: record[.contactNumber] = .text("91234")
        case .contactMisplacedPlus: record[.contactNumber] = .text("9123+4567")
        case .contactNotPersonal: record[.contactNumber] = .text("1800 123 4567")
        case .userTypeRequired: record[.userType] = .empty
        case .userTypeInvalid: record[.userType] = .text("Contractor")
        case .seedRequired: record[.seed] = .empty
        case .seedInvalid: record[.seed] = .text("Maybe")
        case .seedOffshoreNo: record[.seed] = .text("No")
        case .seedOffshoreBlank: record[.seed] = .empty
        case .reasonRequired: record[.reason] = .empty
        case .reasonTooLong: record[.reason] = .text(String(repeating: "Needs access for project work. ", count: 20))
        case .organisationRequired: record[.organisation] = .empty
        case .sponsoringAgencyRequired: record[.sponsoringAgency] = .empty
        case .sponsoringAgencyUnknown: record[.sponsoringAgency] = .text("Ministry of Magic")
        case .businessOperationRequired: record[.businessOperation] = .empty
        case .businessOperationInvalid: record[.businessOperation] = .text("Overseas")
        case .odcRequired: record[.odc] = .empty; record[.offshoreCompany] = .empty
        case .odcUnknown: record[.odc] = .text("Atlantis"); record[.offshoreCompany] = .empty
        case .offshoreCompanyRequired: record[.odc] = .text(Policy.otherODC); record[.offshoreCompany] = .empty
        case .duplicateEmail, .duplicateUsername: break
        case .existingEmail: record[.email] = .text(Self.existingEmail(i))
        case .existingUsername: record[.username] = .text(Self.existingUsername(i))
        case .paddedEmail: record[.email] = .text("  " + record.email + " ")
        case .nonBreakingSpaceInName: record[.firstName] = .text(p.first + "\u{00A0}Ann")
        case .lineBreakInDepartment: record[.department] = .text("Digital\nServices")
        case .invisibleInOrganisation: record[.organisation] = .text(record.vendor.short.uppercased() + "\u{200B} Pte Ltd")
        case .lowercaseSeed: record[.seed] = .text("y")
        case .phoneLostLeadingZero: record[.contactNumber] = .number(6_123_456)
        case .phoneLostPlus: record[.contactNumber] = .number(6_591_234_567)
        case .phoneScientific: record[.contactNumber] = .text("6.59123E+11")
        case .departmentDate: record[.department] = .date(ExcelDate(serial: 45_292, uses1904: false, kind: .date))
        case .organisationFormula:
            if record[.organisation].isEmpty { record[.organisation] = .text(record.agency.name) }
            record.formulaField = .organisation
        case .hiddenRow: record.isHidden = true
        case .organisationErrorValue: record[.organisation] = .error("#N/A")
        case .departmentScientific: record[.department] = .number(123_456_789_012)
        case .nameMojibake: record[.firstName] = .text("Mei\u{00C2}\u{00A0}Ling")
        // An XLSX written by this tool always saves a formula's result, so a file shows a blank reason here.
        case .reasonFormulaNoValue: record[.reason] = .formulaWithoutResult
        }
    }
}

extension SampleMistake {
    /// The user type a mistake needs, if any.
    var userType: UserType? {
        switch self {
        case .emailDomainTypo, .emailNotGovernment, .emailBareGovSG, .usernameForPublicOfficer, .seedRequired,
             .existingEmail:
            return .publicOfficer
        case .emailNearMiss, .usernameRequired, .usernameInvalidCharacter, .usernameConsecutivePeriods,
             .usernameEdgeCharacter, .usernameTooLong, .usernameInvisibleCharacter, .usernameSmartQuote,
             .organisationRequired, .sponsoringAgencyRequired, .sponsoringAgencyUnknown, .businessOperationRequired,
             .businessOperationInvalid, .odcRequired, .odcUnknown, .offshoreCompanyRequired, .seedOffshoreNo,
             .seedOffshoreBlank, .existingUsername:
            return .vendor
        default:
            return nil
        }
    }

    /// Whether a vendor made for this mistake works offshore, if it matters.
    var offshore: Bool? {
        switch self {
        case .odcRequired, .odcUnknown, .offshoreCompanyRequired, .seedOffshoreNo, .seedOffshoreBlank: return true
        case .businessOperationRequired, .businessOperationInvalid, .seedRequired: return false
        default: return nil
        }
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    func replacingLastDot(with replacement: String) -> String {
        guard let dot = lastIndex(of: ".") else { return self }
        return String(self[..<dot]) + replacement + String(self[index(after: dot)...])
    }
}
