#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inflates a zip entry on a second thread, a few chunks ahead of the XML parser, so a large sheet
/// uses both cores: one inflates and checks CRCs while the other parses.
///
/// The worker is the only user of the entry (libzip handles are not shared between threads while it
/// runs); limits are enforced by `ZipEntryReader` on the worker, and any error is handed over and
/// thrown from `read(into:)` on the parser's thread.
public final class PrefetchingReader {
    private let source: ZipEntryReader
    private let chunkSize: Int
    private let slots: Int
    private var buffers: [UnsafeMutablePointer<UInt8>]
    private var lengths: [Int]
    private var filled = 0          // slots ready for the reader
    private var head = 0            // next slot the reader takes
    private var tail = 0            // next slot the worker fills
    private var finished = false    // worker reached the end (or failed)
    private var cancelled = false
    private var failure: Error?
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var thread: pthread_t?
    // The slot being consumed and how far into it.
    private var current = -1
    private var offset = 0

    public init(_ source: ZipEntryReader, chunkSize: Int = 1 << 18, slots: Int = 4) {
        self.source = source
        self.chunkSize = chunkSize
        self.slots = slots
        buffers = (0..<slots).map { _ in .allocate(capacity: chunkSize) }
        lengths = Array(repeating: 0, count: slots)
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
        let me = Unmanaged.passRetained(self)
        var t = pthread_t()
        let started = pthread_create(&t, nil, { arg in
            let reader = Unmanaged<PrefetchingReader>.fromOpaque(arg!).takeRetainedValue()
            reader.work()
            return nil
        }, me.toOpaque())
        if started == 0 {
            thread = t
        } else {
            me.release()
            finished = true
            failure = ZipFailure.read(name: source.entry.name, message: "cannot start the inflating thread")
        }
    }

    deinit {
        for b in buffers { b.deallocate() }
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Stops the worker and waits for it; safe to call more than once.
    public func close() {
        pthread_mutex_lock(&mutex)
        cancelled = true
        pthread_cond_broadcast(&changed)
        pthread_mutex_unlock(&mutex)
        if let t = thread {
            pthread_join(t, nil)
            thread = nil
        }
    }

    private func work() {
        while true {
            pthread_mutex_lock(&mutex)
            while filled == slots && !cancelled { pthread_cond_wait(&changed, &mutex) }
            if cancelled { pthread_mutex_unlock(&mutex); return }
            let slot = tail
            pthread_mutex_unlock(&mutex)

            var n = 0
            var readError: Error?
            do {
                n = try source.read(into: UnsafeMutableBufferPointer(start: buffers[slot], count: chunkSize))
            } catch let e {
                readError = e
            }

            pthread_mutex_lock(&mutex)
            if let readError {
                failure = readError
                finished = true
            } else if n == 0 {
                finished = true
            } else {
                lengths[slot] = n
                tail = (tail + 1) % slots
                filled += 1
            }
            pthread_cond_broadcast(&changed)
            let done = finished
            pthread_mutex_unlock(&mutex)
            if done { return }
        }
    }

    /// Fills `buffer` with the next inflated bytes; 0 at the end. Throws what the worker met.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        if current < 0 {
            pthread_mutex_lock(&mutex)
            while filled == 0 && !finished { pthread_cond_wait(&changed, &mutex) }
            if filled == 0 {
                let failure = self.failure
                pthread_mutex_unlock(&mutex)
                if let failure { throw failure }
                return 0
            }
            current = head
            offset = 0
            pthread_mutex_unlock(&mutex)
        }
        let available = lengths[current] - offset
        let n = min(available, buffer.count)
        buffer.baseAddress!.update(from: buffers[current] + offset, count: n)
        offset += n
        if offset == lengths[current] {
            pthread_mutex_lock(&mutex)
            head = (head + 1) % slots
            filled -= 1
            current = -1
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
        return n
    }
}
