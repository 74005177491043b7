#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands rows from the parsing thread to the caller's row handler on a second thread, in batches
/// and in order, so parsing and per-row work (writing CSV, validating) overlap on two cores.
///
/// Memory is bounded: at most `maxQueued` batches of `batchSize` rows wait; the parser blocks when
/// the handler falls behind. The first error thrown by the handler stops the parser at its next row
/// and is rethrown by `finish()`.
final class RowPipe {
    private let body: (Row) throws -> Void
    private let batchSize: Int
    private let maxQueued: Int
    private var batch: [Row] = []
    private var batchCells = 0
    private var queue: [[Row]] = []
    private var closed = false
    private var failure: Error?
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?

    init(batchSize: Int = 512, maxQueued: Int = 4, body: @escaping (Row) throws -> Void) {
        self.body = body
        self.batchSize = batchSize
        self.maxQueued = maxQueued
        batch.reserveCapacity(batchSize)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        var t = pthread_t()
        let me = Unmanaged.passRetained(self)
        if pthread_create(&t, nil, { arg in
            Unmanaged<RowPipe>.fromOpaque(arg!).takeRetainedValue().drain()
            return nil
        }, me.toOpaque()) == 0 {
            thread = t
        } else {
            me.release()
        }
    }

    deinit {
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues a copy of the row (called on the parsing thread). Throws the handler's error, if any.
    func send(_ row: Row) throws {
        guard thread != nil else { try body(row); return }
        batch.append(row)
        batchCells += row.cells.count
        // A batch ends at `batchSize` rows or as many cells, so wide rows cannot pile up in the queue.
        if batch.count >= batchSize || batchCells >= batchSize * 32 { try flush() }
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
        batchCells = 0
    }

    /// Sends what is left, waits for the handler to finish every row and rethrows its error.
    func finish() throws {
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

    /// Stops without waiting for queued rows to be handled (the parser failed).
    func abandon() {
        guard let t = thread else { return }
        pthread_mutex_lock(&mutex)
        queue.removeAll()
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
            let rows = queue.removeFirst()
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
            do {
                for row in rows { try body(row) }
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
