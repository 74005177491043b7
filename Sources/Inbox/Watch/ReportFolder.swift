#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report folder being written: created as `reports/.tmp-<name>/`, renamed to `reports/<name>/`
/// only when every output is in it, so a report folder without the `.tmp-` prefix is always whole.
struct ReportFolder {
    /// Longest file stem kept in a report folder's name, in bytes.
    static let maxStemBytes = 100

    /// `<stem>-<UTC timestamp>[-n]`: safe in any shell and on any file system.
    let name: String

    var temporaryName: FileName { FileName(InboxLayout.temporaryPrefix + name) }
    var finalName: FileName { FileName(name) }
    /// The folder relative to the inbox, for the journal and logs.
    var relativePath: String { InboxLayout.reportsFolder + "/" + name }

    /// Creates a fresh temporary folder for a report on `input` in `reports`, choosing a name that
    /// neither exists nor is being written.
    static func create(for input: FileName, in reports: Directory) throws -> ReportFolder {
        let stem = FileName.sanitised(input.stemBytes, maxBytes: maxStemBytes)
        let base = stem + "-" + Clock.compactTimestamp()
        var n = 1
        while true {
            let folder = ReportFolder(name: n == 1 ? base : base + "-\(n)")
            n += 1
            // Making the temporary folder is the reservation; then the final name must be free too.
            guard try reports.makeDirectory(folder.temporaryName) else { continue }
            if try reports.status(folder.finalName) != nil {
                try reports.removeTree(folder.temporaryName)
                continue
            }
            return folder
        }
    }

    /// Flushes the outputs and renames the folder to its final name.
    func publish(in reports: Directory) throws {
        let tmp = try reports.subdirectory(temporaryName, create: false)
        for file in try tmp.names() where try tmp.status(file)?.kind == .regular { try tmp.syncFile(file) }
        try tmp.sync()
        switch try reports.rename(temporaryName, to: reports, as: finalName) {
        case .moved: break
        case .destinationExists: throw InboxFileError("publish report folder", path: reports.display(finalName), code: EEXIST)
        case .sourceMissing: throw InboxFileError("publish report folder", path: reports.display(temporaryName), code: ENOENT)
        }
        try reports.sync()
    }

    /// Removes the unfinished folder (after a failure); errors are ignored: startup cleans up too.
    func discard(in reports: Directory) {
        try? reports.removeTree(temporaryName)
    }
}
