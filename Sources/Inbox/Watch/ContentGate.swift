#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets one worker at a time handle a given content hash, so two identical files dropped together
/// cannot both be validated before either has an outcome: the second waits, then finds the
/// first's outcome and is filed as a duplicate.
final class ContentGate: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var busy: Set<String> = []

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    func enter(_ sha256: String) {
        pthread_mutex_lock(&mutex)
        while busy.contains(sha256) { pthread_cond_wait(&condition, &mutex) }
        busy.insert(sha256)
        pthread_mutex_unlock(&mutex)
    }

    func leave(_ sha256: String) {
        pthread_mutex_lock(&mutex)
        busy.remove(sha256)
        pthread_cond_broadcast(&condition)
        pthread_mutex_unlock(&mutex)
    }
}
