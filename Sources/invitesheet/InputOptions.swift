import ArgumentParser
import SheetIO

/// Options shared by every command that reads spreadsheets.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse input files larger than this many MiB.", valueName: "MiB"))
    var maxFileMiB: Int = ReadLimits.default.maxFileBytes >> 20

    func validate() throws {
        guard maxFileMiB > 0 else { throw ValidationError("--max-file-size must be a positive number of MiB, e.g. --max-file-size 100") }
    }

    var limits: ReadLimits {
        var l = ReadLimits.default
        l.maxFileBytes = maxFileMiB << 20
        return l
    }

    /// Opens a file, printing a clear error and exiting 2 when it cannot be read.
    func open(_ path: String) throws -> SheetSource {
        do {
            return try Spreadsheet.open(path: path, limits: limits)
        } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
    }
}
