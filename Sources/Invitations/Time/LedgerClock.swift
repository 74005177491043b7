import Foundation

/// The one clock every rule about days and hours reads: the real time, or `INVITESHEET_NOW`
/// (ISO 8601, e.g. `2026-12-01T09:00:00Z`) when it is set — for tests and for replaying a day.
/// Times are whole seconds since 1970 (UTC), as the ledger stores them.
public struct LedgerClock: Sendable {
    /// The environment variable that fixes the time.
    public static let environmentVariable = "INVITESHEET_NOW"

    private let fixed: Int64?

    /// The real clock.
    public static let system = LedgerClock(fixed: nil)

    /// A clock stopped at `seconds` since 1970.
    public static func fixed(_ seconds: Int64) -> LedgerClock { LedgerClock(fixed: seconds) }

    private init(fixed: Int64?) { self.fixed = fixed }

    /// `INVITESHEET_NOW` when set in `environment`, else the real clock. Throws when it is set but
    /// is not an ISO 8601 time.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LedgerClock {
        guard let text = environment[environmentVariable], !text.isEmpty else { return .system }
        guard let seconds = LedgerTime.parse(text) else {
            throw LedgerClockError(value: text)
        }
        return .fixed(seconds)
    }

    /// Now, in seconds since 1970.
    public func now() -> Int64 {
        if let fixed { return fixed }
        return Int64(Date().timeIntervalSince1970.rounded(.down))
    }
}

/// `INVITESHEET_NOW` holds something that is not a time.
public struct LedgerClockError: Error, CustomStringConvertible, Sendable {
    public var value: String
    public var description: String {
        "\(LedgerClock.environmentVariable)=\"\(value)\" is not an ISO 8601 time; use e.g. 2026-12-01T09:00:00Z, or unset it"
    }
}

/// Formatting and parsing of ledger times (UTC, ISO 8601).
public enum LedgerTime {
    /// `2026-12-01T09:00:00Z`.
    public static func iso(_ seconds: Int64) -> String {
        let (date, time) = split(seconds)
        return "\(date)T\(time)Z"
    }

    /// `2026-12-01 09:00 UTC`, for people.
    public static func readable(_ seconds: Int64) -> String {
        let (date, time) = split(seconds)
        return "\(date) \(time.prefix(5)) UTC"
    }

    /// `2026-12-01`.
    public static func date(_ seconds: Int64) -> String { split(seconds).date }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` or a bare date `YYYY-MM-DD` (midnight UTC).
    public static func parse(_ text: String) -> Int64? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var n = 0
            for b in s[from..<from + count] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard let year = number(0, 4), s.count >= 10, s[4] == UInt8(ascii: "-"), let month = number(5, 2),
              s[7] == UInt8(ascii: "-"), let day = number(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = daysFromCivil(year, month, day) * 86_400
        if s.count == 10 { return seconds }
        guard s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: " "), let hour = number(11, 2), s.count > 13,
              s[13] == UInt8(ascii: ":"), let minute = number(14, 2), hour < 24, minute < 60 else { return nil }
        seconds += Int64(hour * 3600 + minute * 60)
        var i = 16
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard let second = number(i + 1, 2), second < 61 else { return nil }
            seconds += Int64(second)
            i += 3
            if i < s.count, s[i] == UInt8(ascii: ".") {
                i += 1
                while i < s.count, s[i] >= 0x30 && s[i] <= 0x39 { i += 1 }
            }
        }
        guard i < s.count else { return nil }  // a zone is required: local time would not replay the same everywhere
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") { return i + 1 == s.count ? seconds : nil }
        guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let zh = number(i + 1, 2), s.count == i + 6,
              s[i + 3] == UInt8(ascii: ":"), let zm = number(i + 4, 2) else { return nil }
        let offset = Int64(zh * 3600 + zm * 60)
        return s[i] == UInt8(ascii: "+") ? seconds - offset : seconds + offset
    }

    private static func split(_ seconds: Int64) -> (date: String, time: String) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let (y, m, d) = civilFromDays(days)
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let t = String(n)
            return String(repeating: "0", count: max(0, width - t.count)) + t
        }
        return ("\(pad(y, 4))-\(pad(m))-\(pad(d))", "\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))")
    }

    // Howard Hinnant's civil-date algorithms (proleptic Gregorian calendar).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = year - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }

    private static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
