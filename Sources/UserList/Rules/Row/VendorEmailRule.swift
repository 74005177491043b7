/// A vendor may use any valid address, but not a bare `@gov.sg` (government addresses always name an
/// agency), and a domain one keystroke from a common one (`gmial.com`, `tech.gv.sg`) gets a warning.
public struct VendorEmailRule: RowRule {
    public let name = "vendor-email"
    public let title = "Vendor addresses are plausible (no bare gov.sg, no near-miss domains)"
    public let suffixes: [String]
    public var codes: [FindingCode] { [.emailBareGovSG, .emailDomainNearMiss] }

    public init(policy: Policy = .default) { suffixes = policy.publicOfficerDomainSuffixes }

    public func check(_ row: inout RowDraft) {
        guard row.isVendor, let email = row.values[.email], !row.hasError(in: .email),
              let (local, domainPart) = EmailGrammar.split(email) else { return }
        let domain = domainPart.lowercased()
        if let suffix = suffixes.first(where: { domain == $0 }) {
            row.report(.emailBareGovSG, stage: stage, field: .email,
                       message: "The address ends in @\(suffix) with no agency before it.",
                       hint: "Vendors on a government device have addresses like name.vendor@agency.\(suffix).")
            return
        }
        if let near = DomainTypoDetector.nearestGovernmentDomain(domain, suffixes: suffixes)
            ?? DomainTypoDetector.nearestWellKnownDomain(domain), !suffixes.contains(near) {
            row.report(.emailDomainNearMiss, stage: stage, field: .email,
                       message: "The domain \"\(domainPart)\" is one keystroke away from \(near).",
                       hint: "Did you mean \(local)@\(near)? If the address is right, nothing to do.")
        }
    }
}
