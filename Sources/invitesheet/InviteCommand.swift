import ArgumentParser
import Invitations
import Reports
import Submission
import UserList

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Invite one person: a public officer by email, or anyone with every detail.",
        discussion: """
        The person is one row of the template: each option below is a column \
        (--first-name is First name*), and the row goes through exactly what a \
        submitted file goes through: the same checks, findings, ledger and \
        emails as submit gives a one-row list holding the same values. A \
        finding names the option instead of the column.

        Email invitation, for a public officer: --email name@agency.gov.sg, \
        --seed yes|no and --reason, nothing else; the officer gives their name \
        and contact number when registering. The user type is Public officer \
        unless --user-type says otherwise. Any of --first-name, --last-name, \
        --contact-number, --organisation, --department or --username makes it a \
        create account, which needs the first and last name and contact number \
        too.

        Create account, for a vendor: --user-type vendor and every detail: \
        --username, --first-name, --last-name, --contact-number, \
        --organisation, --sponsoring-agency, --business-operation \
        onshore|offshore, --seed and --reason (--department is optional). An \
        offshore vendor also needs --odc (a centre on the list, or Others with \
        --offshore-company). A public officer's create account needs \
        --first-name, --last-name and --contact-number besides the email \
        invitation's options.

        Outcomes as for submit: invited; already invited (same details, still \
        pending: nothing is sent); a pending invitation with other details is \
        replaced (overridden); a duplicate when the account exists; invalid \
        when a check fails.

        Exit codes: 0 invited or already invited; 1 invalid or a duplicate; 2 \
        the ledger could not be used; 3 internal error; 64 usage error (e.g. \
        --inviter is not a public officer address). Any failure prints a trace id.

        Environment: INVITESHEET_LEDGER and INVITESHEET_NOW, as for submit.

        Examples:
          invitesheet invite --email tan_wm@hdb.gov.sg --seed no \\
            --reason "Reviews HDB deployments on SGTS" --inviter lim_kh@tech.gov.sg
          invitesheet invite --user-type vendor --email arun@tembusu.com.sg \\
            --username "Arun Krishnan" --first-name Arun --last-name Krishnan \\
            --contact-number "6302 7136" --organisation "Tembusu Systems" \\
            --sponsoring-agency HDB --business-operation onshore --seed no \\
            --reason "Deploys HDB services on SGTS" --inviter lim_kh@tech.gov.sg
        """
    )

    @Option(help: InviteCommand.column(.email, "EMAIL")) var email: String?
    @Option(help: InviteCommand.column(.userType, "TYPE", "Public officer (the default) or vendor")) var userType: String?
    @Option(help: InviteCommand.column(.username, "NAME")) var username: String?
    @Option(help: InviteCommand.column(.firstName, "TEXT")) var firstName: String?
    @Option(help: InviteCommand.column(.lastName, "TEXT")) var lastName: String?
    @Option(help: InviteCommand.column(.contactNumber, "NUMBER")) var contactNumber: String?
    @Option(help: InviteCommand.column(.organisation, "TEXT")) var organisation: String?
    @Option(help: InviteCommand.column(.department, "TEXT")) var department: String?
    @Option(help: InviteCommand.column(.seed, "yes|no", "yes or no")) var seed: String?
    @Option(help: InviteCommand.column(.reason, "TEXT")) var reason: String?
    @Option(help: InviteCommand.column(.sponsoringAgency, "AGENCY")) var sponsoringAgency: String?
    @Option(help: InviteCommand.column(.businessOperation, "onshore|offshore", "onshore or offshore")) var businessOperation: String?
    @Option(help: InviteCommand.column(.odc, "CENTRE")) var odc: String?
    @Option(help: InviteCommand.column(.offshoreCompany, "TEXT")) var offshoreCompany: String?

    @Option(help: ArgumentHelp("Who is inviting: a public officer's address (name@agency.gov.sg).", valueName: "EMAIL"))
    var inviter: String?

    @OptionGroup var rules: RulesOptions

    @Flag(help: "Say what would happen; change nothing and send nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("What to print: text (for people) or json (one object).", valueName: "text|json"))
    var format: SubmitCommand.Format = .text

    @OptionGroup var ledgerOptions: LedgerOptions

    /// The help of a column's option, from the template: `First name (required), e.g. Wei Ming.`; a
    /// column the email invitation does not ask for says so.
    static func column(_ key: FieldKey, _ valueName: String, _ values: String? = nil) -> ArgumentHelp {
        let column = UserListSchema.current.column(key)!
        var requirement = column.requirement.summary.prefix(1).lowercased() + column.requirement.summary.dropFirst()
        if column.requirement.isAlways && !InvitationForm.emailInvitation.collects.contains(key) {
            requirement += ", but not in an email invitation"
        }
        let text = "\(column.title) (\(requirement)): " + (values ?? "e.g. \(column.example)") + "."
        return ArgumentHelp(text, valueName: valueName)
    }

    /// The columns given, by field.
    var typed: [FieldKey: String] {
        let given: [FieldKey: String?] = [
            .email: email, .userType: userType, .username: username, .firstName: firstName, .lastName: lastName,
            .contactNumber: contactNumber, .organisation: organisation, .department: department, .seed: seed,
            .reason: reason, .sponsoringAgency: sponsoringAgency, .businessOperation: businessOperation, .odc: odc,
            .offshoreCompany: offshoreCompany,
        ]
        return given.compactMapValues { $0 }
    }

    func validate() throws {
        guard let email, !email.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Say whom to invite, e.g. --email tan_wm@hdb.gov.sg (see invitesheet invite --help for both forms)")
        }
        guard let inviter, !inviter.isEmpty else {
            throw ValidationError("Say who is inviting, e.g. --inviter you@agency.gov.sg")
        }
    }

    func run() throws {
        let session = try SubmissionSession(inviter: inviter, rules: rules, ledgerOptions: ledgerOptions, dryRun: dryRun)
        let person = OneRowUserList(typed, policy: session.policy)
        let job = person.job(displayName: "invite \(email ?? "")", policy: session.policy, existing: session.accounts)
        var row: RowOutcome?
        let result: ValidationResult
        let submitted: SubmissionResult?
        do {
            (result, submitted) = try SubmissionRunner().run(job: job, ledger: session.ledger, inviter: session.inviter,
                                                            at: session.clock.now(), dryRun: dryRun, onRow: { row = $0 })
        } catch let error as ValidationRunError {
            Terminal.standardError("invitesheet: error: \(Terminal.printable(error.description))\n")
            throw ExitCode(error.exitCode)
        } catch let error as SubmissionLedgerFailure {
            throw LedgerFailure.report(error.underlying, traceID: error.traceID)
        } catch {
            Terminal.standardError("invitesheet: internal error: \(Terminal.printable(String(describing: error))) (trace id \(TraceID.make()))\n")
            throw Exit.internalError
        }
        guard let submission = submitted, let row else {
            let reason = result.summary.structureFindings.first { $0.severity == .error }?.message ?? "nothing to invite"
            Terminal.standardError("invitesheet: error: nobody was invited: \(Terminal.printable(reason)) (trace id \(result.traceID))\n")
            throw ExitCode(ExitStatus.worst([result.exitCode, ExitStatus.unprocessable]))
        }
        let code = SubmissionRunner.exitCode(result, submission)
        let outcome = InviteOutput(row: row, submission: submission, typedEmail: email ?? "", traceID: result.traceID,
                                   sha256: result.sha256, exitCode: code, dryRun: dryRun)
        switch format {
        case .text: outcome.printText()
        case .json: outcome.printJSON()
        }
        let worst = ExitStatus.worst([code, try session.deliver(quiet: format != .text)])
        if worst != ExitStatus.ok { throw ExitCode(worst) }
    }
}
