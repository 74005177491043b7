import SheetIO

/// Long numbers that Excel shows (and may have saved) in scientific notation, like `6.59123E+11`.
public struct ScientificNotationRule: FieldRule {
    public let name = "scientific-notation"
    public let title = "No long numbers in scientific notation"
    public var codes: [FindingCode] { [.excelScientificNotation] }
    public init() {}

    /// Excel's General format switches to scientific notation at 12 digits in a standard-width column.
    static let threshold = 1e11

    /// Contact numbers are `ContactNumberRule`'s, which gives one finding per cell.
    public func applies(to field: FieldKey) -> Bool { field != .contactNumber }

    public var onlyForCells: CellTraits { [.text, .number] }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        let traits = row.traits[field]
        if traits.contains(.text) {
            let text = row.original[field]
            guard Self.looksScientific(text) else { return }
            row.report(.excelScientificNotation, stage: stage, field: field,
                       message: "\"\(text)\" is a number in Excel's scientific notation; its real digits were lost before the file was saved.")
            return
        }
        guard traits.contains(.number), let cell = row.cells[field] else { return }
        switch cell.value {
        case .number(let v) where abs(v) >= Self.threshold:
            let format = cell.format ?? .general
            let scientificFormat = format.code.uppercased().contains("E+")
            guard format.kind == .general || scientificFormat else { return }
            row.report(.excelScientificNotation, stage: stage, field: field,
                       message: "This is stored as the number \(GeneralNumberFormatter.format(v)), which Excel shows as \(Self.scientific(v)); numbers keep only 15 digits.")
        default:
            return
        }
    }

    /// Excel's narrow-column General form: six significant digits, `6.59123E+11`.
    static func scientific(_ v: Double) -> String {
        var exponent = 0
        var m = abs(v)
        while m >= 10 { m /= 10; exponent += 1 }
        var mantissa = String(Int64((m * 100_000).rounded()))
        if mantissa.count > 6 { mantissa = String(mantissa.prefix(6)); exponent += 1 }
        var text = String(mantissa.prefix(1))
        var rest = String(mantissa.dropFirst())
        while rest.hasSuffix("0") { rest.removeLast() }
        if !rest.isEmpty { text += "." + rest }
        return (v < 0 ? "-" : "") + text + "E+" + (exponent < 10 ? "0" : "") + String(exponent)
    }

    /// `6.59123E+11`, `1E+12`, `9.1e+07` (trimmed).
    static func looksScientific(_ text: String) -> Bool {
        // Cheap rejection: short, and has an E.
        guard let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }),
              (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-"),
              text.utf8.count <= 40, text.utf8.contains(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else { return false }
        let s = Array(TextScan.trimmed(text).unicodeScalars)
        var i = 0
        func digits() -> Int { let start = i; while i < s.count, TextScan.isASCIIDigit(s[i]) { i += 1 }; return i - start }
        if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
        guard digits() >= 1 else { return false }
        if i < s.count, s[i] == "." { i += 1; guard digits() >= 1 else { return false } }
        guard i < s.count, s[i] == "E" || s[i] == "e" else { return false }
        i += 1
        if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
        guard digits() >= 1 else { return false }
        return i == s.count
    }
}
