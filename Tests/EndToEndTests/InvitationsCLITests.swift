import Foundation
import TestSupport
import XCTest

/// `submit`, `status`, `resend` and `sync` run as a user runs them: the built binary, a ledger file
/// and an outbox folder in a temporary folder, and `INVITESHEET_NOW` to move through the days.
final class InvitationsCLITests: XCTestCase {
    var folder: String!
    let inviter = "lim_kh@tech.gov.sg"
    static let header = "Email address*,User type*,TechPass username,First name*,Last name*,Contact number*,Organisation,Department,SEED onboarding required?*,Reason*,Sponsoring agency,Business operation,Offshore development centre,Offshore company name"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("invitations-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: Helpers

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    @discardableResult
    func run(_ arguments: [String], day: String = "2026-12-01T09:00:00Z", expect status: Int32? = nil,
             file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let result = try ProcessResult.run(try InvitesheetBinary.locate(), arguments,
                                           environment: ["INVITESHEET_NOW": day, "INVITESHEET_LEDGER": ""], directory: folder)
        if let status {
            XCTAssertEqual(result.status, status, "invitesheet \(arguments.joined(separator: " "))\nstdout: \(result.stdout)\nstderr: \(result.stderr)",
                           file: file, line: line)
        }
        return result
    }

    /// A vendor row (registration link) with a valid username and contact number.
    static func vendorRow(_ n: Int, organisation: String = "Tembusu Systems") -> String {
        "vendor\(n)@tembusu.com.sg,Vendor,Vendor User \(n),Arun,Krishnan,6302 7136,\(organisation),,No,Needs SGTS access to deploy services,HDB,Onshore,,"
    }

    static func officerRow(_ n: Int) -> String {
        "officer\(n)@lta.gov.sg,Public officer,,Sarah,de Souza,9123 4567,LTA,Data Science,Yes,Security reviewer for penetration testing,,,,"
    }

    func writeList(_ name: String, _ rows: [String]) throws {
        try Data(([Self.header] + rows).joined(separator: "\n").appending("\n").utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    func outbox() throws -> [String: String] {
        let dir = path("outbox")
        guard FileManager.default.fileExists(atPath: dir) else { return [:] }
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".eml") {
            out[name] = try String(contentsOfFile: (dir as NSString).appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    func emails(to recipient: String) throws -> [String] {
        try outbox().values.filter { $0.contains("\r\nTo: \(recipient)\r\n") || $0.hasPrefix("To: \(recipient)\r\n") }
    }

    func statusLines(_ extra: [String] = [], day: String = "2026-12-01T09:00:00Z") throws -> [[String: Any]] {
        let result = try run(["status", "--format", "json"] + extra, day: day, expect: 0)
        return try result.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Every table's rows, as SQLite's own `.dump` writes them (the file's bytes change with checkpoints).
    func dump(_ ledger: String) throws -> String {
        let script = "import sqlite3, sys\nprint('\\n'.join(sqlite3.connect(sys.argv[1]).iterdump()))"
        let result = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script, path(ledger)])
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardOutput.contains("INSERT INTO \"invitation\""))
        return result.standardOutput
    }

    static func link(in email: String) -> String? {
        email.components(separatedBy: "\r\n").first { $0.hasPrefix("https://portal.techpass.gov.sg/register?token=") }
    }

    // MARK: The issue's walk through the days

    func testDayBydayFromSubmitToSync() throws {
        try writeList("users.csv", [Self.vendorRow(1), Self.officerRow(1)])
        let vendor = "vendor1@tembusu.com.sg"

        // Day 0: submit.
        let submit = try run(["submit", "users.csv", "--inviter", inviter, "--out", "results"], expect: 0)
        XCTAssertTrue(submit.stdout.contains("Invitations: 2 invited, 0 overridden, 0 already invited, 0 duplicates, 0 invalid"), submit.stdout)
        let csv = try String(contentsOfFile: path("results/invitations.csv"), encoding: .utf8)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").prefix(3), [
            "Source row,Email,Outcome,Message,Invitation",
            "2,\(vendor),invited,invited: registration link sent,1",
            "3,officer1@lta.gov.sg,invited,\"invited: account created, onboarding email sent\",2",
        ])
        let first = try XCTUnwrap(emails(to: vendor).first)
        let firstLink = try XCTUnwrap(Self.link(in: first), first)
        XCTAssertTrue(first.contains("Subject: You are invited to register for TechPass"), first)
        XCTAssertTrue(try XCTUnwrap(emails(to: "officer1@lta.gov.sg").first).contains("onboard to SEED"))
        var status = try statusLines()
        XCTAssertEqual(status.map { $0["techPassStatus"] as? String }, ["registration-pending", "account-created"])
        XCTAssertEqual(status.first?["resend"] as? String, "from 2026-12-02 09:00 UTC")
        XCTAssertFalse(try run(["status", "--history"], expect: 0).stdout.contains("token="), "no link in status")

        // Day 0, later: too soon.
        let refused = try run(["resend", vendor], day: "2026-12-01T15:00:00Z", expect: 1)
        XCTAssertTrue(refused.stdout.contains("\(vendor): not re-sent: last emailed 2026-12-01 09:00 UTC; it can be re-sent from 2026-12-02 09:00 UTC"), refused.stdout)
        XCTAssertEqual(try emails(to: vendor).count, 1)

        // Day 1: allowed, with a new link.
        let resent = try run(["resend", vendor], day: "2026-12-02T09:00:00Z", expect: 0)
        XCTAssertTrue(resent.stdout.contains("re-sent with a new registration link, valid until 2026-12-07 09:00 UTC"), resent.stdout)
        XCTAssertFalse(resent.stdout.contains("token="))
        let links = try emails(to: vendor).compactMap(Self.link(in:))
        XCTAssertEqual(links.count, 2)
        XCTAssertEqual(Set(links).count, 2, "the new link differs")
        XCTAssertTrue(links.contains(firstLink))

        // Day 6: expired, the inviter is told.
        status = try statusLines(["--state", "expired"], day: "2026-12-07T09:30:00Z")
        XCTAssertEqual(status.map { $0["email"] as? String }, [vendor])
        XCTAssertEqual(status.first?["resend"] as? String, "available now")
        try Data("email,TechPass status\n\(vendor),Registered\nstranger@acme.com,Registered\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))

        // Sync: registered, the inviter is told.
        let sync = try run(["sync", "accounts.csv"], day: "2026-12-08T09:00:00Z", expect: 0)
        XCTAssertTrue(sync.stdout.contains("Synced 2 account(s): 1 registered, 0 onboarded, 0 SEED status updated, 0 unchanged, 1 not invited here"), sync.stdout)
        let toInviter = try emails(to: inviter)
        XCTAssertEqual(toInviter.count, 2, "one for the expiry, one for the registration")
        XCTAssertTrue(toInviter.contains { $0.contains("Subject: TechPass invitation expired: \(vendor)") })
        XCTAssertTrue(toInviter.contains { $0.contains("Subject: TechPass invitation accepted: \(vendor)") })
        status = try statusLines(["--email", vendor], day: "2026-12-08T09:00:00Z")
        XCTAssertEqual(status.first?["techPassStatus"] as? String, "registered")
        XCTAssertEqual(status.first?["resend"] as? String, "not available: registered")

        // Registered: a new row for them is a duplicate (exit 1), and no resend.
        let again = try run(["submit", "users.csv", "--inviter", inviter], day: "2026-12-09T09:00:00Z", expect: 1)
        XCTAssertTrue(again.stdout.contains("Invitations: 0 invited, 0 overridden, 1 already invited, 1 duplicate, 0 invalid"), again.stdout)
        XCTAssertTrue(again.stdout.contains("the account exists (registered); raise a service request to change its details"), again.stdout)
        try run(["resend", vendor], day: "2026-12-09T09:00:00Z", expect: 1)
    }

    func testTheSameFileTwiceAndChangedDetails() throws {
        try writeList("users.csv", [Self.vendorRow(1), Self.vendorRow(2)])
        try run(["submit", "users.csv", "--inviter", inviter], expect: 0)
        let twice = try run(["submit", "users.csv", "--inviter", inviter], expect: 0)
        XCTAssertTrue(twice.stdout.contains("Invitations: 0 invited, 0 overridden, 2 already invited"), twice.stdout)
        XCTAssertTrue(twice.stdout.contains("already invited on 2026-12-01"), twice.stdout)
        try writeList("changed.csv", [Self.vendorRow(1, organisation: "Tembusu Holdings")])
        let changed = try run(["submit", "changed.csv", "--inviter", inviter, "--format", "json"], expect: 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(changed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["counts"] as? [String: Int])?["overridden"], 1)
        XCTAssertEqual(try outbox().count, 3)
        let history = try statusLines(["--email", "vendor1@tembusu.com.sg"])
        XCTAssertEqual(history.map { $0["techPassStatus"] as? String }, ["superseded", "registration-pending"])
    }

    func testAnAddressInTheAccountsExportIsADuplicate() throws {
        try writeList("users.csv", [Self.vendorRow(1), Self.vendorRow(2)])
        try Data("email\nvendor2@tembusu.com.sg\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        let result = try run(["submit", "users.csv", "--inviter", inviter, "--existing", "accounts.csv"], expect: 1)
        XCTAssertTrue(result.stdout.contains("Invitations: 1 invited, 0 overridden, 0 already invited, 1 duplicate, 0 invalid"), result.stdout)
        XCTAssertEqual(try outbox().count, 1)
    }

    // MARK: Faults

    func testTwoSubmitsAtOnceInviteEachPersonOnce() throws {
        try writeList("a.csv", (1...40).map { Self.vendorRow($0) })
        try writeList("b.csv", (21...60).map { Self.vendorRow($0) })
        let binary = try InvitesheetBinary.locate()
        var results: [ProcessResult?] = [nil, nil]
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r = try? ProcessResult.run(binary, ["submit", i == 0 ? "a.csv" : "b.csv", "--inviter", inviter],
                                           environment: ["INVITESHEET_NOW": "2026-12-01T09:00:00Z"], directory: folder)
            lock.lock(); results[i] = r; lock.unlock()
        }
        for r in results {
            let r = try XCTUnwrap(r)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try statusLines().count, 60)
        let mail = try outbox()
        XCTAssertEqual(mail.count, 60, "one email per person")
        let recipients = mail.values.compactMap { $0.components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") } }
        XCTAssertEqual(Set(recipients).count, 60)
    }

    func testALedgerThatCannotBeUsedStopsWithExit2AndIsLeftAlone() throws {
        try writeList("users.csv", [Self.vendorRow(1)])
        let garbage = Data("not a database, but someone's notes\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path("notes.sqlite")))
        for command in [["submit", "users.csv", "--inviter", inviter], ["status"], ["resend", "--all-pending"]] {
            let result = try run(command + ["--ledger", "notes.sqlite"], expect: 2)
            XCTAssertTrue(result.stderr.contains("invitesheet: error: ledger notes.sqlite: is damaged or not an SQLite database"), result.stderr)
            XCTAssertTrue(result.stderr.contains("(trace id "), result.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("notes.sqlite"))), garbage)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["notes.sqlite", "users.csv"])
    }

    func testTheInviterMustBeAPublicOfficer() throws {
        try writeList("users.csv", [Self.vendorRow(1)])
        for address in ["someone@gmail.com", "lim@gov.sg", "not-an-address"] {
            let result = try run(["submit", "users.csv", "--inviter", address], expect: 64)
            XCTAssertTrue(result.stderr.contains("is not a public officer's address; use yours (name@agency.gov.sg)"), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("invitesheet-ledger.sqlite")))
    }

    func testADryRunChangesNothingAndSendsNothing() throws {
        try writeList("users.csv", [Self.vendorRow(1), Self.officerRow(1)])
        let result = try run(["submit", "users.csv", "--inviter", inviter, "--dry-run"], expect: 0)
        XCTAssertTrue(result.stdout.contains("Dry run, nothing changed or sent. Would have: 2 invited"), result.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["users.csv"])
        try run(["submit", "users.csv", "--inviter", inviter], expect: 0)
        let before = try dump("invitesheet-ledger.sqlite")
        let dry = try run(["submit", "users.csv", "--inviter", inviter, "--dry-run"], day: "2026-12-09T09:00:00Z", expect: 0)
        XCTAssertTrue(dry.stdout.contains("Would have: 0 invited, 0 overridden, 2 already invited"), dry.stdout)
        XCTAssertEqual(try dump("invitesheet-ledger.sqlite"), before, "the ledger's content is the same")
        XCTAssertEqual(try outbox().count, 2)
    }

    func testAnInvalidFileInvitesNobodyAndExitsLikeValidate() throws {
        try Data("Name,Phone\nTan,123\n".utf8).write(to: URL(fileURLWithPath: path("wrong.csv")))
        let result = try run(["submit", "wrong.csv", "--inviter", inviter], expect: 2)
        XCTAssertTrue(result.stderr.contains("could not be processed, nobody was invited"), result.stderr)
        XCTAssertTrue(result.stderr.contains("(trace id "), result.stderr)
        try writeList("mixed.csv", [Self.vendorRow(1), "broken@@x,Vendor,,A,B,1,,,No,r,,,,"])
        let mixed = try run(["submit", "mixed.csv", "--inviter", inviter], expect: 1)
        XCTAssertTrue(mixed.stdout.contains("Invitations: 1 invited, 0 overridden, 0 already invited, 0 duplicates, 1 invalid"), mixed.stdout)
    }

    func testAnUnreachableMailDestinationLeavesMessagesQueuedNeverLost() throws {
        try writeList("users.csv", [Self.vendorRow(1), Self.officerRow(1)])
        try Data("a file where the outbox folder should be".utf8).write(to: URL(fileURLWithPath: path("blocked")))
        let submit = try run(["submit", "users.csv", "--inviter", inviter, "--mail", "outbox:blocked/out"], expect: 0)
        XCTAssertTrue(submit.stderr.contains("2 email(s) could not be delivered yet"), submit.stderr)
        XCTAssertTrue(submit.stderr.contains("they stay queued and are retried on the next run (trace id "), submit.stderr)
        let queued = try statusLines(day: "2026-12-01T09:05:00Z")
        XCTAssertEqual(queued.compactMap { ($0["lastEmail"] as? String)?.hasPrefix("queued since 2026-12-01 09:00 UTC") }, [true, true])
        // Before the back-off has passed nothing is tried; after it, everything goes, once.
        try run(["resend", "--all-pending"], day: "2026-12-01T09:00:30Z", expect: 1)
        XCTAssertEqual(try outbox().count, 0)
        try Data("email\nnobody@acme.com\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        try run(["sync", "accounts.csv"], day: "2026-12-01T09:02:00Z", expect: 0)
        XCTAssertEqual(try outbox().count, 2)
        try run(["sync", "accounts.csv"], day: "2026-12-01T09:30:00Z", expect: 0)
        XCTAssertEqual(try outbox().count, 2, "nothing twice")
    }

    func testKillingSubmitAtAnyPointLosesNothingAndSendsNothingTwice() throws {
        let count = 3_000
        try writeList("big.csv", (1...count).map { Self.vendorRow($0) })
        let binary = try InvitesheetBinary.locate()
        // Killed while validating, and while delivering; each time a rerun finishes the job.
        for killWhen in ["validating", "delivering"] {
            try FileManager.default.createDirectory(atPath: path(killWhen), withIntermediateDirectories: true)
            let ledger = "\(killWhen)/ledger.sqlite"
            let outboxFolder = path("\(killWhen)/outbox")
            func mail() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: outboxFolder)) ?? []).filter { $0.hasSuffix(".eml") }
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["submit", "big.csv", "--inviter", inviter, "--ledger", ledger]
            process.environment = ProcessInfo.processInfo.environment.merging(["INVITESHEET_NOW": "2026-12-01T09:00:00Z"]) { $1 }
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            let deadline = Date().addingTimeInterval(120)
            if killWhen == "validating" {
                usleep(150_000)
            } else {
                while process.isRunning, Date() < deadline, mail().count < 10 { usleep(2_000) }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if killWhen == "delivering" { XCTAssertLessThan(mail().count, count, "killed before delivering everything") }
            try run(["submit", "big.csv", "--inviter", inviter, "--ledger", ledger], expect: 0)
            XCTAssertEqual(try statusLines(["--ledger", ledger]).count, count, killWhen)
            let recipients = try mail().compactMap { name in
                try String(contentsOfFile: (outboxFolder as NSString).appendingPathComponent(name), encoding: .utf8)
                    .components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") }
            }
            XCTAssertEqual(recipients.count, count, "\(killWhen): one email per invitee")
            XCTAssertEqual(Set(recipients).count, count, killWhen)
        }
    }

    // MARK: Status formats

    func testStatusFormats() throws {
        XCTAssertEqual(try run(["status"], expect: 0).stdout, "No record found\n")
        try writeList("users.csv", [Self.vendorRow(1), Self.officerRow(1)])
        try run(["submit", "users.csv", "--inviter", inviter], expect: 0)
        let csv = try run(["status", "--format", "csv"], expect: 0).stdout
        XCTAssertEqual(csv.components(separatedBy: "\r\n").first,
                       "First name,Last name,Email address,Organisation,Department,Date of invite,TechPass status,SEED status,Resend,Last email")
        XCTAssertTrue(csv.contains("Arun,Krishnan,vendor1@tembusu.com.sg,Tembusu Systems,,2026-12-01,registration-pending,not-required,from 2026-12-02 09:00 UTC,sent 2026-12-01 09:00 UTC"), csv)
        XCTAssertEqual(try run(["status", "--state", "registered"], expect: 0).stdout, "No record found\n")
        let text = try run(["status"], expect: 0).stdout
        XCTAssertTrue(text.hasPrefix("First name"), text)
        XCTAssertTrue(text.contains("officer1@lta.gov.sg"), text)

        try run(["status", "--format", "xlsx", "-o", "status.xlsx"], expect: 0)
        let script = """
            import openpyxl, sys
            ws = openpyxl.load_workbook(sys.argv[1]).active
            print(ws.freeze_panes, ws.auto_filter.ref, ws["A1"].value, ws["A1"].font.b, ws["C2"].value, ws.max_row)
            """
        let dump = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script, path("status.xlsx")])
        guard dump.status == 0 else { throw XCTSkip("python3 with openpyxl is needed: \(dump.standardError)") }
        XCTAssertEqual(dump.standardOutput, "A2 A1:J3 First name True vendor1@tembusu.com.sg 3\n")
    }

    /// `--policy` and `--existing` are one options group: every command that takes them reports a file
    /// it cannot use with the same line and exit 64, before touching the ledger.
    func testPolicyAndExistingFilesFailTheSameWayInEveryCommand() throws {
        try writeList("users.csv", [Self.vendorRow(1)])
        try Data("{\"registrationLinkLifetimeDays\": \"five\"}".utf8).write(to: URL(fileURLWithPath: path("policy.json")))
        try Data("email\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        var policyErrors: Set<String> = []
        for command in [["validate", "users.csv"], ["submit", "users.csv", "--inviter", inviter], ["status"],
                        ["resend", "--all-pending"], ["sync", "accounts.csv"]] {
            let result = try run(command + ["--policy", "policy.json"], expect: 64)
            XCTAssertTrue(result.stderr.hasPrefix("invitesheet: error: --policy policy.json"), "\(command): \(result.stderr)")
            policyErrors.insert(result.stderr)
        }
        XCTAssertEqual(policyErrors.count, 1, "one error text: \(policyErrors)")
        var existingErrors: Set<String> = []
        for command in [["validate", "users.csv"], ["submit", "users.csv", "--inviter", inviter]] {
            let result = try run(command + ["--existing", "missing.csv"], expect: 64)
            XCTAssertTrue(result.stderr.hasPrefix("invitesheet: error: --existing "), "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("missing.csv"), result.stderr)
            existingErrors.insert(result.stderr)
        }
        XCTAssertEqual(existingErrors.count, 1, "one error text: \(existingErrors)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("invitesheet-ledger.sqlite")), "no ledger was created")
    }

    func testHelpHasExamplesThatFitTheTerminal() throws {
        for command in ["submit", "status", "resend", "sync"] {
            let help = try run([command, "--help"], expect: 0).stdout
            XCTAssertTrue(help.contains("Examples:"), command)
            XCTAssertTrue(help.contains("  invitesheet \(command)"), command)
            for line in help.split(separator: "\n") where line.contains("invitesheet \(command)") && line.hasPrefix("  invitesheet") {
                XCTAssertLessThanOrEqual(line.count, 78, "\(command): \(line)")
            }
        }
    }
}
