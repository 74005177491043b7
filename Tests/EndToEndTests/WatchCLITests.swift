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

    var watchBinary: String { binary }
    var watchSamples: WatchSamples { samples }
    var watchInbox: WatchInbox { inbox }

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
        XCTAssertEqual(second.status, 1, "a duplicate counts as the file it duplicates, which needs fixing: \(second.stderr)")
        XCTAssertEqual(inbox.names(in: "duplicates"), ["users.xlsx"])
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.xlsx"])
        XCTAssertEqual(inbox.names(in: "reports").count, 1, "not validated again")
        let duplicate = try XCTUnwrap(second.events("duplicate").first, second.stderr)
        let message = duplicate["message"] as? String ?? ""
        XCTAssertTrue(message.hasPrefix("already processed, see reports/users-"), message)
        XCTAssertEqual(second.events("processed").count, 0)
        XCTAssertEqual(inbox.records("outcome").count, 1)
    }

    /// The case of issue 8: a copy that pauses 3.5 s mid-file with --settle 2 was claimed half
    /// written, rejected as a corrupt zip, and then finished inside rejected/.
    func testACopyThatPausesLongerThanTheSettleTimeIsTakenOnlyOnceItsWriterClosesIt() throws {
        let watch = try watcher(settle: 2, interval: 0.2)
        try assertAPausedCopyIsTakenOnlyOnceClosed(by: watch)
    }

    /// The same copy, with a watcher that may not take read leases (it runs as another user than
    /// the file's owner, without CAP_LEASE): inotify's events tell it the writer has not closed it.
    func testAPausedCopyIsAlsoSeenWhereReadLeasesAreNotAllowed() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run the watcher as another user")
        }
        XCTAssertEqual(chown(inbox.path, 65534, 65534), 0, "give the inbox to nobody")
        let watch = try BackgroundWatcher("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary,
                                                               "watch", inbox.path, "--settle", "2", "--interval", "0.2"])
        try assertAPausedCopyIsTakenOnlyOnceClosed(by: watch)
    }

    /// A separate writer process copies a workbook into the inbox: the first half, a 3.5 s pause with
    /// the file open, the rest. The file must not be claimed before the writer closes it, and must
    /// end accepted, read whole, with one report.
    private func assertAPausedCopyIsTakenOnlyOnceClosed(by watch: BackgroundWatcher, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = try samples.make(rows: 115, seed: 11, ext: "xlsx", errorRate: 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log, file: file, line: line)

        let target = inbox.path + "/stall.xlsx"
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        writer.arguments = ["-c", """
            import sys, time
            data = open(sys.argv[1], "rb").read()
            with open(sys.argv[2], "wb") as f:
                f.write(data[:len(data) // 2]); f.flush()
                time.sleep(3.5)
                f.write(data[len(data) // 2:])
            """, source, target]
        try writer.run()
        var claimedWhileOpen = false
        while writer.isRunning && !claimedWhileOpen {
            claimedWhileOpen = !inbox.records("claimed").isEmpty
            Thread.sleep(forTimeInterval: 0.05)
        }
        writer.waitUntilExit()
        XCTAssertFalse(claimedWhileOpen, "claimed while its writer still had it open: \(watch.log)", file: file, line: line)
        XCTAssertEqual(writer.terminationStatus, 0, file: file, line: line)
        XCTAssertEqual(watch.events("writer-open").count, 1, "the pause outlasted --settle and the watcher saw the writer: \(watch.log)",
                       file: file, line: line)
        XCTAssertEqual(watch.events("writer-open").first?["file"] as? String, "stall.xlsx", file: file, line: line)

        XCTAssertTrue(eventually(timeout: 60) { inbox.records("outcome").count == 1 }, watch.log, file: file, line: line)
        Thread.sleep(forTimeInterval: 0.3)
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 30), 0, file: file, line: line)
        let claim = try XCTUnwrap(inbox.records("claimed").first, file: file, line: line)
        XCTAssertEqual(claim["size"] as? Int, bytes.count, "read whole (\(bytes.count) bytes), not the first \(bytes.count / 2)",
                       file: file, line: line)
        XCTAssertEqual(inbox.records("claimed").count, 1, file: file, line: line)
        XCTAssertEqual(inbox.names(in: "accepted"), ["stall.xlsx"], file: file, line: line)
        XCTAssertEqual(inbox.names(in: "rejected"), [], file: file, line: line)
        XCTAssertEqual(sha256OfFile(inbox.path + "/accepted/stall.xlsx"), sha256OfFile(source), file: file, line: line)
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 1, "\(reports)", file: file, line: line)
        XCTAssertTrue(inbox.names(in: "reports/" + (reports.first ?? "")).contains("report.json"), file: file, line: line)
        assertCleanLog(watch.log, file: file, line: line)
    }

    func testAFileChangedAfterItsClaimIsTakenAgainWithOneReport() throws {
        let source = try samples.make(rows: 5000, seed: 12, ext: "csv")
        let lines = try String(contentsOfFile: source, encoding: .utf8).split(separator: "\n")
        let extra = Data((lines[lines.count - 1] + "\n").utf8)  // one more row: the copy was not finished
        let watch = try watcher(settle: 0.5)
        XCTAssertTrue(eventually(timeout: 30) { !watch.events("started").isEmpty }, watch.log)
        try inbox.drop(source, as: "users.csv")
        XCTAssertTrue(eventually(timeout: 30, every: 0.005) { !inbox.records("claimed").isEmpty }, watch.log)
        let claimed = inbox.path + "/processing/users.csv"
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: claimed), "still in processing/: \(watch.log)")
        let claimedSize = handle.seekToEndOfFile()
        handle.write(extra)
        try handle.close()
        XCTAssertEqual(inbox.records("outcome").count, 0, "still being validated when it changed")

        XCTAssertTrue(eventually(timeout: 120) { inbox.records("outcome").count == 1 }, watch.log)
        Thread.sleep(forTimeInterval: 0.5)
        watch.signal(SIGTERM)
        XCTAssertEqual(watch.waitForExit(timeout: 30), 0)

        let void = try XCTUnwrap(watch.events("void").first, watch.log)
        XCTAssertEqual(void["file"] as? String, "users.csv")
        XCTAssertEqual(void["reason"] as? String, "its size changed from \(claimedSize) to \(Int(claimedSize) + extra.count) bytes")
        XCTAssertEqual(void["level"] as? String, "warning")
        XCTAssertEqual(watch.events("void").count, 1)
        XCTAssertEqual(inbox.records("claimed").count, 2, "taken again")
        XCTAssertTrue((inbox.records("released").first?["reason"] as? String ?? "").hasPrefix("changed after the claim"))
        let outcome = try XCTUnwrap(inbox.records("outcome").first)
        let filed = inbox.path + "/" + (outcome["file"] as? String ?? "")
        XCTAssertEqual(sha256OfFile(filed), outcome["sha256"] as? String, "the outcome is about the bytes the file ended with")
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 1, "one report folder for the one final outcome: \(reports)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: inbox.path + "/reports/\(reports[0])/report.json"))) as? [String: Any]
        XCTAssertEqual((report?["input"] as? [String: Any])?["bytes"] as? Int, Int(claimedSize) + extra.count)
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(inbox.waitingFiles, [])
    }

    func testFilesThatAreNotSpreadsheetsAreRejectedWithAReportSayingWhatTheyAre() throws {
        try NotSpreadsheetFiles.pdf(inbox.path + "/scan.pdf")
        try Data("Hi, please invite Alice (alice@tech.gov.sg) and Bob.\n".utf8).write(to: URL(fileURLWithPath: inbox.path + "/notes.txt"))
        try NotSpreadsheetFiles.docx(inbox.path + "/letter.docx")
        try NotSpreadsheetFiles.png(inbox.path + "/screenshot.png")
        for ignored in [".DS_Store", "~$users.xlsx", "users.xlsx.crdownload", "Thumbs.db"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: inbox.path + "/" + ignored))
        }
        let run = try once()
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(inbox.names(in: "rejected"), ["letter.docx", "notes.txt", "scan.pdf", "screenshot.png"])
        XCTAssertEqual(inbox.waitingFiles.sorted(), [".DS_Store", "Thumbs.db", "users.xlsx.crdownload", "~$users.xlsx"], "left alone, as before")
        let said = [
            "scan": "this is a PDF document, not a spreadsheet",
            "notes": "this is a plain-text file named .txt, not a spreadsheet; if it holds the user list as comma-separated values, rename it to .csv",
            "letter": "this is a Word document (.docx), not a spreadsheet",
            "screenshot": "this is an image (PNG), not a spreadsheet",
        ]
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 4, "\(reports)")
        for folder in reports {
            let stem = String(folder.prefix { $0 != "-" })
            let data = try Data(contentsOf: URL(fileURLWithPath: inbox.path + "/reports/\(folder)/report.json"))
            let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let finding = try XCTUnwrap((report["findings"] as? [[String: Any]])?.first, "\(report)")
            XCTAssertEqual(finding["code"] as? String, "file.unsupported-format", folder)
            let input = try XCTUnwrap(report["input"] as? [String: Any])
            XCTAssertEqual(input["sha256"] as? String, sha256OfFile(inbox.path + "/rejected/" + (input["name"] as? String ?? "?")), folder)
            let message = finding["message"] as? String ?? ""
            XCTAssertTrue(message.hasPrefix(try XCTUnwrap(said[stem], folder)), message)
            XCTAssertTrue(message.hasSuffix("upload the user list as an .xlsx workbook or a .csv file made from the template (invitesheet template)"), message)
            let errors = try String(contentsOfFile: inbox.path + "/reports/\(folder)/errors.csv", encoding: .utf8)
            XCTAssertTrue(errors.contains("file.unsupported-format"), errors)
        }
        let processed = run.events("processed")
        XCTAssertEqual(processed.count, 4)
        XCTAssertTrue(processed.allSatisfy { ($0["message"] as? String ?? "").hasPrefix("not a spreadsheet (") && $0["outcome"] as? String == "rejected" },
                      run.stderr)
        assertCleanLog(run.stderr)
    }

    func testCSVTextNamedXlsxIsRejectedEvenWhenTheSameBytesWereAcceptedAsCSV() throws {
        let csv = try samples.make(rows: 50, seed: 13, ext: "csv", errorRate: 0)
        try FileManager.default.copyItem(atPath: csv, toPath: csv + ".copy")
        try inbox.drop(csv, as: "users.csv")
        XCTAssertEqual(try once().status, 0)
        XCTAssertEqual(inbox.names(in: "accepted"), ["users.csv"])

        try inbox.drop(csv + ".copy", as: "users.xlsx")
        let run = try once()
        XCTAssertEqual(run.status, 2, "judged as what it is, a mislabelled file: \(run.stderr)")
        XCTAssertEqual(inbox.names(in: "rejected"), ["users.xlsx"])
        XCTAssertEqual(inbox.names(in: "duplicates"), [])
        XCTAssertEqual(run.events("duplicate").count, 0)
        let processed = try XCTUnwrap(run.events("processed").first, run.stderr)
        XCTAssertEqual((processed["codes"] as? [String: Any])?["file.text-not-workbook"] as? Int, 1, "\(processed)")
        XCTAssertEqual(inbox.names(in: "reports").count, 2)
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
