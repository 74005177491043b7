import ArgumentParser
import Foundation
import Invitations
import Reports
import SheetIO
import Submission
import UserList

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate user lists and invite every accepted row.",
        discussion: """
        Each file is validated exactly as by validate (same checks, outputs and \
        exit codes); its accepted rows then become invitations in the ledger, in \
        one transaction per file. A public officer of an integrated identity \
        provider has the account created and gets an onboarding email; everyone \
        else gets a registration link that expires after 5 days (policy).

        A row whose address already has an invitation: still pending with the \
        same details, nothing is sent ("already invited"); pending with other \
        details, the new invitation replaces the old one; registered or \
        onboarded, it is a duplicate (an error). Submitting the same file twice \
        invites nobody twice.

        With --out DIR, also writes invitations.csv (source row, email, \
        outcome, invitation id). Emails are written to the ledger and then \
        delivered (--mail); anything not delivered stays queued for the next run.

        Exit codes: 0 all rows invited or already invited; 1 some rows invalid \
        or duplicates; 2 a file or the ledger could not be used; 3 internal \
        error; 64 usage error (e.g. --inviter is not a public officer address).

        Environment: INVITESHEET_LEDGER (the ledger when --ledger is not \
        given); INVITESHEET_NOW, an ISO 8601 time such as \
        2026-12-01T09:00:00Z that fixes the clock, for tests and replays.

        Examples:
          invitesheet submit users.xlsx --inviter lim_kh@tech.gov.sg
          invitesheet submit users.xlsx --inviter lim_kh@tech.gov.sg --out results/
          invitesheet submit users.xlsx --inviter tan@lta.gov.sg --existing acc.csv
          invitesheet submit users.xlsx --inviter lim_kh@tech.gov.sg --dry-run
        """
    )

    @Argument(help: ArgumentHelp("The user lists to submit (.xlsx or .csv).", valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Who is inviting: a public officer's address (name@agency.gov.sg).", valueName: "EMAIL"))
    var inviter: String?

    @OptionGroup var rules: RulesOptions

    @Option(help: ArgumentHelp("Write the validation outputs and invitations.csv into this folder.", valueName: "DIR"))
    var out: String?

    @Flag(help: "Say what would happen; change nothing and send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("What to print: text (for people) or json (one object per file).", valueName: "text|json"))
    var format: Format = .text

    @OptionGroup var ledgerOptions: LedgerOptions

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

    func validate() throws {
        guard !files.isEmpty else {
            throw ValidationError("Name at least one file to submit, e.g. invitesheet submit users.xlsx --inviter you@agency.gov.sg")
        }
        guard let inviter, !inviter.isEmpty else {
            throw ValidationError("Say who is inviting, e.g. --inviter you@agency.gov.sg")
        }
    }

    func run() throws {
        let session = try SubmissionSession(inviter: inviter, rules: rules, ledgerOptions: ledgerOptions, dryRun: dryRun)
        let folders = OutputFolders.assign(files: files, out: out)
        var codes: [Int32] = []
        for (index, file) in files.enumerated() {
            if index > 0 && format == .text { writeOut("\n") }
            codes.append(submit(file, folder: folders[index], session: session))
        }
        codes.append(try session.deliver(quiet: format != .text))
        let worst = ExitStatus.worst(codes)
        if worst != ExitStatus.ok { throw ExitCode(worst) }
    }

    /// Validates and submits one file; returns its exit code.
    private func submit(_ file: String, folder: String?, session: SubmissionSession) -> Int32 {
        let name = Terminal.printable(file)
        let progress = ProgressLine()
        var rows = 0
        let job = ValidationJob(inputPath: file, displayName: file, outputDirectory: folder, policy: session.policy,
                                existing: session.accounts)
        let result: ValidationResult
        let submitted: SubmissionResult?
        do {
            (result, submitted) = try SubmissionRunner().run(job: job, ledger: session.ledger, inviter: session.inviter, at: session.clock.now(),
                                                            dryRun: dryRun, onRow: { _ in
                rows += 1
                progress.update("validating \(name): \(formatCount(rows)) rows")
            }, present: { report in
                progress.finish()
                if format == .text {
                    let sink = ByteSink.standardOutput()
                    try TextSummaryWriter(colour: false).write(report, to: sink)
                    try sink.commit()
                }
            }, onRecorded: { done, total in
                progress.update("\(dryRun ? "checking" : "recording") invitations for \(name): \(formatCount(done)) of \(formatCount(total))")
            })
            progress.finish()
        } catch let error as ValidationRunError {
            progress.finish()
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description))\n")
            return error.exitCode
        } catch let error as SubmissionLedgerFailure {
            progress.finish()
            return LedgerFailure.report(error.underlying, traceID: error.traceID).rawValue
        } catch {
            progress.finish()
            Terminal.standardError("invitesheet: internal error: \(name): \(Terminal.printable(String(describing: error))) (trace id \(TraceID.make()))\n")
            return ExitStatus.internalError
        }
        guard let submission = submitted else {
            let reason = result.summary.structureFindings.first { $0.severity == .error }?.message ?? "see the report"
            Terminal.standardError("invitesheet: error: \(name) could not be processed, nobody was invited: \(Terminal.printable(reason)) (trace id \(result.traceID))\n")
            return result.exitCode
        }
        var outputs = result.outputs
        if let folder {
            let path = OutputFiles.path(InvitationsCSV.fileName, in: folder)
            do {
                try InvitationsCSV.write(submission, to: path)
                outputs.append(path)
            } catch {
                Terminal.standardError("invitesheet: error: \(name): cannot write \(Terminal.printable(path)): \(Terminal.printable(String(describing: error))) (trace id \(result.traceID))\n")
                return ExitStatus.unprocessable
            }
        }
        let code = SubmissionRunner.exitCode(result, submission)
        switch format {
        case .text:
            SubmitOutput.printText(submission, dryRun: dryRun, outputs: outputs)
        case .json:
            SubmitOutput.printJSON(submission, file: file, sha256: result.sha256, traceID: result.traceID, exitCode: code,
                                   dryRun: dryRun, outputs: outputs)
        }
        if submission.originalNotFound, let original = result.corrects {
            Terminal.standardError("invitesheet: warning: \(name) corrects \(Terminal.printable(original.name)), which this ledger has no record of; its rows were checked against every invitation instead\n")
        }
        return code
    }
}
