/// Spots near-miss domains and says what was probably meant: `tech.gov.sq` → `tech.gov.sg`,
/// `gov,sg` → `gov.sg`, `gov.sg.` → `gov.sg`, `gmail.con` → `gmail.com`, `gmial.com` → `gmail.com`.
enum DomainTypoDetector {
    /// Top-level labels that are not real and are one slip away from a common one.
    static let topLevelTypos: [String: String] = [
        "con": "com", "cmo": "com", "ocm": "com", "comm": "com", "vom": "com", "xom": "com", "cpm": "com",
        "coom": "com", "c0m": "com", "sq": "sg", "sgg": "sg", "sgp": "sg", "nte": "net", "nett": "net",
        "ogr": "org", "rog": "org", "orgg": "org",
    ]

    /// Mail providers people often mistype; a domain one edit away from one of these is suspicious.
    static let wellKnownDomains = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.com.sg", "hotmail.com", "hotmail.sg", "outlook.com",
        "outlook.sg", "live.com", "icloud.com", "mail.com", "singnet.com.sg", "starhub.net.sg", "protonmail.com",
        "proton.me", "msn.com", "aol.com", "qq.com", "163.com", "ymail.com", "rocketmail.com", "email.com",
    ]

    /// The domain with separators repaired (commas, spaces, stray or doubled periods) and a mistyped
    /// top-level label fixed, when that gives a valid domain different from the input.
    static func repairedSyntax(_ domain: String) -> String? {
        var s = ""
        var lastWasDot = true
        for ch in domain.lowercased().unicodeScalars {
            var c = ch
            if c == "," || c == ";" { c = "." }
            if c == " " || TextScan.isNonBreakingSpace(c) { continue }
            if c == "." {
                if lastWasDot { continue }
                lastWasDot = true
            } else {
                lastWasDot = false
            }
            s.unicodeScalars.append(c)
        }
        while s.hasSuffix(".") { s.removeLast() }
        let fixed = fixedTopLevel(s) ?? s
        guard fixed != domain.lowercased(), EmailGrammar.isValidDomain(fixed) else { return nil }
        return fixed
    }

    /// The domain with a mistyped top-level label replaced (`gmail.con` → `gmail.com`).
    static func fixedTopLevel(_ domain: String) -> String? {
        let lower = domain.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        let tld = String(lower[lower.index(after: dot)...])
        guard let replacement = topLevelTypos[tld] else { return nil }
        return String(lower[...dot]) + replacement
    }

    /// The government domain probably meant, when `domain` is one edit away from ending in a suffix:
    /// `tech.gov.sq`, `tech.gv.sg`, `tech.govsg`, `techgov.sg` → `tech.gov.sg`. Nil when it already ends in one.
    static func nearestGovernmentDomain(_ domain: String, suffixes: [String]) -> String? {
        let d = domain.lowercased()
        for suffix in suffixes where d == suffix || d.hasSuffix("." + suffix) { return nil }
        for suffix in suffixes where suffix.count >= 4 {
            // A dot went missing before the suffix: techgov.sg.
            if d.hasSuffix(suffix), d.count > suffix.count {
                return String(d.dropLast(suffix.count)) + "." + suffix
            }
            var index = d.startIndex
            while let dot = d[index...].firstIndex(of: ".") {
                let prefix = d[..<dot]
                let tail = String(d[d.index(after: dot)...])
                if !prefix.isEmpty, tail.count >= 3, EditDistance.damerau(tail, suffix, limit: 1) == 1 {
                    return prefix + "." + suffix
                }
                index = d.index(after: dot)
            }
            if EditDistance.damerau(d, suffix, limit: 1) == 1 { return suffix }
        }
        return nil
    }

    /// The well-known mail domain probably meant (`gmial.com` → `gmail.com`); nil for a known one.
    static func nearestWellKnownDomain(_ domain: String) -> String? {
        let d = domain.lowercased()
        if wellKnownDomains.contains(d) { return nil }
        for known in wellKnownDomains where known.count >= 8 {
            if EditDistance.damerau(d, known, limit: 1) == 1 { return known }
        }
        return nil
    }
}
