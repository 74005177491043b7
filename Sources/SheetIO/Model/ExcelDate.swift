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

    /// Calendar fields (proleptic Gregorian) of the serial, rounded to the nearest second.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var totalSeconds = Int((serial * 86_400).rounded())
        var days = totalSeconds / 86_400
        totalSeconds -= days * 86_400
        if totalSeconds < 0 { totalSeconds += 86_400; days -= 1 }
        // Day 0 of the 1900 system is 1899-12-31 and Excel counts a fictitious 1900-02-29 (serial 60).
        var civilDays: Int
        if uses1904 {
            civilDays = days + ExcelDate.daysFromCivil(1904, 1, 1)
        } else {
            let base = ExcelDate.daysFromCivil(1899, 12, 31)
            civilDays = base + days - (days > 60 ? 1 : 0)
        }
        var (y, m, d) = ExcelDate.civilFromDays(civilDays)
        if !uses1904 && days == 60 { (y, m, d) = (1900, 2, 29) }
        return (y, m, d, totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60)
    }

    /// ISO 8601: `2024-01-31`, `2024-01-31T13:45:00` or `13:45:00`.
    public var iso8601: String {
        let c = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let date = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
        let time = "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        switch kind {
        case .date: return date
        case .time: return serial < 1 && serial >= 0 ? time : "\(date)T\(time)"
        case .dateTime: return "\(date)T\(time)"
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
