/// The folders of an inbox, created on start:
///
///     INBOX/                  new files are dropped here
///     INBOX/processing/       claimed, being validated
///     INBOX/accepted/         every row valid
///     INBOX/needs-fixing/     some rows invalid
///     INBOX/rejected/         the file or structure stage failed
///     INBOX/duplicates/       identical bytes were processed before
///     INBOX/reports/<stem>-<UTC time>/   the outputs of each run
///     INBOX/.invitesheet/     journal.jsonl and lock
///
/// All of them must be real folders (not links) on one file system, so that moving a file between
/// them is a single atomic rename.
public final class InboxLayout: Sendable {
    public static let processingFolder = "processing"
    public static let reportsFolder = "reports"
    public static let stateFolder = ".invitesheet"
    public static let journalFile = "journal.jsonl"
    public static let lockFile = "lock"
    /// Prefix of report folders still being written.
    public static let temporaryPrefix = ".tmp-"

    /// Every folder name the watcher keeps in the inbox (never taken as input).
    public static let folderNames: Set<String> =
        Set([processingFolder, reportsFolder, stateFolder] + Outcome.allCases.map(\.folder))

    public let inbox: Directory
    public let processing: Directory
    public let reports: Directory
    public let state: Directory
    private let outcomeFolders: [Outcome: Directory]

    /// Opens `path` (which must be an existing folder) and creates the layout inside it.
    public init(path: String) throws {
        inbox = try Directory(path: path)
        processing = try inbox.subdirectory(Self.processingFolder)
        reports = try inbox.subdirectory(Self.reportsFolder)
        state = try inbox.subdirectory(Self.stateFolder)
        var folders: [Outcome: Directory] = [:]
        for outcome in Outcome.allCases { folders[outcome] = try inbox.subdirectory(outcome.folder) }
        outcomeFolders = folders
        let device = try inbox.ownStatus().device
        for dir in [processing, reports, state] + Array(folders.values) where try dir.ownStatus().device != device {
            throw InboxLayoutError.otherFileSystem(folder: FileName(dir.path).display)
        }
    }

    public func folder(for outcome: Outcome) -> Directory { outcomeFolders[outcome]! }
}

/// An inbox that cannot be used as it is.
public enum InboxLayoutError: Error, Equatable, CustomStringConvertible {
    case otherFileSystem(folder: String)

    public var description: String {
        switch self {
        case .otherFileSystem(let folder):
            return "\(folder) is on another file system (a mount point?); the inbox folders must all be on one file system so files can be moved atomically"
        }
    }
}
