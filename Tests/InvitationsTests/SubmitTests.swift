import Digest
import GRDB
import XCTest
@testable import Invitations
import UserList

/// SPEC "Two kinds of invitee" and "Submitting a row".
final class SubmitTests: XCTestCase {
    func testEachKindOfInviteeGetsItsInvitation() throws {
        struct Case { var details: InviteeDetails; var policy: Policy; var kind: InvitationKind; var status: TechPassStatus; var why: String }
        let cases = [
            Case(details: officer("lee@tech.gov.sg"), policy: .default, kind: .accountCreated, status: .accountCreated,
                 why: "a public officer at an integrated domain (default gov.sg) has the account created"),
            Case(details: vendor("tan@acme.com.sg"), policy: .default, kind: .registration, status: .registrationPending,
                 why: "a vendor gets a registration link"),
            Case(details: officer("lee@hdb.gov.sg"), policy: Policy(integratedIdentityDomains: ["tech.gov.sg"]), kind: .registration,
                 status: .registrationPending, why: "a public officer outside the integrated domains gets a registration link"),
            Case(details: vendor("tan@tech.gov.sg"), policy: .default, kind: .registration, status: .registrationPending,
                 why: "only public officers have accounts created, whatever the domain"),
        ]
        for c in cases {
            let ledger = try InvitationLedger.inMemory(policy: c.policy)
            let result = try ledger.submit([c.details], at: day(0))
            XCTAssertEqual(result.rows.first?.outcome, .invited(c.kind), c.why)
            let invitation = try XCTUnwrap(ledger.invitation(c.details.email))
            XCTAssertEqual(invitation.kind, c.kind, c.why)
            XCTAssertEqual(invitation.status, c.status, c.why)
            XCTAssertEqual(invitation.expiresAt, c.kind == .registration ? day(5) : nil, c.why)
            XCTAssertEqual(invitation.tokenHash == nil, c.kind == .accountCreated, c.why)
        }
    }

    func testProgressIsToldAfterEveryRow() throws {
        let ledger = try InvitationLedger.inMemory()
        var done: [Int] = []
        try ledger.submit(SubmissionInput(fileName: "users.xlsx", sha256: "aa"), rows: rows((1...3).map { vendor("v\($0)@acme.com") }),
                          inviter: inviter, at: day(0), traceID: "0123456789abcdef", progress: { done.append($0) })
        XCTAssertEqual(done, [1, 2, 3])
    }

    func testRegistrationEmailCarriesTheLinkAndTheLedgerOnlyItsHash() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("tan@acme.com.sg")], at: day(0))
        let transport = RecordingTransport()
        let report = try ledger.deliverPending(using: transport, at: day(0), traceID: "t")
        XCTAssertEqual(report.sent, 1)
        let mail = try XCTUnwrap(transport.delivered.first)
        XCTAssertEqual(mail.to, ["tan@acme.com.sg"])
        XCTAssertEqual(mail.from, "techpass-invitations@tech.gov.sg")
        XCTAssertTrue(mail.messageID.hasPrefix("<") && mail.messageID.hasSuffix("@invitesheet.local>"), mail.messageID)
        let prefix = "https://portal.techpass.gov.sg/register?token="
        let line = try XCTUnwrap(mail.body.split(separator: "\n").first { $0.hasPrefix(prefix) })
        let token = String(line.dropFirst(prefix.count))
        XCTAssertEqual(token.count, 43, "32 random bytes, base64url without padding")
        XCTAssertTrue(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        XCTAssertTrue(mail.body.contains("within 5 days, by 2026-12-06 09:00 UTC"), mail.body)
        let invitation = try XCTUnwrap(ledger.invitation("tan@acme.com.sg"))
        XCTAssertEqual(invitation.tokenHash, SHA256.hex(of: token.utf8))
        // Once delivered, the link is gone from the ledger: only the hash remains.
        let stored = try ledger.reading { db in try Row.fetchAll(db, sql: "SELECT * FROM message") }
        for row in stored { for column in row.columnNames { XCTAssertFalse(String(describing: row[column] as DatabaseValue).contains(token), column) } }
        XCTAssertEqual(stored.count, 1)
    }

    func testSeedNoteOnlyWhenSeedIsRequired() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([officer("lee@tech.gov.sg", seed: "Yes"), officer("ong@tech.gov.sg", seed: "No")], at: day(0))
        let transport = RecordingTransport()
        _ = try ledger.deliverPending(using: transport, at: day(0), traceID: "t")
        XCTAssertTrue(try XCTUnwrap(transport.messages(to: "lee@tech.gov.sg").first).body.contains("onboard to SEED"))
        XCTAssertFalse(try XCTUnwrap(transport.messages(to: "ong@tech.gov.sg").first).body.contains("SEED"))
        XCTAssertEqual(try ledger.invitation("lee@tech.gov.sg")?.seedStatus, .pending)
        XCTAssertEqual(try ledger.invitation("ong@tech.gov.sg")?.seedStatus, .notRequired)
        XCTAssertEqual(transport.messages(to: "lee@tech.gov.sg").first?.subject, "Your TechPass account has been created")
    }

    func testARowForAnAddressAlreadyInvited() throws {
        struct Case { var existing: TechPassStatus?; var second: InviteeDetails; var expected: String; var why: String }
        let first = vendor("tan@acme.com.sg")
        let cases = [
            Case(existing: nil, second: vendor("TAN@Acme.com.sg"), expected: "already-invited",
                 why: "pending with the same details (address compared ignoring case): nothing new"),
            Case(existing: nil, second: vendor("tan@acme.com.sg", organisation: "Acme Holdings"), expected: "overridden",
                 why: "pending with changed details: the new invitation overrides"),
            Case(existing: .registered, second: vendor("tan@acme.com.sg"), expected: "duplicate", why: "registered: a duplicate entry"),
            Case(existing: .onboarded, second: vendor("tan@acme.com.sg", organisation: "X"), expected: "duplicate", why: "onboarded: a duplicate entry"),
            Case(existing: .expired, second: vendor("tan@acme.com.sg"), expected: "overridden", why: "expired: invited afresh"),
            Case(existing: .failed, second: vendor("tan@acme.com.sg"), expected: "overridden", why: "undeliverable: invited afresh"),
        ]
        for c in cases {
            let ledger = try InvitationLedger.inMemory()
            try ledger.submit([first], sha: "first", at: day(0))
            if let status = c.existing {
                try ledger.transaction("test") { db in try db.execute(sql: "UPDATE invitation SET status = ?", arguments: [status]) }
            }
            let messagesBefore = try ledger.count("SELECT count(*) FROM message")
            let result = try ledger.submit([c.second], sha: "second", at: day(1))
            let row = try XCTUnwrap(result.rows.first)
            XCTAssertEqual(row.outcome.code, c.expected, c.why)
            let newMessages = try ledger.count("SELECT count(*) FROM message") - messagesBefore
            XCTAssertEqual(newMessages, c.expected == "overridden" ? 1 : 0, c.why)
            switch c.expected {
            case "already-invited":
                XCTAssertEqual(row.outcome.message, "already invited on 2026-12-01; nothing sent (to send it again: invitesheet resend <email>)")
                XCTAssertEqual(result.counts.alreadyInvited, 1)
            case "duplicate":
                XCTAssertTrue(row.outcome.message.contains("the account exists"), row.outcome.message)
                XCTAssertTrue(row.outcome.message.contains("raise a service request to change its details"))
                XCTAssertTrue(row.outcome.isError)
                XCTAssertEqual(result.counts.duplicates, 1)
            case "overridden":
                let old = try XCTUnwrap(ledger.all(InvitationRecord.self, "SELECT * FROM invitation WHERE id = 1").first)
                XCTAssertEqual(old.status, .superseded, c.why)
                XCTAssertEqual(old.supersededBy, row.invitationID, c.why)
                let new = try XCTUnwrap(ledger.invitation("tan@acme.com.sg"))
                XCTAssertEqual(new.id, row.invitationID)
                XCTAssertNotEqual(new.tokenHash, old.tokenHash, "the old link stops working")
                let events = try ledger.all(EventRecord.self, "SELECT * FROM event WHERE invitationID = 1 ORDER BY id")
                XCTAssertEqual(events.last?.toStatus, .superseded)
                XCTAssertEqual(events.last?.fromStatus, c.existing ?? .registrationPending)
            default: XCTFail()
            }
        }
    }

    func testTheSameFileTwiceInvitesNobodyTwice() throws {
        let ledger = try InvitationLedger.inMemory()
        let people = [vendor("a@acme.com"), vendor("b@acme.com"), officer("c@tech.gov.sg")]
        let first = try ledger.submit(people, sha: "same", at: day(0))
        let second = try ledger.submit(people, sha: "same", at: day(0.5))
        XCTAssertEqual(first.counts.invited, 3)
        XCTAssertEqual(second.counts.invited, 0)
        XCTAssertEqual(second.counts.alreadyInvited, 3)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM invitation"), 3)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM message"), 3)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM submission"), 2)
    }

    func testACorrectionsWorkbookIsCheckedAgainstItsOriginalFile() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], file: "users.xlsx", sha: "original-sha", at: day(0))
        let original = OriginalFile(name: "users.xlsx", sha256: "original-sha", traceID: "0123456789abcdef")
        // The corrections workbook brings a fixed row (c) and, again, a row the original already submitted (a, edited).
        let result = try ledger.submit([vendor("a@acme.com", organisation: "Edited"), vendor("c@acme.com")], file: "corrections.xlsx",
                                       sha: "corrections-sha", original: original, at: day(0.1))
        XCTAssertEqual(result.rows.map(\.outcome.code), ["already-submitted", "invited"])
        XCTAssertEqual(result.rows[0].outcome.message, "already submitted from users.xlsx on 2026-12-01; nothing sent")
        XCTAssertFalse(result.originalNotFound)
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.organisation, "Acme Pte Ltd", "the original row stands")
        let submission = try XCTUnwrap(ledger.all(SubmissionRecord.self, "SELECT * FROM submission ORDER BY id").last)
        XCTAssertEqual(submission.originalSha256, "original-sha")
        XCTAssertEqual(submission.originalFileName, "users.xlsx")
        XCTAssertEqual(submission.originalTraceID, "0123456789abcdef")
        XCTAssertEqual(submission.invitedCount, 1)
        XCTAssertEqual(submission.alreadyInvitedCount, 1)

        let unknown = try ledger.submit([vendor("d@acme.com")], sha: "x", original: OriginalFile(name: "lost.xlsx", sha256: "nope", traceID: "0123456789abcdef"), at: day(0.2))
        XCTAssertTrue(unknown.originalNotFound)
        XCTAssertEqual(unknown.counts.invited, 1)
    }

    func testAFileIsSubmittedWhollyOrNotAtAll() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("earlier@acme.com")], sha: "earlier", at: day(0))
        // The third row's insert fails (as a full disk would): nothing of the file may remain.
        try ledger.transaction("test") { db in
            try db.execute(sql: "CREATE TEMP TRIGGER boom BEFORE INSERT ON invitation WHEN NEW.email = 'boom@acme.com' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        XCTAssertThrowsError(try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com"), vendor("boom@acme.com"), vendor("c@acme.com")],
                                               sha: "failing", at: day(1)))
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM invitation"), 1)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM submission"), 1)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM message"), 1)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM event"), 1)
    }

    func testRowsInTheAccountsExportCountAsDuplicates() throws {
        let ledger = try InvitationLedger.inMemory()
        let result = try ledger.submit(SubmissionInput(fileName: "f", sha256: "s", invalidRows: 3, existingAccountRows: 2),
                                       rows: rows([vendor("a@acme.com")]), inviter: inviter, at: day(0), traceID: "t")
        XCTAssertEqual(result.counts.duplicates, 2)
        XCTAssertEqual(result.counts.invalid, 1)
        let submission = try XCTUnwrap(ledger.all(SubmissionRecord.self, "SELECT * FROM submission").first)
        XCTAssertEqual(submission.duplicateCount, 2)
        XCTAssertEqual(submission.invalidCount, 1)
    }

    func testADryRunChangesNothing() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com")], sha: "one", at: day(0))
        let result = try ledger.submit(SubmissionInput(fileName: "f", sha256: "two"), rows: rows([vendor("a@acme.com", organisation: "New"), vendor("b@acme.com")]),
                                       inviter: inviter, at: day(1), traceID: "t", dryRun: true)
        XCTAssertEqual(result.rows.map(\.outcome.code), ["overridden", "invited"])
        XCTAssertNil(result.submissionID)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM invitation"), 1)
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM message"), 1)
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.status, .registrationPending)
    }

    func testEveryChangeOfStateIsAnEvent() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com")], sha: "1", at: day(0))
        try ledger.submit([vendor("a@acme.com", first: "Ahmad")], sha: "2", at: day(0.5))
        try ledger.expire(at: day(6), traceID: "expiry-trace-0001")
        _ = try ledger.resend(.emails(["a@acme.com"]), inviter: nil, at: day(6), traceID: "t")
        _ = try ledger.sync(accounts: [ExportedAccount(email: "a@acme.com", techPassStatus: "Registered")], source: "acc.csv", at: day(7), traceID: "t")
        let events = try ledger.all(EventRecord.self, "SELECT * FROM event ORDER BY id")
        let trail = events.map { "\($0.invitationID): \($0.fromStatus?.rawValue ?? "-") → \($0.toStatus.rawValue) by \($0.actor)" }
        XCTAssertEqual(trail, [
            "1: - → registration-pending by lim_kh@tech.gov.sg",
            "2: - → registration-pending by lim_kh@tech.gov.sg",
            "1: registration-pending → superseded by lim_kh@tech.gov.sg",
            "2: registration-pending → expired by expiry",
            "2: expired → registration-pending by lim_kh@tech.gov.sg",
            "2: registration-pending → registered by sync",
        ])
        XCTAssertEqual(events[3].traceID, "expiry-trace-0001")
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM invitation"), 2, "nothing is deleted")
    }
}
