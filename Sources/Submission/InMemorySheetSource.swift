import SheetIO
import UserList

/// A `SheetSource` of rows held in memory, as one visible `Users` sheet (`OneRowUserList`'s header and person).
final class InMemorySheetSource: SheetSource {
    let fileName: String
    private let rows: [Row]
    var format: SpreadsheetFormat { .csv }
    var sheets: [SheetInfo] { [SheetInfo(index: 0, name: UserListSchema.usersSheetName, visibility: .visible)] }
    var warnings: [String] { [] }

    init(fileName: String, rows: [Row]) {
        self.fileName = fileName
        self.rows = rows
    }

    func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        guard index == 0 else { throw SheetIOError(.sheetNotFound, "There is no sheet \(index + 1).", file: fileName) }
        for row in rows { try body(row) }
        let lastColumn = rows.flatMap { $0.cells.map(\.column) }.max() ?? 0
        return SheetSummary(usedRange: CellRange(firstRow: 1, firstColumn: 0, lastRow: rows.count, lastColumn: lastColumn),
                            rowCount: rows.count)
    }
}
