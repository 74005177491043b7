import XCTest
@testable import Inbox

final class JournalTests: XCTestCase {
    private func claim(_ id: String, sha: String, processing: String, name: String? = nil) -> JournalRecord {
        var r = JournalRecord(type: .claimed, claim: id, sha256: sha)
        r.setOriginalName(FileName(name ?? processing))
        r.processingName = processing
        r.reportDir = "reports/\(id)"
        return r
    }

    private func outcome(_ id: String, sha: String, _ folder: Outcome = .accepted) -> JournalRecord {
        var r = JournalRecord(type: .outcome, claim: id, sha256: sha)
        r.outcome = folder.folder
        r.reportDir = "reports/\(id)"
        r.traceId = "00000000000000" + id.suffix(2)
        return r
    }

    func testReplayRecognisesProcessedContent() throws {
        let inbox = try TemporaryInbox()
        let layout = try InboxLayout(path: inbox.path)
        do {
            let journal = try Journal(in: layout.state)
            try journal.append(claim("c1", sha: "aa", processing: "a.csv"))
            try journal.append(outcome("c1", sha: "aa", .needsFixing))
            try journal.append(claim("c2", sha: "bb", processing: "b.csv"))
        }
        let replayed = try Journal(in: layout.state)
        XCTAssertEqual(replayed.state.recordCount, 3)
        XCTAssertEqual(replayed.state.previousOutcome(sha256: "aa", name: FileName("a.csv"))?.outcome, "needs-fixing")
        XCTAssertNil(replayed.state.previousOutcome(sha256: "bb", name: FileName("b.csv")), "a claim without an outcome is not processed: replay must redo it")
        let open = try XCTUnwrap(replayed.state.lastClaim(processingName: "b.csv"))
        XCTAssertNil(open.finish)
        XCTAssertEqual(replayed.state.lastClaim(processingName: "a.csv")?.finish?.type, .outcome)
    }

    func testTheLastClaimUnderANameWins() throws {
        var state = JournalState()
        state.apply(claim("c1", sha: "aa", processing: "a.csv"))
        state.apply(outcome("c1", sha: "aa"))
        state.apply(claim("c2", sha: "bb", processing: "a.csv"))
        XCTAssertEqual(state.lastClaim(processingName: "a.csv")?.claim.claim, "c2")
        XCTAssertNil(state.lastClaim(processingName: "a.csv")?.finish)
        state.apply(outcome("c1", sha: "aa"))  // a stray repeat of an old claim's record changes nothing
        XCTAssertNil(state.lastClaim(processingName: "a.csv")?.finish)
    }

    func testTheFirstOutcomeForContentIsKept() {
        var state = JournalState()
        state.apply(claim("c1", sha: "aa", processing: "a.csv"))
        state.apply(outcome("c1", sha: "aa", .rejected))
        state.apply(claim("c2", sha: "aa", processing: "a (2).csv"))
        var dup = JournalRecord(type: .duplicate, claim: "c2", sha256: "aa")
        dup.outcome = "duplicates"
        state.apply(dup)
        XCTAssertEqual(state.previousOutcome(sha256: "aa", name: FileName("a.csv"))?.claim, "c1")
        XCTAssertEqual(state.outcomeCount, 1)
    }

    func testTheSameBytesUnderAnotherKindOfNameHaveNoPreviousOutcome() {
        var state = JournalState()
        state.apply(claim("c1", sha: "aa", processing: "users.csv"))
        state.apply(outcome("c1", sha: "aa", .accepted))
        XCTAssertEqual(state.previousOutcome(sha256: "aa", name: FileName("copy of users.CSV"))?.claim, "c1", "same kind of name")
        XCTAssertNil(state.previousOutcome(sha256: "aa", name: FileName("users.xlsx")), "CSV text named .xlsx is judged afresh")
        XCTAssertNil(state.previousOutcome(sha256: "aa", name: FileName("users.txt")))
        state.apply(claim("c2", sha: "bb", processing: "book.xlsx"))
        var named = outcome("c2", sha: "bb", .needsFixing)
        named.setOriginalName(FileName("book.xlsx"))
        state.apply(named)
        XCTAssertEqual(state.previousOutcome(sha256: "bb", name: FileName("book.xlsm"))?.outcome, "needs-fixing", ".xlsm is read as .xlsx is")
        XCTAssertNil(state.previousOutcome(sha256: "bb", name: FileName("book.csv")))
    }

    func testATornLastLineIsSkippedAndTheNextRecordStartsCleanly() throws {
        let inbox = try TemporaryInbox()
        let layout = try InboxLayout(path: inbox.path)
        let complete = claim("c1", sha: "aa", processing: "a.csv").jsonLine
        let torn = String(outcome("c1", sha: "aa").jsonLine.prefix(30))
        try Data((complete + torn).utf8).write(to: URL(fileURLWithPath: inbox.path + "/.invitesheet/journal.jsonl"))
        do {
            let journal = try Journal(in: layout.state)
            XCTAssertEqual(journal.unreadableLines, 1)
            XCTAssertEqual(journal.state.recordCount, 1)
            XCTAssertNil(journal.state.previousOutcome(sha256: "aa", name: FileName("a.csv")), "the torn outcome does not count")
            try journal.append(outcome("c1", sha: "aa"))
        }
        let again = try Journal(in: layout.state)
        XCTAssertEqual(again.unreadableLines, 1)
        XCTAssertEqual(again.state.previousOutcome(sha256: "aa", name: FileName("a.csv"))?.claim, "c1")
    }

    func testNamesThatAreNotUTF8RoundTrip() throws {
        let name = FileName(bytes: [0x62, 0xFF, 0x0A, 0x2E, 0x63, 0x73, 0x76])
        var r = JournalRecord(type: .claimed, claim: "c1", sha256: "aa")
        r.setOriginalName(name)
        XCTAssertNotNil(r.nameHex)
        let decoded = try XCTUnwrap(Journal.decode(Array(r.jsonLine.dropLast().utf8)))
        XCTAssertEqual(decoded.originalName, name)
        var plain = JournalRecord(type: .claimed, claim: "c2", sha256: "bb")
        plain.setOriginalName(FileName("-a\n\u{1B}[31m.csv"))
        XCTAssertNil(plain.nameHex)
        XCTAssertFalse(plain.jsonLine.dropLast().contains("\n"))
        XCTAssertEqual(try XCTUnwrap(Journal.decode(Array(plain.jsonLine.utf8))).originalName, FileName("-a\n\u{1B}[31m.csv"))
    }
}
