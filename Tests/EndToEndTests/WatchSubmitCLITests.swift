import Foundation
import XCTest

/// `invitesheet watch --submit`: the real binary on a temporary inbox, its ledger and outbox in
/// `INBOX/.invitesheet/`. (An extension of `WatchCLITests` so the watch tests run together.)
extension WatchCLITests {
    static let submitInviter = "lim_kh@tech.gov.sg"

    private var submitLedger: String { watchInbox.path + "/.invitesheet/ledger.sqlite" }

    private func submitOnce(timeout: Double = 300) throws -> WatchRun {
        try runInvitesheet(watchBinary, ["watch", watchInbox.path, "--once", "--settle", "0", "--interval", "0.1",
                                         "--submit", "--inviter", Self.submitInviter], timeout: timeout)
    }

    /// The ledger's invitations, as `status --format csv` lists them (header dropped).
    private func ledgerRows() throws -> [String] {
        let r = try runInvitesheet(watchBinary, ["status", "--format", "csv", "--ledger", submitLedger])
        if r.status != 0 { XCTAssertTrue(r.stdout.contains("No record found") || r.stderr.contains("No record found"), r.stderr); return [] }
        return Array(r.stdout.components(separatedBy: .newlines).filter { !$0.isEmpty }.dropFirst())
    }

    /// Message-ID → number of .eml files carrying it, in the default outbox.
    private func outboxMessageIDs() throws -> [String: Int] {
        let dir = watchInbox.path + "/.invitesheet/outbox"
        var ids: [String: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".eml") {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            let id = text.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("message-id:") } ?? "none: \(name)"
            ids[id, default: 0] += 1
        }
        return ids
    }

    /// The lines of an invitations.csv after its header, split at commas (source row, email and
    /// outcome never hold one).
    private func invitationsCSV(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.components(separatedBy: .newlines).filter { !$0.isEmpty }.dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testSubmitInvitesExactlyTheValidRowsOfEachFileAndMailsEachOnce() throws {
        let valid = try watchSamples.make(rows: 40, seed: 11, ext: "csv", errorRate: 0)
        let mixed = try watchSamples.make(rows: 60, seed: 12, ext: "xlsx", errorRate: 0.2)
        try watchInbox.drop(valid, as: "valid.csv")
        try watchInbox.drop(mixed, as: "mixed.xlsx")
        let run = try submitOnce()
        XCTAssertEqual(run.status, 1, "a file needs fixing: \(run.stderr)")
        XCTAssertEqual(watchInbox.names(in: "accepted"), ["valid.csv"])
        XCTAssertEqual(watchInbox.names(in: "needs-fixing"), ["mixed.xlsx"])

        var expected = 0
        var emails: Set<String> = []
        for outcome in watchInbox.records("outcome") {
            let counts = try XCTUnwrap(outcome["counts"] as? [String: Any])
            let validRows = try XCTUnwrap(counts["valid"] as? Int)
            let reportDir = try XCTUnwrap(outcome["reportDir"] as? String)
            let rows = try invitationsCSV(watchInbox.path + "/" + reportDir + "/invitations.csv")
            XCTAssertEqual(rows.count, validRows, "one line per valid row in \(reportDir)/invitations.csv")
            XCTAssertTrue(rows.allSatisfy { $0[2] == "invited" }, "\(rows)")
            emails.formUnion(rows.map { $0[1].lowercased() })
            expected += validRows
        }
        XCTAssertEqual(watchInbox.records("outcome").count, 2)
        XCTAssertTrue(expected > 40 && expected < 100, "every row of valid.csv and some of mixed.xlsx: \(expected)")
        XCTAssertEqual(emails.count, expected)
        let ledger = try ledgerRows()
        XCTAssertEqual(ledger.count, expected, "an invitation for exactly the valid rows")
        let ids = try outboxMessageIDs()
        XCTAssertEqual(ids.count, expected, "one email per invitation")
        XCTAssertTrue(ids.values.allSatisfy { $0 == 1 })
        XCTAssertEqual(run.events("submitted").count, 2)

        // The same bytes again are a duplicate: not validated, not submitted.
        let again = try watchSamples.make(rows: 40, seed: 11, ext: "csv", errorRate: 0)
        try watchInbox.drop(again, as: "valid-again.csv")
        let second = try submitOnce()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.events("submitted").count, 0)
        XCTAssertEqual(try ledgerRows().count, expected)
        XCTAssertEqual(try outboxMessageIDs().count, expected)
    }

    func testARowWhoseInviteeHasRegisteredMakesTheFileNeedFixing() throws {
        let header = InvitationsCLITests.header
        let row1 = InvitationsCLITests.vendorRow(1), row2 = InvitationsCLITests.vendorRow(2)
        let scratch = watchSamples.folder.path
        try Data("\(header)\n\(row1)\n".utf8).write(to: URL(fileURLWithPath: scratch + "/one.csv"))
        try watchInbox.drop(scratch + "/one.csv", as: "one.csv")
        XCTAssertEqual(try submitOnce().status, 0)
        XCTAssertEqual(watchInbox.names(in: "accepted"), ["one.csv"])

        try Data("email,TechPass status\nvendor1@tembusu.com.sg,Registered\n".utf8).write(to: URL(fileURLWithPath: scratch + "/accounts.csv"))
        let sync = try runInvitesheet(watchBinary, ["sync", scratch + "/accounts.csv", "--ledger", submitLedger])
        XCTAssertEqual(sync.status, 0, sync.stderr)

        try Data("\(header)\n\(row1)\n\(row2)\n".utf8).write(to: URL(fileURLWithPath: scratch + "/two.csv"))
        try watchInbox.drop(scratch + "/two.csv", as: "two.csv")
        let run = try submitOnce()
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(watchInbox.names(in: "needs-fixing"), ["two.csv"])
        let report = try XCTUnwrap(watchInbox.names(in: "reports").first { $0.hasPrefix("two-") })
        let rows = try invitationsCSV(watchInbox.path + "/reports/" + report + "/invitations.csv")
        XCTAssertEqual(rows.map { $0[2] }, ["duplicate", "invited"])
        XCTAssertEqual(try ledgerRows().count, 2)
    }

    func testSubmitNeedsAPublicOfficerInviter() throws {
        for args in [["--submit"], ["--submit", "--inviter", "someone@gmail.com"], ["--inviter", Self.submitInviter]] {
            let r = try runInvitesheet(watchBinary, ["watch", watchInbox.path, "--once"] + args)
            XCTAssertEqual(r.status, 64, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--inviter") || r.stderr.contains("--submit"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: submitLedger), "no ledger made on a usage error")
    }

    /// Kills the watcher (SIGKILL) during validation, right after the ledger's commit and during
    /// delivery, restarting it each time, then lets it finish. A debug build validates 20,000 rows in
    /// about a minute on a loaded machine, so the file has 4,000 rows to keep the test near a minute.
    func testKillDuringSubmitAtSeveralMomentsInvitesAndMailsEveryAcceptedRowOnce() throws {
        let file = try watchSamples.make(rows: 4_000, seed: 21, ext: "xlsx", errorRate: 0.05)
        try watchInbox.drop(file, as: "big.xlsx")
        let args = ["watch", watchInbox.path, "--settle", "0", "--interval", "0.1", "--submit", "--inviter", Self.submitInviter]
        var moments: [String] = []

        // 1. During validation: claimed, not yet submitted.
        do {
            let watch = try BackgroundWatcher(watchBinary, args)
            XCTAssertTrue(eventually(timeout: 60, every: 0.01) { !watchInbox.records("claimed").isEmpty }, watch.log)
            Thread.sleep(forTimeInterval: 0.2)
            let submitted = !watch.events("submitted").isEmpty
            watch.signal(SIGKILL)
            _ = watch.waitForExit(timeout: 30)
            moments.append(submitted ? "after submit" : "validating")
        }
        // 2. Right after the ledger's commit (the "submitted" log line), before the mail is out.
        do {
            let watch = try BackgroundWatcher(watchBinary, args)
            let seen = eventually(timeout: 120, every: 0.005) { watch.log.contains("\"event\":\"submitted\"") }
            watch.signal(SIGKILL)
            _ = watch.waitForExit(timeout: 30)
            moments.append(seen ? "after commit (\(try outboxMessageIDs().count) emails out)" : "not reached")
        }
        // 3. During delivery: once some emails are out (mail left queued is delivered on start).
        do {
            let before = try outboxMessageIDs().count
            let watch = try BackgroundWatcher(watchBinary, args)
            let seen = eventually(timeout: 120, every: 0.005) { ((try? self.outboxMessageIDs().count) ?? 0) > before }
            watch.signal(SIGKILL)
            _ = watch.waitForExit(timeout: 30)
            moments.append(seen ? "delivering (\(try outboxMessageIDs().count) emails out)" : "no new email")
        }

        print("watch --submit killed at: \(moments.joined(separator: "; "))")
        let finish = try submitOnce()
        XCTAssertEqual(finish.status, 1, "some rows need fixing: \(finish.stderr)")
        XCTAssertEqual(watchInbox.names(in: "needs-fixing"), ["big.xlsx"], "moments: \(moments)")
        XCTAssertEqual(watchInbox.names(in: "processing"), [])
        let reports = watchInbox.names(in: "reports")
        XCTAssertEqual(reports.count, 1, "one report folder: \(reports)")
        let outcomes = watchInbox.records("outcome")
        XCTAssertEqual(outcomes.count, 1)
        let valid = try XCTUnwrap((outcomes.first?["counts"] as? [String: Any])?["valid"] as? Int)
        XCTAssertTrue(valid > 3_000 && valid < 4_000, "\(valid) valid rows")

        let ledger = try ledgerRows()
        XCTAssertEqual(ledger.count, valid, "every accepted row invited, once; moments: \(moments)")
        XCTAssertEqual(Set(ledger.map { $0.split(separator: ",").map(String.init)[2] }).count, valid, "no address twice")
        let ids = try outboxMessageIDs()
        XCTAssertEqual(ids.count, valid, "one email per invitation; moments: \(moments)")
        XCTAssertTrue(ids.values.allSatisfy { $0 == 1 })

        let rows = try invitationsCSV(watchInbox.path + "/reports/" + reports[0] + "/invitations.csv")
        XCTAssertEqual(rows.count, valid)
        XCTAssertTrue(rows.allSatisfy { $0[2] == "invited" || $0[2] == "already-invited" }, "\(rows.prefix(3))")
    }
}
