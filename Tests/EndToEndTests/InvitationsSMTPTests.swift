#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// `submit`, `status`, `resend` and `sync` delivering through a real SMTP server on loopback
/// (`scripts/smtp-sink.py`, aiosmtpd) with `--mail smtp://127.0.0.1:PORT`: what arrives there,
/// header by header, as a mail client decodes it (Python's `email` package), and how refused,
/// unreachable and interrupted deliveries end.
final class InvitationsSMTPTests: XCTestCase {
    var folder: String!
    let inviter = "lim_kh@tech.gov.sg"
    let sender = "invitations@agency.gov.sg"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("invitations-smtp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: Helpers

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    @discardableResult
    func run(_ arguments: [String], day: String = "2026-12-01T09:00:00Z", environment: [String: String] = [:],
             expect status: Int32? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let base = ["INVITESHEET_NOW": day, "INVITESHEET_LEDGER": "", "INVITESHEET_SMTP_USER": "", "INVITESHEET_SMTP_PASSWORD": "",
                    "INVITESHEET_SMTP_CA_FILE": ""]
        let result = try ProcessResult.run(try InvitesheetBinary.locate(), arguments,
                                           environment: base.merging(environment) { $1 }, directory: folder)
        if let status {
            XCTAssertEqual(result.status, status, "invitesheet \(arguments.joined(separator: " "))\nstdout: \(result.stdout)\nstderr: \(result.stderr)",
                           file: file, line: line)
        }
        return result
    }

    func writeList(_ name: String, _ rows: [String]) throws {
        try Data(([InvitationsCLITests.header] + rows).joined(separator: "\n").appending("\n").utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    func statusLines(_ extra: [String] = [], day: String = "2026-12-01T09:00:00Z") throws -> [[String: Any]] {
        let result = try run(["status", "--format", "json"] + extra, day: day, expect: 0)
        return try result.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// One received message as a mail client reads it: headers decoded, body decoded to text.
    struct Decoded {
        var from, to, subject, messageID, date, contentType, charset, body: String
        var raw: String
        var link: String? {
            body.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .first { $0.hasPrefix("https://portal.techpass.gov.sg/register?token=") }
        }
    }

    /// Every message the sink holds, decoded by Python's `email` package (policy.default).
    func decoded(_ sink: SMTPSink) throws -> [Decoded] {
        let received = try sink.received()
        guard !received.isEmpty else { return [] }
        let script = """
            import email, email.policy, json, sys
            out = []
            for p in sys.argv[1:]:
                m = email.message_from_binary_file(open(p, 'rb'), policy=email.policy.default)
                part = m.get_body(preferencelist=('plain',))
                out.append({k: str(m[k] or '') for k in ('From', 'To', 'Subject', 'Message-ID', 'Date')} | {
                    'contentType': part.get_content_type(), 'charset': part.get_content_charset() or '',
                    'body': part.get_content()})
            print(json.dumps(out))
            """
        let result = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script] + received.map(\.path))
        XCTAssertEqual(result.status, 0, result.standardError)
        let objects = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: String]])
        return zip(objects, received).map { o, r in
            Decoded(from: o["From"] ?? "", to: o["To"] ?? "", subject: o["Subject"] ?? "", messageID: o["Message-ID"] ?? "",
                    date: o["Date"] ?? "", contentType: o["contentType"] ?? "", charset: o["charset"] ?? "", body: o["body"] ?? "",
                    raw: String(decoding: r.raw, as: UTF8.self))
        }
    }

    static func vendorRow(_ n: Int, first: String = "Arun", last: String = "Krishnan") -> String {
        "vendor\(n)@tembusu.com.sg,Vendor,Vendor User \(n),\(first),\(last),6302 7136,Tembusu Systems,,No,Needs SGTS access to deploy services,HDB,Onshore,,"
    }

    // MARK: The days, through a relay

    func testDayByDayThroughARelay() throws {
        let sink = try SMTPSink()
        try Data(#"{"senderAddress": "\#(sender)"}"#.utf8).write(to: URL(fileURLWithPath: path("policy.json")))
        let mail = ["--mail", sink.url(), "--policy", "policy.json"]
        let vendor = "vendor1@tembusu.com.sg", officer = "officer1@lta.gov.sg"
        try writeList("users.csv", [Self.vendorRow(1, first: "Zoë", last: "Lê Nguyễn"), InvitationsCLITests.officerRow(1)])

        // Day 0: one invitation per accepted row.
        try run(["submit", "users.csv", "--inviter", inviter] + mail, expect: 0)
        var messages = try decoded(sink)
        XCTAssertEqual(messages.count, 2)
        XCTAssertEqual(Set(messages.map(\.messageID)).count, 2, "Message-IDs are unique")
        for m in messages {
            XCTAssertTrue(m.from.contains("<\(sender)>") || m.from == sender, m.from)
            XCTAssertTrue(m.messageID.hasPrefix("<") && m.messageID.hasSuffix(">") && m.messageID.contains("@"), m.messageID)
            XCTAssertTrue(m.date.contains("1 Dec 2026 09:00:00"), m.date)
            XCTAssertEqual(m.contentType, "text/plain")
            XCTAssertEqual(m.charset.lowercased(), "utf-8")
            XCTAssertTrue(m.raw.contains("MIME-Version: 1.0"), m.raw)
            XCTAssertFalse(m.raw.utf8.contains { $0 >= 0x80 }, "8-bit bytes on the wire: \(m.raw)")
        }
        XCTAssertEqual(try sink.received().map { $0.recipients }.sorted { $0[0] < $1[0] }, [[officer], [vendor]])
        let first = try XCTUnwrap(messages.first { $0.to.contains(vendor) })
        XCTAssertEqual(first.subject, "You are invited to register for TechPass")
        XCTAssertTrue(first.body.contains("Dear Zoë Lê Nguyễn,"), first.body)
        let firstLink = try XCTUnwrap(first.link, first.body)
        let account = try XCTUnwrap(messages.first { $0.to.contains(officer) })
        XCTAssertEqual(account.subject, "Your TechPass account has been created")
        XCTAssertTrue(account.body.contains("has created a TechPass account for you"), account.body)
        XCTAssertNil(account.link, "an officer gets no registration link")

        // Day 0, later: too soon, nothing sent.
        XCTAssertEqual(try sink.received().map(\.mailFrom), [sender, sender])
        let refused = try run(["resend", vendor] + mail, day: "2026-12-01T15:00:00Z", expect: 1)
        XCTAssertTrue(refused.stdout.contains("it can be re-sent from 2026-12-02 09:00 UTC"), refused.stdout)
        XCTAssertEqual(try sink.received().count, 2)

        // Day 1: a new message with a new link; the old token is not in it.
        try run(["resend", vendor] + mail, day: "2026-12-02T09:00:00Z", expect: 0)
        messages = try decoded(sink)
        XCTAssertEqual(messages.count, 3)
        let second = try XCTUnwrap(messages.last)
        XCTAssertTrue(second.to.contains(vendor))
        XCTAssertEqual(second.subject, "Your new TechPass registration link")
        let secondLink = try XCTUnwrap(second.link, second.body)
        XCTAssertNotEqual(secondLink, firstLink)
        let oldToken = String(firstLink.split(separator: "=", maxSplits: 1)[1])
        XCTAssertFalse(second.raw.contains(oldToken))
        XCTAssertFalse(second.body.contains(oldToken))
        XCTAssertEqual(Set(messages.map(\.messageID)).count, 3)

        // Day 6: `status` expires the link and queues the inviter's notice but sends no mail;
        // the next command that delivers (here `sync`) sends it.
        let expired = try statusLines(["--state", "expired"], day: "2026-12-07T09:30:00Z")
        XCTAssertEqual(expired.map { $0["email"] as? String }, [vendor])
        XCTAssertEqual(try sink.received().count, 3, "status sends nothing")
        try Data("email,TechPass status\nnobody@acme.com,Registered\n".utf8).write(to: URL(fileURLWithPath: path("none.csv")))
        let sync0 = try run(["sync", "none.csv"] + mail, day: "2026-12-07T09:31:00Z", expect: 0)
        XCTAssertTrue(sync0.stdout.contains("1 not invited here"), sync0.stdout)
        messages = try decoded(sink)
        XCTAssertEqual(messages.count, 4)
        let expiry = try XCTUnwrap(messages.last)
        XCTAssertTrue(expiry.to.contains(inviter), expiry.to)
        XCTAssertEqual(expiry.subject, "TechPass invitation expired: \(vendor)")
        XCTAssertTrue(expiry.body.contains("Zoë Lê Nguyễn <\(vendor)> did not complete the TechPass registration"), expiry.body)
        XCTAssertNil(expiry.link)

        // Sync: the invitee registered; the inviter is told.
        try Data("email,TechPass status\n\(vendor),Registered\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        let sync = try run(["sync", "accounts.csv"] + mail, day: "2026-12-08T09:00:00Z", expect: 0)
        XCTAssertTrue(sync.stdout.contains("1 registered"), sync.stdout)
        messages = try decoded(sink)
        XCTAssertEqual(messages.count, 5)
        let accepted = try XCTUnwrap(messages.last)
        XCTAssertTrue(accepted.to.contains(inviter), accepted.to)
        XCTAssertEqual(accepted.subject, "TechPass invitation accepted: \(vendor)")
        XCTAssertEqual(Set(messages.map(\.messageID)).count, 5, "every message has its own Message-ID")
        XCTAssertEqual(try statusLines(["--email", vendor], day: "2026-12-08T09:00:00Z").first?["techPassStatus"] as? String, "registered")
    }

    // MARK: Faults

    func testARecipientRefusedForGoodMarksItsInvitationFailed() throws {
        let sink = try SMTPSink(reject: ["vendor2@tembusu.com.sg"])
        try writeList("users.csv", [Self.vendorRow(1), Self.vendorRow(2), Self.vendorRow(3)])
        let submit = try run(["submit", "users.csv", "--inviter", inviter, "--mail", sink.url()])
        XCTAssertTrue(submit.stderr.contains("1 email(s) were refused for good; their invitations are marked failed"), submit.stderr)
        XCTAssertTrue(submit.stderr.contains("(trace id "), submit.stderr)
        XCTAssertEqual(try sink.received().flatMap(\.recipients).sorted(), ["vendor1@tembusu.com.sg", "vendor3@tembusu.com.sg"])
        let failed = try statusLines(["--state", "failed"])
        XCTAssertEqual(failed.map { $0["email"] as? String }, ["vendor2@tembusu.com.sg"])
        let failure = try XCTUnwrap(failed.first?["failure"] as? [String: String])
        XCTAssertTrue(failure["reason"]?.contains("550") == true, "\(failure)")
        XCTAssertTrue(failure["reason"]?.contains("mailbox unavailable") == true, "\(failure)")
        XCTAssertFalse(failure["traceId"]?.isEmpty ?? true, "\(failure)")
        XCTAssertTrue(submit.stderr.contains(failure["traceId"]!), "the trace id printed is the one recorded")
        let text = try run(["status", "--state", "failed"], expect: 0).stdout
        XCTAssertTrue(text.contains("vendor2@tembusu.com.sg"), text)
        // Nothing is retried: the next run sends no more.
        try Data("email\nnobody@acme.com\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        try run(["sync", "accounts.csv", "--mail", sink.url()], day: "2026-12-01T10:00:00Z", expect: 0)
        XCTAssertEqual(try sink.received().count, 2)
    }

    func testARelayThatIsDownLeavesMessagesQueuedThenDeliversThemOnce() throws {
        try writeList("users.csv", [Self.vendorRow(1), InvitationsCLITests.officerRow(1)])
        let down = "smtp://127.0.0.1:\(try SMTPSink.closedPort())"
        let submit = try run(["submit", "users.csv", "--inviter", inviter, "--mail", down], expect: 0)
        XCTAssertTrue(submit.stderr.contains("2 email(s) could not be delivered yet"), submit.stderr)
        XCTAssertTrue(submit.stderr.contains("they stay queued and are retried on the next run (trace id "), submit.stderr)
        let queued = try statusLines(day: "2026-12-01T09:05:00Z")
        XCTAssertEqual(queued.compactMap { ($0["lastEmail"] as? String)?.hasPrefix("queued since 2026-12-01 09:00 UTC") }, [true, true])
        let text = try run(["status"], day: "2026-12-01T09:05:00Z", expect: 0).stdout
        XCTAssertTrue(text.contains("queued since 2026-12-01 09:00"), text)

        // The relay is back (a new one, on another port): after the back-off, each message goes once.
        let sink = try SMTPSink()
        try Data("email\nnobody@acme.com\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        try run(["sync", "accounts.csv", "--mail", sink.url()], day: "2026-12-01T09:10:00Z", expect: 0)
        try run(["sync", "accounts.csv", "--mail", sink.url()], day: "2026-12-01T10:10:00Z", expect: 0)
        let ids = try sink.received().compactMap(\.messageID)
        XCTAssertEqual(ids.count, 2, "delivered exactly once")
        XCTAssertEqual(Set(ids).count, 2)
        XCTAssertEqual(try sink.received().flatMap(\.recipients).sorted(), ["officer1@lta.gov.sg", "vendor1@tembusu.com.sg"])
        let after = try statusLines(day: "2026-12-01T10:10:00Z")
        XCTAssertEqual(after.compactMap { ($0["lastEmail"] as? String)?.hasPrefix("sent ") }, [true, true], "\(after)")
    }

    /// The login and the relay's CA come from the environment: a wrong password leaves the message
    /// queued (a setting to fix), the right one delivers it over STARTTLS as that user.
    func testALoginOverTLSFromTheEnvironment() throws {
        let sink = try SMTPSink(startTLS: true, login: ("relay-user", "correct horse"))
        try writeList("users.csv", [Self.vendorRow(1)])
        var environment = ["INVITESHEET_SMTP_USER": "relay-user", "INVITESHEET_SMTP_PASSWORD": "wrong",
                           "INVITESHEET_SMTP_CA_FILE": sink.caFile]
        let wrong = try run(["submit", "users.csv", "--inviter", inviter, "--mail", sink.url()], environment: environment, expect: 0)
        XCTAssertTrue(wrong.stderr.contains("1 email(s) could not be delivered yet"), wrong.stderr)
        XCTAssertFalse(wrong.stderr.contains("wrong"), "the password is never printed: \(wrong.stderr)")
        XCTAssertEqual(try sink.received().count, 0)
        environment["INVITESHEET_SMTP_PASSWORD"] = "correct horse"
        try Data("email\nnobody@acme.com\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        try run(["sync", "accounts.csv", "--mail", sink.url()], day: "2026-12-01T09:05:00Z", environment: environment, expect: 0)
        let received = try sink.received()
        XCTAssertEqual(received.map(\.recipients), [["vendor1@tembusu.com.sg"]])
        XCTAssertEqual(received.first?.tls, true)
        XCTAssertEqual(received.first?.login, "relay-user")
    }

    /// libcurl cannot make SMTP exactly-once: a message the relay accepted just before the kill is
    /// still `sending` in the ledger and goes again with the same Message-ID. At most the batch in
    /// flight (200 messages) can arrive twice; nothing is lost and no invitation is made twice.
    func testKillingSubmitDuringSMTPDeliveryLosesNothing() throws {
        let count = 2_000, batch = 200
        let sink = try SMTPSink()
        try writeList("big.csv", (1...count).map { Self.vendorRow($0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try InvitesheetBinary.locate())
        process.arguments = ["submit", "big.csv", "--inviter", inviter, "--mail", sink.url()]
        var environment = ProcessInfo.processInfo.environment
        environment["INVITESHEET_NOW"] = "2026-12-01T09:00:00Z"
        environment["INVITESHEET_LEDGER"] = nil
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        func arrived() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: sink.folder.path)) ?? []).filter { $0.hasSuffix(".json") }.count
        }
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline, arrived() < 300 { usleep(5_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let before = arrived()
        XCTAssertGreaterThan(before, 0, "killed while delivering")
        XCTAssertLessThan(before, count, "killed before delivering everything")

        let rerun = try run(["submit", "big.csv", "--inviter", inviter, "--mail", sink.url()], expect: 0)
        XCTAssertTrue(rerun.stdout.contains("0 invited"), rerun.stdout)
        XCTAssertEqual(try statusLines().count, count, "every accepted row invited once")
        let received = try sink.received()
        let ids = received.compactMap(\.messageID)
        XCTAssertEqual(ids.count, received.count, "every message has a Message-ID")
        XCTAssertEqual(Set(ids).count, count, "every invitation's message arrived")
        XCTAssertEqual(Set(received.flatMap(\.recipients)).count, count)
        var seen: [String: Int] = [:]
        for id in ids { seen[id, default: 0] += 1 }
        let twice = seen.values.filter { $0 > 1 }
        print("killed after \(before) of \(count) messages had arrived; \(twice.count) arrived twice")
        XCTAssertLessThanOrEqual(twice.count, batch, "at most the batch in flight arrives twice")
        XCTAssertEqual(twice.filter { $0 > 2 }.count, 0, "nothing arrives three times")
        // A further run sends nothing.
        try run(["submit", "big.csv", "--inviter", inviter, "--mail", sink.url()], expect: 0)
        XCTAssertEqual(try sink.received().count, received.count)
    }
}
