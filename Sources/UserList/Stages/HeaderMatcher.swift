/// Recognises header text: each field's template header (of every template version) and aliases,
/// compared with `HeaderName.normalise`; plus the corrections workbook's extra columns, which are ignored.
public struct HeaderMatcher: Sendable {
    private var fieldByName: [String: FieldKey] = [:]
    private var ignored: Set<String> = []
    private let sourceRow = HeaderName.normalise(UserListSchema.sourceRowHeader)
    /// Every recognised name with its field, for near-miss suggestions.
    private var names: [(name: String, field: FieldKey)] = []

    public init(schemas: [UserListSchema] = UserListSchema.versions) {
        for schema in schemas {
            for column in schema.columns {
                for name in [column.header] + column.aliases { add(name, column.key) }
            }
        }
        for header in UserListSchema.ignoredHeaders { ignored.insert(HeaderName.normalise(header)) }
    }

    private mutating func add(_ name: String, _ field: FieldKey) {
        let n = HeaderName.normalise(name)
        guard fieldByName[n] == nil else { return }
        fieldByName[n] = field
        names.append((n, field))
    }

    /// The field a header names, if any.
    public func field(for header: String) -> FieldKey? { fieldByName[HeaderName.normalise(header)] }

    /// True for the corrections workbook's `Errors` and `Source row` headers.
    public func isIgnored(_ header: String) -> Bool { ignored.contains(HeaderName.normalise(header)) }

    /// True for the corrections workbook's `Source row` header.
    public func isSourceRow(_ header: String) -> Bool { HeaderName.normalise(header) == sourceRow }

    /// The field an unknown header probably means (a typo of a known header), if one is close.
    public func nearestField(to header: String) -> FieldKey? {
        let n = HeaderName.normalise(header)
        guard n.count >= 4 else { return nil }
        let limit = n.count >= 10 ? 3 : 2
        var best: FieldKey?
        var bestDistance = limit + 1
        for (name, field) in names where name.count >= 4 {
            let d = EditDistance.damerau(n, name, limit: limit)
            if d < bestDistance { best = field; bestDistance = d }
        }
        return best
    }
}
