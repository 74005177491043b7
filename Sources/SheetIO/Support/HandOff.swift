#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands values from one thread to a handler running on a thread of its own, in batches and in
/// order, so two stages of a stream overlap on two cores: the reader's parser and the row handler
/// (`RowPipe`), or the rules and the writers of their outputs (`ValidationRunner`).
///
/// Memory is bounded: at most `maxQueued` batches wait, each ending at `batchSize` values or
/// `batchSize * 32` units of `weight` (cells, say), and the sender blocks when the handler falls
/// behind. The first error thrown by the handler stops the sender at its next `send` and is
/// rethrown by `finish()`. If no thread can be started, `send` calls the handler directly.
public final class HandOff<Element> {
    private let body: (Element) throws -> Void
    private let weight: (Element) -> Int
    private let batchSize: Int
    private let maxQueued: Int
    private var batch: [Element] = []
    private var batchWeight = 0
    private var queue: [[Element]] = []
    private var closed = false
    private var failure: Error?
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    public init(batchSize: Int = 512, maxQueued: Int = 4, weight: @escaping (Element) -> Int = { _ in 1 },
                body: @escaping (Element) throws -> Void) {
        self.body = body
        self.weight = weight
        self.batchSize = batchSize
        self.maxQueued = maxQueued
        batch.reserveCapacity(batchSize)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        // The thread owns the hand-off until it has drained it.
        thread = startThread { [self] in self.drain() }
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues the value (called on the sending thread). Throws the handler's error, if any.
    public func send(_ value: Element) throws {
        guard thread != nil else { try body(value); return }
        batchWeight += weight(value)
        batch.append(value)
        if batch.count >= batchSize || batchWeight >= batchSize * 32 { try flush() }
    }

    private func flush() throws {
        pthread_mutex_lock(&mutex)
        while queue.count >= maxQueued && failure == nil { pthread_cond_wait(&changed, &mutex) }
        if let failure {
            pthread_mutex_unlock(&mutex)
            throw failure
        }
        queue.append(batch)
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        batch = []
        batch.reserveCapacity(batchSize)
        batchWeight = 0
    }

    /// Sends what is left, waits for the handler to finish every value and rethrows its error.
    public func finish() throws {
        guard let t = thread else { return }
        var pending: Error?
        if !batch.isEmpty {
            do { try flush() } catch { pending = error }
        }
        close()
        pthread_join(t, nil)
        thread = nil
        if let failure { throw failure }
        if let pending { throw pending }
    }

    /// Stops without waiting for queued values to be handled (the sender failed).
    public func abandon() {
        guard let t = thread else { return }
        pthread_mutex_lock(&mutex)
        queue.removeAll()
        batch.removeAll()
        closed = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        pthread_join(t, nil)
        thread = nil
    }

    private func close() {
        pthread_mutex_lock(&mutex)
        closed = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
    }

    private func drain() {
        while true {
            pthread_mutex_lock(&mutex)
            while queue.isEmpty && !closed { pthread_cond_wait(&changed, &mutex) }
            if queue.isEmpty {
                pthread_mutex_unlock(&mutex)
                return
            }
            let values = queue.removeFirst()
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
            do {
                for value in values { try body(value) }
            } catch {
                pthread_mutex_lock(&mutex)
                failure = error
                queue.removeAll()
                pthread_cond_broadcast(&changed)
                pthread_mutex_unlock(&mutex)
                return
            }
        }
    }
}

/// What a started thread runs.
private final class ThreadStart {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Starts a thread running `body`; nil when none could be started (`body` is then not run). A C
/// function pointer cannot capture context or name a generic type, hence the start box.
private func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    var t = pthread_t()
    let start = Unmanaged.passRetained(ThreadStart(body))
    guard pthread_create(&t, nil, { arg in
        Unmanaged<ThreadStart>.fromOpaque(arg!).takeRetainedValue().run()
        return nil
    }, start.toOpaque()) == 0 else {
        start.release()
        return nil
    }
    return t
}

/// Rows from the parsing thread to the row handler: a batch also ends at `batchSize * 32` cells,
/// so wide rows cannot pile up in the queue.
typealias RowPipe = HandOff<Row>

extension HandOff where Element == Row {
    convenience init(body: @escaping (Row) throws -> Void) {
        self.init(weight: { $0.cells.count }, body: body)
    }
}

/// One piece of work run on a thread of its own while the caller does something else; `wait()`
/// returns its result or rethrows its error. (Without a thread, the work runs at once.)
public final class BackgroundWork<Value> {
    private var result: Result<Value, Error>?
    private var thread: pthread_t?

    public init(_ work: @escaping () throws -> Value) {
        thread = startThread { [self] in self.result = Result { try work() } }
        if thread == nil { result = Result { try work() } }
    }

    /// Waits for the work to end (joining its thread makes its writes visible here).
    public func wait() throws -> Value {
        if let t = thread {
            pthread_join(t, nil)
            thread = nil
        }
        return try result!.get()
    }
}
