import SheetIO

/// A `SheetSource` over a `SampleGenerator`: one visible `Users` sheet, header in row 1, rows made
/// on the fly so a million rows cost no memory.
public final class SampleSheetSource: SheetSource {
    public let generator: SampleGenerator
    public let fileName: String
    public var format: SpreadsheetFormat { .xlsx }
    public var sheets: [SheetInfo] { [SheetInfo(index: 0, name: UserListSchema.usersSheetName, visibility: .visible)] }
    public var warnings: [String] { [] }

    public init(generator: SampleGenerator, fileName: String = "sample.xlsx") {
        self.generator = generator
        self.fileName = fileName
    }

    public func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        guard index == 0 else { throw SheetIOError(.sheetNotFound, "There is no sheet \(index + 1).", file: fileName) }
        try body(generator.headerRow)
        for i in 0..<generator.rowCount { try body(generator.sheetRow(i)) }
        let lastColumn = FieldKey.count - 1
        let used = generator.rowCount > 0
            ? CellRange(firstRow: 1, firstColumn: 0, lastRow: generator.rowCount + 1, lastColumn: lastColumn) : nil
        return SheetSummary(usedRange: used, rowCount: generator.rowCount + 1)
    }
}
