/// Matches a value against a list of choices case-insensitively (ignoring extra spaces), and
/// suggests the nearest choice for a near miss.
struct ChoiceMatcher: Sendable {
    let choices: [String]
    private let byFolded: [String: String]

    init(_ choices: [String]) {
        self.choices = choices
        var d: [String: String] = [:]
        for c in choices { d[Self.fold(c)] = c }
        byFolded = d
    }

    static func fold(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " }).joined(separator: " ").lowercased()
    }

    /// The choice as the list spells it, if the value is one.
    func match(_ value: String) -> String? {
        if choices.contains(value) { return value }
        return byFolded[Self.fold(value)]
    }

    /// The nearest choice within two edits, or a choice that the value starts or is contained in.
    func suggestion(for value: String) -> String? {
        let folded = Self.fold(value)
        if let near = EditDistance.nearest(folded, in: choices, limit: 2) { return near }
        if folded.count >= 3, let c = choices.first(where: { Self.fold($0).hasPrefix(folded) || folded.hasPrefix(Self.fold($0)) }) { return c }
        return nil
    }

    /// `"A", "B" or "C"`.
    var listed: String {
        guard choices.count > 1 else { return choices.first ?? "" }
        return choices.dropLast().joined(separator: ", ") + " or " + choices.last!
    }
}
