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
        var d = domain.lowercased()
        // Compared as UTF-8 bytes in place: this runs for every vendor and officer address.
        return d.withUTF8 { bytes -> String? in
            for suffix in suffixes {
                var s = suffix
                let ends = s.withUTF8 { target in
                    bytes.elementsEqual(target) || (bytes.count > target.count && bytes[bytes.count - target.count - 1] == UInt8(ascii: ".")
                                                    && bytes[(bytes.count - target.count)...].elementsEqual(target))
                }
                if ends { return nil }
            }
            for suffix in suffixes where suffix.utf8.count >= 4 {
                var s = suffix
                let found = s.withUTF8 { target -> String? in
                    // A dot went missing before the suffix: techgov.sg.
                    if bytes.count > target.count, bytes[(bytes.count - target.count)...].elementsEqual(target) {
                        return String(decoding: bytes[..<(bytes.count - target.count)], as: UTF8.self) + "." + suffix
                    }
                    // One edit in the labels after some dot: tech.gov.sq, tech.gv.sg, tech.govsg.
                    for i in bytes.indices where bytes[i] == UInt8(ascii: ".") && i > 0 {
                        let tail = UnsafeBufferPointer(rebasing: bytes[(i + 1)...])
                        if tail.count >= 3, EditDistance.isOneEdit(tail, target) {
                            return String(decoding: bytes[..<i], as: UTF8.self) + "." + suffix
                        }
                    }
                    return EditDistance.isOneEdit(bytes, target) ? suffix : nil
                }
                if let found { return found }
            }
            return nil
        }
    }

    private static let wellKnownBytes: [(name: String, bytes: [UInt8])] =
        wellKnownDomains.filter { $0.count >= 8 }.map { ($0, Array($0.utf8)) }

    /// The well-known mail domain probably meant (`gmial.com` → `gmail.com`); nil for a known one.
    static func nearestWellKnownDomain(_ domain: String) -> String? {
        var d = domain.lowercased()
        if wellKnownDomains.contains(d) { return nil }
        return d.withUTF8 { bytes in
            for known in wellKnownBytes where abs(known.bytes.count - bytes.count) <= 1 {
                if known.bytes.withUnsafeBufferPointer({ EditDistance.isOneEdit(bytes, $0) }) { return known.name }
            }
            return nil
        }
    }
}
