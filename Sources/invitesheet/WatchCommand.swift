import ArgumentParser
import Foundation
import Inbox
import Invitations
import Mail
import Logging
import Reports
import SheetIO
import UserList
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch an inbox folder: validate every spreadsheet dropped there, once, and file it with its report.",
        discussion: """
        Drop .xlsx, .xlsm, .csv or .tsv files into INBOX. Each is taken once its size and \
        modification time have stayed the same for --settle seconds and no process has it open for \
        writing any more (Linux: a read lease, or inotify for files of another user; on a network \
        mount, or on macOS, only --settle protects a file), moved into INBOX/processing/, \
        validated, and filed in:
          accepted/       every row valid
          needs-fixing/   some rows invalid (the valid rows are in accepted.csv)
          rejected/       unreadable, a wrong header, or not a spreadsheet at all
          duplicates/     same bytes, same kind of name, processed before
        A duplicate is logged as "already processed, see reports/…", naming the earlier report. \
        Outputs (report.json, errors.csv, corrections.xlsx, accepted.csv, accepted.jsonl) go to \
        INBOX/reports/<file name>-<UTC time>/. Inputs are only ever renamed, never changed or deleted. \
        A file that changes after it was taken has that outcome voided (event "void"): its report is \
        removed and it is taken again once it settles. .xls, .xlsb and .ods files are rejected with \
        a report saying how to save them as .xlsx; any other file (scan.pdf, notes.txt, a .docx, a \
        photo) is rejected with a report saying what it is and what to upload instead. Hidden \
        files, lock files (~$…), partial downloads (.tmp, .part, .crdownload), editors' temporary \
        files, Thumbs.db and desktop.ini, links, pipes and folders are left alone.

        The folders are created on start, with INBOX/.invitesheet/ holding the journal (one JSON \
        line per claim and outcome, flushed to disk) and the lock. After a crash or kill, restarting \
        finishes or redoes whatever was in processing/; nothing is lost or filed twice. Only one \
        watcher may run per inbox.

        With --submit --inviter EMAIL, the valid rows of every file filed in accepted/ or \
        needs-fixing/ are also invited, as by submit, in one ledger transaction per file: \
        invitations.csv lands in the file's report folder, and the emails that transaction queued \
        are delivered right after it commits (and on start, so mail queued before a crash is \
        sent). The ledger is INBOX/.invitesheet/ledger.sqlite unless --ledger; mail goes to \
        INBOX/.invitesheet/outbox/ (or beside --ledger) unless --mail. After a kill at any point, \
        restarting submits an interrupted file again and the ledger finds its rows already invited: \
        nobody is invited or emailed twice, and nobody is missed. A file with a row whose invitee \
        already has an account (a duplicate, as submit reports it) goes to needs-fixing/. --inviter must be a public \
        officer's address (exit 64 otherwise). A ledger that cannot be used stops the watcher (exit 2).

        Logs are JSON lines on standard error (event, file, outcome, counts, traceId, durationMs); \
        they never contain cell values. SIGINT or SIGTERM finishes the file in hand, then exits 0.

        Exit codes: 0 stopped by a signal, or (--once) every file accepted or nothing to do; \
        1 (--once) a file needs fixing; 2 (--once) a file was rejected (a duplicate counts as the \
        file it duplicates), or (--submit) the ledger cannot be used; 3 the inbox cannot be used, \
        or (--once) a file could not be handled (it stays in the inbox; see the log); 64 usage \
        error; 75 another watcher is already watching INBOX (try again later).

        Examples:
          invitesheet watch /srv/inbox --existing accounts.csv --policy policy.json
          invitesheet watch /srv/inbox --once --settle 10      # from cron
          invitesheet watch /srv/inbox --submit --inviter lim_kh@tech.gov.sg
          invitesheet watch inbox/ --submit --inviter me@lta.gov.sg --mail smtp://mx:25
        """
    )

    /// EX_TEMPFAIL: the inbox is busy with another watcher; try again later.
    static let inboxBusy = ExitCode(75)

    @Argument(help: ArgumentHelp("The inbox folder (it must exist).", valueName: "INBOX"))
    var inbox: String

    @Flag(help: "Handle the files in the inbox now, then exit (for cron).")
    var once = false

    @Option(help: ArgumentHelp("Seconds between scans of the inbox.", valueName: "SECONDS"))
    var interval: Double = 2

    @Option(help: ArgumentHelp("Seconds a file must stay unchanged before it is taken; a file another process still has open for writing is not taken either (Linux, local file systems).", valueName: "SECONDS"))
    var settle: Double = 5

    @OptionGroup var rules: RulesOptions

    @Flag(help: "Invite the valid rows of every accepted or needs-fixing file (needs --inviter).")
    var submit = false

    @Option(help: ArgumentHelp("With --submit: who is inviting, a public officer's address (name@agency.gov.sg).", valueName: "EMAIL"))
    var inviter: String?

    @Option(help: ArgumentHelp("With --submit: the invitations ledger. Default: INBOX/.invitesheet/ledger.sqlite.", valueName: "PATH"))
    var ledger: String?

    @Option(help: ArgumentHelp("With --submit: how emails are delivered: outbox:DIR, smtp://host:port or smtps://host:port. Default: outbox/ beside the ledger.", valueName: "DEST"))
    var mail: String?

    func validate() throws {
        guard interval.isFinite, interval > 0, interval <= 3600 else {
            throw ValidationError("--interval is seconds between scans, more than 0 and at most 3600, e.g. --interval 2; got \(interval).")
        }
        guard settle.isFinite, settle >= 0, settle <= 3600 else {
            throw ValidationError("--settle is seconds from 0 to 3600, e.g. --settle 5; got \(settle).")
        }
        if submit, (inviter ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--submit needs --inviter: say who is inviting, e.g. --submit --inviter you@agency.gov.sg")
        }
        if !submit, inviter != nil || ledger != nil || mail != nil {
            throw ValidationError("--inviter, --ledger and --mail are for --submit; add --submit to invite the accepted rows.")
        }
        var st = stat()
        guard lstat(inbox, &st) == 0 else {
            throw ValidationError("The inbox folder '\(Terminal.printable(inbox))' does not exist. Create it first (mkdir -p), then start the watcher.")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw ValidationError("'\(Terminal.printable(inbox))' is not a folder (a link to one is not accepted either). Give the inbox folder itself.")
        }
    }

    func run() throws {
        let (policy, existing) = try rules.load()
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        let logger = Logger(label: "invitesheet.watch")
        let stop = StopSignal()
        stop.installSignalHandlers { name in
            logger.info("\(name): finishing the file in hand, then stopping", metadata: ["event": "stopping", "signal": .string(name)])
        }
        var configuration = WatchConfiguration(inboxPath: inbox, once: once, interval: interval, settle: settle)
        configuration.workers = Self.defaultWorkers
        let processor: InboxProcessor
        if submit {
            processor = try submittingProcessor(policy: policy, existing: existing, logger: logger)
        } else {
            processor = ReportsProcessor(policy: policy, existing: existing)
        }
        let watcher = InboxWatcher(configuration: configuration, processor: processor, logger: logger, stop: stop)
        let tally: WatchTally
        do {
            tally = try watcher.run()
        } catch let error as InboxLockError {
            logger.error("\(error)", metadata: ["event": "inbox-busy"])
            throw Self.inboxBusy
        } catch {
            logger.error("cannot use the inbox: \(error)", metadata: ["event": "inbox-error"])
            throw Exit.internalError
        }
        guard once else { return }
        if tally.failed > 0 { throw Exit.internalError }
        switch tally.worst {
        case .rejected: throw Exit.unprocessable
        case .needsFixing: throw Exit.rowsInvalid
        case .accepted, .duplicates, nil: return
        }
    }

    /// The ledger path for --submit: --ledger, else INBOX/.invitesheet/ledger.sqlite.
    var ledgerPath: String {
        if let ledger, !ledger.isEmpty { return ledger }
        return (inbox as NSString).appendingPathComponent(".invitesheet/ledger.sqlite")
    }

    /// Checks the inviter, opens the ledger, expires old links and delivers mail left queued by an
    /// earlier run, before any file is taken.
    private func submittingProcessor(policy: Policy, existing: ExistingAccounts, logger: Logger) throws -> SubmittingProcessor {
        let address = (inviter ?? "").trimmingCharacters(in: .whitespaces)
        guard policy.isPublicOfficerAddress(address) else {
            let suffixes = policy.publicOfficerDomainSuffixes.map { "name@agency.\($0)" }.joined(separator: " or ")
            Terminal.standardError("invitesheet: error: --inviter \(Terminal.printable(inviter ?? "")) is not a public officer's address; use yours (\(suffixes))\n")
            throw Exit.usage
        }
        let clock: LedgerClock
        do {
            clock = try LedgerClock.fromEnvironment()
        } catch {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(String(describing: error)))\n")
            throw Exit.usage
        }
        let transport: MailTransport
        do {
            transport = try MailDestinationOption.transport(for: mail, ledgerPath: ledgerPath)
        } catch let error as MailOptionError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.message))\n")
            throw Exit.usage
        }
        if ledger == nil || ledger == "" {
            try? FileManager.default.createDirectory(atPath: (ledgerPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        let traceID = TraceID.make()
        let opened: InvitationLedger
        do {
            opened = try InvitationLedger.open(path: ledgerPath, policy: policy)
            _ = try opened.expire(at: clock.now(), traceID: traceID)
        } catch {
            throw LedgerFailure.report(error, traceID: traceID)
        }
        let processor = SubmittingProcessor(policy: policy, existing: existing, ledger: opened, inviter: address,
                                            transport: transport, clock: clock, logger: logger)
        processor.deliver(traceID: traceID)
        return processor
    }

    /// Files validated at once: one per core, at least 2 (so one file's disk flushes overlap another's
    /// work) and at most 4. Each file is still handled exactly once.
    static var defaultWorkers: Int {
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(2, min(4, cores))
    }
}
