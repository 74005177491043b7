import SheetIO
import UserList

/// One file to validate, and what to do with the results.
public struct ValidationJob {
    /// Where the file is read from (may be a temporary path, as in the inbox).
    public var inputPath: String
    /// The name the user knows the file by; used in messages and the report.
    public var displayName: String
    /// The folder for `report.json`, `errors.csv`, `changes.csv`, `corrections.xlsx`, `accepted.csv` and
    /// `accepted.jsonl`; created if missing. Nil writes no files.
    public var outputDirectory: String?
    public var policy: Policy
    public var existing: ExistingAccounts
    /// Warnings count towards the exit code (1).
    public var strict: Bool
    /// Most errors and warnings listed (errors first) in `report.json`, `errors.csv` and the summary;
    /// counts stay exact, and changes are never cut (`changes.csv`).
    public var maxFindings: Int?
    /// The sheet to validate, by name or 1-based number; nil lets the structure stage choose.
    public var sheet: String?
    /// Rows given in memory instead of the file at `inputPath` (`invite`'s one person); nil reads the file.
    public var inMemory: InMemoryInput?
    /// The form the rows were given in: a file is the template; `invite`'s email invitation asks less.
    public var form: InvitationForm = .template

    public init(inputPath: String, displayName: String? = nil, outputDirectory: String? = nil, policy: Policy = .default,
                existing: ExistingAccounts = .none, strict: Bool = false, maxFindings: Int? = nil, sheet: String? = nil) {
        self.inputPath = inputPath
        self.displayName = displayName ?? Self.fileName(of: inputPath)
        self.outputDirectory = outputDirectory
        self.policy = policy
        self.existing = existing
        self.strict = strict
        self.maxFindings = maxFindings
        self.sheet = sheet
    }

    /// A job for rows that are not in a file: `input` is validated, reported and hashed as an upload
    /// named `displayName` would be, as rows of `form`. Nothing is written (no output folder).
    public init(inMemory input: InMemoryInput, displayName: String, policy: Policy = .default, existing: ExistingAccounts = .none,
                form: InvitationForm = .template) {
        self.init(inputPath: displayName, displayName: displayName, policy: policy, existing: existing)
        inMemory = input
        self.form = form
    }

    /// The last path component.
    static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Rows validated without a file: the sheet to read and the digest that stands for a file's (its
/// SHA-256 and size), so the run, its report and the ledger treat them as they treat an upload.
public struct InMemoryInput {
    public var source: SheetSource
    public var digest: FileDigest

    public init(source: SheetSource, digest: FileDigest) {
        self.source = source
        self.digest = digest
    }
}
