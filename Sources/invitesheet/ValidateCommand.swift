import ArgumentParser
import Reports
import SheetIO
import UserList
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check filled-in user lists and say exactly which rows need fixing.",
        discussion: """
        Every row goes through every check, so one run shows every problem: findings are grouped \
        by the row number you see in Excel, with the column, the value, what is wrong and what to do.

        Errors come first, then warnings; automatic clean-ups (a phone number written as \
        +6591234567, y → Yes, trimmed spaces) are summarised in one line per kind with a count and \
        an example. --errors-only shows errors alone; --quiet prints one line per file.

        With --out DIR, writes report.json, errors.csv (every error and warning), changes.csv \
        (every clean-up, cell by cell), corrections.xlsx (the rows to fix, ready to fix and upload \
        again), accepted.csv and accepted.jsonl (the valid rows, normalised). With several files, \
        each file's outputs go to DIR/<file name without extension>/.

        --format json prints report.json to standard output instead of the summary (one line per \
        file). Finding codes are listed in docs/finding-codes.md (or: --list-codes).

        For CI (docs/ci.md), standard output can instead be: --format github, GitHub Actions \
        annotations (one per invalid row, the spreadsheet row as the line, errors first; one notice \
        per kind of change) and a summary line per file, plus a table of every invalid row in the \
        step summary when GITHUB_STEP_SUMMARY is set; --format junit, JUnit XML with a test suite \
        per file and a test case per invalid row (redirect it: > junit.xml); --format sarif, one \
        SARIF 2.1.0 log for code scanning. The exit codes are the same whatever the format.

        Exit codes (the worst over all files): 0 every row valid; 1 some rows invalid (the valid \
        ones were still accepted), or any warning with --strict; 2 a file could not be processed \
        (unreadable, wrong header …) or its results could not be written; 3 internal error (quote \
        the trace id); 64 usage error, including a --policy or --existing file that cannot be used.

        Examples:
          invitesheet validate users.xlsx
          invitesheet validate users.xlsx --out results/ --existing accounts.csv
          invitesheet validate users.xlsx --policy policy.json --strict
          invitesheet validate lists/*.xlsx --format json --max-findings 100
          invitesheet validate user-lists/*.xlsx --format github
        """
    )

    @Argument(help: ArgumentHelp("The user lists to check (.xlsx or .csv).", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Write report.json, errors.csv, changes.csv, corrections.xlsx, accepted.csv and accepted.jsonl into this folder.", valueName: "DIR"))
    var out: String?

    @OptionGroup var rules: RulesOptions

    @Option(help: ArgumentHelp("What to print: text (a summary for people), json (report.json), or for CI github (annotations), junit (JUnit XML) or sarif (SARIF 2.1.0).", valueName: "text|json|github|junit|sarif"))
    var format: SummaryFormat = .text

    @Flag(help: "Warnings count as failures (exit 1).")
    var strict = false

    @Option(help: ArgumentHelp("List at most N errors and warnings (errors first) in the summary, report.json, errors.csv and the CI formats; counts stay exact.", valueName: "N"))
    var maxFindings: Int?

    @Option(help: ArgumentHelp("Print at most N errors and warnings (errors first) in the terminal summary (the files under --out keep them all).", valueName: "N"))
    var showFindings: Int = 200

    @Flag(help: "Print only the one-line result of each file (--format text).")
    var quiet = false

    @Flag(help: "Show only errors in the terminal summary: no warnings, no change lines; the counts still include them (--format text).")
    var errorsOnly = false

    @Option(help: ArgumentHelp("The sheet to check, by name or 1-based number (default: Users, or the sheet with the user-list header).", valueName: "NAME|N"))
    var sheet: String?

    @Flag(help: "Print the table of every finding code (Markdown, as docs/finding-codes.md) and exit.")
    var listCodes = false

    enum SummaryFormat: String, CaseIterable, ExpressibleByArgument {
        case text, json, github, junit, sarif

        /// The CI formats, written by `CIOutput` over the whole run rather than file by file.
        var isForCI: Bool { self == .github || self == .junit || self == .sarif }
    }

    func validate() throws {
        if listCodes { return }
        guard !files.isEmpty else {
            throw ValidationError("Name at least one file to check, e.g. invitesheet validate users.xlsx")
        }
        if showFindings < 0 {
            throw ValidationError("--show-findings must be 0 or more, e.g. --show-findings 50; got \(showFindings).")
        }
        if let maxFindings, maxFindings < 0 {
            throw ValidationError("--max-findings must be 0 or more, e.g. --max-findings 100; got \(maxFindings).")
        }
        if (quiet || errorsOnly) && format != .text {
            throw ValidationError("\(quiet ? "--quiet" : "--errors-only") changes the text summary; leave it out with --format \(format.rawValue).")
        }
        if let sheet, sheet.isEmpty {
            throw ValidationError("--sheet needs a sheet name or number, e.g. --sheet Users or --sheet 1.")
        }
    }

    func run() throws {
        do {
            try runChecked()
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.standardError("invitesheet: internal error: \(Terminal.printable(String(describing: error))) (trace id \(TraceID.make()))\n")
            throw Exit.internalError
        }
    }

    private func runChecked() throws {
        if listCodes {
            let sink = ByteSink.standardOutput()
            sink.write(FindingCodeTableWriter().markdown())
            try sink.commit()
            return
        }
        let (policy, existing) = try rules.load()
        let folders = OutputFolders.assign(files: files, out: out)
        let collector = CIOutput(format: format, stepSummary: env("GITHUB_STEP_SUMMARY").flatMap { $0.isEmpty ? nil : $0 })
        var codes: [Int32] = []
        for (index, file) in files.enumerated() {
            if index > 0 && format == .text && !quiet { writeStandardOutput("\n") }
            let job = ValidationJob(inputPath: file, displayName: file, outputDirectory: folders[index], policy: policy,
                                    existing: existing, strict: strict, maxFindings: maxFindings, sheet: sheet)
            codes.append(validate(job, collector))
        }
        try collector.finish()
        let worst = ExitStatus.worst(codes)
        if worst != ExitStatus.ok { throw ExitCode(worst) }
    }

    /// Validates one file, printing its summary; returns its exit code.
    private func validate(_ job: ValidationJob, _ collector: CIOutput) -> Int32 {
        let progress = quiet ? ProgressLine(enabled: false) : ProgressLine()
        var rows = 0
        let name = Terminal.printable(job.displayName)
        let started = ContinuousClock.now
        do {
            let result = try ValidationRunner().run(job, onRow: { _ in
                rows += 1
                progress.update("validating \(name): \(formatCount(rows)) rows")
            }, present: { report in
                progress.finish()
                if format.isForCI {
                    try collector.add(report, seconds: seconds(since: started))
                } else {
                    try print(report)
                }
            })
            if format != .text, result.exitCode == ExitStatus.unprocessable {
                let reason = result.summary.structureFindings.first { $0.severity == .error }?.message ?? "see the report"
                Terminal.standardError("invitesheet: error: \(name) could not be processed: \(Terminal.printable(reason)) (trace id \(result.traceID))\n")
            }
            if format == .text, !quiet, !result.outputs.isEmpty {
                writeStandardOutput("Wrote: \(result.outputs.map(Terminal.printable).joined(separator: ", "))\n")
            }
            return result.exitCode
        } catch let error as ValidationRunError {
            progress.finish()
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description))\n")
            collector.addRunFailure(file: job.displayName, message: error.description, seconds: seconds(since: started))
            return error.exitCode
        } catch {
            progress.finish()
            let traceID = TraceID.make()
            Terminal.standardError("invitesheet: internal error: \(name): \(Terminal.printable(String(describing: error))) (trace id \(traceID))\n")
            collector.addRunFailure(file: job.displayName, message: "internal error: \(String(describing: error)) (trace id \(traceID))",
                                    seconds: seconds(since: started))
            return ExitStatus.internalError
        }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    private func print(_ report: ValidationReport) throws {
        let sink = ByteSink.standardOutput()
        switch format {
        case .text:
            let colour = TextSummaryWriter.useColour(isTerminal: Terminal.standardOutputIsTerminal, environment: ["NO_COLOR": env("NO_COLOR"), "TERM": env("TERM")].compactMapValues { $0 })
            if quiet {
                sink.write(TextSummaryWriter.resultLine(report) + "\n")
            } else {
                var writer = TextSummaryWriter(colour: colour)
                writer.maxShown = showFindings
                writer.errorsOnly = errorsOnly
                try writer.write(report, to: sink)
            }
        case .json:
            try ReportJSONWriter().write(report, to: sink)
        case .github, .junit, .sarif:
            preconditionFailure("CI formats are written by CIOutput")
        }
        try sink.commit()
    }
}

/// Standard output for the CI formats over a run of several files, written as each file is done:
/// GitHub annotations (and the step summary table when `GITHUB_STEP_SUMMARY` names a file), one
/// JUnit document with a suite per file, or one SARIF log whose results stream in file by file.
private final class CIOutput {
    let format: ValidateCommand.SummaryFormat
    private let sink = ByteSink.standardOutput()
    private lazy var junit = JUnitReportWriter(sink: sink)
    private lazy var sarif = SARIFLogWriter(sink: sink, toolVersion: InviteSheet.configuration.version)
    private let stepSummary: GitHubStepSummaryWriter?

    init(format: ValidateCommand.SummaryFormat, stepSummary: String?) {
        self.format = format
        self.stepSummary = format == .github ? stepSummary.map { GitHubStepSummaryWriter(path: $0) } : nil
    }

    func add(_ report: ValidationReport, seconds: Double) throws {
        switch format {
        case .github:
            try GitHubAnnotationWriter().write(report, to: sink)
            do {
                try stepSummary?.add(report)
            } catch {
                Terminal.standardError("invitesheet: warning: \(Terminal.printable(String(describing: error)))\n")
            }
        case .junit: try junit.add(report, seconds: seconds)
        case .sarif: try sarif.add(report)
        case .text, .json: return
        }
        try sink.commit()
    }

    /// A file that produced no report: still shown, so CI points at it.
    func addRunFailure(file: String, message: String, seconds: Double) {
        switch format {
        case .github: sink.write(GitHubAnnotationWriter.runFailure(file: file, message: message) + "\n")
        case .junit: junit.addRunFailure(file: file, message: message, seconds: seconds)
        case .sarif: sarif.addRunFailure(file: file, message: message)
        case .text, .json: return
        }
        try? sink.commit()
    }

    /// Ends the document (JUnit, SARIF) once every file is done.
    func finish() throws {
        switch format {
        case .junit: junit.finish()
        case .sarif: sarif.finish()
        case .text, .json, .github: return
        }
        try sink.commit()
    }
}

private func writeStandardOutput(_ text: String) {
    let sink = ByteSink.standardOutput()
    sink.write(text)
    try? sink.commit()
}

private func env(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}
