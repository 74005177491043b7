import Dispatch
import Logging
import Reports

/// Watches an inbox folder: every file dropped there is taken once it has settled and no process has
/// it open for writing any more, claimed by an atomic rename into `processing/`, validated (or, when
/// it is not a spreadsheet, rejected with a report saying what it is), given a report folder, and
/// filed in `accepted/`, `needs-fixing/`, `rejected/` or (identical bytes seen before) `duplicates/`.
/// A file that changes after its claim has its outcome voided and is taken again. Inputs are only
/// ever renamed, never changed or deleted. See `InboxLayout` for the folders and `JournalRecord` for
/// what makes a restart after a crash safe.
public final class InboxWatcher {
    public let configuration: WatchConfiguration
    private let processor: InboxProcessor
    private let logger: Logger
    private let stop: StopSignal
    private let filter = NameFilter()
    private var tracker: SettleTracker
    /// Names already logged as skipped, so each is logged once while it stays.
    private var loggedSkips: Set<FileName> = []
    /// Files whose processing failed: not retried before `at`, unless they change.
    private var retries: [FileName: Retry] = [:]
    private var tally = WatchTally()
    /// Settled files another process still has open for writing (each logged once while it lasts).
    private var writersOpen: Set<FileName> = []
    /// Whether the log already says that open writers cannot be seen here.
    private var saidWriterCheckUnavailable = false
    /// What inotify saw writers do in the inbox: the answer where a read lease cannot be taken.
    private var writeEvents: WriteEvents?

    private struct Retry {
        var signature: SettleTracker.Signature
        var at: Double
        var delay: Double
    }

    public init(configuration: WatchConfiguration, processor: InboxProcessor, logger: Logger, stop: StopSignal = StopSignal()) {
        self.configuration = configuration
        self.processor = processor
        self.logger = logger
        self.stop = stop
        tracker = SettleTracker(settleSeconds: configuration.settle)
    }

    /// Sets up the inbox, takes its lock, finishes what an interrupted run left, then watches until
    /// stopped (or, with `once`, until the files there now are handled). Throws `InboxLockError`
    /// when another watcher holds the inbox, and `InboxFileError`/`InboxLayoutError` when the
    /// folders cannot be set up; problems with single files are logged, never thrown.
    public func run() throws -> WatchTally {
        let layout = try InboxLayout(path: configuration.inboxPath)
        let lock = try InboxLock(in: layout.state)
        defer { withExtendedLifetime(lock) {} }
        writeEvents = WriteEvents(directory: layout.inbox)
        let journal = try Journal(in: layout.state)
        let handler = FileHandler(layout: layout, journal: journal, processor: processor, logger: logger)
        logger.info("watching \(FileName(configuration.inboxPath).display)", metadata: [
            "event": "started", "inbox": .string(FileName(configuration.inboxPath).display),
            "once": .stringConvertible(configuration.once), "interval": .stringConvertible(configuration.interval),
            "settle": .stringConvertible(configuration.settle), "workers": .stringConvertible(configuration.workers),
            "journalRecords": .stringConvertible(journal.state.recordCount), "pid": .stringConvertible(Int(getProcessID())),
        ])
        if journal.unreadableLines > 0 {
            logger.warning("skipped \(journal.unreadableLines) unreadable journal line(s), most likely a record cut short by a crash", metadata: [
                "event": "journal-damaged", "lines": .stringConvertible(journal.unreadableLines),
            ])
        }
        Recovery(handler: handler, logger: logger, stop: stop).run { self.tally.countResult($0) }
        if configuration.once { runOnce(layout, handler) } else { runUntilStopped(layout, handler) }
        var metadata: Logger.Metadata = ["event": "stopped"]
        for (key, value) in tally.dictionary { metadata[key] = .stringConvertible(value) }
        if let reason = stop.reason { metadata["signal"] = .string(reason) }
        logger.info("stopped", metadata: metadata)
        return tally
    }

    private func runUntilStopped(_ layout: InboxLayout, _ handler: FileHandler) {
        while !stop.isRequested {
            let ready = scanForReady(layout, limitedTo: nil)
            handle(ready, handler)
            if stop.isRequested { break }
            let now = Clock.monotonic()
            var wait = configuration.interval
            if let next = tracker.secondsUntilNextSettles(at: now) { wait = min(wait, max(0.01, next)) }
            stop.wait(seconds: wait)
        }
    }

    /// Handles the files in the inbox now: each is taken as soon as it settles; a file still changing
    /// when `settle` seconds have passed is left for the next run.
    private func runOnce(_ layout: InboxLayout, _ handler: FileHandler) {
        let start = Clock.monotonic()
        var present = Set(scanCandidates(layout).map(\.0))
        while !stop.isRequested {
            let ready = scanForReady(layout, limitedTo: present)
            let results = handle(ready, handler)
            // A file a writer opened meanwhile, or whose outcome was void, is still to be handled.
            for ((name, _), result) in zip(ready, results) where result != .writerOpen && result != .void { present.remove(name) }
            let stillThere = Set(scanCandidates(layout).map(\.0))
            present.formIntersection(stillThere)
            if present.isEmpty || stop.isRequested { break }
            let now = Clock.monotonic()
            let deadline = start + configuration.settle + 0.05
            if now >= deadline && ready.isEmpty {
                for name in present.sorted() {
                    tally.notSettled += 1
                    let why = writersOpen.contains(name) ? "still open for writing by another process" : "still changing after \(configuration.settle) s"
                    logger.warning("\(why); left for the next run", metadata: [
                        "event": "not-settled", "file": .string(name.display), "reason": .string(why),
                    ])
                }
                break
            }
            var wait = min(configuration.interval, max(0.01, deadline - now))
            if let next = tracker.secondsUntilNextSettles(at: now) { wait = min(wait, max(0.01, next)) }
            stop.wait(seconds: wait)
        }
    }

    /// Handles settled files, several at once when there are workers to spare. Stops taking new
    /// files as soon as a stop is requested; the ones in hand are finished.
    @discardableResult
    private func handle(_ ready: [(FileName, SettleTracker.Signature)], _ handler: FileHandler) -> [FileResult] {
        guard !ready.isEmpty else { return [] }
        var results = [FileResult](repeating: .notTaken, count: ready.count)
        let workers = min(configuration.workers, ready.count)
        if workers <= 1 {
            for (i, (name, signature)) in ready.enumerated() {
                if stop.isRequested { break }
                results[i] = handler.take(name, expected: signature)
            }
        } else {
            let queue = WorkQueue(count: ready.count)
            let stop = self.stop
            results.withUnsafeMutableBufferPointer { out in
                let slots = UnsafeMutableSendableBuffer(out)
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while !stop.isRequested, let i = queue.next() {
                        slots.buffer[i] = handler.take(ready[i].0, expected: ready[i].1)
                    }
                }
            }
        }
        let now = Clock.monotonic()
        for (i, (name, signature)) in ready.enumerated() {
            // One a writer has open stays tracked: it is asked again at the next scan.
            if results[i] != .writerOpen { tracker.forget(name) }
            tally.countResult(results[i])
            if results[i] == .failed && !configuration.once {
                let delay = min(configuration.maxRetryDelay, (retries[name]?.delay).map { $0 * 2 } ?? configuration.retryDelay)
                retries[name] = Retry(signature: signature, at: now + delay, delay: delay)
                logger.info("will retry in \(Int(delay)) s", metadata: ["event": "retry-scheduled", "file": .string(name.display)])
            } else {
                retries[name] = nil
            }
        }
        return results
    }

    /// Scans the inbox and returns the files that have settled (limited to `names` when given).
    private func scanForReady(_ layout: InboxLayout, limitedTo names: Set<FileName>?) -> [(FileName, SettleTracker.Signature)] {
        var candidates = scanCandidates(layout)
        if let names { candidates = candidates.filter { names.contains($0.0) } }
        let signatures = Dictionary(candidates.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        var ready: [(FileName, SettleTracker.Signature)] = []
        for name in tracker.observe(candidates, at: Clock.monotonic()) {
            guard let signature = signatures[name], isClosedByWriters(name, in: layout) else { continue }
            ready.append((name, signature))
        }
        return ready
    }

    /// False while another process has the settled file open for writing (a copy that paused longer
    /// than the settle time): asked with a read lease, else read from inotify's events. Where neither
    /// can tell, says so once and trusts the settle time.
    private func isClosedByWriters(_ name: FileName, in layout: InboxLayout) -> Bool {
        var state = layout.inbox.writerState(name)
        if case .unknown = state, let seen = writeEvents?.state(name) { state = seen }
        switch state {
        case .closed:
            writersOpen.remove(name)
            return true
        case .openForWriting:
            if writersOpen.insert(name).inserted {
                logger.info("still open for writing by another process; taken once it is closed and settled", metadata: [
                    "event": "writer-open", "file": .string(name.display),
                ])
            }
            return false
        case .unknown(let reason):
            if !saidWriterCheckUnavailable {
                saidWriterCheckUnavailable = true
                logger.notice("cannot tell whether files are still open for writing (\(reason)); relying on the settle time of \(configuration.settle) s alone", metadata: [
                    "event": "writer-check-unavailable", "file": .string(name.display), "reason": .string(reason),
                ])
            }
            writersOpen.remove(name)
            return true
        }
    }

    /// Regular files with a supported name, not waiting for a retry. Logs each skipped name once.
    private func scanCandidates(_ layout: InboxLayout) -> [(FileName, SettleTracker.Signature)] {
        let names: [FileName]
        do {
            names = try layout.inbox.names()
        } catch {
            logger.error("cannot list the inbox: \(FileHandler.describe(error))", metadata: ["event": "scan-error"])
            return []
        }
        let now = Clock.monotonic()
        var out: [(FileName, SettleTracker.Signature)] = []
        var seen: Set<FileName> = []
        for name in names {
            guard let status = try? layout.inbox.status(name) else { continue }
            if status.kind == .directory, let text = name.exactString, InboxLayout.folderNames.contains(text) { continue }
            seen.insert(name)
            if let skip = filter.skip(name, kind: status.kind) {
                if !loggedSkips.contains(name) {
                    loggedSkips.insert(name)
                    let metadata: Logger.Metadata = ["event": "skipped", "file": .string(name.display), "reason": .string(skip.reason)]
                    if skip.isRoutine {
                        logger.debug("not taken: \(skip.reason)", metadata: metadata)
                    } else {
                        logger.notice("not taken: \(skip.reason); left where it is", metadata: metadata)
                    }
                }
                continue
            }
            let signature = SettleTracker.Signature(status)
            if let retry = retries[name] {
                if retry.signature == signature && now < retry.at { continue }
            }
            out.append((name, signature))
        }
        loggedSkips.formIntersection(seen)
        writersOpen.formIntersection(seen)
        retries = retries.filter { seen.contains($0.key) }
        return out
    }
}

extension WatchTally {
    mutating func countResult(_ result: FileResult) {
        switch result {
        case .filed(let outcome): count(outcome)
        case .duplicate(let previous): count(.duplicates, duplicateOf: previous)
        case .failed: failed += 1
        case .void: void += 1
        case .notTaken, .writerOpen: break
        }
    }
}

/// Hands out indices 0..<count to worker threads, each exactly once.
private final class WorkQueue: @unchecked Sendable {
    private var nextIndex = 0
    private let count: Int
    private var mutex = pthread_mutex_t()

    init(count: Int) {
        self.count = count
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func next() -> Int? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}

/// A result buffer that worker threads write at distinct indices.
private struct UnsafeMutableSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

#if canImport(Glibc)
import Glibc
private func getProcessID() -> Int32 { getpid() }
#elseif canImport(Darwin)
import Darwin
private func getProcessID() -> Int32 { getpid() }
#endif
