import ArgumentParser
import Reports
import SheetIO
import UserList

/// `--policy FILE`, the one declaration and loading of the policy for every command: the commands
/// that validate take it inside `RulesOptions`, the ledger commands (status, resend, sync) alone.
/// A file that cannot be used is a usage error (exit 64) with one line naming the option and the file.
struct PolicyOption: ParsableArguments {
    @Option(help: ArgumentHelp("A JSON policy file overriding the built-in rules (domains, ODC list, agencies, limits, link lifetime, resend interval, sender).", valueName: "FILE"))
    var policy: String?

    /// The `--policy` file, or the built-in defaults.
    func load() throws -> Policy {
        guard let policy else { return .default }
        do {
            return try Policy.load(path: policy)
        } catch {
            throw RulesOptions.usage("--policy", error)
        }
    }
}

/// The rules a command validates against, shared by every command that validates (validate, watch,
/// submit): `--policy FILE` and `--existing FILE` (repeatable; the files are merged). Both load the
/// same way everywhere, and a file that cannot be used is a usage error (exit 64) with one line
/// naming the option and the file.
struct RulesOptions: ParsableArguments {
    @OptionGroup var policyOption: PolicyOption

    @Option(help: ArgumentHelp("Existing TechPass accounts (CSV or XLSX with an email column and optionally username); rows that match are duplicates. Repeat it to use several files.", valueName: "FILE"))
    var existing: [String] = []

    /// The policy, then the existing accounts read under its limits. Prints the error and exits 64
    /// when either cannot be used.
    func load() throws -> (policy: Policy, existing: ExistingAccounts) {
        let policy = try loadPolicy()
        return (policy, try loadExisting(limits: policy.readLimits))
    }

    /// The `--policy` file, or the built-in defaults.
    func loadPolicy() throws -> Policy {
        try policyOption.load()
    }

    /// Every `--existing` file, merged; none when not given.
    func loadExisting(limits: ReadLimits) throws -> ExistingAccounts {
        var accounts = ExistingAccounts()
        for file in existing {
            do {
                accounts.merge(try ExistingAccountsFile.load(path: file, limits: limits))
            } catch {
                throw Self.usage("--existing", error)
            }
        }
        return accounts
    }

    /// `invitesheet: error: --existing accounts.csv: row 1 has no email column; …`, and exit 64.
    static func usage(_ option: String, _ error: Error) -> ExitCode {
        Terminal.standardError("invitesheet: error: \(option) \(Terminal.printable(String(describing: error)))\n")
        return Exit.usage
    }
}
