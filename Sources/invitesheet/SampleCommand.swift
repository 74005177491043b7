import ArgumentParser
import SheetIO
import UserList

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a realistic user list with known mistakes, for demos, tests and benchmarks.",
        discussion: """
        Rows are Singapore public officers and vendors (onshore and offshore) in the template's \
        columns. About --error-rate of them carry a deliberate mistake, cycling through every \
        row-level finding the validators report (bad usernames, non-government domains, \
        duplicates, Excel damage …). The same --seed always writes the same rows.

        The format follows the output's extension: .xlsx (default) or .csv/.tsv. On success, one \
        line per file written goes to standard error: \
        "Wrote users.xlsx: 1,000 rows (50 with a deliberate mistake)".

        Examples:
          invitesheet sample --rows 1000 -o users.xlsx
          invitesheet sample --rows 1000 -o users.xlsx --existing existing.csv
          invitesheet sample --rows 1048575 --error-rate 0.05 --seed 7 -o big.xlsx
        """
    )

    @Option(help: ArgumentHelp("Data rows to write (1 to 1,048,575: Excel's maximum below the header).", valueName: "N"))
    var rows: Int

    @Option(help: ArgumentHelp("Fraction of rows with a deliberate mistake, from 0 to 1.", valueName: "R"))
    var errorRate: Double = 0.05

    @Option(help: ArgumentHelp("Seed for the generator; the same seed writes the same file.", valueName: "S"))
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (.xlsx, .csv or .tsv).", valueName: "FILE"))
    var output: String

    @Option(help: ArgumentHelp("Also write the existing TechPass accounts the sample collides with, as CSV for validate --existing.", valueName: "FILE"))
    var existing: String?

    func validate() throws {
        guard (1...CellReference.maxRows - 1).contains(rows) else {
            throw ValidationError("--rows must be from 1 to 1048575 (Excel's last row is 1,048,576 and row 1 is the header); got \(rows).")
        }
        guard (0...1).contains(errorRate) else {
            throw ValidationError("--error-rate is a fraction from 0 to 1, e.g. --error-rate 0.05 for 5%; got \(errorRate).")
        }
        let ext = Spreadsheet.fileExtension(output)
        guard ["xlsx", "csv", "tsv"].contains(ext) else {
            throw ValidationError("-o must end in .xlsx, .csv or .tsv; got '\(output)'.")
        }
    }

    func run() throws {
        var writer = SampleFileWriter(generator: SampleGenerator(rows: rows, errorRate: errorRate, seed: seed))
        let progress = ProgressLine()
        writer.progress = { n in progress.update("writing \(formatCount(n)) of \(formatCount(rows, "row"))") }
        do {
            let mistakes = try writer.write(to: output)
            let accounts = try existing.map { try writer.writeExistingAccounts(to: $0) }
            progress.finish()
            Terminal.standardError("Wrote \(Terminal.printable(output)): \(formatCount(rows, "row")) (\(formatCount(mistakes)) with a deliberate mistake)\n")
            if let existing, let accounts {
                Terminal.standardError("Wrote \(Terminal.printable(existing)): \(formatCount(accounts, "existing account"))\n")
            }
        } catch let e as SheetIOError {
            progress.finish()
            report(e)
            throw Exit.unprocessable
        }
    }
}
