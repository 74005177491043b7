import SheetNative
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an XLSX workbook is written.
public struct XLSXWriteOptions: Sendable, Equatable {
    /// Flush each row as soon as a later one is written (libxlsxwriter's `constant_memory`), so a
    /// million-row sheet needs little memory. Rows must then be written in ascending order, and
    /// strings are stored inline instead of in a shared-string table.
    public var streaming: Bool
    /// Fixed creation date (`fixedCreationDate`) and properties, so the same input writes the same bytes.
    public var deterministic: Bool
    /// The document's author property; nil leaves it empty.
    public var author: String?
    /// The document's title property.
    public var title: String?
    /// Where libxlsxwriter keeps its temporary files while writing; nil for the system default.
    public var temporaryDirectory: String?

    /// 2024-01-01T00:00:00Z, the creation date of every deterministic workbook.
    public static let fixedCreationDate = 1_704_067_200

    public init(streaming: Bool = false, deterministic: Bool = true, author: String? = nil, title: String? = nil, temporaryDirectory: String? = nil) {
        self.streaming = streaming
        self.deterministic = deterministic
        self.author = author
        self.title = title
        self.temporaryDirectory = temporaryDirectory
    }
}

/// How a cell looks; equal styles share one format in the workbook. Colours are `0xRRGGBB`.
public struct CellStyle: Sendable, Hashable {
    public enum Border: Sendable, Hashable { case thin, medium, thick, dashed, dotted, double, hair }
    public enum HorizontalAlignment: Sendable, Hashable { case left, center, right }
    public enum VerticalAlignment: Sendable, Hashable { case top, center, bottom }

    public var bold: Bool
    public var italic: Bool
    public var fontColor: UInt32?
    public var fontSize: Double?
    public var fillColor: UInt32?
    /// A number format code such as `0.00` or `yyyy-mm-dd`; nil for General, `@` for text.
    public var numberFormat: String?
    public var wrap: Bool
    public var border: Border?
    public var borderColor: UInt32?
    /// False unlocks the cell; only matters on a protected sheet.
    public var locked: Bool
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?

    public init(bold: Bool = false, italic: Bool = false, fontColor: UInt32? = nil, fontSize: Double? = nil,
                fillColor: UInt32? = nil, numberFormat: String? = nil, textFormat: Bool = false, wrap: Bool = false,
                border: Border? = nil, borderColor: UInt32? = nil, locked: Bool = true,
                horizontalAlignment: HorizontalAlignment? = nil, verticalAlignment: VerticalAlignment? = nil) {
        self.bold = bold
        self.italic = italic
        self.fontColor = fontColor
        self.fontSize = fontSize
        self.fillColor = fillColor
        self.numberFormat = textFormat ? "@" : numberFormat
        self.wrap = wrap
        self.border = border
        self.borderColor = borderColor
        self.locked = locked
        self.horizontalAlignment = horizontalAlignment
        self.verticalAlignment = verticalAlignment
    }

    /// The text number format `@`, which makes Excel keep what is typed (leading zeros, `+65…`).
    public var textFormat: Bool {
        get { numberFormat == "@" }
        set { numberFormat = newValue ? "@" : (numberFormat == "@" ? nil : numberFormat) }
    }

    /// Only the text number format.
    public static let text = CellStyle(textFormat: true)
}

/// A `CellStyle` registered in one workbook; get it from `XLSXWorkbookWriter.style(_:)`.
public final class XLSXStyle {
    public let cellStyle: CellStyle
    let native: XlsxFormatNative
    /// Weak: a style may outlive its workbook, and must then be refused rather than crash.
    weak var workbook: XLSXWorkbookWriter?
    /// This style with a date number format added, per kind of date (for `.date` values).
    var dateVariants: [ExcelDate.Kind: XLSXStyle] = [:]

    init(cellStyle: CellStyle, native: XlsxFormatNative, workbook: XLSXWorkbookWriter) {
        self.cellStyle = cellStyle
        self.native = native
        self.workbook = workbook
    }
}

/// What Excel does when a value outside a validation list is typed.
public enum XLSXValidationErrorStyle: Sendable { case stop, warning, information }

/// Writes an XLSX workbook through libxlsxwriter. The file appears at `path` only when `close()`
/// succeeds (it is written under a temporary sibling name and renamed); `-` writes to standard output.
public final class XLSXWorkbookWriter {
    /// The path as the caller named it, for messages.
    public let path: String
    public let options: XLSXWriteOptions
    /// Sheets added so far, in tab order.
    public private(set) var sheets: [SheetInfo] = []

    private var native: XlsxWorkbookNative?
    private let temporaryPath: String
    /// True when the finished file is copied to `path` (standard output, a device, a FIFO) rather than renamed.
    private let copiesOut: Bool
    private var sheetWriters: [XLSXSheetWriter] = []
    private var styles: [CellStyle: XLSXStyle] = [:]
    private var plainDateStyles: [ExcelDate.Kind: XLSXStyle] = [:]

    /// Starts a workbook; nothing is written until `close()`.
    public init(path: String, options: XLSXWriteOptions = XLSXWriteOptions()) throws {
        guard !path.isEmpty else { throw SheetIOError(.io, "no output file name given") }
        self.path = path
        self.options = options
        var st = stat()
        copiesOut = path == "-" || (stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG)
        if copiesOut {
            // Standard output, a device or a FIFO: build in a scratch file, then copy (never rename over it).
            temporaryPath = try Self.makeScratchFile(in: options.temporaryDirectory)
        } else {
            // Fail before any rows are written, and before libxlsxwriter prints its own complaint.
            let slash = path.lastIndex(of: "/")
            let dir = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
            guard access(dir, W_OK) == 0 else {
                throw SheetIOError(.io, "cannot write into folder \(dir): \(String(cString: strerror(errno)))", file: path)
            }
            temporaryPath = ByteSink.temporaryName(for: path)
        }
        do {
            let wb = try XlsxWorkbookNative(path: temporaryPath, constantMemory: options.streaming, temporaryDirectory: options.temporaryDirectory)
            try wb.setProperties(title: options.title, author: options.author, company: nil,
                                 created: options.deterministic ? XLSXWriteOptions.fixedCreationDate : 0)
            native = wb
        } catch let e as XlsxWriterNativeError {
            if copiesOut { unlink(temporaryPath) }
            throw SheetIOError(.write, "cannot start the workbook: \(e.message)", file: path)
        }
    }

    deinit {
        // Abandoned before close(): the native workbook frees itself; remove any scratch file.
        if native != nil && copiesOut { unlink(temporaryPath) }
    }

    private func openWorkbook() throws -> XlsxWorkbookNative {
        guard let native else { throw SheetIOError(.write, "the workbook is already closed", file: path) }
        return native
    }

    /// Adds a sheet at the end of the tab order. Excel's rules apply to `name`: 1 to 31 characters,
    /// none of `[ ] : * ? / \`, no leading or trailing apostrophe, unique ignoring case.
    /// libxlsxwriter cannot write "very hidden" sheets, so `.veryHidden` is written as `.hidden`.
    public func addSheet(name: String, visibility: SheetInfo.Visibility = .visible) throws -> XLSXSheetWriter {
        let wb = try openWorkbook()
        if let problem = Self.sheetNameProblem(name, existing: sheets.map(\.name)) {
            throw SheetIOError(.write, problem, file: path, location: "sheet \"\(name)\"")
        }
        let ws: XlsxWorksheetNative
        do { ws = try wb.addWorksheet(name: name) } catch let e as XlsxWriterNativeError {
            throw SheetIOError(.write, "cannot add the sheet: \(e.message)", file: path, location: "sheet \"\(name)\"")
        }
        if visibility != .visible { ws.hide() }
        let info = SheetInfo(index: sheets.count, name: name, visibility: visibility == .visible ? .visible : .hidden)
        sheets.append(info)
        let writer = XLSXSheetWriter(workbook: self, native: ws, info: info)
        sheetWriters.append(writer)
        return writer
    }

    /// Why `name` cannot be a sheet name next to `existing` ones, or nil if it can.
    public static func sheetNameProblem(_ name: String, existing: [String] = []) -> String? {
        if name.isEmpty { return "a sheet name cannot be empty" }
        if name.utf16.count > 31 { return "sheet name \"\(name)\" has \(name.utf16.count) characters; Excel allows at most 31" }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            return "sheet name \"\(name)\" contains \"\(bad)\"; Excel does not allow any of [ ] : * ? / \\"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "sheet name \"\(name)\" cannot begin or end with an apostrophe" }
        if name.lowercased() == "history" { return "\"History\" is a sheet name Excel reserves" }
        let lower = name.lowercased()
        if existing.contains(where: { $0.lowercased() == lower }) { return "the workbook already has a sheet named \"\(name)\" (names ignore case)" }
        return nil
    }

    /// The workbook's format for a style, created on first use and shared by equal styles.
    public func style(_ style: CellStyle) throws -> XLSXStyle {
        if let s = styles[style] { return s }
        let wb = try openWorkbook()
        if let code = style.numberFormat {
            if code.utf8.count > 127 {
                throw SheetIOError(.write, "number format \"\(code.prefix(40))…\" is longer than the 127 bytes libxlsxwriter keeps", file: path)
            }
        }
        var spec = XlsxFormatSpec()
        spec.bold = style.bold
        spec.italic = style.italic
        spec.fontColor = style.fontColor
        spec.fontSize = style.fontSize
        spec.fillColor = style.fillColor
        spec.numberFormat = style.numberFormat
        spec.wrap = style.wrap
        spec.border = style.border.map {
            switch $0 {
            case .thin: return .thin
            case .medium: return .medium
            case .thick: return .thick
            case .dashed: return .dashed
            case .dotted: return .dotted
            case .double: return .double
            case .hair: return .hair
            }
        }
        spec.borderColor = style.borderColor
        spec.locked = style.locked
        spec.horizontalAlignment = style.horizontalAlignment.map {
            switch $0 { case .left: return .left; case .center: return .center; case .right: return .right }
        }
        spec.verticalAlignment = style.verticalAlignment.map {
            switch $0 { case .top: return .top; case .center: return .center; case .bottom: return .bottom }
        }
        let made: XlsxFormatNative
        do { made = try wb.addFormat(spec) } catch let e as XlsxWriterNativeError {
            throw SheetIOError(.write, "cannot create a cell format: \(e.message)", file: path)
        }
        let s = XLSXStyle(cellStyle: style, native: made, workbook: self)
        styles[style] = s
        return s
    }

    /// Number format codes used for `.date` values written without a number format of their own.
    static func dateFormatCode(_ kind: ExcelDate.Kind) -> String {
        switch kind {
        case .date: return "yyyy-mm-dd"
        case .time: return "hh:mm:ss"
        case .dateTime: return "yyyy-mm-dd hh:mm:ss"
        }
    }

    /// The style to write a date with: `base` if it has a number format, else `base` plus a date format.
    func dateStyle(for kind: ExcelDate.Kind, base: XLSXStyle?) throws -> XLSXStyle {
        if let base {
            if base.cellStyle.numberFormat != nil { return base }
            if let s = base.dateVariants[kind] { return s }
            var cs = base.cellStyle
            cs.numberFormat = Self.dateFormatCode(kind)
            let s = try style(cs)
            base.dateVariants[kind] = s
            return s
        }
        if let s = plainDateStyles[kind] { return s }
        let s = try style(CellStyle(numberFormat: Self.dateFormatCode(kind)))
        plainDateStyles[kind] = s
        return s
    }

    /// Writes the file (into place only on success) and frees the workbook. Call once.
    public func close() throws {
        let wb = try openWorkbook()
        native = nil
        var failure: SheetIOError?
        if !sheets.isEmpty && !sheets.contains(where: { $0.visibility == .visible }) {
            failure = SheetIOError(.write, "every sheet is hidden; a workbook needs at least one visible sheet", file: path)
        } else if let firstVisible = sheets.first(where: { $0.visibility == .visible }), sheets.contains(where: { $0.visibility != .visible }) {
            // libxlsxwriter would otherwise un-hide sheet 1 to make it the active sheet.
            wb.activate(sheetIndex: firstVisible.index)
        }
        if failure == nil {
            do { try wb.close() } catch let e as XlsxWriterNativeError {
                failure = SheetIOError(.write, "cannot write the workbook: \(e.message)", file: path)
            } catch {
                failure = SheetIOError(.write, "cannot write the workbook: \(error)", file: path)
            }
        }
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
        if copiesOut {
            defer { unlink(temporaryPath) }
            try Self.copyOut(temporaryPath, to: path)
        } else if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw SheetIOError(.write, "cannot move the workbook into place: \(reason)", file: path)
        }
    }

    private static func makeScratchFile(in directory: String?) throws -> String {
        let dir = directory ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((dir + "/invitesheet-xlsx-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw SheetIOError(.io, "cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))", file: "-")
        }
        closeDescriptor(fd)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private static func copyOut(_ file: String, to name: String) throws {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SheetIOError(.io, "cannot reopen the written workbook: \(String(cString: strerror(errno)))", file: name) }
        defer { closeDescriptor(fd) }
        let sink = name == "-" ? ByteSink.standardOutput() : try ByteSink(path: name)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw SheetIOError(.io, "cannot read the written workbook: \(String(cString: strerror(errno)))", file: name) }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { sink.write(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        try sink.commit()
    }
}

/// Writes one sheet. Rows are one-based (like `Row.number`), columns zero-based (like `Cell.column`).
///
/// In streaming mode rows must be written in ascending order (cells within a row in any order);
/// writing, formatting or adding a note to an earlier row throws. Column settings, validations and
/// freeze panes can be set at any time.
public final class XLSXSheetWriter {
    public let info: SheetInfo
    public var name: String { info.name }
    unowned let workbook: XLSXWorkbookWriter
    private let native: XlsxWorksheetNative
    private let streaming: Bool
    /// The highest one-based row touched so far; guards streaming order.
    private var currentRow = 0

    init(workbook: XLSXWorkbookWriter, native: XlsxWorksheetNative, info: SheetInfo) {
        self.workbook = workbook
        self.native = native
        self.info = info
        self.streaming = workbook.options.streaming
    }

    // MARK: Cells

    /// Writes a typed value: text as a string, numbers and booleans as such, dates as serial numbers
    /// with a date format (unless `style` has its own), Excel errors as an error formula, and
    /// `.empty` as a blank cell only when styled.
    public func write(row: Int, column: Int, value: CellValue, style: XLSXStyle? = nil) throws {
        try checkCell(row: row, column: column, style: style)
        let r = row - 1
        do {
            switch value {
            case .text(let s):
                try checkText(s, row: row, column: column)
                try native.writeString(row: r, column: column, XMLText.escapeForXstring(s), format: style?.native)
            case .number(let d):
                if d.isFinite {
                    try native.writeNumber(row: r, column: column, d, format: style?.native)
                } else {
                    try native.writeFormula(row: r, column: column, "#NUM!", stringResult: "#NUM!", format: style?.native)
                }
            case .boolean(let b):
                try native.writeBoolean(row: r, column: column, b, format: style?.native)
            case .date(let d):
                // libxlsxwriter writes 1900-system workbooks; 1904 serials are 1,462 days smaller.
                let serial = d.uses1904 ? d.serial + 1462 : d.serial
                let s = try workbook.dateStyle(for: d.kind, base: style)
                try native.writeNumber(row: r, column: column, serial, format: s.native)
            case .duration(let d):
                // An elapsed time keeps its days serial under an elapsed-time format.
                var cs = style?.cellStyle ?? CellStyle()
                if cs.numberFormat == nil { cs.numberFormat = "[h]:mm:ss" }
                let s = try workbook.style(cs)
                try native.writeNumber(row: r, column: column, d.days, format: s.native)
            case .error(let e):
                if ExcelErrorValue.formulaLiterals.contains(e) {
                    try native.writeFormula(row: r, column: column, e, stringResult: e, format: style?.native)
                } else {
                    try checkText(e, row: row, column: column)
                    try native.writeString(row: r, column: column, e, format: style?.native)
                }
            case .empty, .formulaWithoutResult:
                // A formula's text is not kept when its result is missing, so there is no value to write.
                if let style { try native.writeBlank(row: r, column: column, format: style.native) }
            }
        } catch let e as XlsxWriterNativeError {
            throw nativeFailure(e, row: row, column: column)
        }
    }

    /// Writes a formula (`=` optional) with the value Excel would show until it recalculates.
    public func write(row: Int, column: Int, formula: String, cachedValue: CellValue, style: XLSXStyle? = nil) throws {
        try checkCell(row: row, column: column, style: style)
        try checkText(formula, row: row, column: column)
        do {
            switch cachedValue {
            case .number(let d) where d.isFinite:
                try native.writeFormula(row: row - 1, column: column, formula, numberResult: d, format: style?.native)
            default:
                try native.writeFormula(row: row - 1, column: column, formula, stringResult: cachedValue.displayText, format: style?.native)
            }
        } catch let e as XlsxWriterNativeError {
            throw nativeFailure(e, row: row, column: column)
        }
    }

    /// Writes a string cell.
    public func write(row: Int, column: Int, text: String, style: XLSXStyle? = nil) throws {
        try write(row: row, column: column, value: .text(text), style: style)
    }

    /// Writes every cell of a row (and hides the row if `row.isHidden`), all with one style.
    public func write(_ row: Row, style: XLSXStyle? = nil) throws {
        if row.isHidden { try setRow(row.number, hidden: true) }
        for cell in row.cells { try write(row: row.number, column: cell.column, value: cell.value, style: style) }
    }

    // MARK: Layout

    /// Sets the width (in Excel character units) of columns `first...last`, with an optional default style.
    public func setColumn(_ first: Int, _ last: Int, width: Double, style: XLSXStyle? = nil, hidden: Bool = false) throws {
        try checkColumn(first, row: nil)
        try checkColumn(last, row: nil)
        guard first <= last else { throw SheetIOError(.write, "column range \(first)...\(last) is reversed", file: workbook.path, location: name) }
        guard width >= 0 && width <= 255 else {
            throw SheetIOError(.write, "column width \(width) is outside Excel's 0 to 255", file: workbook.path, location: name)
        }
        try checkOwner(style)
        do { try native.setColumns(first: first, last: last, width: width, format: style?.native, hidden: hidden) } catch let e as XlsxWriterNativeError {
            throw nativeFailure(e, row: nil, column: first)
        }
    }

    /// Sets a row's height in points (nil keeps the default), default style and visibility.
    public func setRow(_ row: Int, height: Double? = nil, style: XLSXStyle? = nil, hidden: Bool = false) throws {
        try checkCell(row: row, column: 0, style: style)
        if let height, !(height >= 0 && height <= 409) {
            throw SheetIOError(.write, "row height \(height) is outside Excel's 0 to 409 points", file: workbook.path, location: "\(name)!row \(row)")
        }
        do { try native.setRow(row - 1, height: height, format: style?.native, hidden: hidden) } catch let e as XlsxWriterNativeError {
            throw nativeFailure(e, row: row, column: nil)
        }
    }

    /// Hides a row.
    public func hideRow(_ row: Int) throws { try setRow(row, hidden: true) }

    /// Freezes the top `rows` rows and the left `columns` columns.
    public func freezePanes(rows: Int, columns: Int) throws {
        guard rows >= 0, rows < CellReference.maxRows, columns >= 0, columns < CellReference.maxColumns else {
            throw SheetIOError(.cellLimit, "cannot freeze \(rows) rows and \(columns) columns: outside Excel's grid", file: workbook.path, location: name)
        }
        native.freezePanes(row: rows, column: columns)
    }

    /// Filter buttons on row `headerRow` (one-based) over columns `firstColumn...lastColumn`
    /// (zero-based) and the rows down to `lastRow`, so a reader can sort and filter the table.
    public func autofilter(headerRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int) throws {
        guard headerRow >= 1, lastRow >= headerRow, lastRow <= CellReference.maxRows, firstColumn >= 0,
              lastColumn >= firstColumn, lastColumn < CellReference.maxColumns else {
            throw SheetIOError(.cellLimit, "cannot filter rows \(headerRow)–\(lastRow), columns \(firstColumn)–\(lastColumn): outside Excel's grid",
                               file: workbook.path, location: name)
        }
        try native.autofilter(firstRow: headerRow - 1, firstColumn: firstColumn, lastRow: lastRow - 1, lastColumn: lastColumn)
    }

    // MARK: Validation and notes

    /// A dropdown of literal values on `column` (zero-based) from `firstRow` to `lastRow`.
    ///
    /// Excel stores the list in one formula of at most 255 characters, separated by commas, so no
    /// value can contain a comma or a double quote; use a list range (`sourceFormula:`) for those.
    public func addListValidation(firstRow: Int, lastRow: Int, column: Int, values: [String],
                                  inputTitle: String? = nil, inputMessage: String? = nil,
                                  errorTitle: String? = nil, errorMessage: String? = nil,
                                  errorStyle: XLSXValidationErrorStyle = .stop) throws {
        let location = validationLocation(firstRow: firstRow, lastRow: lastRow, column: column)
        guard !values.isEmpty else { throw SheetIOError(.write, "a validation list needs at least one value", file: workbook.path, location: location) }
        if let bad = values.first(where: { $0.contains(",") || $0.contains("\"") }) {
            throw SheetIOError(.write, "validation value \"\(bad)\" contains a comma or a double quote, which an inline list cannot hold; put the values in a sheet and use a range", file: workbook.path, location: location)
        }
        let total = values.reduce(0) { $0 + $1.utf16.count } + values.count - 1
        guard total <= 255 else {
            throw SheetIOError(.write, "validation values take \(total) characters together; Excel allows 255 in an inline list, so put them in a sheet and use a range", file: workbook.path, location: location)
        }
        try addValidation(.values(values), firstRow: firstRow, lastRow: lastRow, column: column, inputTitle: inputTitle, inputMessage: inputMessage, errorTitle: errorTitle, errorMessage: errorMessage, errorStyle: errorStyle)
    }

    /// A dropdown whose values come from a range, such as `=Lists!$A$2:$A$40`.
    public func addListValidation(firstRow: Int, lastRow: Int, column: Int, sourceFormula: String,
                                  inputTitle: String? = nil, inputMessage: String? = nil,
                                  errorTitle: String? = nil, errorMessage: String? = nil,
                                  errorStyle: XLSXValidationErrorStyle = .stop) throws {
        let location = validationLocation(firstRow: firstRow, lastRow: lastRow, column: column)
        let body = sourceFormula.hasPrefix("=") ? String(sourceFormula.dropFirst()) : sourceFormula
        guard !body.isEmpty else { throw SheetIOError(.write, "a validation list needs a source range", file: workbook.path, location: location) }
        guard body.utf16.count <= 255 else {
            throw SheetIOError(.write, "validation source \"\(body.prefix(40))…\" is longer than Excel's 255 characters", file: workbook.path, location: location)
        }
        try addValidation(.formula(sourceFormula), firstRow: firstRow, lastRow: lastRow, column: column, inputTitle: inputTitle, inputMessage: inputMessage, errorTitle: errorTitle, errorMessage: errorMessage, errorStyle: errorStyle)
    }

    /// Adds a note (a cell comment) shown when the pointer rests on the cell.
    public func addNote(row: Int, column: Int, text: String, author: String? = nil, visible: Bool = false,
                        width: Int? = nil, height: Int? = nil) throws {
        try checkRowColumn(row: row, column: column)
        if streaming && row < currentRow {
            // libxlsxwriter places notes by the same flushed-row rule as cells.
            throw SheetIOError(.write, "a note on row \(row) comes after row \(currentRow) was written; in streaming mode add notes before moving past their row",
                               file: workbook.path, location: "\(name)!\(CellReference.a1(column: column, row: row))")
        }
        try checkText(text, row: row, column: column)
        do { try native.addComment(row: row - 1, column: column, text: text, author: author, visible: visible, width: width, height: height) } catch let e as XlsxWriterNativeError {
            throw nativeFailure(e, row: row, column: column)
        }
    }

    private func addValidation(_ source: XlsxListValidation.Source, firstRow: Int, lastRow: Int, column: Int,
                               inputTitle: String?, inputMessage: String?, errorTitle: String?, errorMessage: String?,
                               errorStyle: XLSXValidationErrorStyle) throws {
        let location = validationLocation(firstRow: firstRow, lastRow: lastRow, column: column)
        try checkRowColumn(row: firstRow, column: column)
        try checkRowColumn(row: lastRow, column: column)
        guard firstRow <= lastRow else { throw SheetIOError(.write, "validation rows \(firstRow)...\(lastRow) are reversed", file: workbook.path, location: location) }
        for (label, text, limit) in [("input title", inputTitle, 32), ("error title", errorTitle, 32), ("input message", inputMessage, 255), ("error message", errorMessage, 255)] {
            if let text, text.utf16.count > limit {
                throw SheetIOError(.write, "validation \(label) has \(text.utf16.count) characters; Excel allows at most \(limit)", file: workbook.path, location: location)
            }
        }
        var v = XlsxListValidation(source: source)
        v.inputTitle = inputTitle
        v.inputMessage = inputMessage
        v.errorTitle = errorTitle
        v.errorMessage = errorMessage
        switch errorStyle {
        case .stop: v.errorStyle = .stop
        case .warning: v.errorStyle = .warning
        case .information: v.errorStyle = .information
        }
        do { try native.addListValidation(firstRow: firstRow - 1, firstColumn: column, lastRow: lastRow - 1, lastColumn: column, v) } catch let e as XlsxWriterNativeError {
            throw SheetIOError(.write, "cannot add the validation: \(e.message)", file: workbook.path, location: location)
        }
    }

    // MARK: Checks

    private func validationLocation(firstRow: Int, lastRow: Int, column: Int) -> String {
        guard column >= 0 && column < CellReference.maxColumns && firstRow >= 1 && lastRow >= 1 else { return name }
        return name + "!" + CellRange(firstRow: firstRow, firstColumn: column, lastRow: lastRow, lastColumn: column).a1
    }

    @inline(__always)
    private func checkCell(row: Int, column: Int, style: XLSXStyle?) throws {
        try checkRowColumn(row: row, column: column)
        if streaming {
            if row < currentRow {
                throw SheetIOError(.write, "row \(row) comes after row \(currentRow); in streaming mode rows must be written in ascending order",
                                   file: workbook.path, location: "\(name)!\(CellReference.a1(column: column, row: row))")
            }
            currentRow = row
        }
        try checkOwner(style)
    }

    @inline(__always)
    private func checkOwner(_ style: XLSXStyle?) throws {
        if let style, style.workbook !== workbook {
            throw SheetIOError(.write, "the style was made by another workbook", file: workbook.path, location: name)
        }
    }

    @inline(__always)
    private func checkRowColumn(row: Int, column: Int) throws {
        guard row >= 1 && row <= CellReference.maxRows else {
            throw SheetIOError(.cellLimit, "row \(row) is outside Excel's rows 1 to 1,048,576; split the data across sheets or files",
                               file: workbook.path, location: name)
        }
        try checkColumn(column, row: row)
    }

    private func checkColumn(_ column: Int, row: Int?) throws {
        guard column >= 0 && column < CellReference.maxColumns else {
            throw SheetIOError(.cellLimit, "column \(column + 1) is beyond Excel's last column XFD (16,384)",
                               file: workbook.path, location: row.map { "\(name)!row \($0)" } ?? name)
        }
    }

    @inline(__always)
    private func checkText(_ text: String, row: Int, column: Int) throws {
        // UTF-16 units never outnumber UTF-8 bytes, so short strings need no counting.
        let bytes = text.utf8.count
        if bytes > CellReference.maxCellCharacters {
            let units = text.utf16.count
            if units > CellReference.maxCellCharacters {
                throw SheetIOError(.cellLimit, "cell text has \(units) characters; Excel allows at most 32,767",
                                   file: workbook.path, location: "\(name)!\(CellReference.a1(column: column, row: row))")
            }
        }
    }

    private func nativeFailure(_ e: XlsxWriterNativeError, row: Int?, column: Int?) -> SheetIOError {
        var location = name
        if let row, let column { location += "!" + CellReference.a1(column: column, row: row) } else if let row { location += "!row \(row)" }
        return SheetIOError(.write, "cannot write: \(e.message)", file: workbook.path, location: location)
    }
}

// The classes above have their own `close()`, which hides the C library's.
@inline(__always)
private func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}
