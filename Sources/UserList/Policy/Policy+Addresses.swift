/// Questions about an email address that the policy answers (for the invitations and the commands).
extension Policy {
    /// True for a valid address under one of the public-officer suffixes with an agency label before
    /// it (`name@tech.gov.sg`, not `name@gov.sg`): who may be an inviter.
    public func isPublicOfficerAddress(_ address: String) -> Bool {
        let trimmed = TextScan.trimmed(address)
        guard EmailGrammar.isPlainValid(trimmed), let domain = EmailGrammar.domain(of: trimmed) else { return false }
        return publicOfficerDomainSuffixes.contains { domain.hasSuffix("." + $0) }
    }

    /// True when the address's domain is, or is under, one of `integratedIdentityDomains`.
    public func isIntegratedIdentityAddress(_ address: String) -> Bool {
        guard let domain = EmailGrammar.domain(of: TextScan.trimmed(address)) else { return false }
        return integratedIdentityDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
    }
}
