/// How a watcher runs.
public struct WatchConfiguration: Sendable {
    /// The inbox folder (must exist).
    public var inboxPath: String
    /// Process the files there now, then return (for cron), instead of watching until stopped.
    public var once = false
    /// Seconds between scans of the inbox.
    public var interval: Double = 2
    /// Seconds a file's size and modification time must stay unchanged before it is taken.
    public var settle: Double = 5
    /// Files validated at the same time (each file is still handled exactly once).
    public var workers = 1
    /// First wait before retrying a file whose processing failed (doubles up to `maxRetryDelay`).
    public var retryDelay: Double = 10
    public var maxRetryDelay: Double = 300

    public init(inboxPath: String, once: Bool = false, interval: Double = 2, settle: Double = 5, workers: Int = 1) {
        self.inboxPath = inboxPath
        self.once = once
        self.interval = interval
        self.settle = settle
        self.workers = max(1, workers)
    }
}

/// What a watcher did, for the final log line and the `--once` exit code.
public struct WatchTally: Sendable, Equatable {
    public var accepted = 0
    public var needsFixing = 0
    public var rejected = 0
    public var duplicates = 0
    /// Files that could not be handled (say, the reports folder is read-only); they stay in the inbox.
    public var failed = 0
    /// Files left because they did not settle in time, or a writer still had them open (`--once` only).
    public var notSettled = 0
    /// Outcomes made void because the file changed after it was claimed; the file was taken again.
    public var void = 0
    /// The outcome that decides `--once`'s exit code: rejected over needs-fixing over accepted, a
    /// duplicate counting as the file it duplicates. nil when nothing was filed.
    public private(set) var worst: Outcome?

    public init() {}

    /// Counts one filed file; `previous` is, for a duplicate, the outcome of the file it duplicates.
    mutating func count(_ outcome: Outcome, duplicateOf previous: Outcome? = nil) {
        switch outcome {
        case .accepted: accepted += 1
        case .needsFixing: needsFixing += 1
        case .rejected: rejected += 1
        case .duplicates: duplicates += 1
        }
        let judged = outcome == .duplicates ? previous : outcome
        if let judged, Self.severity(judged) > worst.map(Self.severity) ?? -1 { worst = judged }
    }

    private static func severity(_ outcome: Outcome) -> Int {
        switch outcome {
        case .accepted, .duplicates: return 0
        case .needsFixing: return 1
        case .rejected: return 2
        }
    }

    public var processed: Int { accepted + needsFixing + rejected }

    var dictionary: [String: Int] {
        ["accepted": accepted, "needsFixing": needsFixing, "rejected": rejected, "duplicates": duplicates,
         "failed": failed, "notSettled": notSettled, "void": void]
    }
}
