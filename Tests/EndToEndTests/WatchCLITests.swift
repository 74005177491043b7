import Foundation
import XCTest

/// `invitesheet watch` run as an operator runs it: the real binary on a temporary inbox.
final class WatchCLITests: XCTestCase {
    private var binary: String!
    private var samples: WatchSamples!
    private var inbox: WatchInbox!

    override func setUpWithError() throws {
        binary = try WatchBinary.locate()
        samples = try WatchSamples(binary: binary)
        inbox = try WatchInbox()
    }

    override func tearDown() {
        inbox = nil
        samples = nil
    }

    private func once(settle: Double = 0, timeout: Double = 120, _ extra: [String] = []) throws -> WatchRun {
        try runInvitesheet(binary, ["watch", inbox.path, "--once", "--settle", String(settle), "--interval", "0.1"] + extra, timeout: timeout)
    }

    private func watcher(settle: Double = 0, interval: Double = 0.1) throws -> BackgroundWatcher {
        try BackgroundWatcher(binary, ["watch", inbox.path, "--settle", String(settle), "--interval", String(interval)])
    }

    /// Every stderr line is one JSON object, with no raw control characters.
    private func assertCleanLog(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for l in text.split(separator: "\n") {
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(l.utf8)), "not JSON: \(l)", file: file, line: line)
            XCTAssertFalse(l.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                           "raw control character in: \(l)", file: file, line: line)
        }
    }

    func testTwoHundredFilesDroppedAtOnceAreEachProcessedExactlyOnce() throws {
        let files = try samples.make(count: 200, rows: 100, firstSeed: 1000)
        let watch = try watcher(settle: 0.5)
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log)
        for (i, file) in files.enumerated() {
            try inbox.drop(file, as: "users-\(i)." + (file.hasSuffix(".csv") ? "csv" : "xlsx"))
        }
        let done = eventually(timeout: 300, every: 0.2) { inbox.records("outcome").count >= 200 }
        XCTAssertTrue(done, "outcomes: \(inbox.records("outcome").count)")
        Thread.sleep(forTimeInterval: 0.5)  // any second processing would show now
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 30), 0)

        let outcomes = inbox.records("outcome")
        XCTAssertEqual(outcomes.count, 200)
        XCTAssertEqual(Set(outcomes.compactMap { $0["sha256"] as? String }).count, 200, "each content once")
        XCTAssertEqual(inbox.records("claimed").count, 200)
        XCTAssertEqual(inbox.records("duplicate").count, 0)
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 200)
        XCTAssertFalse(reports.contains { $0.hasPrefix(".tmp-") })
        XCTAssertEqual(Set(outcomes.compactMap { $0["reportDir"] as? String }).count, 200)
        for report in reports.prefix(5) {
            XCTAssertEqual(Set(inbox.names(in: "reports/" + report)).isSuperset(of: ["report.json", "errors.csv"]), true, report)
        }
        let filed = inbox.names(in: "accepted").count + inbox.names(in: "needs-fixing").count + inbox.names(in: "rejected").count
        XCTAssertEqual(filed, 200)
        XCTAssertEqual(inbox.waitingFiles, [])
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(watch.events("processed").count, 200)
        assertCleanLog(watch.log)
    }

    func testAFileWrittenSlowlyIsNotTakenBeforeItSettles() throws {
        let source = try samples.make(rows: 300, seed: 7, ext: "csv")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let watch = try watcher(settle: 1.5, interval: 0.1)
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log)

        let target = inbox.path + "/slow.csv"
        FileManager.default.createFile(atPath: target, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        let chunks = 10
        let size = (bytes.count + chunks - 1) / chunks
        let writer = Thread {
            for i in 0..<chunks {
                handle.write(bytes.subdata(in: (i * size)..<min(bytes.count, (i + 1) * size)))
                Thread.sleep(forTimeInterval: 0.3)
            }
            try? handle.close()
        }
        let writing = Date()
        writer.start()
        // While chunks keep coming (3 s), the file must stay where it is, untouched.
        while Date().timeIntervalSince(writing) < Double(chunks) * 0.3 - 0.1 {
            XCTAssertTrue(FileManager.default.fileExists(atPath: target), "taken while still being written")
            XCTAssertEqual(inbox.records("claimed").count, 0)
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(eventually(timeout: 60) { inbox.records("outcome").count == 1 }, watch.log)
        let claim = try XCTUnwrap(inbox.records("claimed").first)
        XCTAssertEqual(claim["size"] as? Int, bytes.count, "read whole")
        XCTAssertEqual(claim["sha256"] as? String, sha256OfFile(source))
        let claimedAt = try XCTUnwrap(watch.events("claimed").first)
        XCTAssertNotNil(claimedAt["ts"])
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 30), 0)
    }

    func testKillDuringProcessingThenRestartFilesTheInputOnceWithOneReport() throws {
        let big = try samples.make(rows: 200_000, seed: 42, ext: "xlsx")
        let watch = try watcher()
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log)
        try inbox.drop(big, as: "big.xlsx")
        XCTAssertTrue(eventually(timeout: 30, every: 0.01) { !inbox.records("claimed").isEmpty }, watch.log)
        Thread.sleep(forTimeInterval: 0.3)
        watch.signal(SIGKILL)
        _ = watch.waitForExit(timeout: 30)
        XCTAssertEqual(inbox.names(in: "processing"), ["big.xlsx"], "killed mid-validation: \(watch.log)")
        XCTAssertEqual(inbox.records("outcome").count, 0)

        // A debug build takes a minute or two for 200,000 rows.
        let restart = try once(timeout: 900)
        XCTAssertEqual(restart.status, 1, "some rows need fixing: \(restart.stderr)")
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["big.xlsx"])
        XCTAssertEqual(inbox.names(in: "processing"), [])
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 1, "exactly one report: \(reports)")
        let report = try XCTUnwrap(reports.first)
        XCTAssertTrue(report.hasPrefix("big-"))
        XCTAssertTrue(inbox.names(in: "reports/" + report).contains("report.json"))
        XCTAssertEqual(inbox.records("outcome").count, 1)
        XCTAssertEqual(inbox.records("duplicate").count, 0, "a replay is not a duplicate")
        XCTAssertEqual(restart.events("recovering").count, 1)
        XCTAssertEqual(sha256OfFile(inbox.path + "/needs-fixing/big.xlsx"), inbox.records("outcome").first?["sha256"] as? String,
                       "the input is unchanged")
    }

    func testSigtermFinishesTheFileInHandThenExitsZero() throws {
        let big = try samples.make(rows: 30_000, seed: 43, ext: "xlsx")
        let watch = try watcher()
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log)
        try inbox.drop(big, as: "big.xlsx")
        XCTAssertTrue(eventually(timeout: 30, every: 0.01) { !inbox.records("claimed").isEmpty }, watch.log)
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 300), 0, watch.log)
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["big.xlsx"], "finished, not abandoned")
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(watch.events("stopping").count, 1)
    }

    func testTheSameFileDroppedTwiceIsRecognisedAsAlreadyProcessed() throws {
        let file = try samples.make(rows: 100, seed: 3, ext: "xlsx")
        try FileManager.default.copyItem(atPath: file, toPath: file + ".copy")
        try inbox.drop(file, as: "users.xlsx")
        let first = try once()
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.xlsx"])

        try inbox.drop(file + ".copy", as: "users.xlsx")
        let second = try once()
        XCTAssertEqual(second.status, 0, "nothing new needed fixing: \(second.stderr)")
        XCTAssertEqual(inbox.names(in: "duplicates"), ["users.xlsx"])
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.xlsx"])
        XCTAssertEqual(inbox.names(in: "reports").count, 1, "not validated again")
        let duplicate = try XCTUnwrap(second.events("duplicate").first, second.stderr)
        let message = duplicate["message"] as? String ?? ""
        XCTAssertTrue(message.hasPrefix("already processed, see reports/users-"), message)
        XCTAssertEqual(second.events("processed").count, 0)
        XCTAssertEqual(inbox.records("outcome").count, 1)
    }

    func testASecondWatcherIsRefusedWhileTheFirstRuns() throws {
        let first = try watcher()
        XCTAssertTrue(eventually(timeout: 30) { !first.events("started").isEmpty }, first.log)
        let second = try once()
        XCTAssertEqual(second.status, 75, second.stderr)
        let refusal = try XCTUnwrap(second.events("inbox-busy").first, second.stderr)
        XCTAssertTrue((refusal["message"] as? String ?? "").contains("another watcher (pid \(first.pid)) is already watching this inbox"),
                      second.stderr)
        first.signal(SIGINT)
        XCTAssertEqual(first.waitForExit(timeout: 30), 0)
        XCTAssertEqual(try once().status, 0, "free again once the first has stopped")
    }

    func testAReadOnlyReportsFolderIsAClearErrorAndTheInputStays() throws {
        XCTAssertEqual(try once().status, 0)  // creates the folders
        let reports = inbox.path + "/reports"
        guard WatchInbox.makeReadOnly(reports) else { throw XCTSkip("cannot make a folder read-only here (chattr +i needs CAP_LINUX_IMMUTABLE)") }
        defer { WatchInbox.makeWritable(reports) }
        let file = try samples.make(rows: 100, seed: 5, ext: "csv")
        try inbox.drop(file, as: "users.csv")

        let run = try once()
        XCTAssertEqual(run.status, 3, run.stderr)
        let failure = try XCTUnwrap(run.events("failed").first, run.stderr)
        let message = failure["message"] as? String ?? ""
        XCTAssertTrue(message.contains("cannot create a report folder in reports/"), message)
        XCTAssertTrue(message.contains("the input stays in the inbox"), message)
        XCTAssertEqual(failure["level"] as? String, "error")
        XCTAssertEqual(inbox.waitingFiles, ["users.csv"])
        XCTAssertEqual(inbox.names(in: "processing"), [])

        // A long-running watcher logs it, keeps running, and takes the file once reports/ is writable.
        let watch = try BackgroundWatcher(binary, ["watch", inbox.path, "--settle", "0", "--interval", "0.1"])
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("failed").isEmpty }, watch.log)
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(watch.process.isRunning)
        XCTAssertEqual(inbox.waitingFiles, ["users.csv"])
        WatchInbox.makeWritable(reports)
        XCTAssertTrue(eventually(timeout: 30) { inbox.records("outcome").count == 1 }, watch.log)
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 30), 0)
        XCTAssertEqual(inbox.waitingFiles, [])
    }

    func testHostileNamesAreHandledAndShownEscaped() throws {
        let names: [[UInt8]] = [
            Array("-rf --help.csv".utf8),
            Array("new\nline.csv".utf8),
            Array("\u{1B}[31mred\u{1B}[0m.xlsx".utf8),
            Array("bad".utf8) + [0xFF, 0xFE] + Array(".csv".utf8),
            Array((String(repeating: "x", count: 250) + ".xlsx").utf8),
        ]
        for (i, name) in names.enumerated() {
            let file = try samples.make(rows: 20, seed: 100 + i, ext: name.suffix(4) == Array("xlsx".utf8) ? "xlsx" : "csv", errorRate: 0)
            let target = Array(inbox.path.utf8) + [0x2F] + name
            let ok = (target + [0]).withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { rename(file, $0.baseAddress!) == 0 }
            }
            XCTAssertTrue(ok, "drop name \(i)")
        }
        XCTAssertEqual(names.last?.count, 255)
        let run = try once()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.events("processed").count, names.count, run.stderr)
        assertCleanLog(run.stderr)
        let shown = run.events("processed").compactMap { $0["file"] as? String }
        XCTAssertTrue(shown.contains("new\\nline.csv"), "\(shown)")
        XCTAssertTrue(shown.contains("\\u{1b}[31mred\\u{1b}[0m.xlsx"), "\(shown)")
        XCTAssertTrue(shown.contains("bad\\xFF\\xFE.csv"), "\(shown)")
        let accepted = try FileManager.default.contentsOfDirectory(atPath: inbox.path + "/accepted")
        XCTAssertEqual(accepted.count, names.count)
        for report in inbox.names(in: "reports") {
            XCTAssertFalse(report.hasPrefix("-") || report.hasPrefix("."), report)
            XCTAssertFalse(report.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, report)
            XCTAssertLessThanOrEqual(report.utf8.count, 130, report)
        }
    }

    func testUsageErrors() throws {
        let missing = try runInvitesheet(binary, ["watch", inbox.path + "/nope", "--once"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.stderr.contains("does not exist"), missing.stderr)
        let badSettle = try runInvitesheet(binary, ["watch", inbox.path, "--settle", "-1"])
        XCTAssertEqual(badSettle.status, 64)
    }
}
