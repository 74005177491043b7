/// A date, time or date-time stored as an Excel serial number.
public struct ExcelDate: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case date, time, dateTime }
    /// Days since the epoch of the workbook's date system; the fraction is the time of day.
    public var serial: Double
    /// True when the workbook uses the 1904 date system (epoch 1904-01-01).
    public var uses1904: Bool
    public var kind: Kind

    public init(serial: Double, uses1904: Bool, kind: Kind) {
        self.serial = serial
        self.uses1904 = uses1904
        self.kind = kind
    }

    /// The largest serial Excel shows as a date: 9999-12-31 23:59:59.999 in the 1900 system.
    public static let maxSerial = 2_958_466.0

    /// Calendar fields (proleptic Gregorian) of the serial, rounded to the nearest millisecond.
    ///
    /// Day 0 of the 1900 system is 1899-12-31. Excel counts a fictitious 1900-02-29 as serial 60;
    /// like openpyxl and python-calamine, serial 60 is read as 1900-02-28 (the day before 1900-03-01).
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) {
        var totalMs = Int((serial * 86_400_000).rounded())
        var days = totalMs / 86_400_000
        totalMs -= days * 86_400_000
        if totalMs < 0 { totalMs += 86_400_000; days -= 1 }
        let civilDays: Int
        if uses1904 {
            civilDays = days + ExcelDate.daysFromCivil(1904, 1, 1)
        } else {
            civilDays = ExcelDate.daysFromCivil(1899, 12, 31) + days - (days >= 60 ? 1 : 0)
        }
        let (y, m, d) = ExcelDate.civilFromDays(civilDays)
        let seconds = totalMs / 1000
        return (y, m, d, seconds / 3600, (seconds / 60) % 60, seconds % 60, totalMs % 1000)
    }

    /// ISO 8601, decided by the value and not the format: `2024-01-31` when the time of day is
    /// exactly 0, `2024-01-31T13:45:00` otherwise (`.250` added when the milliseconds are not 0),
    /// and the time alone (`13:45:00`) for serials from 0 up to 1.
    public var iso8601: String {
        let c = components
        let hasTime = c.hour != 0 || c.minute != 0 || c.second != 0 || c.millisecond != 0
        let timeOnly = serial >= 0 && serial < 1 && (c.year, c.month, c.day) == (uses1904 ? (1904, 1, 1) : (1899, 12, 31))
        return String(unsafeUninitializedCapacity: 32) { out in
            var o = 0
            func put(_ b: UInt8) { out[o] = b; o += 1 }
            func digits(_ v: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor *= 10 }
                while v / divisor >= 10 { divisor *= 10 }  // a year beyond 9999 keeps every digit
                while divisor > 0 { put(UInt8(48 + (v / divisor) % 10)); divisor /= 10 }
            }
            if !timeOnly {
                digits(c.year, 4); put(UInt8(ascii: "-")); digits(c.month, 2); put(UInt8(ascii: "-")); digits(c.day, 2)
                guard hasTime else { return o }
                put(UInt8(ascii: "T"))
            }
            digits(c.hour, 2); put(UInt8(ascii: ":")); digits(c.minute, 2); put(UInt8(ascii: ":")); digits(c.second, 2)
            if c.millisecond != 0 { put(UInt8(ascii: ".")); digits(c.millisecond, 3) }
            return o
        }
    }

    /// Parses an ISO 8601 date or date-time (the `t="d"` cell type) into a serial in the given system.
    public static func parseISO8601(_ text: String, uses1904: Bool) -> ExcelDate? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= b.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        var seconds = 0.0
        var days = 0
        var kind = Kind.date
        var timeStart = 0
        if b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let y = num(0, 4), let m = num(5, 2), let d = num(8, 2), (1...12).contains(m), (1...31).contains(d) {
            let civil = daysFromCivil(y, m, d)
            if uses1904 {
                days = civil - daysFromCivil(1904, 1, 1)
            } else {
                days = civil - daysFromCivil(1899, 12, 31)
                if days >= 60 { days += 1 }
            }
            if b.count > 10 && (b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ")) {
                timeStart = 11
                kind = .dateTime
            } else if b.count == 10 {
                return ExcelDate(serial: Double(days), uses1904: uses1904, kind: .date)
            } else { return nil }
        } else {
            kind = .time
        }
        guard let h = num(timeStart, 2), b.count >= timeStart + 5, b[timeStart + 2] == UInt8(ascii: ":"),
              let mi = num(timeStart + 3, 2) else { return nil }
        var s = 0
        if b.count >= timeStart + 8, b[timeStart + 5] == UInt8(ascii: ":"), let sec = num(timeStart + 6, 2) { s = sec }
        seconds = Double(h * 3600 + mi * 60 + s)
        return ExcelDate(serial: Double(days) + seconds / 86_400, uses1904: uses1904, kind: kind)
    }

    // Howard Hinnant's days_from_civil / civil_from_days (days since 1970-01-01).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// An elapsed time stored under a `[h]:mm:ss`-style format: a number of days, written as an
/// ISO 8601 duration in seconds (`PT918610S`, `PT1.5S`, `-PT30S`).
public struct ExcelDuration: Sendable, Equatable {
    /// The stored serial: days, fractions included; negative for a negative duration.
    public var days: Double

    public init(days: Double) { self.days = days }

    /// `PT<seconds>S`, or `-PT<seconds>S` when negative; seconds rounded to the millisecond, with
    /// up to three decimals and no trailing zeros.
    public var iso8601: String {
        let ms = (abs(days) * 86_400_000).rounded()
        guard ms.isFinite, ms < 9e15 else { return GeneralNumberFormatter.format(days) }
        let total = Int64(ms)
        var out = days < 0 && total != 0 ? "-PT" : "PT"
        out += String(total / 1000)
        var fraction = Int(total % 1000)
        if fraction != 0 {
            var width = 3
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            let s = String(fraction)
            out += "." + String(repeating: "0", count: width - s.count) + s
        }
        return out + "S"
    }
}
