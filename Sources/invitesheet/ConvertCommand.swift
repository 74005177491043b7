import ArgumentParser
import SheetIO

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a spreadsheet between XLSX, CSV, TSV, JSON and JSON Lines.",
        discussion: """
        The output format comes from --to, or else from the output file's extension. \
        Without -o, output goes to standard output (XLSX needs a file).

        --to json writes typed cells, so a program can check exactly what was read:
          {"sheets":[{"name":"Users","visibility":"visible","rows":[{"row":2,"cells":
            [{"ref":"F2","type":"number","value":91234567}]}]}]}
        Types: string, number, boolean, date (ISO 8601), duration (ISO 8601, PT90S), error, \
        and formula (a formula saved without its result; value null). Empty cells are left out.

        CSV keeps row numbers: line N is spreadsheet row N. Numbers are written exactly as \
        stored, in the shortest form (91234567, 0.3333333333333333, 1.234567890123457E+18); \
        a date is written as 2024-01-31, 2024-01-31T13:45:00 or 13:45:00 as its value \
        needs. docs/values.md has the details. CSV has no byte-order mark, for pipelines; \
        --excel-csv adds one (EF BB BF), so Excel shows accented names right (not SiobhÃ¡n).

        On success, one line per file written goes to standard error: \
        "Wrote users.csv: 1,234 rows from sheet Users".

        Examples:
          invitesheet convert users.xlsx -o users.csv
          invitesheet convert users.xlsx -o for-excel.csv --excel-csv
          invitesheet convert users.xlsx --to json --sheet Users
          invitesheet convert users.csv -o users.xlsx
          invitesheet convert book.xlsx --all-sheets --to csv -o book-csv/
        """
    )

    @Argument(help: ArgumentHelp("The spreadsheet to read (.xlsx, .xlsm, .csv, .tsv).", valueName: "IN"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write; - for standard output. With --all-sheets and CSV/TSV, a folder.", valueName: "OUT"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Output format: \(ConversionFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var to: ConversionFormat?

    @Option(help: ArgumentHelp("The sheet to convert, by name or 1-based number (default: the first visible sheet).", valueName: "NAME|N"))
    var sheet: String?

    @Flag(help: "Convert every worksheet, hidden ones included (chart sheets hold no cells and are skipped).")
    var allSheets = false

    @Flag(help: "In CSV/TSV output, prefix ' to cells starting with = + - @ tab or CR, so a spreadsheet will not run them as formulas.")
    var neutraliseFormulas = false

    @Flag(help: "CSV/TSV for Excel: start the file with a UTF-8 byte-order mark, so Excel reads accented letters right.")
    var excelCsv = false

    @OptionGroup var inputOptions: InputOptions

    func validate() throws {
        if sheet != nil && allSheets {
            throw ValidationError("Use either --sheet or --all-sheets, not both.")
        }
        if excelCsv, let format = to ?? ConversionFormat(fileName: output), format != .csv && format != .tsv {
            throw ValidationError("--excel-csv is for CSV or TSV output; drop it, or write a .csv file (--to csv).")
        }
        if to == nil && output != "-" && ConversionFormat(fileName: output) == nil && !allSheets {
            throw ValidationError("Cannot tell the format from '\(output)'. Add --to csv|tsv|json|jsonl|xlsx or use one of those extensions.")
        }
    }

    func run() throws {
        let format = to ?? ConversionFormat(fileName: output) ?? .csv
        if format == .xlsx && output == "-" {
            throw ValidationError("XLSX cannot go to standard output. Name the file: -o out.xlsx")
        }
        let source = try inputOptions.open(input)
        for w in source.warnings { Terminal.standardError("invitesheet: warning: \(Terminal.printable(w))\n") }
        let indices: [Int]
        if allSheets {
            indices = source.worksheetIndices
        } else if let sheet {
            guard let i = source.sheetIndex(named: sheet) else {
                let names = source.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw ValidationError("No sheet '\(sheet)' in \(input). Sheets: \(names).")
            }
            indices = [i]
        } else {
            guard let i = source.firstVisibleSheetIndex else {
                report(SheetIOError(.sheetNotFound, "the workbook has no sheets", file: input))
                throw Exit.unprocessable
            }
            indices = [i]
        }
        var converter = SheetConverter(format: format)
        converter.neutraliseFormulas = neutraliseFormulas
        converter.byteOrderMark = excelCsv
        let progress = ProgressLine()
        converter.progress = { sheet, rows in progress.update("converting \(Terminal.printable(sheet)): \(formatCount(rows, "row"))") }
        converter.warn = { line in progress.finish(); Terminal.standardError("invitesheet: warning: \(Terminal.printable(line))\n") }
        do {
            let files = try converter.convert(source, sheets: indices, to: output)
            progress.finish()
            for file in files { Terminal.standardError(Self.summary(of: file) + "\n") }
        } catch let e as SheetIOError {
            progress.finish()
            report(e)
            throw Exit.unprocessable
        }
    }

    /// "Wrote users.csv: 1,234 rows from sheet Users", or "Wrote 3 rows from sheet Users to standard output".
    static func summary(of file: ConvertedFile) -> String {
        let sheets = file.sheets.map(Terminal.printable).joined(separator: ", ")
        let from = "\(formatCount(file.rows, "row")) from \(file.sheets.count == 1 ? "sheet" : "sheets") \(sheets)"
        return file.path == "-" ? "Wrote \(from) to standard output" : "Wrote \(Terminal.printable(file.path)): \(from)"
    }
}

extension ConversionFormat: ExpressibleByArgument {}
