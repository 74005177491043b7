import UserList

/// The automatic clean-ups of one file, summarised as they are made: for each change code and
/// field, how many cells it changed and the first one as an example (row, text before, value
/// after). Small whatever the file's size: at most one entry per code and field.
public struct ChangeSummary: Sendable, Equatable {
    /// One kind of change in one field.
    public struct Entry: Sendable, Equatable {
        public var code: FindingCode
        /// The field changed; nil for a change that is not about one field.
        public var field: FieldKey?
        /// Cells changed.
        public var count: Int
        /// The first cell changed.
        public var example: Example
    }

    /// One changed cell: the spreadsheet row, the cell's original text and the value the row ends with.
    public struct Example: Sendable, Equatable {
        public var row: Int?
        public var before: String
        public var after: String
    }

    private var index: [Key: Int] = [:]
    private var found: [Entry] = []

    private struct Key: Hashable, Sendable {
        var code: String
        var field: FieldKey?
    }

    public init() {}

    /// Counts `finding` (a change); `after` is the value its row ends with for that field.
    public mutating func add(_ finding: Finding, after: String?) {
        let key = Key(code: finding.code.rawValue, field: finding.fieldKey)
        if let i = index[key] {
            found[i].count += 1
            return
        }
        index[key] = found.count
        found.append(Entry(code: finding.code, field: finding.fieldKey, count: 1,
                           example: Example(row: finding.row, before: finding.value ?? "", after: after ?? "")))
    }

    /// Counts every change of a row.
    public mutating func add(_ outcome: RowOutcome) {
        for f in outcome.findings where f.severity == .change {
            add(f, after: f.fieldKey.flatMap { outcome.values[$0] })
        }
    }

    /// The entries in catalogue order of their codes, then template order of their fields.
    public var entries: [Entry] {
        found.sorted { a, b in
            let ca = Self.order[a.code.rawValue] ?? Int.max, cb = Self.order[b.code.rawValue] ?? Int.max
            if ca != cb { return ca < cb }
            return (a.field?.index ?? -1) < (b.field?.index ?? -1)
        }
    }

    /// Cells changed, over every entry.
    public var total: Int { found.reduce(0) { $0 + $1.count } }

    public var isEmpty: Bool { found.isEmpty }

    private static let order: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, code) in FindingCode.all.enumerated() { d[code.rawValue] = i }
        return d
    }()

    public static func == (a: ChangeSummary, b: ChangeSummary) -> Bool { a.entries == b.entries }
}
