/// Applies a policy file's keys over a base policy, checking each key's type and range.
struct PolicyReader {
    let fileName: String

    /// Keys a policy file may set, in the order they are documented.
    static let knownKeys = ["publicOfficerDomainSuffixes", "odcList", "sponsoringAgencies", "maxRowsPerFile",
                            "usernameMaxLength", "maxFileBytes", "maxUncompressedBytes", "integratedIdentityDomains",
                            "registrationLinkLifetimeDays", "resendIntervalHours", "registrationURL", "senderAddress"]
    /// Keys tolerated for editor support and ignored.
    static let ignoredKeys = ["$schema"]

    func policy(from object: [String: JSONValue], over base: Policy) throws -> Policy {
        var policy = base
        for key in object.keys.sorted() {
            let value = object[key]!
            switch key {
            case "publicOfficerDomainSuffixes":
                policy.publicOfficerDomainSuffixes = try domainSuffixes(key, value)
            case "odcList":
                policy.odcList = try strings(key, value, allowEmpty: true)
            case "sponsoringAgencies":
                policy.sponsoringAgencies = try strings(key, value, allowEmpty: true)
            case "maxRowsPerFile":
                policy.maxRowsPerFile = try wholeNumber(key, value, in: 1...(1_048_576 - 1))
            case "usernameMaxLength":
                policy.usernameMaxLength = try wholeNumber(key, value, in: 1...256)
            case "maxFileBytes":
                policy.maxFileBytes = try wholeNumber(key, value, in: 1...Int.max)
            case "maxUncompressedBytes":
                policy.maxUncompressedBytes = try wholeNumber(key, value, in: 1...Int.max)
            case "integratedIdentityDomains":
                policy.integratedIdentityDomains = try domainSuffixes(key, value, allowEmpty: true)
            case "registrationLinkLifetimeDays":
                policy.registrationLinkLifetimeDays = try wholeNumber(key, value, in: 1...365)
            case "resendIntervalHours":
                policy.resendIntervalHours = try wholeNumber(key, value, in: 1...8_760)
            case "registrationURL":
                policy.registrationURL = try registrationURL(key, value)
            case "senderAddress":
                policy.senderAddress = try address(key, value)
            default:
                if Self.ignoredKeys.contains(key) { continue }
                let known = Self.knownKeys.map { "\"\($0)\"" }.joined(separator: ", ")
                var message = "is not a policy setting; known keys are \(known)"
                if let near = Self.knownKeys.first(where: { EditDistance.damerau($0.lowercased(), key.lowercased(), limit: 3) <= 3 }) {
                    message = "is not a policy setting; did you mean \"\(near)\"? Known keys are \(known)"
                }
                throw PolicyError(file: fileName, key: key, message: message)
            }
        }
        return policy
    }

    private func wholeNumber(_ key: String, _ value: JSONValue, in range: ClosedRange<Int>) throws -> Int {
        guard case .number(let d) = value, d == d.rounded(), d >= -9.0e18, d <= 9.0e18 else {
            throw PolicyError(file: fileName, key: key, message: "must be a whole number, got \(value.quoted)")
        }
        let n = Int(d)
        guard range.contains(n) else {
            let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
            let wording = upper.isEmpty ? "at least \(range.lowerBound)" : "between \(range.lowerBound)\(upper)"
            throw PolicyError(file: fileName, key: key, message: "must be \(wording), got \(value.quoted)")
        }
        return n
    }

    private func strings(_ key: String, _ value: JSONValue, allowEmpty: Bool) throws -> [String] {
        guard case .array(let items) = value else {
            throw PolicyError(file: fileName, key: key, message: "must be a list of text values such as [\"A\", \"B\"], got \(value.quoted)")
        }
        var out: [String] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            guard case .string(let raw) = item else {
                throw PolicyError(file: fileName, key: key, message: "item \(i + 1) must be text, got \(item.quoted)")
            }
            let s = TextScan.trimmed(raw)
            guard !s.isEmpty else {
                throw PolicyError(file: fileName, key: key, message: "item \(i + 1) must not be empty")
            }
            guard seen.insert(s.lowercased()).inserted else {
                throw PolicyError(file: fileName, key: key, message: "item \(i + 1) \"\(s)\" is listed twice")
            }
            out.append(s)
        }
        if !allowEmpty && out.isEmpty {
            throw PolicyError(file: fileName, key: key, message: "must list at least one value")
        }
        return out
    }

    private func text(_ key: String, _ value: JSONValue, example: String) throws -> String {
        guard case .string(let raw) = value, !TextScan.trimmed(raw).isEmpty else {
            throw PolicyError(file: fileName, key: key, message: "must be text such as \"\(example)\", got \(value.quoted)")
        }
        return TextScan.trimmed(raw)
    }

    /// An http(s) URL with a host, no query or fragment (the token is added as `?token=…`), no spaces.
    private func registrationURL(_ key: String, _ value: JSONValue) throws -> String {
        let example = "https://portal.techpass.gov.sg/register"
        let url = try text(key, value, example: example)
        let lower = url.lowercased()
        let scheme = lower.hasPrefix("https://") ? "https://" : lower.hasPrefix("http://") ? "http://" : nil
        guard let scheme, url.count > scheme.count, !url.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              url.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 }) else {
            throw PolicyError(file: fileName, key: key, message: "must be an http(s) address without ? or # such as \"\(example)\", got \(value.quoted)")
        }
        return url
    }

    private func address(_ key: String, _ value: JSONValue) throws -> String {
        let example = "techpass-invitations@tech.gov.sg"
        let address = try text(key, value, example: example)
        guard EmailGrammar.isPlainValid(address) else {
            throw PolicyError(file: fileName, key: key, message: "must be an email address such as \"\(example)\", got \(value.quoted)")
        }
        return address
    }

    private func domainSuffixes(_ key: String, _ value: JSONValue, allowEmpty: Bool = false) throws -> [String] {
        let raw = try strings(key, value, allowEmpty: allowEmpty)
        return try raw.enumerated().map { i, s in
            var d = s.lowercased()
            while d.hasPrefix(".") || d.hasPrefix("@") { d.removeFirst() }
            guard EmailGrammar.isValidDomain(d) else {
                throw PolicyError(file: fileName, key: key, message: "item \(i + 1) must be a domain such as \"gov.sg\", got \"\(s)\"")
            }
            return d
        }
    }
}
