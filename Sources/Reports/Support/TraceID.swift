#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Trace ids: 16 lower-case hex characters naming one run, printed with any failure and recorded in
/// the report, so a user can quote it in a service request and support can find the run's files.
public enum TraceID {
    /// A new trace id: 64 random bits from `/dev/urandom`; if that cannot be read, bits mixed from the
    /// clock, the process id and a counter (unique within the process, very likely across processes).
    public static func make() -> String {
        var value: UInt64 = 0
        if !readRandom(&value) { value = fallback() }
        return hex(value)
    }

    /// True for a string shaped like a trace id.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func readRandom(_ value: inout UInt64) -> Bool {
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let n = withUnsafeMutableBytes(of: &value) { read(fd, $0.baseAddress, 8) }
        return n == 8
    }

    private static let counter = Counter()

    private static func fallback() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var x = UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_007 &+ UInt64(truncatingIfNeeded: now.tv_nsec)
        x ^= UInt64(truncatingIfNeeded: getpid()) << 40
        x &+= counter.next() &* 0x9E37_79B9_7F4A_7C15
        // SplitMix64 finaliser, so consecutive ids do not look alike.
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// A process-wide counter, safe to use from several threads (the inbox runs files in parallel).
    private final class Counter: @unchecked Sendable {
        private var value: UInt64 = 0
        private var lock = pthread_mutex_t()
        init() { pthread_mutex_init(&lock, nil) }
        func next() -> UInt64 {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            value &+= 1
            return value
        }
    }
}
