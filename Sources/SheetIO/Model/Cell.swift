/// One cell of a row: its zero-based column, typed value, number format and whether a formula produced it.
public struct Cell: Sendable, Equatable {
    /// Zero-based column index (A = 0).
    public var column: Int
    public var value: CellValue
    /// The cell's number format; `nil` for CSV input.
    public var format: NumberFormat?
    /// True when the cell holds a formula; `value` is then its cached result.
    public var hasFormula: Bool

    public init(column: Int, value: CellValue, format: NumberFormat? = nil, hasFormula: Bool = false) {
        self.column = column
        self.value = value
        self.format = format
        self.hasFormula = hasFormula
    }

    /// The A1-style column letters, such as `F` or `AA`.
    public var columnLetters: String { CellReference.letters(forColumn: column) }
}

/// One row of a sheet as stored: the spreadsheet row number the user sees and its non-empty cells in column order.
public struct Row: Sendable, Equatable {
    /// One-based row number, as Excel shows it.
    public var number: Int
    /// Cells present in the file, in file order (normally ascending columns); empty cells may be left out.
    public var cells: [Cell]
    /// True when the row is hidden in the spreadsheet.
    public var isHidden: Bool

    public init(number: Int, cells: [Cell], isHidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.isHidden = isHidden
    }

    /// The cell at a zero-based column, if present.
    public func cell(at column: Int) -> Cell? {
        // Cells are almost always in ascending order and few; a linear scan beats a dictionary here.
        for c in cells where c.column == column { return c }
        return nil
    }

    /// True when no cell holds a value (formatting-only rows are not data).
    public var isBlank: Bool { cells.allSatisfy { $0.value.isEmpty } }
}
