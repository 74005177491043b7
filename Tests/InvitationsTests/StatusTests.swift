import XCTest
@testable import Invitations
import Mail

/// SPEC "Status".
final class StatusTests: XCTestCase {
    func entries(_ ledger: InvitationLedger, _ filter: StatusFilter = StatusFilter(), at time: Int64, history: Bool = false) throws -> [StatusEntry] {
        var out: [StatusEntry] = []
        try ledger.status(filter: filter, at: time, history: history) { out.append($0) }
        return out
    }

    func testEachLineSaysWhenAResendIsPossible() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), officer("b@tech.gov.sg"), vendor("c@acme.com")], at: day(0))
        _ = try ledger.sync(accounts: [ExportedAccount(email: "c@acme.com", techPassStatus: "Registered")], source: "x", at: day(0.5), traceID: "t")
        let lines = try entries(ledger, at: day(0.5))
        XCTAssertEqual(lines.map(\.invitation.email), ["a@acme.com", "b@tech.gov.sg", "c@acme.com"])
        XCTAssertEqual(lines.map(\.resend.text), ["from 2026-12-02 09:00 UTC", "from 2026-12-02 09:00 UTC", "not available: registered"])
        XCTAssertEqual(try entries(ledger, at: day(1)).first?.resend, .now)
        XCTAssertEqual(lines[0].invitation.firstName, "Tan")
        XCTAssertEqual(lines[1].invitation.department, "Data Science")
        XCTAssertEqual(lines[1].invitation.seedStatus, .pending)
    }

    func testQueuedEmailsShowSince() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com")], at: day(0))
        let transport = RecordingTransport()
        transport.failures = [MailDeliveryError(.temporary, "connection refused")]
        _ = try ledger.deliverPending(using: transport, at: day(0), traceID: "t")
        XCTAssertEqual(try entries(ledger, at: day(0)).first?.deliveryText, "queued since 2026-12-01 09:00 UTC (connection refused)")
        _ = try ledger.deliverPending(using: transport, at: day(0.1), traceID: "t")
        XCTAssertEqual(try entries(ledger, at: day(0.1)).first?.deliveryText, "sent 2026-12-01 11:24 UTC")
    }

    func testFiltersAndHistory() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], at: day(0))
        try ledger.submit([vendor("c@acme.com")], sha: "2", at: day(0), by: "ong@hdb.gov.sg")
        try ledger.submit([vendor("a@acme.com", organisation: "Changed")], sha: "3", at: day(1))
        try ledger.expire(at: day(5.5), traceID: "t")
        XCTAssertEqual(try entries(ledger, at: day(6)).map(\.invitation.email), ["b@acme.com", "c@acme.com", "a@acme.com"], "current invitations")
        XCTAssertEqual(try entries(ledger, StatusFilter(inviter: "ONG@hdb.gov.sg"), at: day(6)).map(\.invitation.email), ["c@acme.com"])
        XCTAssertEqual(try entries(ledger, StatusFilter(states: [.expired]), at: day(6)).map(\.invitation.email), ["b@acme.com", "c@acme.com"])
        XCTAssertEqual(try entries(ledger, StatusFilter(states: [.superseded]), at: day(6)).map(\.invitation.id), [1])
        let a = try entries(ledger, StatusFilter(email: "A@acme.com"), at: day(6), history: true)
        XCTAssertEqual(a.map(\.invitation.status), [.superseded, .registrationPending], "an address lists its superseded invitations too")
        XCTAssertEqual(a[0].events.map(\.toStatus), [.registrationPending, .superseded])
        XCTAssertEqual(try entries(ledger, StatusFilter(email: "nobody@acme.com"), at: day(6)).count, 0)
    }
}
