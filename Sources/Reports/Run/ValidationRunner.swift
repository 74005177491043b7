import SheetIO
import UserList

/// Validates one file end to end, for `invitesheet validate` and the inbox alike: hashes the file as
/// uploaded, reads it (file stage), validates every row as it streams past, and writes the outputs —
/// each under a temporary name, synced and renamed into place, so a reader never sees half a file.
///
/// Memory stays bounded however long the file: rows are written as they come and then dropped,
/// errors and warnings for the report are spooled to unlinked temporary files (one per severity, so
/// errors are listed first), changes go to `changes.csv` and a per-code summary, and only counts are kept.
///
/// When the file or structure stage stops the run (exit 2), the per-row outputs (`accepted.*`,
/// `changes.csv`, `corrections.xlsx`) are not written and any left by an earlier run in the folder are removed;
/// `report.json` and `errors.csv` still say what was wrong. `corrections.xlsx` is written only when
/// some row needs fixing (a stale one is removed otherwise); its `_meta` names the original file:
/// this input, or the original this input corrects when it is itself a corrections workbook.
public struct ValidationRunner {
    public init() {}

    /// Runs `job`, calling `onRow` with each row's outcome as it is made (for progress), in order, on
    /// the thread that writes the outputs (not the caller's).
    ///
    /// Problems with the input file are results, not errors: they come back as a summary with status
    /// `.fileFailed` or `.structureFailed` and exit code 2. Throws `ValidationRunError` only when an
    /// output cannot be written or something unexpected happens; it carries the trace id.
    public func run(_ job: ValidationJob, onRow: ((RowOutcome) -> Void)? = nil) throws -> ValidationResult {
        try run(job, onRow: onRow, present: nil)
    }

    /// As `run(_:onRow:)`, and calls `present` with the finished report (findings included) before its
    /// temporary storage is released — how the command prints the summary or `report.json` to stdout.
    public func run(_ job: ValidationJob, onRow: ((RowOutcome) -> Void)? = nil,
                    present: ((ValidationReport) throws -> Void)?) throws -> ValidationResult {
        let traceID = TraceID.make()
        do {
            var run = Run(job: job, traceID: traceID, onRow: onRow, present: present)
            return try run.execute()
        } catch let error as ValidationRunError {
            throw error
        } catch let error as OutputFailure {
            throw ValidationRunError(kind: .output, traceID: traceID, file: job.displayName, underlying: error.underlying)
        } catch {
            throw ValidationRunError(kind: .internal, traceID: traceID, file: job.displayName, underlying: error)
        }
    }
}

/// The state of one run.
private struct Run {
    let job: ValidationJob
    let traceID: String
    let onRow: ((RowOutcome) -> Void)?
    let present: ((ValidationReport) throws -> Void)?
    var outputs: [String] = []
    /// The per-row outputs being finished on another thread; the paths written, in order.
    var finishing: BackgroundWork<[String]>?
    /// Outputs written under temporary names, to be synced and renamed together.
    var pendingSinks: [ByteSink] = []
    var changes = ChangeSummary()
    var validRowsWithWarnings = 0

    init(job: ValidationJob, traceID: String, onRow: ((RowOutcome) -> Void)?, present: ((ValidationReport) throws -> Void)?) {
        self.job = job
        self.traceID = traceID
        self.onRow = onRow
        self.present = present
    }

    private var name: String { job.displayName }

    private func path(_ file: String) -> String? {
        job.outputDirectory.map { OutputFiles.path(file, in: $0) }
    }

    mutating func execute() throws -> ValidationResult {
        // However the run ends, the thread finishing the per-row files is joined before it returns.
        defer { if let finishing { _ = try? finishing.wait() } }
        if let directory = job.outputDirectory { try output { try makeDirectory(directory) } }

        var digest: FileDigest?
        var summary: ValidationSummary
        var spools: Spools?
        do {
            let d = try job.inMemory?.digest ?? FileDigest(path: job.inputPath, displayName: name)
            digest = d
            if let tooLarge = FileStage.checkSize(bytes: d.bytes, policy: job.policy) {
                summary = Self.failed(name, tooLarge)
            } else {
                (summary, spools) = try validate(try openSource(), sha256: d.sha256)
            }
        } catch let error as SheetIOError {
            // Only reading the input throws SheetIOError here: output problems are OutputFailure.
            summary = .fileFailed(fileName: name, error: error)
        }

        if summary.failed {
            spools = nil
            for file in OutputFiles.perRow { if let p = path(file) { OutputFiles.remove(p) } }
        }
        let findings = FindingList(head: summary.structureFindings, errors: spools.map { .spool($0.errors) } ?? .none,
                                   warnings: spools.map { .spool($0.warnings) } ?? .none,
                                   tail: summary.failed ? [] : summary.extraFindings, limit: job.maxFindings)
        let exitCode = ExitStatus.code(for: summary, strict: job.strict)
        var counts = ReportCounts(summary: summary, shown: findings.count)
        if !summary.failed { counts.validRowsWithWarnings = validRowsWithWarnings }
        var report = ValidationReport(traceID: traceID, input: ReportInput(name: name, sha256: digest?.sha256, bytes: digest?.bytes),
                                      sheet: summary.sheetName, templateVersion: summary.templateVersion, status: summary.status,
                                      strict: job.strict, exitCode: exitCode, counts: counts,
                                      notes: summary.sourceWarnings, findings: findings,
                                      changes: summary.failed ? ChangeSummary() : changes)
        report.corrects = summary.corrects
        if let p = path(OutputFiles.errors) {
            try write(p) { try ErrorsCSVWriter().write(report, to: $0) }
        }
        if let p = path(OutputFiles.report) {
            try write(p) { try ReportJSONWriter().write(report, to: $0) }
        }
        if let finishing {
            outputs = try finishing.wait() + outputs  // per-row files first, as they were made
            self.finishing = nil
        }
        try commitOutputs()
        try present?(report)
        return ValidationResult(summary: summary, traceID: traceID, sha256: digest?.sha256 ?? "", exitCode: exitCode,
                                outputs: outputs, inputBytes: digest?.bytes, findingsNotShown: report.counts.findingsNotShown)
    }

    /// Opens the input, limited to the `--sheet` asked for.
    private func openSource() throws -> SheetSource {
        if let input = job.inMemory { return input.source }
        let source = try Spreadsheet.open(path: job.inputPath, displayName: name, limits: job.policy.readLimits)
        guard let sheet = job.sheet else { return source }
        guard let selected = SelectedSheetSource(source, sheet: sheet) else {
            throw SelectedSheetSource.notFound(sheet, in: source)
        }
        return selected
    }

    /// The rows' errors and warnings, spooled apart so a report can list every error before any warning.
    struct Spools {
        let errors: FindingSpool
        let warnings: FindingSpool
    }

    /// Streams the rows through the validator into the per-row outputs (`accepted.*`, `changes.csv`,
    /// `corrections.xlsx`), the findings spools and the change summary. The corrections workbook is
    /// started at the first row that needs fixing, once the header has said whether the input is
    /// itself a corrections workbook (whose original the new one keeps).
    private mutating func validate(_ source: SheetSource, sha256: String) throws -> (ValidationSummary, Spools?) {
        let wantsFindings = job.outputDirectory != nil || present != nil
        let spools = try output {
            wantsFindings ? Spools(errors: try FindingSpool(directory: job.outputDirectory),
                                   warnings: try FindingSpool(directory: job.outputDirectory)) : nil
        }
        let accepted = try output {
            try path(OutputFiles.acceptedCSV).map { csv in
                AcceptedWriter(csv: try ByteSink(path: csv), jsonLines: try ByteSink(path: path(OutputFiles.acceptedJSONLines)!))
            }
        }
        let changesCSV = try output { try path(OutputFiles.changes).map { ChangesCSVWriter(sink: try ByteSink(path: $0)) } }
        let correctionsPath = path(OutputFiles.corrections)
        var corrections: CorrectionsWriter?
        var original = OriginalFile(name: ValidationJob.fileName(of: name), sha256: sha256, traceID: traceID)
        let policy = job.policy
        let onRow = self.onRow
        var changes = ChangeSummary()
        var validWithWarnings = 0
        let validator = UserListValidator(policy: job.policy, existing: job.existing, form: job.form)
        // The outputs are written on a thread of their own while the rules check the next rows.
        let writer = HandOff<RowOutcome> { outcome in
            accepted?.add(outcome)
            changesCSV?.add(outcome)
            if let correctionsPath, !outcome.isValid {
                let writer = try corrections ?? Self.output { try CorrectionsWriter(path: correctionsPath, policy: policy, original: original) }
                corrections = writer
                try Self.output { try writer.add(outcome) }
            }
            var warned = false
            for finding in outcome.findings {
                switch finding.severity {
                case .error: spools?.errors.append(finding)
                case .warning:
                    warned = true
                    spools?.warnings.append(finding)
                case .change: changes.add(finding, after: finding.fieldKey.flatMap { outcome.values[$0] })
                }
            }
            if warned && outcome.isValid { validWithWarnings += 1 }
            onRow?(outcome)
        }
        let summary: ValidationSummary
        do {
            summary = try validator.validate(source: source, onHeader: { structure in
                if let first = structure.origin.original { original = first }
            }, onRow: writer.send)
            try writer.finish()
        } catch {
            writer.abandon()
            throw error
        }
        self.changes = changes
        self.validRowsWithWarnings = validWithWarnings
        if summary.failed {
            corrections?.discard()  // the other per-row files' temporary names are removed when their sinks go
            return (summary, nil)
        }
        // The per-row files are written out (and the corrections workbook zipped) on another
        // thread while `execute()` writes errors.csv and report.json; then every file is synced
        // with one call and renamed into place (`ByteSink.commit(_:)`).
        let acceptedPaths = accepted.map { _ in [path(OutputFiles.acceptedCSV)!, path(OutputFiles.acceptedJSONLines)!] } ?? []
        let changesPath = changesCSV.map { _ in path(OutputFiles.changes)! }
        let finishedCorrections = corrections
        pendingSinks = (accepted?.sinks ?? []) + (changesCSV.map { [$0.sink] } ?? [])
        finishing = BackgroundWork {
            var written: [String] = []
            if let accepted {
                try Self.output { for sink in accepted.sinks { try sink.flush() } }
                written += acceptedPaths
            }
            if let changesCSV, let changesPath {
                try Self.output { try changesCSV.sink.flush() }
                written.append(changesPath)
            }
            if let finishedCorrections {
                try Self.output { try finishedCorrections.close() }
                written.append(finishedCorrections.path)
            } else if let correctionsPath {
                OutputFiles.remove(correctionsPath)  // every row is valid: nothing to fix
            }
            return written
        }
        return (summary, spools)
    }

    /// Writes one output under a temporary name; `commitOutputs()` syncs and renames it.
    private mutating func write(_ path: String, _ body: (ByteSink) throws -> Void) throws {
        let sink = try output { () -> ByteSink in
            let sink = try ByteSink(path: path)
            try body(sink)
            try sink.flush()
            return sink
        }
        pendingSinks.append(sink)
        outputs.append(path)
    }

    /// Syncs every output written under a temporary name with one call and renames each into place.
    private mutating func commitOutputs() throws {
        try output { try ByteSink.commit(pendingSinks) }
        pendingSinks = []
    }

    /// Runs an output step, marking its errors as output failures (exit 2 with the trace id), so they
    /// are never mistaken for problems with the input file.
    private func output<T>(_ body: () throws -> T) throws -> T { try Self.output(body) }

    private static func output<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as OutputFailure { throw error } catch { throw OutputFailure(underlying: error) }
    }

    /// A file-stage failure summary for one finding.
    private static func failed(_ name: String, _ finding: Finding) -> ValidationSummary {
        var summary = ValidationSummary(status: .fileFailed, fileName: name, structureFindings: [finding])
        summary.errorCount = 1
        summary.countsByCode[finding.code.rawValue] = 1
        return summary
    }
}

/// An output that could not be written.
private struct OutputFailure: Error {
    var underlying: Error
}
