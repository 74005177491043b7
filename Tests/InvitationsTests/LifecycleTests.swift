import GRDB
import XCTest
@testable import Invitations
import UserList

/// SPEC "Re-sending", expiry and "Where status comes from".
final class LifecycleTests: XCTestCase {
    func testResendRules() throws {
        struct Case { var status: TechPassStatus?; var kind: InvitationKind; var at: Double; var expected: String; var why: String }
        let cases = [
            Case(status: nil, kind: .registration, at: 0.5, expected: "too-soon", why: "within 24 hours of the last email"),
            Case(status: nil, kind: .registration, at: 1, expected: "resent", why: "24 hours after the last email"),
            Case(status: nil, kind: .accountCreated, at: 0.9, expected: "too-soon", why: "the interval applies to account-created too"),
            Case(status: nil, kind: .accountCreated, at: 2, expected: "resent", why: "an onboarding email can be re-sent"),
            Case(status: .expired, kind: .registration, at: 7, expected: "resent", why: "an expired invitation can be re-sent"),
            Case(status: .failed, kind: .registration, at: 2, expected: "resent", why: "an undeliverable one can be re-sent"),
            Case(status: .registered, kind: .registration, at: 3, expected: "account-exists", why: "never once registered"),
            Case(status: .onboarded, kind: .accountCreated, at: 3, expected: "account-exists", why: "never once onboarded"),
        ]
        for c in cases {
            let ledger = try InvitationLedger.inMemory()
            let person = c.kind == .registration ? vendor("p@acme.com") : officer("p@tech.gov.sg")
            try ledger.submit([person], at: day(0))
            if let status = c.status {
                try ledger.transaction("test") { db in try db.execute(sql: "UPDATE invitation SET status = ?", arguments: [status]) }
            }
            let before = try XCTUnwrap(ledger.invitation(person.email))
            let result = try XCTUnwrap(ledger.resend(.emails([person.email]), inviter: nil, at: day(c.at), traceID: "t").first)
            XCTAssertEqual(result.outcome.code, c.expected, c.why)
            let after = try XCTUnwrap(ledger.invitation(person.email))
            switch c.expected {
            case "resent":
                XCTAssertEqual(after.resendCount, 1, c.why)
                XCTAssertEqual(after.sentAt, day(c.at), c.why)
                XCTAssertEqual(after.status, c.kind == .registration ? .registrationPending : .accountCreated, c.why)
                if c.kind == .registration {
                    XCTAssertNotEqual(after.tokenHash, before.tokenHash, "a new link; the old one stops working")
                    XCTAssertEqual(after.expiresAt, day(c.at + 5), "the 5 days start again")
                } else {
                    XCTAssertNil(after.tokenHash)
                }
                XCTAssertEqual(try ledger.count("SELECT count(*) FROM message"), 2)
            case "too-soon":
                XCTAssertEqual(result.outcome, .tooSoon(lastEmail: day(0), availableAt: day(1)))
                XCTAssertEqual(result.outcome.message, "not re-sent: last emailed 2026-12-01 09:00 UTC; it can be re-sent from 2026-12-02 09:00 UTC")
                XCTAssertEqual(after, before, "nothing changes")
            default:
                XCTAssertEqual(after, before, "nothing changes")
                XCTAssertEqual(try ledger.count("SELECT count(*) FROM message"), 1)
            }
        }
    }

    func testResendIntervalIsCountedFromTheLastEmail() throws {
        let ledger = try InvitationLedger.inMemory(policy: Policy(resendIntervalHours: 12))
        try ledger.submit([vendor("p@acme.com")], at: day(0))
        XCTAssertEqual(try ledger.resend(.emails(["p@acme.com"]), inviter: nil, at: day(0.5), traceID: "t").first?.outcome.code, "resent")
        XCTAssertEqual(try ledger.resend(.emails(["p@acme.com"]), inviter: nil, at: day(0.9), traceID: "t").first?.outcome,
                       .tooSoon(lastEmail: day(0.5), availableAt: day(1)))
    }

    func testResendOfUnknownAndOtherInvitersInvitations() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("p@acme.com")], at: day(0), by: "ong@hdb.gov.sg")
        let results = try ledger.resend(.emails(["nobody@acme.com", "P@ACME.COM"]), inviter: inviter, at: day(2), traceID: "t")
        XCTAssertEqual(results.map(\.outcome), [.notFound, .otherInviter("ong@hdb.gov.sg")])
        XCTAssertEqual(results[1].outcome.message, "not re-sent: invited by ong@hdb.gov.sg, not by you")
    }

    func testResendAllPendingTakesOnlyPendingOnesOfTheInviter() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), officer("b@tech.gov.sg"), vendor("c@acme.com")], at: day(0))
        try ledger.submit([vendor("d@acme.com")], sha: "other", at: day(0), by: "ong@hdb.gov.sg")
        _ = try ledger.sync(accounts: [ExportedAccount(email: "c@acme.com", techPassStatus: "Registered")], source: "x", at: day(0), traceID: "t")
        let mine = try ledger.resend(.allPending, inviter: inviter, at: day(1), traceID: "t")
        XCTAssertEqual(mine.map(\.email), ["a@acme.com", "b@tech.gov.sg"])
        XCTAssertTrue(mine.allSatisfy { !$0.outcome.isRefusal })
        let everyone = try ledger.resend(.allPending, inviter: nil, at: day(1.5), traceID: "t")
        XCTAssertEqual(everyone.map(\.outcome.code), ["too-soon", "too-soon", "resent"])
    }

    func testLinksExpireAfterTheirLifetimeAndTheInviterIsTold() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), officer("b@tech.gov.sg")], at: day(0))
        XCTAssertEqual(try ledger.expire(at: day(5) - 1, traceID: "t"), 0, "still valid a second before")
        XCTAssertEqual(try ledger.expire(at: day(5), traceID: "t"), 1)
        XCTAssertEqual(try ledger.expire(at: day(6), traceID: "t"), 0, "expired once")
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.status, .expired)
        XCTAssertEqual(try ledger.invitation("b@tech.gov.sg")?.status, .accountCreated, "account-created invitations do not expire")
        let transport = RecordingTransport()
        _ = try ledger.deliverPending(using: transport, at: day(6), traceID: "t")
        let notice = try XCTUnwrap(transport.messages(to: inviter).first)
        XCTAssertEqual(notice.subject, "TechPass invitation expired: a@acme.com")
        XCTAssertTrue(notice.body.contains("invitesheet resend a@acme.com"), notice.body)
        XCTAssertEqual(transport.messages(to: inviter).count, 1)
    }

    func testSyncFromAnAccountsExport() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com", seed: "Yes"), officer("b@tech.gov.sg"), vendor("c@acme.com"), officer("d@tech.gov.sg")], at: day(0))
        let export = [
            ExportedAccount(email: "A@acme.com", username: "tan.ahkow", techPassStatus: "Registered", seedStatus: "Pending", row: 2),
            ExportedAccount(email: "b@tech.gov.sg", techPassStatus: "Onboarded", seedStatus: "Onboarded", row: 3),
            ExportedAccount(email: "c@acme.com", techPassStatus: "Pending", row: 4),
            ExportedAccount(email: "d@tech.gov.sg", techPassStatus: "Registered", row: 5),
            ExportedAccount(email: "stranger@acme.com", techPassStatus: "Registered", row: 6),
            ExportedAccount(email: "other@acme.com", row: 7),
        ]
        let result = try ledger.sync(accounts: export, source: "accounts.csv", at: day(2), traceID: "t")
        var expected = SyncResult()
        expected.registered = 1
        expected.onboarded = 1
        expected.seedUpdated = 1
        expected.unchanged = 2
        expected.unknown = 2
        XCTAssertEqual(result, expected)
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.status, .registered)
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.techPassUsername, "tan.ahkow")
        XCTAssertEqual(try ledger.invitation("b@tech.gov.sg")?.status, .onboarded)
        XCTAssertEqual(try ledger.invitation("b@tech.gov.sg")?.seedStatus, .onboarded)
        XCTAssertEqual(try ledger.invitation("c@acme.com")?.status, .registrationPending)
        XCTAssertEqual(try ledger.invitation("d@tech.gov.sg")?.status, .accountCreated, "created at once: waits for onboarding")
        let transport = RecordingTransport()
        _ = try ledger.deliverPending(using: transport, at: day(2), traceID: "t")
        XCTAssertEqual(transport.messages(to: inviter).map(\.subject).sorted(),
                       ["TechPass invitation accepted: a@acme.com", "TechPass invitation accepted: b@tech.gov.sg"])
        // Syncing the same export again changes nothing and tells nobody again.
        let again = try ledger.sync(accounts: export, source: "accounts.csv", at: day(3), traceID: "t")
        XCTAssertEqual(again.registered + again.onboarded + again.seedUpdated, 0)
        XCTAssertEqual(try ledger.pendingMessages(at: day(3)).count, 0)
    }

    func testARegisteredInviteeCannotBeResentOrInvitedAgain() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com")], at: day(0))
        _ = try ledger.sync(accounts: [ExportedAccount(email: "a@acme.com")], source: "x", at: day(1), traceID: "t")
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.status, .registered, "a listed account with no status column has registered")
        XCTAssertEqual(try ledger.resend(.emails(["a@acme.com"]), inviter: nil, at: day(3), traceID: "t").first?.outcome, .accountExists(.registered))
        XCTAssertEqual(try ledger.submit([vendor("a@acme.com")], sha: "2", at: day(3)).rows.first?.outcome, .duplicate(.registered))
    }
}
