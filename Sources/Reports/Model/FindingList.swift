import UserList

/// The findings a report shows, in order: sheet-wide findings (`head`), the rows' findings (kept in
/// memory or spooled to disk, so a million rows do not fill memory), then end-of-sheet findings
/// (`tail`), cut at `limit` in that order. It can be walked any number of times.
public struct FindingList {
    /// Where the rows' findings are.
    public enum Rows {
        case none
        case array([Finding])
        case spool(FindingSpool)

        var count: Int {
            switch self {
            case .none: return 0
            case .array(let a): return a.count
            case .spool(let s): return s.count
            }
        }
    }

    public let head: [Finding]
    public let rows: Rows
    public let tail: [Finding]
    /// Most findings shown; nil for all.
    public let limit: Int?

    public init(head: [Finding] = [], rows: Rows = .none, tail: [Finding] = [], limit: Int? = nil) {
        self.head = head
        self.rows = rows
        self.tail = tail
        self.limit = limit.map { max(0, $0) }
    }

    /// An in-memory list of findings.
    public init(_ findings: [Finding], limit: Int? = nil) { self.init(rows: .array(findings), limit: limit) }

    /// How many findings are shown.
    public var count: Int {
        let all = head.count + rows.count + tail.count
        return limit.map { min($0, all) } ?? all
    }

    public var isEmpty: Bool { count == 0 }

    /// Calls `body` with each shown finding, in order.
    public func forEach(_ body: (Finding) throws -> Void) throws {
        var left = count
        func emit(_ finding: Finding) throws -> Bool {
            guard left > 0 else { return false }
            left -= 1
            try body(finding)
            return left > 0
        }
        for f in head { if try !emit(f) { return } }
        switch rows {
        case .none: break
        case .array(let findings):
            for f in findings { if try !emit(f) { return } }
        case .spool(let spool):
            var more = true
            try spool.forEach { f in
                guard more else { return false }
                more = try emit(f)
                return more
            }
            if !more { return }
        }
        for f in tail { if try !emit(f) { return } }
    }

    /// Every shown finding in an array (tests and small reports).
    public func array() throws -> [Finding] {
        var out: [Finding] = []
        try forEach { out.append($0) }
        return out
    }
}
