import UserList

/// The errors and warnings a report lists, errors first: people read errors first, so a list cut
/// short by `--max-findings` keeps every error it can before any warning. Each severity is walked
/// in sheet order: sheet-wide findings (`head`), the rows' findings (kept in memory or spooled to
/// disk, so a million rows do not fill memory), then end-of-sheet findings (`tail`).
///
/// Changes are never listed here: they are summarised per code (`ChangeSummary`) and written cell
/// by cell to `changes.csv`. The list can be walked any number of times.
public struct FindingList {
    /// Where one severity of the rows' findings is.
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

        func cursor(limit: Int) throws -> Cursor {
            switch self {
            case .none: return Cursor(source: .array([], 0), left: 0)
            case .array(let a): return Cursor(source: .array(a, 0), left: min(limit, a.count))
            case .spool(let s): return Cursor(source: .spool(try s.cursor()), left: min(limit, s.count))
            }
        }
    }

    /// Reads the first `left` findings of a `Rows`, one at a time.
    struct Cursor {
        enum Source {
            case array([Finding], Int)
            case spool(FindingSpool.Cursor)
        }

        var source: Source
        var left: Int

        mutating func next() throws -> Finding? {
            guard left > 0 else { return nil }
            left -= 1
            switch source {
            case .array(let a, let i):
                source = .array(a, i + 1)
                return a[i]
            case .spool(var c):
                let f = try c.next()
                source = .spool(c)
                return f
            }
        }
    }

    /// One spreadsheet row's listed findings: its errors, then its warnings.
    public struct RowFindings {
        public var row: Int
        public var findings: [Finding]

        /// Whether any finding is an error (the row is invalid).
        public var hasErrors: Bool { findings.first?.severity == .error }
    }

    public let head: [Finding]
    public let errors: Rows
    public let warnings: Rows
    public let tail: [Finding]
    /// Most findings listed; nil for all.
    public let limit: Int?

    /// A list of `head`, the rows' `errors` and `warnings`, and `tail` (changes among `head` and
    /// `tail` are left out).
    public init(head: [Finding] = [], errors: Rows = .none, warnings: Rows = .none, tail: [Finding] = [], limit: Int? = nil) {
        self.head = head.filter { $0.severity != .change }
        self.errors = errors
        self.warnings = warnings
        self.tail = tail.filter { $0.severity != .change }
        self.limit = limit.map { max(0, $0) }
    }

    /// An in-memory list: `rows` split by severity (changes left out).
    public init(head: [Finding] = [], rows: [Finding], tail: [Finding] = [], limit: Int? = nil) {
        self.init(head: head, errors: .array(rows.filter { $0.severity == .error }),
                  warnings: .array(rows.filter { $0.severity == .warning }), tail: tail, limit: limit)
    }

    /// An in-memory list of findings.
    public init(_ findings: [Finding], limit: Int? = nil) { self.init(rows: findings, limit: limit) }

    /// Every error and warning, listed or not.
    public var total: Int { head.count + errors.count + warnings.count + tail.count }

    /// How many findings are listed.
    public var count: Int { limit.map { min($0, total) } ?? total }

    public var isEmpty: Bool { count == 0 }

    /// How many of each part are listed, in listing order: head errors, row errors, tail errors,
    /// head warnings, row warnings, tail warnings.
    private func plan(ignoringLimit: Bool = false) -> [Int] {
        var left = ignoringLimit ? Int.max : (limit ?? Int.max)
        let sizes = [head.filter { $0.severity == .error }.count, errors.count, tail.filter { $0.severity == .error }.count,
                     head.filter { $0.severity == .warning }.count, warnings.count, tail.filter { $0.severity == .warning }.count]
        return sizes.map { size in
            let n = min(size, left)
            left -= n
            return n
        }
    }

    /// Calls `body` with each listed finding, errors first; `ignoringLimit` walks every one.
    public func forEach(ignoringLimit: Bool = false, _ body: (Finding) throws -> Void) throws {
        let p = plan(ignoringLimit: ignoringLimit)
        for (index, severity) in [Severity.error, .warning].enumerated() {
            let base = index * 3
            for f in head.lazy.filter({ $0.severity == severity }).prefix(p[base]) { try body(f) }
            var rows = try (severity == .error ? errors : warnings).cursor(limit: p[base + 1])
            while let f = try rows.next() { try body(f) }
            for f in tail.lazy.filter({ $0.severity == severity }).prefix(p[base + 2]) { try body(f) }
        }
    }

    /// The listed findings that are not about one data row (`head` and `tail`), errors first.
    public func sheetFindings() -> [Finding] {
        let p = plan()
        return Array(head.filter { $0.severity == .error }.prefix(p[0])) + Array(tail.filter { $0.severity == .error }.prefix(p[2]))
            + Array(head.filter { $0.severity == .warning }.prefix(p[3])) + Array(tail.filter { $0.severity == .warning }.prefix(p[5]))
    }

    /// Calls `body` with the listed findings of each data row, grouped: first every row with an
    /// error (in sheet order, each with its errors then its warnings), then every row with only
    /// warnings. Walks the errors and warnings side by side, so nothing is held but one row.
    public func forEachRow(_ body: (RowFindings) throws -> Void) throws {
        let p = plan()
        // Rows with errors, each with its warnings.
        var e = try errors.cursor(limit: p[1])
        var w = try warnings.cursor(limit: p[4])
        var nextError = try e.next()
        var nextWarning = try w.next()
        while let first = nextError {
            let row = first.row ?? 0
            var group = [first]
            nextError = try e.next()
            while let f = nextError, (f.row ?? 0) == row {
                group.append(f)
                nextError = try e.next()
            }
            while let f = nextWarning, (f.row ?? 0) < row { _ = f; nextWarning = try w.next() }
            while let f = nextWarning, (f.row ?? 0) == row {
                group.append(f)
                nextWarning = try w.next()
            }
            try body(RowFindings(row: row, findings: group))
        }
        // Rows with only warnings.
        e = try errors.cursor(limit: p[1])
        w = try warnings.cursor(limit: p[4])
        nextError = try e.next()
        nextWarning = try w.next()
        while let first = nextWarning {
            let row = first.row ?? 0
            var group = [first]
            nextWarning = try w.next()
            while let f = nextWarning, (f.row ?? 0) == row {
                group.append(f)
                nextWarning = try w.next()
            }
            while let f = nextError, (f.row ?? 0) < row { _ = f; nextError = try e.next() }
            if let f = nextError, (f.row ?? 0) == row { continue }
            try body(RowFindings(row: row, findings: group))
        }
    }

    /// Every listed finding in an array (tests and small reports).
    public func array() throws -> [Finding] {
        var out: [Finding] = []
        try forEach { out.append($0) }
        return out
    }
}
