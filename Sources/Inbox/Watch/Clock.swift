#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time as the inbox needs it: monotonic seconds for settling and durations, UTC wall time for
/// logs, the journal and report folder names.
public enum Clock {
    /// Seconds on a clock that never goes backwards.
    public static func monotonic() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Now in UTC, ISO 8601 with milliseconds: `2025-03-14T10:15:02.123Z`.
    public static func timestamp() -> String {
        let (tm, ms) = utcNow()
        return "\(pad(Int(tm.tm_year) + 1900, 4))-\(pad(Int(tm.tm_mon) + 1))-\(pad(Int(tm.tm_mday)))T"
            + "\(pad(Int(tm.tm_hour))):\(pad(Int(tm.tm_min))):\(pad(Int(tm.tm_sec))).\(pad(ms, 3))Z"
    }

    /// Now in UTC for a folder name (no colons, which some shares refuse): `20250314T101502Z`.
    public static func compactTimestamp() -> String {
        let (tm, _) = utcNow()
        return "\(pad(Int(tm.tm_year) + 1900, 4))\(pad(Int(tm.tm_mon) + 1))\(pad(Int(tm.tm_mday)))T"
            + "\(pad(Int(tm.tm_hour)))\(pad(Int(tm.tm_min)))\(pad(Int(tm.tm_sec)))Z"
    }

    private static func utcNow() -> (tm, Int) {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        var seconds = t.tv_sec
        var out = tm()
        gmtime_r(&seconds, &out)
        return (out, Int(t.tv_nsec / 1_000_000))
    }

    private static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
