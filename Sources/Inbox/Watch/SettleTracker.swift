/// Remembers what each candidate file looked like at every scan, and says which ones have kept the
/// same size, modification time and identity for the settle period: only those are safe to read
/// (a file still being copied keeps changing). Times are monotonic seconds.
public struct SettleTracker: Sendable {
    /// What must not change while a file settles.
    public struct Signature: Equatable, Sendable {
        public var size: Int
        public var modified: Int64
        public var device: UInt64
        public var inode: UInt64

        public init(size: Int, modified: Int64, device: UInt64 = 0, inode: UInt64 = 0) {
            self.size = size
            self.modified = modified
            self.device = device
            self.inode = inode
        }

        public init(_ status: EntryStatus) {
            self.init(size: status.size, modified: status.modified, device: status.device, inode: status.inode)
        }
    }

    private struct Observation {
        var signature: Signature
        /// When this signature was first seen.
        var since: Double
    }

    public let settleSeconds: Double
    private var observations: [FileName: Observation] = [:]

    public init(settleSeconds: Double) { self.settleSeconds = max(0, settleSeconds) }

    /// Records one scan: every candidate seen now with its signature. Files not in `seen` are
    /// forgotten (they were taken, moved or deleted). Returns the files that have settled, oldest
    /// first.
    public mutating func observe(_ seen: [(FileName, Signature)], at now: Double) -> [FileName] {
        var next: [FileName: Observation] = [:]
        next.reserveCapacity(seen.count)
        for (name, signature) in seen {
            if let old = observations[name], old.signature == signature {
                next[name] = old
            } else {
                next[name] = Observation(signature: signature, since: now)
            }
        }
        observations = next
        return next.filter { isSettled($0.value, at: now) }
            .sorted { ($0.value.since, $0.key) < ($1.value.since, $1.key) }
            .map(\.key)
    }

    /// Forgets a file (after it was taken), so a new file of the same name settles afresh.
    public mutating func forget(_ name: FileName) { observations[name] = nil }

    /// Seconds until the next tracked file that has not settled would settle if it stays unchanged;
    /// nil when nothing is waiting.
    public func secondsUntilNextSettles(at now: Double) -> Double? {
        observations.values.filter { !isSettled($0, at: now) }.map { $0.since + settleSeconds - now }.min()
    }

    /// Every file being tracked, settled or not.
    public var tracked: [FileName] { observations.keys.sorted() }

    public var count: Int { observations.count }

    private func isSettled(_ o: Observation, at now: Double) -> Bool { now - o.since >= settleSeconds }
}
