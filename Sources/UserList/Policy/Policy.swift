import Foundation
import SheetIO

/// The rules an organisation may tune: built-in defaults, overridden key by key by a JSON policy file.
public struct Policy: Codable, Sendable, Equatable {
    /// Email domain suffixes that make an address a government one (`gov.sg`); a public officer's
    /// address needs at least one label before the suffix.
    public var publicOfficerDomainSuffixes: [String]
    /// Offshore development centres offered in the dropdown; `Others` is always accepted besides.
    public var odcList: [String]
    /// Agencies a vendor may be attached to; empty means free text.
    public var sponsoringAgencies: [String]
    /// Most data rows in one file.
    public var maxRowsPerFile: Int
    /// Longest TechPass username, in characters.
    public var usernameMaxLength: Int
    /// Largest input file, in bytes.
    public var maxFileBytes: Int
    /// Most bytes a workbook may inflate to, all parts together.
    public var maxUncompressedBytes: Int
    /// Email domains (and their subdomains) whose identity provider is integrated with TechPass: a
    /// public officer there has the account created at once; everyone else gets a registration link.
    public var integratedIdentityDomains: [String]
    /// Days a registration link stays valid after it was sent.
    public var registrationLinkLifetimeDays: Int
    /// Hours that must pass after the last email to an invitee before an invitation can be re-sent.
    public var resendIntervalHours: Int
    /// Where invitees register; the link is this URL with `?token=…` added.
    public var registrationURL: String
    /// The `From` address of every email the invitations send.
    public var senderAddress: String

    /// The `Others` choice for offshore development centres.
    public static let otherODC = "Others"

    public init(publicOfficerDomainSuffixes: [String] = ["gov.sg"],
                odcList: [String] = ["China", "India", "Indonesia", "Malaysia", "Philippines", "Vietnam"],
                sponsoringAgencies: [String] = [],
                maxRowsPerFile: Int = CellReference.maxRows - 1,
                usernameMaxLength: Int = 64,
                maxFileBytes: Int = ReadLimits.default.maxFileBytes,
                maxUncompressedBytes: Int = ReadLimits.default.maxTotalBytes,
                integratedIdentityDomains: [String] = ["gov.sg"],
                registrationLinkLifetimeDays: Int = 5,
                resendIntervalHours: Int = 24,
                registrationURL: String = "https://portal.techpass.gov.sg/register",
                senderAddress: String = "techpass-invitations@tech.gov.sg") {
        self.publicOfficerDomainSuffixes = publicOfficerDomainSuffixes
        self.odcList = odcList
        self.sponsoringAgencies = sponsoringAgencies
        self.maxRowsPerFile = maxRowsPerFile
        self.usernameMaxLength = usernameMaxLength
        self.maxFileBytes = maxFileBytes
        self.maxUncompressedBytes = maxUncompressedBytes
        self.integratedIdentityDomains = integratedIdentityDomains
        self.registrationLinkLifetimeDays = registrationLinkLifetimeDays
        self.resendIntervalHours = resendIntervalHours
        self.registrationURL = registrationURL
        self.senderAddress = senderAddress
    }

    /// The built-in defaults.
    public static let `default` = Policy()

    /// The ODC dropdown: the policy's list, then `Others` (once).
    public var odcChoices: [String] {
        odcList.contains(where: { $0.lowercased() == Policy.otherODC.lowercased() }) ? odcList : odcList + [Policy.otherODC]
    }

    /// Reading limits for SheetIO that follow this policy's size limits.
    public var readLimits: ReadLimits {
        var limits = ReadLimits.default
        limits.maxFileBytes = maxFileBytes
        limits.maxTotalBytes = maxUncompressedBytes
        limits.maxEntryBytes = min(limits.maxEntryBytes, maxUncompressedBytes)
        return limits
    }

    /// The policy in a JSON file: the defaults, overridden by each key the file sets.
    /// Unknown keys and values of the wrong type are errors that name the key.
    public static func load(path: String) throws -> Policy {
        let name = (path as NSString).lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PolicyError(file: name, message: "cannot be read (\(error.localizedDescription)); check the path")
        }
        return try decode(data, fileName: name)
    }

    /// The policy in JSON text, for `load(path:)` and tests.
    public static func decode(_ data: Data, fileName: String = "policy.json") throws -> Policy {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            var detail = ""
            if case DecodingError.dataCorrupted(let context) = error, let underlying = context.underlyingError {
                detail = " (\(underlying.localizedDescription))"
            }
            throw PolicyError(file: fileName, message: "is not valid JSON\(detail)")
        }
        guard case .object(let object) = value else {
            throw PolicyError(file: fileName, message: "must be a JSON object such as {\"maxRowsPerFile\": 5000}, got \(value.quoted)")
        }
        return try PolicyReader(fileName: fileName).policy(from: object, over: .default)
    }

    public init(from decoder: Decoder) throws {
        let object = try decoder.singleValueContainer().decode([String: JSONValue].self)
        self = try PolicyReader(fileName: "policy").policy(from: object, over: .default)
    }
}
