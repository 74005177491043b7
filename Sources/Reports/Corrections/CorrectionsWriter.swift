import SheetIO
import UserList

/// Writes `corrections.xlsx`: the template's layout (the same `Users` header, dropdowns and notes,
/// `Instructions`, `Lists`, `_meta`) holding only the rows that need fixing, with the user's original
/// values. Each cell with an error is filled light red (yellow for warnings only) and carries a note
/// with the messages and hints; two columns follow the template's: `Errors` (every error of the row,
/// one per line) and `Source row` (the row in the original file). The file is itself a valid upload:
/// the structure stage recognises the two extra columns and ignores them as data.
///
/// `_meta` records the original file (name, SHA-256, trace id). Validating the workbook then reports
/// each row by its `Source row`, and the next corrections workbook keeps both: the original is always
/// the first upload, however many rounds of fixing follow.
///
/// Rows are added as validation streams them (`add(_:)` per row, in order) and written in streaming
/// mode, so memory does not grow with the sheet, except for the cell notes, which libxlsxwriter keeps
/// until `close()` (about 0.9 KB each). That is why at most `maxRows` rows are written (100,000 by
/// default), and only the first `maxNotedRows` of them (20,000) get notes on their cells: later rows
/// are still highlighted and their Errors cell lists every problem. A line under the last row says
/// how many rows were left out or have no notes, and that errors.csv has them all.
public final class CorrectionsWriter {
    /// The default cap on rows written.
    public static let defaultMaxRows = 100_000
    /// The default cap on rows whose cells get notes: 20,000 rows of notes hold ~25 MB until the
    /// workbook is closed (a million-row list with 5% mistakes peaked at 223 MB with every row noted).
    public static let defaultMaxNotedRows = 20_000
    /// The extra columns' headers, as `UserListSchema.ignoredHeaders` lists them for the structure stage.
    public static let errorsHeader = UserListSchema.errorsHeader
    public static let sourceRowHeader = UserListSchema.sourceRowHeader

    /// The path as the caller named it.
    public let path: String
    public let maxRows: Int
    public let maxNotedRows: Int
    public let layout: TemplateLayout
    /// Rows written so far.
    public private(set) var rowCount = 0
    /// Rows that needed fixing beyond `maxRows`, not written.
    public private(set) var leftOutCount = 0

    /// Nil once closed or discarded.
    private var workbook: XLSXWorkbookWriter?
    private let sheet: XLSXSheetWriter
    private let styles: Styles
    private let errorsColumn: Int
    private let sourceRowColumn: Int

    /// Starts the workbook and writes everything but the rows, recording `original` in `_meta`.
    /// `options` defaults to streaming and deterministic.
    public init(path: String, policy: Policy = .default, original: OriginalFile? = nil, maxRows: Int = CorrectionsWriter.defaultMaxRows,
                maxNotedRows: Int = CorrectionsWriter.defaultMaxNotedRows,
                options: XLSXWriteOptions = XLSXWriteOptions(streaming: true, deterministic: true, title: "TechPass user list: corrections")) throws {
        precondition(maxRows >= 0 && maxNotedRows >= 0, "maxRows and maxNotedRows cannot be negative")
        self.path = path
        self.maxRows = min(maxRows, CellReference.maxRows - 3)  // header, and room for the two lines under the rows
        self.maxNotedRows = maxNotedRows
        layout = TemplateLayout(policy: policy)
        let workbook = try XLSXWorkbookWriter(path: path, options: options)
        self.workbook = workbook
        let extra = [
            TemplateLayout.ExtraColumn(header: Self.errorsHeader,
                                       note: "Added by invitesheet: what is wrong with the row, one problem per line. Red cells have a note with the details. This column is ignored when you upload the file.",
                                       width: 60, wrap: true),
            TemplateLayout.ExtraColumn(header: Self.sourceRowHeader,
                                       note: "Added by invitesheet: the row number in the file you first uploaded. Keep it: the next report names rows by it.",
                                       width: 11),
        ]
        sheet = try layout.addSheets(to: workbook, extraColumns: extra, original: original)
        styles = try Styles(workbook)
        errorsColumn = layout.extraColumn(0)
        sourceRowColumn = layout.extraColumn(1)
    }

    /// Writes a row that needs fixing; valid rows (no error) are skipped. Call in row order.
    public func add(_ outcome: RowOutcome) throws {
        guard !outcome.isValid else { return }
        guard workbook != nil else { throw SheetIOError(.write, "the corrections workbook is already closed", file: path) }
        guard rowCount < maxRows else {
            leftOutCount += 1
            return
        }
        let row = TemplateLayout.firstDataRow + rowCount
        rowCount += 1
        for (i, column) in layout.schema.columns.enumerated() {
            let problems = CorrectionsText.problems(for: column.key, in: outcome)
            let severity = problems.first?.severity
            let style = styles.cell(textFormat: column.isTextFormatted, severity: severity)
            try sheet.write(row: row, column: i, value: Self.original(outcome.cells[column.key]?.value, textFormatted: column.isTextFormatted), style: style)
            if rowCount <= maxNotedRows, let note = CorrectionsText.note(for: column.key, in: outcome) {
                try sheet.addNote(row: row, column: i, text: note, author: TemplateLayout.noteAuthor,
                                  width: 320, height: min(400, max(80, (note.count / 44 + 2) * 16)))
            }
        }
        try sheet.write(row: row, column: errorsColumn, text: CorrectionsText.errors(in: outcome, schema: layout.schema), style: styles.errors)
        if let sourceRow = outcome.sourceRow {
            try sheet.write(row: row, column: sourceRowColumn, value: .number(Double(sourceRow)))
        }
    }

    /// Writes the file (in place only when complete). Call once, after the last `add(_:)`.
    public func close() throws {
        guard let workbook else { throw SheetIOError(.write, "the corrections workbook is already closed", file: path) }
        self.workbook = nil
        // Only the Errors column: an upload of this file takes each line for a blank row.
        var line = TemplateLayout.firstDataRow + rowCount
        if leftOutCount > 0 {
            try sheet.write(row: line, column: errorsColumn,
                            text: CorrectionsText.leftOut(leftOutCount, kept: rowCount), style: styles.leftOut)
            line += 1
        }
        if rowCount > maxNotedRows {
            try sheet.write(row: line, column: errorsColumn,
                            text: CorrectionsText.notesLeftOut(noted: maxNotedRows), style: styles.leftOut)
        }
        try workbook.close()
    }

    /// Abandons the workbook (the run failed): nothing is written, and nothing is left at `path`.
    public func discard() {
        workbook = nil
    }

    /// The value to write for an original cell: as typed, except that a text-formatted column gets
    /// the text Excel showed, so the cell stays text (`91234567` → `"91234567"`).
    static func original(_ value: CellValue?, textFormatted: Bool) -> CellValue {
        guard let value, !value.isEmpty else { return .empty }
        if textFormatted {
            switch value {
            case .text, .error: return value
            default: return .text(value.displayText)
            }
        }
        return value
    }

    /// The styles of one workbook: data cells by text format and highlight.
    private struct Styles {
        let text: XLSXStyle
        let error: XLSXStyle
        let errorText: XLSXStyle
        let warning: XLSXStyle
        let warningText: XLSXStyle
        let errors: XLSXStyle
        let leftOut: XLSXStyle

        init(_ workbook: XLSXWorkbookWriter) throws {
            let error = CellStyle(fontColor: TemplatePalette.errorFont, fillColor: TemplatePalette.errorFill)
            let warning = CellStyle(fontColor: TemplatePalette.warningFont, fillColor: TemplatePalette.warningFill)
            text = try workbook.style(.text)
            self.error = try workbook.style(error)
            errorText = try workbook.style(CellStyle(fontColor: error.fontColor, fillColor: error.fillColor, textFormat: true))
            self.warning = try workbook.style(warning)
            warningText = try workbook.style(CellStyle(fontColor: warning.fontColor, fillColor: warning.fillColor, textFormat: true))
            errors = try workbook.style(CellStyle(fontColor: TemplatePalette.errorFont, wrap: true, verticalAlignment: .top))
            leftOut = try workbook.style(CellStyle(bold: true, italic: true, fontColor: TemplatePalette.errorFont))
        }

        func cell(textFormat: Bool, severity: Severity?) -> XLSXStyle? {
            switch severity {
            case .error?: return textFormat ? errorText : error
            case .warning?: return textFormat ? warningText : warning
            default: return textFormat ? text : nil
            }
        }
    }
}
