import GRDB
@testable import Invitations
import XCTest

/// Records are decoded column by column by name: every column arrives whatever order a query
/// lists them in, and a query without one is an error, not a crash.
final class LedgerRecordsTests: XCTestCase {
    func ledgerWithAnInvitationAndItsEmail() throws -> InvitationLedger {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("zoe.ng@acme.com.sg", first: "Zoë", last: "Ng 你好"), officer("lee@tech.gov.sg", seed: "No")], at: day(0))
        return ledger
    }

    func testColumnsInAnyOrderGiveTheSameRecord() throws {
        let ledger = try ledgerWithAnInvitationAndItsEmail()
        let reversed = { (table: String) in try ledger.reading { db in try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('\(table)') ORDER BY cid DESC") }.map { "\"\($0)\"" }.joined(separator: ", ") }
        let invitations = try ledger.all(InvitationRecord.self, "SELECT * FROM invitation ORDER BY id")
        let invitationsByName = try ledger.all(InvitationRecord.self, "SELECT \(try reversed("invitation")) FROM invitation ORDER BY id")
        XCTAssertEqual(invitations.count, 2)
        XCTAssertEqual(invitations, invitationsByName)
        XCTAssertEqual(invitations[0].firstName, "Zoë")
        XCTAssertEqual(invitations[0].lastName, "Ng 你好")
        XCTAssertEqual(invitations[0].kind, .registration)
        XCTAssertNotNil(invitations[0].expiresAt)
        XCTAssertNil(invitations[0].supersededBy)
        let messages = try ledger.all(MessageRecord.self, "SELECT * FROM message ORDER BY id")
        let messagesByName = try ledger.all(MessageRecord.self, "SELECT \(try reversed("message")) FROM message ORDER BY id")
        XCTAssertEqual(messages.count, 2)
        XCTAssertEqual(messages, messagesByName)
        XCTAssertEqual(messages[0].state, .queued)
        XCTAssertEqual(messages[0].recipient, "zoe.ng@acme.com.sg")
    }

    func testAMissingColumnIsADecodingErrorNotACrash() throws {
        let ledger = try ledgerWithAnInvitationAndItsEmail()
        XCTAssertThrowsError(try ledger.all(MessageRecord.self, "SELECT id, recipient FROM message"))
    }
}
