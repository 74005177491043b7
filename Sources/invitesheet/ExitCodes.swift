import ArgumentParser
import SheetIO

/// The exit codes of SPEC.md, in one place.
enum Exit {
    static let ok = ExitCode(0)
    static let rowsInvalid = ExitCode(1)
    static let unprocessable = ExitCode(2)
    static let internalError = ExitCode(3)
    static let usage = ExitCode(64)
}

/// Prints an error the way every command does: one line on stderr, `invitesheet: …`.
func report(_ error: SheetIOError) {
    Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description))\n")
}
