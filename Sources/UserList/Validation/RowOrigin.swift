import SheetIO

/// Whose rows a sheet holds. An ordinary upload's rows are its own. A corrections workbook's rows are
/// rows of its original file: each names its original row in the `Source row` column, and findings,
/// reports, accepted rows and the next corrections workbook use that number. The structure stage
/// learns the origin from `_meta` (the original file) and the header (the `Source row` column).
public struct RowOrigin: Sendable, Equatable {
    /// The original file, when the sheet is a corrections workbook.
    public var original: OriginalFile?
    /// The zero-based `Source row` column; used only in a corrections workbook.
    public var sourceRowColumn: Int?

    /// An ordinary upload: every row is its own.
    public static let ownRows = RowOrigin()

    public init(original: OriginalFile? = nil, sourceRowColumn: Int? = nil) {
        self.original = original
        self.sourceRowColumn = sourceRowColumn
    }

    /// True for a corrections workbook.
    public var isCorrections: Bool { original != nil }

    /// The row of the original file a sheet row is: its own number in an ordinary upload. In a
    /// corrections workbook, the whole number (2 or more) in its `Source row` cell; nil when the cell
    /// holds none (a row added to the workbook, which is not in the original).
    public func sourceRow(of row: Row) -> Int? {
        guard original != nil else { return row.number }
        guard let column = sourceRowColumn, let cell = row.cell(at: column) else { return nil }
        let number: Double
        switch cell.value {
        case .number(let d): number = d
        case .text(let s):
            guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else { return nil }
            number = d
        default: return nil
        }
        guard number == number.rounded(), number >= Double(TemplateLayout.firstDataRow), number <= Double(CellReference.maxRows) else {
            return nil
        }
        return Int(number)
    }

    /// How a message about one row names another row of this sheet: `Row 7` in an ordinary upload; in
    /// a corrections workbook `Row 39 of users.xlsx` (its original row), or `Row 17 of this file` for a
    /// row that is not in the original.
    public func name(_ reference: RowReference) -> String {
        guard let original else { return "Row \(reference.number)" }
        return reference.isInOriginal ? "Row \(reference.number) of \(original.name)" : "Row \(reference.number) of this file"
    }
}

/// A row as another row's message names it, in 32 bits so the batch stage's tables stay small: its
/// row in the original file (an ordinary upload's rows are their own), or, for a row added to a
/// corrections workbook, its row in this file.
public struct RowReference: Sendable, Equatable {
    private let bits: UInt32
    private static let thisFileFlag: UInt32 = 1 << 31

    /// The reference of a row whose original row is `sourceRow` (nil: not in the original) and whose
    /// row in this file is `row`.
    public init(sourceRow: Int?, row: Int) {
        if let sourceRow {
            bits = UInt32(clamping: sourceRow) & ~Self.thisFileFlag
        } else {
            bits = UInt32(clamping: row) & ~Self.thisFileFlag | Self.thisFileFlag
        }
    }

    init(bits: UInt32) { self.bits = bits }

    /// The row number: in the original file when `isInOriginal`, else in this file.
    public var number: Int { Int(bits & ~Self.thisFileFlag) }
    /// True when the number is a row of the original file (always, in an ordinary upload).
    public var isInOriginal: Bool { bits & Self.thisFileFlag == 0 }
    var rawValue: UInt32 { bits }
}
