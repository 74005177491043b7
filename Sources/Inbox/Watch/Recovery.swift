import Logging
import Reports

/// Finishes what an interrupted watcher left, before any new file is taken:
/// - unfinished report folders (`reports/.tmp-*`) are removed;
/// - a file in `processing/` whose claim already has an outcome in the journal is filed where the
///   journal says (the watcher stopped between recording the outcome and moving the file);
/// - any other file there is validated again from the start, with a fresh report folder; a report
///   folder the interrupted claim had already published is removed, so each file has one report.
struct Recovery {
    let handler: FileHandler
    let logger: Logger
    let stop: StopSignal

    private var layout: InboxLayout { handler.layout }

    func run(count: (FileResult) -> Void) {
        removeUnfinishedReports()
        let names: [FileName]
        do {
            names = try layout.processing.names().sorted()
        } catch {
            logger.error("cannot list \(InboxLayout.processingFolder)/: \(FileHandler.describe(error))", metadata: ["event": "recovery-error"])
            return
        }
        for name in names {
            if stop.isRequested { return }
            guard let status = try? layout.processing.status(name) else { continue }
            guard status.kind == .regular else {
                logger.warning("not a regular file; left where it is", metadata: [
                    "event": "skipped", "file": .string(InboxLayout.processingFolder + "/" + name.display),
                ])
                continue
            }
            count(recover(name))
        }
    }

    private func recover(_ name: FileName) -> FileResult {
        guard let path = layout.processing.textPath(name) else {
            // Only the watcher puts files here, always under UTF-8 names; someone else put this one.
            logger.warning("name is not UTF-8; left where it is", metadata: [
                "event": "skipped", "file": .string(InboxLayout.processingFolder + "/" + name.display),
            ])
            return .notTaken
        }
        let digest: FileDigest
        do {
            digest = try FileDigest(path: path, displayName: name.display)
        } catch {
            logger.error("cannot read a file left in \(InboxLayout.processingFolder)/: \(FileHandler.describe(error)); left where it is", metadata: [
                "event": "failed", "file": .string(name.display),
            ])
            return .failed
        }
        // The journal's last claim under this name describes this file only if the bytes match:
        // a crash between a claim's rename and its journal record leaves a file the journal has not seen.
        let last = name.exactString.flatMap { handler.journal.state.lastClaim(processingName: $0) }
        let status = last?.claim.sha256 == digest.sha256 ? last : nil
        let original = status?.claim.originalName ?? name

        if let finish = status?.finish, finish.type == .outcome || finish.type == .duplicate,
           let folder = finish.outcome.flatMap(Outcome.init(rawValue:)) {
            // The journal recorded the name it chose; that name may have been taken since.
            let planned = finish.file.flatMap { $0.split(separator: "/", maxSplits: 1).last }.map { FileName(String($0)) }
            let filed = handler.fileInput(name, as: finish.nameHex == nil ? (planned ?? original) : original, in: folder)
            logger.info("recovered: the previous run had finished this file; filed in \(folder.folder)/", metadata: [
                "event": "recovered", "file": .string(original.display), "outcome": .string(folder.folder),
                "reportDir": .string(finish.reportDir ?? ""), "traceId": .string(finish.traceId ?? ""),
                "filedAs": .string(folder.folder + "/" + (filed?.display ?? original.display)),
            ])
            guard filed != nil else { return .failed }
            guard folder == .duplicates else { return .filed(folder) }
            let previous = handler.journal.state.previousOutcome(sha256: digest.sha256, name: original)
            return .duplicate(of: previous?.outcome.flatMap(Outcome.init(rawValue:)) ?? .accepted)
        }
        if let stale = status?.claim.reportDir, status?.finish == nil, stale.hasPrefix(InboxLayout.reportsFolder + "/") {
            let folder = FileName(String(stale.dropFirst(InboxLayout.reportsFolder.count + 1)))
            if (try? layout.reports.status(folder)) != nil {
                try? layout.reports.removeTree(folder)
                logger.info("removed the report folder of the interrupted run", metadata: [
                    "event": "recovery-cleanup", "reportDir": .string(stale), "file": .string(original.display),
                ])
            }
        }
        logger.info("processing was interrupted; validating again", metadata: [
            "event": "recovering", "file": .string(original.display),
        ])
        return handler.handleClaimed(name, original: original, report: nil, digest: digest)
    }

    private func removeUnfinishedReports() {
        guard let names = try? layout.reports.names() else { return }
        for name in names where name.bytes.starts(with: Array(InboxLayout.temporaryPrefix.utf8)) {
            do {
                try layout.reports.removeTree(name)
                logger.info("removed an unfinished report folder", metadata: [
                    "event": "recovery-cleanup", "reportDir": .string(InboxLayout.reportsFolder + "/" + name.display),
                ])
            } catch {
                logger.warning("cannot remove an unfinished report folder: \(FileHandler.describe(error))", metadata: [
                    "event": "recovery-error", "reportDir": .string(InboxLayout.reportsFolder + "/" + name.display),
                ])
            }
        }
    }
}
