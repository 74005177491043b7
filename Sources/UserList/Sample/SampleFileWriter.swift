import SheetIO

/// Writes a `SampleGenerator`'s rows to a file as a user would upload it: XLSX in the template's
/// `Users` layout (shared strings, bold frozen header, contact numbers text-formatted, the
/// mistakes' formulas, dates and hidden rows kept), or CSV.
public struct SampleFileWriter {
    public let generator: SampleGenerator
    /// Called every few thousand rows with the number written so far.
    public var progress: ((Int) -> Void)?

    public init(generator: SampleGenerator) { self.generator = generator }

    /// Writes the sample; returns how many data rows carry a deliberate mistake.
    @discardableResult
    public func write(to path: String) throws -> Int {
        switch Spreadsheet.fileExtension(path) {
        case "csv": return try writeCSV(to: path, delimiter: UInt8(ascii: ","))
        case "tsv": return try writeCSV(to: path, delimiter: UInt8(ascii: "\t"))
        default: return try writeXLSX(to: path)
        }
    }

    private func writeXLSX(to path: String) throws -> Int {
        let workbook = try XLSXWorkbookWriter(path: path, options: XLSXWriteOptions(streaming: false))
        let sheet = try workbook.addSheet(name: "Users")
        let header = try workbook.style(CellStyle(bold: true, fillColor: 0xDDEBF7))
        let text = try workbook.style(.text)
        let columns = UserListSchema.current.columns
        for (i, column) in columns.enumerated() {
            try sheet.write(row: 1, column: i, text: column.header, style: header)
            try sheet.setColumn(i, i, width: column.width, style: column.isTextFormatted ? text : nil)
        }
        try sheet.freezePanes(rows: 1, columns: 0)
        var mistakes = 0
        for index in 0..<generator.rowCount {
            let sample = generator.sample(index)
            if sample.mistake != nil { mistakes += 1 }
            let row = sample.row
            if row.isHidden { try sheet.hideRow(row.number) }
            for cell in row.cells {
                let style = cell.format?.isText == true ? text : nil
                if cell.hasFormula {
                    try sheet.write(row: row.number, column: cell.column, formula: Self.formula(for: cell.value),
                                    cachedValue: cell.value, style: style)
                } else {
                    try sheet.write(row: row.number, column: cell.column, value: cell.value, style: style)
                }
            }
            if index & 0x3FFF == 0 { progress?(index) }
        }
        try workbook.close()
        return mistakes
    }

    private func writeCSV(to path: String, delimiter: UInt8) throws -> Int {
        let sink = try ByteSink(path: path)
        let writer = CSVWriter(sink: sink, delimiter: delimiter)
        writer.writeRow(UserListSchema.current.columns.map(\.header))
        var mistakes = 0
        for index in 0..<generator.rowCount {
            let sample = generator.sample(index)
            if sample.mistake != nil { mistakes += 1 }
            writer.writeRow(sample.row, width: UserListSchema.current.columns.count)
            if index & 0x3FFF == 0 { progress?(index) }
        }
        try sink.commit()
        return mistakes
    }

    /// The existing TechPass accounts the sample's duplicate-account mistakes collide with, as a
    /// CSV with `email` and `username` columns (the `--existing` file of `validate`). Returns the
    /// number of accounts written.
    @discardableResult
    public func writeExistingAccounts(to path: String) throws -> Int {
        let sink = try ByteSink(path: path)
        let writer = CSVWriter(sink: sink)
        writer.writeRow(["email", "username"])
        writer.writeRow(["someone.else@tech.gov.sg", ""])
        var accounts = 1
        for i in 0..<generator.rowCount {
            switch generator.mistake(at: i) {
            case .existingEmail?: writer.writeRow([SampleGenerator.existingEmail(i), ""])
            case .existingUsername?: writer.writeRow(["", SampleGenerator.existingUsername(i)])
            default: continue
            }
            accounts += 1
        }
        try sink.commit()
        return accounts
    }

    /// A formula that evaluates to the value: `=91234567` or `="text"`.
    static func formula(for value: CellValue) -> String {
        switch value {
        case .number(let d): return "=" + GeneralNumberFormatter.format(d)
        case .boolean(let b): return b ? "=TRUE()" : "=FALSE()"
        default:
            let escaped = value.displayText.replacingAll("\"", with: "\"\"")
            return "=\"" + escaped + "\""
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
