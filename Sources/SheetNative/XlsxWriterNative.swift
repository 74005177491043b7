internal import CXlsxWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A thin, typed wrapper over libxlsxwriter (1.1.4). Every C call of the writer lives in this file;
// no C type or pointer appears in a public signature. Rows and columns here are zero-based, as in
// libxlsxwriter; Excel's limits and friendlier messages are SheetIO's job.

/// A libxlsxwriter call that failed, with the library's own message (`lxw_strerror`).
public struct XlsxWriterNativeError: Error, Equatable, CustomStringConvertible {
    /// The `lxw_error` code, or -1 when the library returned no object at all.
    public var code: Int
    /// The library's message for `code`.
    public var message: String
    /// The C function that failed, such as `worksheet_write_string`.
    public var operation: String

    public init(code: Int, message: String, operation: String) {
        self.code = code
        self.message = message
        self.operation = operation
    }

    public var description: String { "\(operation): \(message)" }

    /// True when the library rejected a parameter (a string too long, a name already used, …).
    public var isParameterError: Bool { code > Int(LXW_ERROR_NULL_PARAMETER_IGNORED.rawValue) }
}

@inline(__always)
private func check(_ err: lxw_error, _ operation: StaticString) throws {
    if err != LXW_NO_ERROR {
        throw XlsxWriterNativeError(code: Int(err.rawValue), message: String(cString: lxw_strerror(err)), operation: "\(operation)")
    }
}

/// What a cell format looks like, in plain Swift values; colours are `0xRRGGBB`.
public struct XlsxFormatSpec: Hashable {
    public enum HorizontalAlignment: Hashable { case left, center, right }
    public enum VerticalAlignment: Hashable { case top, center, bottom }
    public enum Border: Hashable { case thin, medium, thick, dashed, dotted, double, hair }

    public var bold = false
    public var italic = false
    public var fontColor: UInt32?
    public var fontSize: Double?
    public var fillColor: UInt32?
    /// A format code (`@`, `0.00`, `yyyy-mm-dd`); nil for General.
    public var numberFormat: String?
    public var wrap = false
    public var border: Border?
    public var borderColor: UInt32?
    /// False unlocks the cell (meaningful on protected sheets only).
    public var locked = true
    public var horizontalAlignment: HorizontalAlignment?
    public var verticalAlignment: VerticalAlignment?

    public init() {}
}

/// A libxlsxwriter workbook being written. Sheets and formats belong to it and die with it.
public final class XlsxWorkbookNative {
    fileprivate var handle: UnsafeMutablePointer<lxw_workbook>?
    private var sheets: [XlsxWorksheetNative] = []

    /// Starts a workbook that `close()` will write to `path`.
    ///
    /// `constantMemory` flushes each row as soon as a later row is written (rows must then arrive in
    /// ascending order, and strings are stored inline rather than shared); `temporaryDirectory` is
    /// where libxlsxwriter keeps its row files meanwhile.
    public init(path: String, constantMemory: Bool, temporaryDirectory: String? = nil) throws {
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        options.use_zip64 = 1  // a million-row sheet can pass 4 GB of XML before compression
        // libxlsxwriter copies tmpdir; our copy only has to live through the call.
        let tmp = temporaryDirectory.map { strdup($0) } ?? nil
        defer { free(tmp) }
        options.tmpdir = tmp
        handle = path.withCString { workbook_new_opt($0, &options) }
        if handle == nil {
            throw XlsxWriterNativeError(code: -1, message: "could not start the workbook (out of memory or no temporary file)", operation: "workbook_new_opt")
        }
    }

    deinit {
        // Never closed: free everything without writing a file.
        if let handle { lxw_workbook_free(handle) }
    }

    /// True until `close()` has been called.
    public var isOpen: Bool { handle != nil }

    private func open(_ operation: StaticString) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XlsxWriterNativeError(code: -1, message: "the workbook is already closed", operation: "\(operation)")
        }
        return handle
    }

    /// Sets document properties; `created` is seconds since 1970 (0 means now).
    public func setProperties(title: String?, author: String?, company: String?, created: Int) throws {
        let wb = try open("workbook_set_properties")
        var props = lxw_doc_properties()
        // workbook_set_properties copies every string.
        let t = title.map { strdup($0) } ?? nil, a = author.map { strdup($0) } ?? nil, c = company.map { strdup($0) } ?? nil
        defer { free(t); free(a); free(c) }
        props.title = t
        props.author = a
        props.company = c
        props.created = time_t(created)
        try check(workbook_set_properties(wb, &props), "workbook_set_properties")
    }

    /// Nil when the name is acceptable, else the library's reason.
    public func validateSheetName(_ name: String) -> XlsxWriterNativeError? {
        guard let wb = handle else { return XlsxWriterNativeError(code: -1, message: "the workbook is already closed", operation: "workbook_validate_sheet_name") }
        let err = name.withCString { workbook_validate_sheet_name(wb, $0) }
        if err == LXW_NO_ERROR { return nil }
        return XlsxWriterNativeError(code: Int(err.rawValue), message: String(cString: lxw_strerror(err)), operation: "workbook_validate_sheet_name")
    }

    /// Adds a worksheet at the end of the tab order.
    public func addWorksheet(name: String) throws -> XlsxWorksheetNative {
        let wb = try open("workbook_add_worksheet")
        if let problem = validateSheetName(name) { throw problem }
        guard let ws = name.withCString({ workbook_add_worksheet(wb, $0) }) else {
            throw XlsxWriterNativeError(code: -1, message: "could not add the worksheet (out of memory or no temporary file)", operation: "workbook_add_worksheet")
        }
        let sheet = XlsxWorksheetNative(workbook: self, handle: ws, index: sheets.count)
        sheets.append(sheet)
        return sheet
    }

    /// Creates a cell format; formats are owned by the workbook, so cache and reuse them.
    public func addFormat(_ spec: XlsxFormatSpec) throws -> XlsxFormatNative {
        let wb = try open("workbook_add_format")
        guard let f = workbook_add_format(wb) else {
            throw XlsxWriterNativeError(code: -1, message: "out of memory", operation: "workbook_add_format")
        }
        if spec.bold { format_set_bold(f) }
        if spec.italic { format_set_italic(f) }
        if let c = spec.fontColor { format_set_font_color(f, Self.color(c)) }
        if let s = spec.fontSize { format_set_font_size(f, s) }
        if let c = spec.fillColor {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, Self.color(c))
        }
        if let code = spec.numberFormat, code != "General" {
            // `@` is built-in format 49; naming it by index avoids a needless custom numFmt.
            if code == "@" { format_set_num_format_index(f, 49) } else { code.withCString { format_set_num_format(f, $0) } }
        }
        if spec.wrap { format_set_text_wrap(f) }
        if let b = spec.border {
            format_set_border(f, Self.border(b))
            if let c = spec.borderColor { format_set_border_color(f, Self.color(c)) }
        }
        if !spec.locked { format_set_unlocked(f) }
        switch spec.horizontalAlignment {
        case .left?: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center?: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right?: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        case nil: break
        }
        switch spec.verticalAlignment {
        case .top?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        case .center?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .bottom?: format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
        case nil: break
        }
        return XlsxFormatNative(workbook: self, handle: f)
    }

    /// Makes a sheet the one Excel shows on opening, and the first tab scrolled to.
    public func activate(sheetIndex: Int) {
        guard handle != nil, sheets.indices.contains(sheetIndex) else { return }
        let ws = sheets[sheetIndex].handle
        worksheet_activate(ws)
        if sheetIndex > 0 { worksheet_set_first_sheet(ws) }
    }

    /// Writes the file and frees the workbook, whether writing succeeded or not.
    public func close() throws {
        let wb = try open("workbook_close")
        handle = nil  // workbook_close frees the workbook even when it fails
        try check(workbook_close(wb), "workbook_close")
    }

    // 0x000000 is libxlsxwriter's "unset"; black has its own marker value.
    private static func color(_ rgb: UInt32) -> lxw_color_t {
        let c = rgb & 0xFF_FFFF
        return c == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(c)
    }

    private static func border(_ b: XlsxFormatSpec.Border) -> UInt8 {
        let v: lxw_format_borders
        switch b {
        case .thin: v = LXW_BORDER_THIN
        case .medium: v = LXW_BORDER_MEDIUM
        case .thick: v = LXW_BORDER_THICK
        case .dashed: v = LXW_BORDER_DASHED
        case .dotted: v = LXW_BORDER_DOTTED
        case .double: v = LXW_BORDER_DOUBLE
        case .hair: v = LXW_BORDER_HAIR
        }
        return UInt8(v.rawValue)
    }
}

/// A cell format owned by a workbook.
public final class XlsxFormatNative {
    // Weak, for identity only: a format must never reach a worksheet of another workbook.
    fileprivate weak var owner: XlsxWorkbookNative?
    fileprivate let handle: UnsafeMutablePointer<lxw_format>

    fileprivate init(workbook: XlsxWorkbookNative, handle: UnsafeMutablePointer<lxw_format>) {
        self.owner = workbook
        self.handle = handle
    }
}

/// How a data validation reacts to a value outside its list.
public enum XlsxValidationErrorStyle { case stop, warning, information }

/// A list data validation (a dropdown), inline or from a range.
public struct XlsxListValidation {
    public enum Source { case values([String]), formula(String) }
    public var source: Source
    public var ignoreBlank = true
    public var showDropdown = true
    public var inputTitle: String?
    public var inputMessage: String?
    public var errorTitle: String?
    public var errorMessage: String?
    public var errorStyle: XlsxValidationErrorStyle = .stop

    public init(source: Source) { self.source = source }
}

/// A worksheet of an open workbook. Zero-based rows and columns.
public final class XlsxWorksheetNative {
    fileprivate let workbook: XlsxWorkbookNative
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
    /// Zero-based position in the tab order.
    public let index: Int

    fileprivate init(workbook: XlsxWorkbookNative, handle: UnsafeMutablePointer<lxw_worksheet>, index: Int) {
        self.workbook = workbook
        self.handle = handle
        self.index = index
    }

    @inline(__always)
    private func live(_ operation: StaticString) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard workbook.handle != nil else {
            throw XlsxWriterNativeError(code: -1, message: "the workbook is already closed", operation: "\(operation)")
        }
        return handle
    }

    @inline(__always)
    private func fmt(_ format: XlsxFormatNative?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.owner === workbook else {
            throw XlsxWriterNativeError(code: -1, message: "the format belongs to another workbook", operation: "format")
        }
        return format.handle
    }

    /// A string cell (shared string, or inline in constant-memory mode).
    public func writeString(row: Int, column: Int, _ text: String, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_string")
        let f = try fmt(format)
        try check(text.withCString { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(column), $0, f) }, "worksheet_write_string")
    }

    /// A number cell.
    public func writeNumber(row: Int, column: Int, _ value: Double, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_number")
        try check(worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(column), value, try fmt(format)), "worksheet_write_number")
    }

    /// A TRUE/FALSE cell.
    public func writeBoolean(row: Int, column: Int, _ value: Bool, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_boolean")
        try check(worksheet_write_boolean(ws, lxw_row_t(row), lxw_col_t(column), value ? 1 : 0, try fmt(format)), "worksheet_write_boolean")
    }

    /// A formatted empty cell (libxlsxwriter ignores a blank with no format).
    public func writeBlank(row: Int, column: Int, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_blank")
        try check(worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(column), try fmt(format)), "worksheet_write_blank")
    }

    /// A formula with a cached string result (used for error literals such as `#N/A`).
    public func writeFormula(row: Int, column: Int, _ formula: String, stringResult: String, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_formula_str")
        let f = try fmt(format)
        let err = formula.withCString { fp in
            stringResult.withCString { rp in worksheet_write_formula_str(ws, lxw_row_t(row), lxw_col_t(column), fp, f, rp) }
        }
        try check(err, "worksheet_write_formula_str")
    }

    /// A formula with a cached numeric result.
    public func writeFormula(row: Int, column: Int, _ formula: String, numberResult: Double, format: XlsxFormatNative?) throws {
        let ws = try live("worksheet_write_formula_num")
        let f = try fmt(format)
        let err = formula.withCString { fp in worksheet_write_formula_num(ws, lxw_row_t(row), lxw_col_t(column), fp, f, numberResult) }
        try check(err, "worksheet_write_formula_num")
    }

    /// Width in Excel character units for columns `first...last`.
    public func setColumns(first: Int, last: Int, width: Double, format: XlsxFormatNative?, hidden: Bool) throws {
        let ws = try live("worksheet_set_column_opt")
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_column_opt(ws, lxw_col_t(first), lxw_col_t(last), width, try fmt(format), &options), "worksheet_set_column_opt")
    }

    /// Height in points (nil keeps the default 15), row format and visibility.
    public func setRow(_ row: Int, height: Double?, format: XlsxFormatNative?, hidden: Bool) throws {
        let ws = try live("worksheet_set_row_opt")
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_row_opt(ws, lxw_row_t(row), height ?? LXW_DEF_ROW_HEIGHT, try fmt(format), &options), "worksheet_set_row_opt")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    public func freezePanes(row: Int, column: Int) {
        guard workbook.handle != nil else { return }
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(column))
    }

    /// Adds filter buttons to the header of a zero-based rectangular range.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let ws = try live("worksheet_autofilter")
        try check(worksheet_autofilter(ws, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)), "worksheet_autofilter")
    }

    /// Hides the sheet (libxlsxwriter 1.1.4 has no "very hidden").
    public func hide() {
        guard workbook.handle != nil else { return }
        worksheet_hide(handle)
    }

    /// A list validation (dropdown) over a rectangular range.
    public func addListValidation(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, _ validation: XlsxListValidation) throws {
        let ws = try live("worksheet_data_validation_range")
        var dv = lxw_data_validation()
        dv.ignore_blank = UInt8((validation.ignoreBlank ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF).rawValue)
        dv.dropdown = UInt8((validation.showDropdown ? LXW_VALIDATION_ON : LXW_VALIDATION_OFF).rawValue)
        switch validation.errorStyle {
        case .stop: dv.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
        case .warning: dv.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_WARNING.rawValue)
        case .information: dv.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_INFORMATION.rawValue)
        }
        // Every string is copied by worksheet_data_validation_range; ours are freed on return.
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { for p in owned { free(p) } }
        func dup(_ s: String?) -> UnsafeMutablePointer<CChar>? {
            guard let s else { return nil }
            let p = strdup(s)
            owned.append(p)
            return p
        }
        dv.input_title = dup(validation.inputTitle)
        dv.input_message = dup(validation.inputMessage)
        dv.error_title = dup(validation.errorTitle)
        dv.error_message = dup(validation.errorMessage)
        if validation.inputTitle != nil || validation.inputMessage != nil { dv.show_input = UInt8(LXW_VALIDATION_ON.rawValue) }

        let r0 = lxw_row_t(firstRow), c0 = lxw_col_t(firstColumn), r1 = lxw_row_t(lastRow), c1 = lxw_col_t(lastColumn)
        switch validation.source {
        case .formula(let formula):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
            dv.value_formula = dup(formula)
            try check(worksheet_data_validation_range(ws, r0, c0, r1, c1, &dv), "worksheet_data_validation_range")
        case .values(let values):
            dv.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            var list: [UnsafeMutablePointer<CChar>?] = values.map { dup($0) }
            list.append(nil)  // value_list is NULL-terminated
            let err = list.withUnsafeMutableBufferPointer { buf -> lxw_error in
                dv.value_list = buf.baseAddress
                return worksheet_data_validation_range(ws, r0, c0, r1, c1, &dv)
            }
            try check(err, "worksheet_data_validation_range")
        }
    }

    /// A cell note (comment). `width`/`height` in pixels; nil keeps Excel's default box.
    public func addComment(row: Int, column: Int, text: String, author: String?, visible: Bool, width: Int?, height: Int?) throws {
        let ws = try live("worksheet_write_comment_opt")
        var options = lxw_comment_options()
        options.visible = UInt8((visible ? LXW_COMMENT_DISPLAY_VISIBLE : LXW_COMMENT_DISPLAY_DEFAULT).rawValue)
        if let width { options.width = UInt16(clamping: width) }
        if let height { options.height = UInt16(clamping: height) }
        let a = author.map { strdup($0) } ?? nil  // copied by libxlsxwriter
        defer { free(a) }
        options.author = a
        try check(text.withCString { worksheet_write_comment_opt(ws, lxw_row_t(row), lxw_col_t(column), $0, &options) }, "worksheet_write_comment_opt")
    }
}
