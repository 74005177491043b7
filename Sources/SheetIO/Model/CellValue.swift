/// A cell's typed value, as Excel shows it.
public enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// An Excel error such as `#N/A` or `#DIV/0!`.
    case error(String)
    /// A number whose number format is a date or time.
    case date(ExcelDate)
    /// A formula saved without its result (scripts such as openpyxl write these): the value Excel
    /// would show is unknown until the workbook is opened and saved in Excel. Never an empty cell.
    case formulaWithoutResult
    /// A number whose number format is an elapsed time (`[h]:mm:ss`).
    case duration(ExcelDuration)

    /// A stored number as its number format presents it: a date when the format is a date or
    /// time and the serial lies in Excel's date range (0 up to 9999-12-31), a duration when the
    /// format is an elapsed time, else the number itself (Excel shows `####` for a negative date).
    @inline(__always)
    public static func stored(_ number: Double, format: NumberFormat.Kind, uses1904: Bool) -> CellValue {
        switch format {
        case .general, .number, .text:
            return .number(number)
        case .date, .time, .dateTime:
            guard number >= 0, number < ExcelDate.maxSerial else { return .number(number) }
            let kind: ExcelDate.Kind = format == .time ? .time : format == .dateTime ? .dateTime : .date
            return .date(ExcelDate(serial: number, uses1904: uses1904, kind: kind))
        case .duration:
            guard abs(number) < 1e11 else { return .number(number) }  // beyond any clock; also ±inf
            return .duration(ExcelDuration(days: number))
        }
    }

    /// The value as text: numbers exactly (`GeneralNumberFormatter`), dates and durations in ISO 8601.
    public var displayText: String {
        switch self {
        case .empty: return ""
        case .text(let s): return s
        case .number(let d): return GeneralNumberFormatter.format(d)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .date(let d): return d.iso8601
        case .formulaWithoutResult: return ""
        case .duration(let d): return d.iso8601
        }
    }

    /// The JSON type name used by `convert --to json`.
    public var typeName: String {
        switch self {
        case .empty: return "empty"
        case .text: return "string"
        case .number: return "number"
        case .boolean: return "boolean"
        case .error: return "error"
        case .date: return "date"
        case .formulaWithoutResult: return "formula"
        case .duration: return "duration"
        }
    }

    /// True for an empty cell; false for a formula without a saved result, which holds something.
    public var isEmpty: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return s.isEmpty
        default: return false
        }
    }
}

/// Excel's error values, as cells show them.
public enum ExcelErrorValue {
    /// The errors a formula can hold as a constant (`=#N/A`): what the XLSX writer can store.
    public static let formulaLiterals: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]
    /// Every error a cell may show, including dynamic-array results (`#SPILL!`, `#CALC!`).
    public static let all: Set<String> = formulaLiterals.union(["#SPILL!", "#CALC!"])
}
