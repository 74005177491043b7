import Logging
import Reports

/// How handling one file ended.
enum FileResult: Equatable {
    /// Filed in `accepted/`, `needs-fixing/` or `rejected/`.
    case filed(Outcome)
    /// Filed in `duplicates/`: the same bytes under the same kind of name had this outcome before.
    case duplicate(of: Outcome)
    /// Could not be handled; the input was left in (or put back into) the inbox.
    case failed
    /// Another watcher claimed it first, or it changed or vanished before the claim.
    case notTaken
    /// Another process still has it open for writing: left in the inbox until it is closed.
    case writerOpen
    /// It changed after the claim: the outcome was void, its report removed, and the file put back
    /// in the inbox to settle and be taken again.
    case void
}

/// Handles one file end to end: report folder, claim by rename, hash, journal, duplicate check,
/// validation, publishing the report, and filing the input. Safe to run on several files at once.
final class FileHandler: @unchecked Sendable {
    let layout: InboxLayout
    let journal: Journal
    let processor: InboxProcessor
    let logger: Logger
    private let gate = ContentGate()

    init(layout: InboxLayout, journal: Journal, processor: InboxProcessor, logger: Logger) {
        self.layout = layout
        self.journal = journal
        self.processor = processor
        self.logger = logger
    }

    /// Takes `name` from the inbox, if it still looks like `expected` (it may have changed since it
    /// settled), and handles it.
    func take(_ name: FileName, expected: SettleTracker.Signature) -> FileResult {
        guard let now = try? layout.inbox.status(name), now.kind == .regular, SettleTracker.Signature(now) == expected else {
            return .notTaken
        }
        // The watcher asked moments ago; a writer may have opened it since.
        if layout.inbox.writerState(name) == .openForWriting { return .writerOpen }
        // The report folder comes first: if it cannot be made, nothing has moved.
        let report: ReportFolder
        do {
            report = try ReportFolder.create(for: name, in: layout.reports)
        } catch {
            failed(name, "cannot create a report folder in \(InboxLayout.reportsFolder)/", error: error, inputNow: "the input stays in the inbox")
            return .failed
        }
        let claimed: FileName?
        do {
            claimed = try layout.inbox.move(name, to: layout.processing, preferring: Self.processingName(for: name))
        } catch {
            report.discard(in: layout.reports)
            failed(name, "cannot claim the file by moving it into \(InboxLayout.processingFolder)/", error: error, inputNow: "the input stays in the inbox")
            return .failed
        }
        guard let claimed else {
            report.discard(in: layout.reports)
            logger.debug("taken by another watcher", metadata: ["event": "not-taken", "file": .string(name.display)])
            return .notTaken
        }
        // A writer that still had the file open could have written between the last look and the
        // rename: if it changed, put it back to settle again.
        let after = try? layout.processing.status(claimed)
        guard let after, SettleTracker.Signature(after) == expected else {
            report.discard(in: layout.reports)
            let back = try? layout.processing.move(claimed, to: layout.inbox, preferring: name)
            logger.info("changed while being claimed; put back to settle again", metadata: [
                "event": "not-taken", "file": .string(name.display),
            ])
            return back == nil ? .failed : .notTaken
        }
        return handleClaimed(claimed, original: name, report: report, digest: nil, atClaim: after)
    }

    /// Handles a file already in `processing/` (just claimed, or left there by an interrupted run).
    /// `report` is a fresh temporary report folder, made here when nil; `atClaim` is what the file
    /// looked like when it was claimed (looked up here when nil): if it changes before the outcome
    /// is recorded, the outcome is void.
    func handleClaimed(_ claimed: FileName, original: FileName, report existingReport: ReportFolder?, digest: FileDigest?,
                       atClaim claimStatus: EntryStatus? = nil) -> FileResult {
        let started = Clock.monotonic()
        guard let path = layout.processing.textPath(claimed),
              let atClaim = claimStatus ?? (try? layout.processing.status(claimed)) else { return .failed }
        let report: ReportFolder
        do {
            report = try existingReport ?? ReportFolder.create(for: original, in: layout.reports)
        } catch {
            return release(claimed, original: original, report: nil, claim: nil, sha256: nil,
                           reason: "cannot create a report folder in \(InboxLayout.reportsFolder)/", error: error)
        }
        let content: FileDigest
        do {
            content = try digest ?? FileDigest(path: path, displayName: original.display)
        } catch {
            return release(claimed, original: original, report: report, claim: nil, sha256: nil, reason: "cannot read the file", error: error)
        }
        var claim = JournalRecord(type: .claimed, claim: TraceID.make(), sha256: content.sha256)
        claim.setOriginalName(original)
        claim.processingName = claimed.exactString
        claim.size = content.bytes
        claim.reportDir = report.relativePath
        do {
            try journal.append(claim)
        } catch {
            return release(claimed, original: original, report: report, claim: nil, sha256: content.sha256, reason: "cannot write the journal", error: error)
        }
        logger.info("claimed", metadata: [
            "event": "claimed", "file": .string(original.display), "sha256": .string(content.sha256),
            "size": .stringConvertible(content.bytes), "claim": .string(claim.claim),
        ])

        gate.enter(content.sha256)
        defer { gate.leave(content.sha256) }

        if let previous = journal.state.previousOutcome(sha256: content.sha256, name: original) {
            report.discard(in: layout.reports)
            if let change = changeSinceClaim(claimed, atClaim) {
                return void(claimed, original: original, claim: claim, change: change, report: nil, outcome: .duplicates)
            }
            return fileDuplicate(claimed, original: original, claim: claim, previous: previous, started: started)
        }

        let result: ProcessOutcome
        var notASpreadsheet: NotASpreadsheet?
        do {
            let reportDirectory = layout.reports.path + "/" + String(decoding: report.temporaryName.bytes, as: UTF8.self)
            if NameFilter.isSpreadsheetName(original) {
                result = try processor.process(file: path, displayName: original.display, reportDirectory: reportDirectory)
            } else {
                let kind = NotASpreadsheet.identify(path: path, fileExtension: original.fileExtension)
                notASpreadsheet = kind
                result = try processor.reject(ReportInput(name: original.display, sha256: content.sha256, bytes: content.bytes),
                                              reportDirectory: reportDirectory, because: kind)
            }
            try report.publish(in: layout.reports)
        } catch {
            return release(claimed, original: original, report: report, claim: claim.claim, sha256: content.sha256,
                           reason: "cannot produce the report \(report.relativePath)/", error: error)
        }
        // A writer that was not seen (no leases on this file system) may have gone on writing while
        // the file was validated: then the report describes bytes that are no longer there.
        if let change = changeSinceClaim(claimed, atClaim) {
            return void(claimed, original: original, claim: claim, change: change, report: report, outcome: result.outcome)
        }

        let filedName = (try? layout.folder(for: result.outcome).firstFreeName(original)) ?? original
        var outcome = JournalRecord(type: .outcome, claim: claim.claim, sha256: content.sha256)
        outcome.setOriginalName(original)
        outcome.outcome = result.outcome.folder
        outcome.file = result.outcome.folder + "/" + (filedName.exactString ?? filedName.display)
        outcome.reportDir = report.relativePath
        outcome.counts = result.counts.dictionary
        outcome.traceId = result.traceID
        outcome.durationMs = Int((Clock.monotonic() - started) * 1000)
        do {
            try journal.append(outcome)
        } catch {
            try? layout.reports.removeTree(report.finalName)
            return release(claimed, original: original, report: nil, claim: claim.claim, sha256: content.sha256,
                           reason: "cannot write the journal", error: error)
        }
        let filedAs = fileInput(claimed, as: filedName, in: result.outcome)
        var metadata: Logger.Metadata = [
            "event": "processed", "file": .string(original.display), "outcome": .string(result.outcome.folder),
            "reportDir": .string(report.relativePath), "traceId": .string(result.traceID),
            "durationMs": .stringConvertible(outcome.durationMs ?? 0), "sha256": .string(content.sha256),
            "counts": .dictionary(result.counts.dictionary.mapValues { .stringConvertible($0) }),
        ]
        if !result.codes.isEmpty { metadata["codes"] = .dictionary(result.codes.mapValues { .stringConvertible($0) }) }
        if let filedAs { metadata["filedAs"] = .string(result.outcome.folder + "/" + filedAs.display) }
        let level: Logger.Level = result.outcome == .accepted ? .info : .warning
        var sentence = Self.sentence(for: result.outcome)
        if let notASpreadsheet {
            metadata["notSpreadsheet"] = .string(notASpreadsheet.what)
            sentence = "not a spreadsheet (\(notASpreadsheet.what)): rejected"
        }
        logger.log(level: level, "\(sentence); report in \(report.relativePath)/", metadata: metadata)
        return .filed(result.outcome)
    }

    /// Identical bytes already have an outcome: file the input in `duplicates/` without validating it.
    private func fileDuplicate(_ claimed: FileName, original: FileName, claim: JournalRecord, previous: JournalRecord, started: Double) -> FileResult {
        let filedName = (try? layout.folder(for: .duplicates).firstFreeName(original)) ?? original
        var record = JournalRecord(type: .duplicate, claim: claim.claim, sha256: claim.sha256)
        record.setOriginalName(original)
        record.outcome = Outcome.duplicates.folder
        record.file = Outcome.duplicates.folder + "/" + (filedName.exactString ?? filedName.display)
        record.reportDir = previous.reportDir
        record.traceId = previous.traceId
        record.reason = "already processed as \(previous.outcome ?? "?") on \(previous.ts)"
        record.durationMs = Int((Clock.monotonic() - started) * 1000)
        do {
            try journal.append(record)
        } catch {
            return release(claimed, original: original, report: nil, claim: claim.claim, sha256: claim.sha256, reason: "cannot write the journal", error: error)
        }
        let filedAs = fileInput(claimed, as: filedName, in: .duplicates)
        let see = previous.reportDir.map { "see \($0)/" } ?? "see the journal"
        logger.warning("already processed, \(see) (it went to \(previous.outcome ?? "?")/); not validated again", metadata: [
            "event": "duplicate", "file": .string(original.display), "outcome": .string(Outcome.duplicates.folder),
            "sha256": .string(claim.sha256), "previousOutcome": .string(previous.outcome ?? ""),
            "reportDir": .string(previous.reportDir ?? ""), "traceId": .string(previous.traceId ?? ""),
            "filedAs": .string(Outcome.duplicates.folder + "/" + (filedAs?.display ?? original.display)),
        ])
        return .duplicate(of: previous.outcome.flatMap(Outcome.init(rawValue:)) ?? .accepted)
    }

    /// What changed about the claimed file since `atClaim` (its size, modification time or identity,
    /// or a writer has it open now), in words for the log; nil when nothing did.
    func changeSinceClaim(_ claimed: FileName, _ atClaim: EntryStatus) -> String? {
        guard let now = try? layout.processing.status(claimed) else { return "it is no longer in \(InboxLayout.processingFolder)/" }
        if now.device != atClaim.device || now.inode != atClaim.inode { return "it was replaced by another file" }
        if now.size != atClaim.size { return "its size changed from \(atClaim.size) to \(now.size) bytes" }
        if now.modified != atClaim.modified { return "it was modified" }
        if layout.processing.writerState(claimed) == .openForWriting { return "another process opened it for writing" }
        return nil
    }

    /// The file changed after it was claimed: whatever was decided about it is void. Removes the
    /// report, records why, and puts the file back in the inbox to settle and be taken again, so it
    /// ends with one report on the bytes it finally holds.
    private func void(_ claimed: FileName, original: FileName, claim: JournalRecord, change: String, report: ReportFolder?,
                      outcome: Outcome) -> FileResult {
        if let report { try? layout.reports.removeTree(report.finalName) }
        var record = JournalRecord(type: .released, claim: claim.claim, sha256: claim.sha256)
        record.setOriginalName(original)
        record.reason = "changed after the claim: \(change); the outcome (\(outcome.folder)) is void"
        try? journal.append(record)
        let back: FileName?
        do {
            back = try layout.processing.move(claimed, to: layout.inbox, preferring: original)
        } catch {
            failed(original, "changed after it was claimed (\(change)) and cannot be put back in the inbox", error: error,
                   inputNow: "it stays in \(InboxLayout.processingFolder)/ and is validated again on the next start")
            return .failed
        }
        var metadata: Logger.Metadata = [
            "event": "void", "file": .string(original.display), "reason": .string(change),
            "voidOutcome": .string(outcome.folder), "claim": .string(claim.claim),
        ]
        if let report { metadata["removedReportDir"] = .string(report.relativePath) }
        if let back, back != original { metadata["putBackAs"] = .string(back.display) }
        logger.warning("changed after it was claimed (\(change)): the outcome is void\(report == nil ? "" : " and its report removed"); back in the inbox to be taken again once it settles",
                       metadata: metadata)
        return .void
    }

    /// Moves the input from `processing/` to its outcome folder under its own name (numbered if taken).
    /// A failure is logged; the file stays in `processing/` and the next start files it.
    @discardableResult
    func fileInput(_ claimed: FileName, as name: FileName, in outcome: Outcome) -> FileName? {
        do {
            let moved = try layout.processing.move(claimed, to: layout.folder(for: outcome), preferring: name)
            try? layout.folder(for: outcome).sync()
            return moved
        } catch {
            logger.error("cannot move the file to \(outcome.folder)/; it stays in \(InboxLayout.processingFolder)/ and is filed on the next start", metadata: [
                "event": "file-error", "file": .string(name.display), "outcome": .string(outcome.folder), "error": .string("\(error)"),
            ])
            return nil
        }
    }

    /// Processing failed after the claim: put the input back in the inbox, record why, log it.
    private func release(_ claimed: FileName, original: FileName, report: ReportFolder?, claim: String?, sha256: String?,
                         reason: String, error: Error) -> FileResult {
        report?.discard(in: layout.reports)
        var inputNow = "the input was put back in the inbox"
        do {
            if let back = try layout.processing.move(claimed, to: layout.inbox, preferring: original), back != original {
                inputNow = "the input was put back in the inbox as \(back.display)"
            }
        } catch {
            inputNow = "the input stays in \(InboxLayout.processingFolder)/ (\(error)) and is retried on the next start"
        }
        if let claim, let sha256 {
            var record = JournalRecord(type: .released, claim: claim, sha256: sha256)
            record.setOriginalName(original)
            record.reason = reason + ": " + "\(error)"
            try? journal.append(record)
        }
        failed(original, reason, error: error, inputNow: inputNow)
        return .failed
    }

    private func failed(_ name: FileName, _ reason: String, error: Error, inputNow: String) {
        logger.error("\(reason): \(Self.describe(error)); \(inputNow)", metadata: [
            "event": "failed", "file": .string(name.display), "error": .string(Self.describe(error)),
        ])
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? InboxFileError { return e.description }
        return String(describing: error)
    }

    /// The name a file gets in `processing/`: its own when that is UTF-8 (so the validator can open
    /// it by path), else a cleaned copy with the same extension. It gets its own name back when filed.
    static func processingName(for name: FileName) -> FileName {
        if name.isValidUTF8 { return name }
        let ext = FileName.sanitised(name.extensionBytes.dropFirst(), maxBytes: 16)
        let stem = FileName.sanitised(name.stemBytes, maxBytes: FileName.maxBytes - 20)
        return FileName(name.extensionBytes.isEmpty ? stem : stem + "." + ext)
    }

    static func sentence(for outcome: Outcome) -> String {
        switch outcome {
        case .accepted: return "every row valid: accepted"
        case .needsFixing: return "some rows need fixing"
        case .rejected: return "the file could not be processed: rejected"
        case .duplicates: return "already processed"
        }
    }
}
