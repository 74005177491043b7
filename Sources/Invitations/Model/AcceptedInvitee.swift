import UserList

/// One accepted row as the ledger records it: the template's fields, normalised by validation.
public struct InviteeDetails: Sendable, Equatable, Codable {
    public var email: String
    public var userType: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var contactNumber: String?
    public var organisation: String?
    public var department: String?
    public var seed: String?
    public var reason: String?
    public var sponsoringAgency: String?
    public var businessOperation: String?
    public var odc: String?
    public var offshoreCompany: String?

    public init(email: String, userType: String? = nil, username: String? = nil, firstName: String? = nil,
                lastName: String? = nil, contactNumber: String? = nil, organisation: String? = nil,
                department: String? = nil, seed: String? = nil, reason: String? = nil, sponsoringAgency: String? = nil,
                businessOperation: String? = nil, odc: String? = nil, offshoreCompany: String? = nil) {
        self.email = email
        self.userType = userType
        self.username = username
        self.firstName = firstName
        self.lastName = lastName
        self.contactNumber = contactNumber
        self.organisation = organisation
        self.department = department
        self.seed = seed
        self.reason = reason
        self.sponsoringAgency = sponsoringAgency
        self.businessOperation = businessOperation
        self.odc = odc
        self.offshoreCompany = offshoreCompany
    }

    /// The normalised values of a validated row.
    public init(values: FieldValues<String?>) {
        self.init(email: values[.email] ?? "", userType: values[.userType], username: values[.username],
                  firstName: values[.firstName], lastName: values[.lastName], contactNumber: values[.contactNumber],
                  organisation: values[.organisation], department: values[.department], seed: values[.seed],
                  reason: values[.reason], sponsoringAgency: values[.sponsoringAgency],
                  businessOperation: values[.businessOperation], odc: values[.odc], offshoreCompany: values[.offshoreCompany])
    }

    /// The key invitations are matched by: the address, compared ignoring case.
    public var emailKey: String { Self.key(email) }

    static func key(_ email: String) -> String {
        // A validated address has nothing to trim: only an ASCII space or tab at either end, or a
        // non-ASCII byte there (which may be a Unicode space), needs Foundation's trimming.
        func plainEnd(_ byte: UInt8?) -> Bool { byte.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? true }
        if plainEnd(email.utf8.first), plainEnd(email.utf8.last) { return email.lowercased() }
        return email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The same person with the same details: every field equal, the address ignoring case.
    public func sameDetails(as other: InviteeDetails) -> Bool {
        var a = self, b = other
        a.email = emailKey
        b.email = other.emailKey
        return a == b
    }

    /// True when the row says the invitee needs SEED (`Yes`).
    public var needsSeed: Bool { seed?.lowercased() == "yes" }

    /// True for a public officer row.
    public var isPublicOfficer: Bool { userType?.lowercased() == UserType.publicOfficer.rawValue.lowercased() }

    /// "First Last"; nil when the invitee gave no name (a public officer invited by email fills it
    /// in when registering).
    public var name: String? {
        let name = [firstName, lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }

    /// "First Last <address>", or the address alone when the row has no name.
    public var nameAndAddress: String { name.map { "\($0) <\(email)>" } ?? email }
}

/// An accepted row on its way into the ledger: where it came from and what it says.
public struct AcceptedInvitee: Sendable, Equatable {
    /// The row in the file the user first uploaded (for a corrections workbook, the original row).
    public var sourceRow: Int
    public var details: InviteeDetails

    public init(sourceRow: Int, details: InviteeDetails) {
        self.sourceRow = sourceRow
        self.details = details
    }

    /// The accepted row of a validation outcome.
    public init(_ outcome: RowOutcome) {
        self.init(sourceRow: outcome.rowNumber, details: InviteeDetails(values: outcome.values))
    }
}
