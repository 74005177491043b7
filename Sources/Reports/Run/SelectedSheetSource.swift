import SheetIO
import UserList

/// A workbook seen through `--sheet`: only the chosen sheet (and the template's `_meta` sheet, so
/// the template version is still recognised), so the structure stage validates exactly that sheet.
final class SelectedSheetSource: SheetSource {
    private let base: SheetSource
    let sheets: [SheetInfo]

    /// The source limited to the sheet named (or numbered, from 1) `nameOrNumber`; nil when there is none.
    init?(_ base: SheetSource, sheet nameOrNumber: String) {
        guard let index = base.sheetIndex(named: nameOrNumber) else { return nil }
        self.base = base
        let meta = UserListSchema.metadataSheetName.lowercased()
        sheets = base.sheets.filter { $0.index == index || ($0.name.lowercased() == meta && $0.index != index) }
    }

    var fileName: String { base.fileName }
    var format: SpreadsheetFormat { base.format }
    var warnings: [String] { base.warnings }

    func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        try base.readRows(sheet: index, body)
    }

    /// The error for a sheet that is not in the workbook, listing the ones that are.
    static func notFound(_ nameOrNumber: String, in base: SheetSource) -> SheetIOError {
        let names = base.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        return SheetIOError(.sheetNotFound, "there is no sheet \"\(nameOrNumber)\"; the sheets are \(names.isEmpty ? "none" : names)",
                            file: base.fileName)
    }
}
