/// A public officer's address is a government one: `<name>@<agency>.<suffix>` with at least one label
/// before a policy suffix (default `gov.sg`). Bare `@gov.sg` and near misses (`tech.gv.sg`) get their own codes.
public struct PublicOfficerEmailRule: RowRule {
    public let name = "public-officer-email"
    public let title = "Public officers use a government address (name@agency.gov.sg)"
    public let suffixes: [String]
    public var codes: [FindingCode] { [.emailBareGovSG, .emailDomainTypo, .emailDomainNotGovernment] }

    public init(policy: Policy = .default) { suffixes = policy.publicOfficerDomainSuffixes }

    public func check(_ row: inout RowDraft) {
        guard row.isPublicOfficer, let email = row.values[.email], !row.hasError(in: .email),
              let (local, domainPart) = EmailGrammar.split(email) else { return }
        let domain = domainPart.lowercased()
        if let suffix = suffixes.first(where: { domain == $0 }) {
            row.report(.emailBareGovSG, stage: stage, field: .email,
                       message: "The address ends in @\(suffix) with no agency before it.",
                       hint: "Government addresses look like \(local)@agency.\(suffix), for example \(local)@tech.\(suffix).")
            return
        }
        if suffixes.contains(where: { domain.hasSuffix("." + $0) }) { return }
        if let near = DomainTypoDetector.nearestGovernmentDomain(domain, suffixes: suffixes) {
            let suggestion = suffixes.contains(near) ? "\(local)@agency.\(near)" : "\(local)@\(near)"
            row.report(.emailDomainTypo, stage: stage, field: .email,
                       message: "The domain \"\(domainPart)\" looks like a mistyped government domain.",
                       hint: "Did you mean \(suggestion)?")
            return
        }
        let expected = suffixes.map { "@agency.\($0)" }.joined(separator: " or ")
        row.report(.emailDomainNotGovernment, stage: stage, field: .email,
                   message: "Public officers need their government address (\(expected)); \"\(domainPart)\" is not one.",
                   hint: "Use the officer's government email, or set User type to Vendor if this person is a vendor.")
    }
}
