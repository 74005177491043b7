/// Stage 5: duplicates within the file. Keeps one 64-bit hash and row number per distinct key, so a
/// million rows stay well under 100 MB.
public struct BatchStage: Sendable {
    public private(set) var rules: [any BatchRule]

    public init(rules: [any BatchRule]) { self.rules = rules }

    public init() { self.init(rules: BatchStage.standardRules()) }

    /// Fresh (empty) batch rules of SPEC.md.
    public static func standardRules() -> [any BatchRule] {
        [DuplicateEmailRule(), DuplicateUsernameRule()]
    }

    public mutating func run(_ row: inout RowDraft) {
        for i in rules.indices { rules[i].check(&row) }
    }

    /// Approximate bytes the duplicate tables hold.
    public var approximateBytes: Int {
        rules.reduce(0) { total, rule in
            if let r = rule as? DuplicateEmailRule { return total + r.approximateBytes }
            if let r = rule as? DuplicateUsernameRule { return total + r.approximateBytes }
            return total
        }
    }
}
