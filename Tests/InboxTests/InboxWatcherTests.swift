import XCTest
import Foundation
@testable import Inbox
import Reports
import Digest

/// The watcher's mechanics, with a fake validator: claiming, filing, duplicates, recovery, locking.
final class InboxWatcherTests: XCTestCase {
    func testFilesAreFiledByOutcomeWithOneReportEach() throws {
        let inbox = try TemporaryInbox()
        try inbox.drop("good.csv", "accept 1")
        try inbox.drop("some-bad.xlsx", "fix 1")
        try inbox.drop("broken.tsv", "reject 1")
        try inbox.drop("notes.txt", "accept 2")
        try inbox.drop(".hidden.csv", "accept 3")
        try inbox.drop("~$good.xlsx", "accept 4")
        try inbox.drop("download.csv.part", "accept 5")
        try inbox.drop("5F3A2B10", "accept 6")
        try inbox.drop("Thumbs.db", "accept 7")
        let log = LogCapture()
        let fake = FakeProcessor()
        let tally = try runOnce(inbox, fake, log)

        XCTAssertEqual(tally.accepted, 1)
        XCTAssertEqual(tally.needsFixing, 1)
        XCTAssertEqual(tally.rejected, 2, "broken.tsv, and notes.txt as not a spreadsheet")
        XCTAssertEqual(Set(fake.calls), ["good.csv", "some-bad.xlsx", "broken.tsv"], "only spreadsheets are validated")
        XCTAssertEqual(inbox.names(in: "accepted"), ["good.csv"])
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["some-bad.xlsx"])
        XCTAssertEqual(inbox.names(in: "rejected"), ["broken.tsv", "notes.txt"])
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(Set(inbox.names()), [".hidden.csv", ".invitesheet", "5F3A2B10", "Thumbs.db", "accepted", "download.csv.part",
                                            "duplicates", "needs-fixing", "processing", "rejected", "reports", "~$good.xlsx"])
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 4)
        XCTAssertFalse(reports.contains { $0.hasPrefix(".tmp-") })
        XCTAssertTrue(reports.contains { $0.hasPrefix("good-") && $0.hasSuffix("Z") })
        XCTAssertEqual(inbox.read("accepted/good.csv"), "accept 1", "inputs are never changed")

        let journal = inbox.journal()
        XCTAssertEqual(journal.filter { $0["type"] as? String == "claimed" }.count, 4)
        let outcomes = journal.filter { $0["type"] as? String == "outcome" }
        XCTAssertEqual(Set(outcomes.compactMap { $0["outcome"] as? String }), ["accepted", "needs-fixing", "rejected"])
        XCTAssertTrue(outcomes.allSatisfy { ($0["sha256"] as? String)?.count == 64 && $0["traceId"] != nil && $0["counts"] != nil })

        let skipped = log.events("skipped")
        XCTAssertEqual(skipped.filter { $0["level"] as? String != "debug" }.count, 0, "temporary, hidden and lock files are routine")
        XCTAssertEqual(skipped.count, 5, "each skipped name logged once")
        let processed = log.events("processed")
        XCTAssertEqual(processed.count, 4)
        XCTAssertTrue(processed.allSatisfy { $0["durationMs"] is Int && $0["traceId"] is String && $0["counts"] is [String: Any] })
    }

    func testFilesThatAreNotSpreadsheetsAreRejectedWithAReportSayingWhatTheyAre() throws {
        let inbox = try TemporaryInbox()
        try Data("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: inbox.path + "/scan.pdf"))
        try inbox.drop("notes.txt", "Please invite alice@tech.gov.sg and bob@tech.gov.sg\n")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [UInt8](repeating: 1, count: 40))
            .write(to: URL(fileURLWithPath: inbox.path + "/screenshot.png"))
        let log = LogCapture()
        let fake = FakeProcessor()
        let tally = try runOnce(inbox, fake, log)
        XCTAssertEqual(fake.calls, [], "never handed to the validator")
        XCTAssertEqual(tally.rejected, 3)
        XCTAssertEqual(inbox.names(in: "rejected"), ["notes.txt", "scan.pdf", "screenshot.png"])
        XCTAssertEqual(inbox.names(), [".invitesheet", "accepted", "duplicates", "needs-fixing", "processing", "rejected", "reports"])
        let expected = ["scan": "this is a PDF document, not a spreadsheet", "notes": "this is a plain-text file named .txt, not a spreadsheet",
                        "screenshot": "this is an image (PNG), not a spreadsheet"]
        for report in inbox.names(in: "reports") {
            let stem = String(report.prefix { $0 != "-" })
            let json = try XCTUnwrap(inbox.read("reports/\(report)/report.json"), report)
            let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            XCTAssertEqual(parsed["exitCode"] as? Int, 2, report)
            let finding = try XCTUnwrap((parsed["findings"] as? [[String: Any]])?.first, json)
            XCTAssertEqual(finding["code"] as? String, "file.unsupported-format")
            let message = finding["message"] as? String ?? ""
            XCTAssertTrue(message.hasPrefix(try XCTUnwrap(expected[stem], report)), message)
            XCTAssertTrue(message.contains("upload the user list as an .xlsx workbook or a .csv file made from the template"), message)
            XCTAssertTrue(inbox.read("reports/\(report)/errors.csv")?.contains("file.unsupported-format") ?? false)
        }
        let processed = log.events("processed")
        XCTAssertEqual(Set(processed.compactMap { $0["notSpreadsheet"] as? String }),
                       ["a PDF document", "a plain-text file named .txt", "an image (PNG)"])
        XCTAssertTrue(processed.allSatisfy { ($0["message"] as? String ?? "").hasPrefix("not a spreadsheet (") })
    }

    func testAFileThatChangesAfterItsClaimIsTakenAgainWithOneReport() throws {
        let inbox = try TemporaryInbox()
        try inbox.drop("users.csv", "grow then accept")
        let log = LogCapture()
        let fake = FakeProcessor()
        let tally = try runOnce(inbox, fake, log)
        XCTAssertEqual(fake.calls, ["users.csv", "users.csv"], "validated again once it stopped changing")
        XCTAssertEqual(tally.void, 1)
        XCTAssertEqual(tally.accepted, 1)
        XCTAssertEqual(inbox.names(in: "accepted"), ["users.csv"])
        XCTAssertEqual(inbox.read("accepted/users.csv"), "grow then accept\ngrown")
        XCTAssertEqual(inbox.names(in: "reports").count, 1, "the void outcome's report is removed")
        let void = try XCTUnwrap(log.events("void").first)
        XCTAssertEqual(void["reason"] as? String, "its size changed from 16 to 22 bytes")
        XCTAssertEqual(void["voidOutcome"] as? String, "accepted")
        XCTAssertTrue((void["removedReportDir"] as? String ?? "").hasPrefix("reports/users-"), "\(void)")
        let journal = inbox.journal()
        XCTAssertEqual(journal.compactMap { $0["type"] as? String }, ["claimed", "released", "claimed", "outcome"])
        XCTAssertTrue((journal[1]["reason"] as? String ?? "").hasPrefix("changed after the claim: its size changed"))
        XCTAssertEqual(journal[3]["sha256"] as? String, SHA256Hex.of("grow then accept\ngrown"), "the outcome is about the final bytes")
    }

    func testTheSameBytesUnderAnotherKindOfNameAreJudgedAgain() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        try inbox.drop("users.csv", "accept as csv")
        _ = try runOnce(inbox, fake, LogCapture())
        try inbox.drop("users.xlsx", "accept as csv")
        try inbox.drop("users copy.CSV", "accept as csv")
        let tally = try runOnce(inbox, fake, LogCapture())
        XCTAssertEqual(fake.calls, ["users.csv", "users.xlsx"], "the .xlsx is validated; the second .csv is a duplicate")
        XCTAssertEqual(tally.duplicates, 1)
        XCTAssertEqual(inbox.names(in: "duplicates"), ["users copy.CSV"])
    }

    func testADuplicateCountsAsTheFileItDuplicates() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        try inbox.drop("users.csv", "fix me")
        try inbox.drop("other.csv", "reject me")
        XCTAssertEqual(try runOnce(inbox, fake, LogCapture()).worst, .rejected)
        try inbox.drop("users.csv", "fix me")
        let again = try runOnce(inbox, fake, LogCapture())
        XCTAssertEqual(again.duplicates, 1)
        XCTAssertEqual(again.needsFixing, 0)
        XCTAssertEqual(again.worst, .needsFixing, "--once exits 1 for it")
        try inbox.drop("good.csv", "accept")
        try inbox.drop("other.csv", "reject me")
        XCTAssertEqual(try runOnce(inbox, fake, LogCapture()).worst, .rejected)
        XCTAssertNil(try runOnce(inbox, fake, LogCapture()).worst, "nothing to do")
    }

    func testTheSameBytesDroppedAgainAreNotValidatedTwice() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        try inbox.drop("users.csv", "fix me")
        _ = try runOnce(inbox, fake, LogCapture())
        try inbox.drop("users.csv", "fix me")
        try inbox.drop("renamed copy.csv", "fix me")
        let log = LogCapture()
        let tally = try runOnce(inbox, fake, log)

        XCTAssertEqual(fake.calls, ["users.csv"], "validated once")
        XCTAssertEqual(tally.duplicates, 2)
        XCTAssertEqual(tally.needsFixing, 0)
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.csv"])
        XCTAssertEqual(inbox.names(in: "duplicates"), ["renamed copy.csv", "users.csv"])
        XCTAssertEqual(inbox.names(in: "reports").count, 1)
        let duplicate = try XCTUnwrap(log.events("duplicate").first)
        let message = try XCTUnwrap(duplicate["message"] as? String)
        XCTAssertTrue(message.hasPrefix("already processed, see reports/users-"), message)
        XCTAssertEqual(duplicate["previousOutcome"] as? String, "needs-fixing")
        XCTAssertEqual(inbox.journal().filter { $0["type"] as? String == "duplicate" }.count, 2)
    }

    func testIdenticalFilesDroppedTogetherAreValidatedOnce() throws {
        let inbox = try TemporaryInbox()
        for i in 0..<6 { try inbox.drop("copy-\(i).csv", "accept same bytes") }
        let fake = FakeProcessor()
        fake.delay = 0.05
        let tally = try runOnce(inbox, fake, LogCapture(), workers: 3)
        XCTAssertEqual(fake.calls.count, 1)
        XCTAssertEqual(tally.accepted, 1)
        XCTAssertEqual(tally.duplicates, 5)
    }

    func testANameTakenInTheOutcomeFolderGetsANumberNeverAnOverwrite() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        try inbox.drop("users.csv", "accept first")
        _ = try runOnce(inbox, fake, LogCapture())
        try inbox.drop("users.csv", "accept second")
        _ = try runOnce(inbox, fake, LogCapture())
        XCTAssertEqual(inbox.names(in: "accepted"), ["users (2).csv", "users.csv"])
        XCTAssertEqual(inbox.read("accepted/users.csv"), "accept first")
        XCTAssertEqual(inbox.read("accepted/users (2).csv"), "accept second")
        XCTAssertEqual(inbox.names(in: "reports").count, 2, "two report folders even within one second")
    }

    func testAFailureLeavesTheInputInTheInbox() throws {
        let inbox = try TemporaryInbox()
        try inbox.drop("users.csv", "fail please")
        let log = LogCapture()
        let tally = try runOnce(inbox, FakeProcessor(), log)
        XCTAssertEqual(tally.failed, 1)
        XCTAssertTrue(inbox.names().contains("users.csv"))
        XCTAssertEqual(inbox.read("users.csv"), "fail please")
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(inbox.names(in: "reports"), [], "the unfinished report folder is removed")
        let failed = try XCTUnwrap(log.events("failed").first)
        XCTAssertTrue((failed["message"] as? String ?? "").contains("the input was put back in the inbox"))
        XCTAssertEqual(inbox.journal().last?["type"] as? String, "released")
        XCTAssertTrue(inbox.journal().allSatisfy { $0["type"] as? String != "outcome" })
    }

    func testAnInterruptedClaimIsValidatedAgainWithOneReport() throws {
        let inbox = try TemporaryInbox()
        let layout = try InboxLayout(path: inbox.path)
        try inbox.drop("processing/users.csv", "fix after crash")
        let sha = SHA256Hex.of("fix after crash")
        do {
            let journal = try Journal(in: layout.state)
            var claim = JournalRecord(type: .claimed, claim: "c1", sha256: sha)
            claim.setOriginalName(FileName("users.csv"))
            claim.processingName = "users.csv"
            claim.reportDir = "reports/users-20250101T000000Z"
            try journal.append(claim)
        }
        // The interrupted run had published its report, and begun another.
        try FileManager.default.createDirectory(atPath: inbox.path + "/reports/users-20250101T000000Z", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: inbox.path + "/reports/.tmp-other-20250101T000000Z", withIntermediateDirectories: true)

        let fake = FakeProcessor()
        let tally = try runOnce(inbox, fake, LogCapture())
        XCTAssertEqual(fake.calls, ["users.csv"], "not counted as a duplicate of its own claim")
        XCTAssertEqual(tally.needsFixing, 1)
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.csv"])
        let reports = inbox.names(in: "reports")
        XCTAssertEqual(reports.count, 1)
        XCTAssertNotEqual(reports.first, "users-20250101T000000Z")
        XCTAssertEqual(inbox.journal().filter { $0["type"] as? String == "outcome" }.count, 1)
    }

    func testAFinishedClaimLeftInProcessingIsFiledNotValidated() throws {
        let inbox = try TemporaryInbox()
        let layout = try InboxLayout(path: inbox.path)
        try inbox.drop("processing/users.csv", "reject")
        let sha = SHA256Hex.of("reject")
        do {
            let journal = try Journal(in: layout.state)
            var claim = JournalRecord(type: .claimed, claim: "c1", sha256: sha)
            claim.setOriginalName(FileName("users.csv"))
            claim.processingName = "users.csv"
            try journal.append(claim)
            var outcome = JournalRecord(type: .outcome, claim: "c1", sha256: sha)
            outcome.outcome = "rejected"
            outcome.file = "rejected/users (2).csv"  // the name it chose then
            outcome.reportDir = "reports/users-20250101T000000Z"
            try journal.append(outcome)
        }
        let fake = FakeProcessor()
        let log = LogCapture()
        let tally = try runOnce(inbox, fake, log)
        XCTAssertEqual(fake.calls, [])
        XCTAssertEqual(tally.rejected, 1)
        XCTAssertEqual(inbox.names(in: "rejected"), ["users (2).csv"], "filed under the name the journal recorded")
        XCTAssertEqual(log.events("recovered").count, 1)
    }

    func testAFileTheJournalNeverSawIsValidated() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        try inbox.drop("users.csv", "accept old")
        _ = try runOnce(inbox, fake, LogCapture())
        // A new file of the same name was renamed into processing/ just before a crash.
        try inbox.drop("processing/users.csv", "fix new")
        let tally = try runOnce(inbox, fake, LogCapture())
        XCTAssertEqual(fake.calls, ["users.csv", "users.csv"])
        XCTAssertEqual(tally.needsFixing, 1)
        XCTAssertEqual(inbox.names(in: "needs-fixing"), ["users.csv"])
    }

    func testASecondWatcherIsRefused() throws {
        let inbox = try TemporaryInbox()
        let layout = try InboxLayout(path: inbox.path)
        do {
            let held = try InboxLock(in: layout.state)
            XCTAssertThrowsError(try runOnce(inbox, FakeProcessor(), LogCapture())) { error in
                XCTAssertEqual(error as? InboxLockError, .held(pid: getpid(), lockFile: FileName(inbox.path).display + "/.invitesheet/lock"))
                XCTAssertTrue("\(error)".contains("another watcher (pid \(getpid())) is already watching this inbox"))
            }
            withExtendedLifetime(held) {}
        }
        XCTAssertNoThrow(try runOnce(inbox, FakeProcessor(), LogCapture()), "the lock is released with its holder")
    }

    func testHostileNamesAreFiledUnderTheirOwnNames() throws {
        let inbox = try TemporaryInbox()
        let names: [[UInt8]] = [
            Array("-rf.csv".utf8),
            Array("new\nline.csv".utf8),
            Array("\u{1B}[31mred\u{1B}[0m.csv".utf8),
            Array("evil\u{202E}vsc.xlsx".utf8),
            [0x62, 0x61, 0x64, 0xFF, 0xFE, 0x2E, 0x63, 0x73, 0x76],
            Array(("a" + String(repeating: "é", count: 125) + ".csv").utf8),
        ]
        for (i, bytes) in names.enumerated() {
            let path = Array(inbox.path.utf8) + [0x2F] + bytes
            let fd = (path + [0]).withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY | O_EXCL, 0o644) }
            }
            XCTAssertGreaterThanOrEqual(fd, 0, "create \(FileName(bytes: bytes).display)")
            let text = Array("accept \(i)".utf8)
            _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let log = LogCapture()
        let tally = try runOnce(inbox, FakeProcessor(), log)
        XCTAssertEqual(names.last?.count, 255)
        XCTAssertEqual(tally.accepted, names.count)
        let layout = try InboxLayout(path: inbox.path)
        let filed = Set(try layout.folder(for: .accepted).names().map(\.bytes))
        for bytes in names { XCTAssertTrue(filed.contains(bytes), FileName(bytes: bytes).display) }
        for report in inbox.names(in: "reports") {
            XCTAssertFalse(report.hasPrefix("-") || report.hasPrefix("."), report)
            XCTAssertFalse(report.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, report)
            XCTAssertLessThan(report.utf8.count, 130)
        }
        for line in log.lines {
            XCTAssertFalse(line.dropLast().contains("\n"))
            XCTAssertFalse(line.contains("\u{1B}"))
            XCTAssertFalse(line.contains("\u{202E}"))
        }
    }

    func testStoppingFinishesTheFileInHand() throws {
        let inbox = try TemporaryInbox()
        let fake = FakeProcessor()
        fake.delay = 0.3
        let stop = StopSignal()
        let config = WatchConfiguration(inboxPath: inbox.path, once: false, interval: 0.05, settle: 0)
        let log = LogCapture()
        let watcher = InboxWatcher(configuration: config, processor: fake, logger: log.logger, stop: stop)
        let done = expectation(description: "watcher returned")
        let result = ResultBox()
        Thread.detachNewThread {
            result.tally = try? watcher.run()
            done.fulfill()
        }
        try inbox.drop("a.csv", "accept a")
        try inbox.drop("b.csv", "accept b")
        let deadline = Date().addingTimeInterval(5)
        while fake.calls.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        stop.request(reason: "test")
        wait(for: [done], timeout: 5)
        XCTAssertEqual(result.tally?.accepted, 1, "the file in hand was finished, the next not started")
        XCTAssertEqual(inbox.names(in: "accepted").count, 1)
        XCTAssertEqual(inbox.names(in: "processing"), [])
        XCTAssertEqual(log.events("stopped").count, 1)
    }
}

private final class ResultBox: @unchecked Sendable {
    var tally: WatchTally?
}

/// SHA-256 of text, as the journal records it.
enum SHA256Hex {
    static func of(_ text: String) -> String { Digest.SHA256.hex(of: Array(text.utf8)) }
}
