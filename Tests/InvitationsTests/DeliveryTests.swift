import GRDB
import Mail
import XCTest
@testable import Invitations

/// SPEC "Email": written first, delivered after commit, none lost, none twice.
final class DeliveryTests: XCTestCase {
    func testMessagesAreDeliveredOnceAndMarkedSent() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com"), officer("c@tech.gov.sg")], at: day(0))
        let transport = RecordingTransport()
        let report = try ledger.deliverPending(using: transport, at: day(0), traceID: "t", batchSize: 2)
        XCTAssertEqual(report.sent, 3)
        XCTAssertEqual(report.stillQueued, 0)
        XCTAssertEqual(Set(transport.delivered.map(\.messageID)).count, 3)
        XCTAssertEqual(try ledger.deliverPending(using: transport, at: day(1), traceID: "t").sent, 0, "nothing is sent twice")
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM message WHERE state = 'sent' AND sentAt IS NOT NULL AND secretLink IS NULL"), 3)
    }

    func testProgressCountsEachBatchAgainstWhatWasWaiting() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit((1...5).map { vendor("v\($0)@acme.com") }, at: day(0))
        var calls: [[Int]] = []
        let report = try ledger.deliverPending(using: RecordingTransport(), at: day(0), traceID: "t", batchSize: 2,
                                               progress: { handled, waiting in calls.append([handled, waiting]) })
        XCTAssertEqual(report.sent, 5)
        XCTAssertEqual(calls, [[2, 5], [4, 5], [5, 5]], "one call per batch of 2")
    }

    func testATemporaryFailureIsRetriedLaterWithBackOff() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], at: day(0))
        let transport = RecordingTransport()
        transport.failures = [MailDeliveryError(.temporary, "421 try later")]
        let first = try ledger.deliverPending(using: transport, at: day(0), traceID: "t")
        XCTAssertEqual(first.sent, 0, "after a temporary failure the rest wait too")
        XCTAssertEqual(first.deferred, 2)
        XCTAssertEqual(first.firstError, "421 try later")
        XCTAssertEqual(first.stillQueued, 2)
        XCTAssertEqual(first.queuedSince, day(0))
        let message = try XCTUnwrap(ledger.all(MessageRecord.self, "SELECT * FROM message ORDER BY id").first)
        XCTAssertEqual(message.state, .queued)
        XCTAssertEqual(message.attempts, 1)
        XCTAssertEqual(message.nextAttemptAt, day(0) + 60, "one minute after the first attempt")
        XCTAssertEqual(message.lastError, "421 try later")
        XCTAssertEqual(try ledger.deliverPending(using: transport, at: day(0) + 30, traceID: "t").sent, 0, "not before its time")
        transport.failures = [MailDeliveryError(.temporary, "421 still busy")]
        _ = try ledger.deliverPending(using: transport, at: day(0) + 60, traceID: "t")
        let retried = try XCTUnwrap(ledger.all(MessageRecord.self, "SELECT * FROM message ORDER BY id").first)
        XCTAssertEqual(retried.nextAttemptAt, day(0) + 60 + 120, "the wait doubles")
        let last = try ledger.deliverPending(using: transport, at: day(1), traceID: "t")
        XCTAssertEqual(last.sent, 2)
        XCTAssertEqual(transport.delivered.map(\.to), [["a@acme.com"], ["b@acme.com"]])
        XCTAssertEqual(try ledger.invitation("a@acme.com")?.status, .registrationPending)
    }

    func testAPermanentFailureMarksTheInvitationFailedWithReplyAndTraceID() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], at: day(0))
        let transport = RecordingTransport()
        transport.failures = [MailDeliveryError(.permanent, "550 5.1.1 no such user")]
        let report = try ledger.deliverPending(using: transport, at: day(0), traceID: "fedcba9876543210")
        XCTAssertEqual(report.failed, 1)
        XCTAssertEqual(report.sent, 1, "a permanent failure does not hold up the others")
        let failed = try XCTUnwrap(ledger.invitation("a@acme.com"))
        XCTAssertEqual(failed.status, .failed)
        XCTAssertEqual(failed.failureReason, "550 5.1.1 no such user")
        XCTAssertEqual(failed.failureTraceID, "fedcba9876543210")
        let event = try XCTUnwrap(ledger.all(EventRecord.self, "SELECT * FROM event WHERE toStatus = 'failed'").first)
        XCTAssertEqual(event.actor, "mail")
        XCTAssertEqual(event.traceID, "fedcba9876543210")
        XCTAssertEqual(try ledger.count("SELECT count(*) FROM message WHERE state = 'failed' AND secretLink IS NULL"), 1)
    }

    func testAMessageLeftSendingByADeadProcessIsSentAgainWithTheSameMessageID() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], at: day(0))
        // A process claimed both and died before recording anything (pid 2^22+1 is beyond pid_max on Linux' default).
        let deadPID: Int32 = 4_194_305
        // And a live process (pid 1) is still sending b: it must be left to it.
        try ledger.transaction("test") { db in
            try db.execute(sql: "UPDATE message SET state = 'sending', claimedBy = ?, attempts = 1 WHERE recipient = 'a@acme.com'", arguments: [deadPID])
            try db.execute(sql: "UPDATE message SET state = 'sending', claimedBy = 1, attempts = 1 WHERE recipient = 'b@acme.com'")
        }
        let claimed = try ledger.all(MessageRecord.self, "SELECT * FROM message ORDER BY id")
        let transport = RecordingTransport()
        let report = try ledger.deliverPending(using: transport, at: day(0), traceID: "t")
        XCTAssertEqual(report.sent, 1)
        XCTAssertEqual(transport.delivered.map(\.messageID), [claimed[0].messageID])
        XCTAssertEqual(report.stillQueued, 1)
    }

    func testMarkDeliveredAndMarkFailedRecordTheOutcome() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([vendor("a@acme.com"), vendor("b@acme.com")], at: day(0))
        let pending = try ledger.pendingMessages(at: day(0))
        XCTAssertEqual(pending.count, 2)
        XCTAssertTrue(pending[0].mailMessage.body.contains("?token="), "the transport gets the link")
        try ledger.markDelivered(pending[0].id, at: day(0))
        try ledger.markFailed(pending[1].id, error: MailDeliveryError(.permanent, "550 rejected"), at: day(0), traceID: "t")
        XCTAssertEqual(try ledger.pendingMessages(at: day(1)).count, 0)
        XCTAssertEqual(try ledger.invitation("b@acme.com")?.status, .failed)
        let sent = try XCTUnwrap(ledger.all(MessageRecord.self, "SELECT * FROM message WHERE id = \(pending[0].id)").first)
        XCTAssertFalse(sent.mailMessage.body.contains("?token="), "the link is not kept after delivery")
    }
}
