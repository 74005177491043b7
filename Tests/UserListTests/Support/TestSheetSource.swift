import SheetIO
@testable import UserList

/// An in-memory workbook for tests: sheets of hand-built rows, with visibility and merged ranges.
final class TestSheetSource: SheetSource {
    struct Sheet {
        var name: String
        var visibility: SheetInfo.Visibility = .visible
        var rows: [Row]
        var merged: [CellRange] = []
    }

    let fileName: String
    let format: SpreadsheetFormat
    var contents: [Sheet]
    var warnings: [String] = []
    /// Thrown after this many rows of any sheet, to simulate a read error part-way.
    var failAfterRows: Int?
    private(set) var readCounts: [Int: Int] = [:]

    init(fileName: String = "users.xlsx", format: SpreadsheetFormat = .xlsx, sheets: [Sheet]) {
        self.fileName = fileName
        self.format = format
        self.contents = sheets
    }

    /// One `Users` sheet: the header then the rows.
    convenience init(header: [String] = SampleGenerator.headers, rows: [Row]) {
        self.init(sheets: [Sheet(name: "Users", rows: [headerRow(header)] + rows)])
    }

    var sheets: [SheetInfo] {
        contents.enumerated().map { SheetInfo(index: $0.offset, name: $0.element.name, visibility: $0.element.visibility) }
    }

    func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        guard contents.indices.contains(index) else { throw SheetIOError(.sheetNotFound, "no sheet \(index)") }
        readCounts[index, default: 0] += 1
        for (n, row) in contents[index].rows.enumerated() {
            if let limit = failAfterRows, n >= limit {
                throw SheetIOError(.xmlMalformed, "The worksheet XML is not well-formed.", file: fileName, location: "xl/worksheets/sheet1.xml")
            }
            try body(row)
        }
        return SheetSummary(mergedRanges: contents[index].merged, rowCount: contents[index].rows.count)
    }
}

/// A header row of text cells from column A.
func headerRow(_ headers: [String], number: Int = 1) -> Row {
    Row(number: number, cells: headers.enumerated().compactMap { i, h in h.isEmpty ? nil : Cell(column: i, value: .text(h)) })
}

/// A row of text cells from column A.
func textRow(_ number: Int, _ texts: [String]) -> Row {
    Row(number: number, cells: texts.enumerated().compactMap { i, t in t.isEmpty ? nil : Cell(column: i, value: .text(t)) })
}
