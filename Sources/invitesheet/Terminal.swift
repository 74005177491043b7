#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small terminal helpers: stderr output, TTY detection, a throttled progress line.
enum Terminal {
    static func standardError(_ text: String) {
        var t = text
        t.withUTF8 { p in _ = write(2, p.baseAddress, p.count) }
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    /// A file name or message made safe to print: control characters (newlines, ANSI escapes) shown escaped.
    static func printable(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20, 0x7F, 0x80..<0xA0: out += "\\u{\(String(s.value, radix: 16))}"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

/// A one-line progress display on stderr, only when stderr is a terminal, redrawn at most 4 times a second.
final class ProgressLine {
    private let enabled: Bool
    private var last: timespec = timespec()
    private var shown = false

    init(enabled: Bool = Terminal.standardErrorIsTerminal) { self.enabled = enabled }

    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let elapsed = Double(now.tv_sec - last.tv_sec) + Double(now.tv_nsec - last.tv_nsec) / 1e9
        guard elapsed >= 0.25 else { return }
        last = now
        Terminal.standardError("\r\u{1B}[K" + text())
        shown = true
    }

    func finish() {
        if shown { Terminal.standardError("\r\u{1B}[K") }
        shown = false
    }
}

func formatCount(_ n: Int) -> String {
    let s = String(n)
    var out = ""
    for (i, c) in s.reversed().enumerated() {
        if i > 0 && i % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return String(out.reversed())
}

/// A count with its noun, singular or plural: "1 row", "1,234 rows".
func formatCount(_ n: Int, _ noun: String) -> String {
    "\(formatCount(n)) \(n == 1 ? noun : noun + "s")"
}
