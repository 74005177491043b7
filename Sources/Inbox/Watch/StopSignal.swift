#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A request to stop, and a sleep that ends early when one arrives. SIGINT and SIGTERM are turned
/// into requests by dispatch sources (nothing runs inside a signal handler); the watcher finishes
/// the file in hand and returns. A second signal while stopping exits at once (status 130): the
/// journal makes that safe too.
public final class StopSignal: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var stopRequested = false
    private var requestReason: String?
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "invitesheet.signals")

    public init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    /// Turns SIGINT and SIGTERM into stop requests. `onSignal` runs on a dispatch queue (not in a
    /// signal handler) with the signal's name, for a log line.
    public func installSignalHandlers(onSignal: @escaping @Sendable (String) -> Void = { _ in }) {
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.isRequested {
                    onSignal(name + " again")
                    _exit(130)
                }
                onSignal(name)
                self.request(reason: name)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Asks the watcher to stop after the file in hand.
    public func request(reason: String = "requested") {
        pthread_mutex_lock(&mutex)
        stopRequested = true
        requestReason = reason
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }

    public var isRequested: Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return stopRequested
    }

    public var reason: String? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return requestReason
    }

    /// Sleeps up to `seconds`; returns early (true) when a stop is requested.
    @discardableResult
    public func wait(seconds: Double) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if stopRequested { return true }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let total = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 + max(0, seconds)
        var deadline = timespec(tv_sec: Int(total), tv_nsec: Int((total - total.rounded(.down)) * 1e9))
        while !stopRequested {
            if pthread_cond_timedwait(&condition, &mutex, &deadline) == ETIMEDOUT { break }
        }
        return stopRequested
    }
}
