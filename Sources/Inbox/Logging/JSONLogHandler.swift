#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging

/// A swift-log handler that writes one JSON object per line to standard error:
/// `{"ts":…,"level":…,"event":…,"message":…, …metadata}`. Every string is escaped by `JSONLine`,
/// so file names with newlines or terminal escapes cannot forge or colour log lines.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let sink: @Sendable (String) -> Void

    /// A handler writing to standard error (one `write(2)` per line, so lines from threads never interleave).
    public init(label: String) {
        self.init(label: label) { line in
            var text = line
            text.withUTF8 { p in
                var offset = 0
                while offset < p.count {
                    let n = write(2, p.baseAddress! + offset, p.count - offset)
                    if n <= 0 { if errno == EINTR { continue } else { return } }
                    offset += n
                }
            }
        }
    }

    /// A handler handing each finished line (with its newline) to `sink`; for tests.
    public init(label: String, sink: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let extra = event.metadata { all.merge(extra) { $1 } }
        var line = JSONLine()
        line.add("ts", Clock.timestamp())
        line.add("level", event.level.rawValue)
        if let name = all.removeValue(forKey: "event") { line.add("event", raw: Self.encode(name)) }
        line.add("message", event.message.description)
        for key in all.keys.sorted() { line.add(key, raw: Self.encode(all[key]!)) }
        sink(line.finished + "\n")
    }

    /// A metadata value as JSON: numbers and booleans given as `.stringConvertible` stay numbers (so counts and
    /// durations can be summed by log tools); everything else is an escaped string.
    static func encode(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let s):
            return JSONLine.quoted(s)
        case .stringConvertible(let c):
            if c is Int || c is Int64 || c is Int32 || c is UInt64 { return c.description }
            if let b = c as? Bool { return b ? "true" : "false" }
            if let d = c as? Double, d.isFinite { return d.description }
            return JSONLine.quoted(c.description)
        case .array(let items):
            return "[" + items.map(encode).joined(separator: ",") + "]"
        case .dictionary(let d):
            return "{" + d.keys.sorted().map { JSONLine.quoted($0) + ":" + encode(d[$0]!) }.joined(separator: ",") + "}"
        }
    }
}
