import Foundation
import Logging
@testable import Inbox

/// A temporary inbox folder, removed at the end of the test.
final class TemporaryInbox {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func drop(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func names(in folder: String = "") -> [String] {
        let dir = folder.isEmpty ? path : path + "/" + folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: path + "/" + relative))).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The journal's records, parsed.
    func journal() -> [[String: Any]] {
        guard let text = read(".invitesheet/journal.jsonl") else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

/// A validator stand-in: the outcome comes from the file's first line (`accept`, `fix`, `reject`,
/// `fail` to throw, `grow` to append to the file the first time it is read), and it writes a small
/// report.json naming the file.
final class FakeProcessor: InboxProcessor, @unchecked Sendable {
    private let lock = NSLock()
    private var _calls: [String] = []
    var delay: Double = 0

    var calls: [String] { lock.withLock { _calls } }

    struct Failure: Error, CustomStringConvertible {
        var description: String { "the fake processor was told to fail" }
    }

    func process(file: String, displayName: String, reportDirectory: String) throws -> ProcessOutcome {
        lock.withLock { _calls.append(displayName) }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        if first.hasPrefix("fail") { throw Failure() }
        if first.hasPrefix("grow"), !text.contains("grown"), let handle = FileHandle(forWritingAtPath: file) {
            // A writer the watcher could not see goes on writing while the file is validated.
            handle.seekToEndOfFile()
            handle.write(Data("\ngrown".utf8))
            try? handle.close()
        }
        let outcome: Outcome = first.hasPrefix("reject") ? .rejected : first.hasPrefix("fix") ? .needsFixing : .accepted
        try Data("{\"file\":\(JSONLine.quoted(displayName))}".utf8).write(to: URL(fileURLWithPath: reportDirectory + "/report.json"))
        return ProcessOutcome(outcome: outcome, counts: OutcomeCounts(rows: 3, valid: outcome == .accepted ? 3 : 1,
                                                                      invalid: outcome == .accepted ? 0 : 2),
                              traceID: "00000000000000aa", codes: outcome == .accepted ? [:] : ["email.invalid": 2])
    }
}

/// Collects the JSON log lines a watcher writes.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []

    var lines: [String] { lock.withLock { _lines } }

    var logger: Logger {
        Logger(label: "test") { label in
            var handler = JSONLogHandler(label: label) { line in self.lock.withLock { self._lines.append(line) } }
            handler.logLevel = .debug
            return handler
        }
    }

    /// Parsed lines whose `event` is `event`.
    func events(_ event: String) -> [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["event"] as? String == event }
    }
}

func runOnce(_ inbox: TemporaryInbox, _ processor: InboxProcessor, _ log: LogCapture, workers: Int = 1) throws -> WatchTally {
    let config = WatchConfiguration(inboxPath: inbox.path, once: true, interval: 0.05, settle: 0, workers: workers)
    return try InboxWatcher(configuration: config, processor: processor, logger: log.logger).run()
}
