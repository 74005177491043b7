/// A sheet's name, position, visibility and kind.
public struct SheetInfo: Sendable, Equatable {
    public enum Visibility: String, Sendable, Equatable { case visible, hidden, veryHidden }
    /// A worksheet holds cells; a chart sheet (`<chartsheet>`) holds one chart and no cells.
    public enum Kind: String, Sendable, Equatable { case worksheet, chart }
    /// Zero-based position in the workbook's tab order.
    public var index: Int
    public var name: String
    public var visibility: Visibility
    public var kind: Kind

    public init(index: Int, name: String, visibility: Visibility, kind: Kind = .worksheet) {
        self.index = index
        self.name = name
        self.visibility = visibility
        self.kind = kind
    }
}

/// A rectangular range, zero-based columns and one-based rows, inclusive.
public struct CellRange: Sendable, Equatable {
    public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow; self.firstColumn = firstColumn; self.lastRow = lastRow; self.lastColumn = lastColumn
    }
    /// `A1:N20`, or `A1` for a single cell.
    public var a1: String {
        let a = CellReference.a1(column: firstColumn, row: firstRow)
        if firstRow == lastRow && firstColumn == lastColumn { return a }
        return a + ":" + CellReference.a1(column: lastColumn, row: lastRow)
    }
    public func contains(row: Int, column: Int) -> Bool {
        row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn
    }
    /// Parses `A1:B2` or `A1`.
    public init?(a1 text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        guard case let .ok(c1, r1) = CellReference.parse(String(parts[0])) else { return nil }
        var c2 = c1, r2 = r1
        if parts.count == 2 {
            guard case let .ok(cc, rr) = CellReference.parse(String(parts[1])) else { return nil }
            c2 = cc; r2 = rr
        }
        self.init(firstRow: min(r1, r2), firstColumn: min(c1, c2), lastRow: max(r1, r2), lastColumn: max(c1, c2))
    }
}

/// What is known about a sheet once it has been read to the end.
public struct SheetSummary: Sendable, Equatable {
    /// Rows and columns that hold a value, computed from the cells read (not the file's own claim).
    public var usedRange: CellRange?
    /// The `<dimension>` the file claims, if any; informational only.
    public var claimedDimension: String?
    /// Merged ranges (`<mergeCells>` comes after the rows in the file, so it is known only at the end).
    public var mergedRanges: [CellRange]
    public var rowCount: Int

    public init(usedRange: CellRange? = nil, claimedDimension: String? = nil, mergedRanges: [CellRange] = [], rowCount: Int = 0) {
        self.usedRange = usedRange
        self.claimedDimension = claimedDimension
        self.mergedRanges = mergedRanges
        self.rowCount = rowCount
    }
}
