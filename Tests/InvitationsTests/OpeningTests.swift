import Foundation
import GRDB
import XCTest
@testable import Invitations

/// SPEC / issue "Bad input and faults": the ledger file itself.
final class OpeningTests: XCTestCase {
    func testAMissingLedgerIsCreatedWithEveryMigrationInWALMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        let ledger = try InvitationLedger.open(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        let tables = try ledger.reading { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        XCTAssertEqual(tables, ["event", "grdb_migrations", "invitation", "message", "submission"])
        XCTAssertEqual(try ledger.reading { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try ledger.reading { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }, 1)
        let applied = try ledger.reading { db in try LedgerSchema.migrator.appliedIdentifiers(db) }
        XCTAssertEqual(applied, ["v1: submissions, invitations, events, messages"])
        try ledger.submit([vendor("a@acme.com")], at: day(0))
        // Reopening keeps what was there and migrates nothing again.
        let again = try InvitationLedger.open(path: path)
        XCTAssertEqual(try again.count("SELECT count(*) FROM invitation"), 1)
    }

    func testProcessesCreatingTheSameLedgerAtOnceAllSucceed() throws {
        for round in 0..<10 {
            let folder = try TemporaryFolder()
            let path = folder.file("ledger.sqlite")
            var failures: [String] = []
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try InvitationLedger.open(path: path)
                } catch {
                    lock.lock(); failures.append(String(describing: error)); lock.unlock()
                }
            }
            XCTAssertEqual(failures, [], "round \(round)")
        }
    }

    func testForeignKeysAreEnforced() throws {
        let ledger = try InvitationLedger.inMemory()
        XCTAssertThrowsError(try ledger.transaction("test") { db in
            try db.execute(sql: "INSERT INTO event (invitationID, at, toStatus, actor, traceID) VALUES (99, 0, 'expired', 'x', 't')")
        })
    }

    func testAFileThatIsNotALedgerIsRefusedAndLeftUntouched() throws {
        struct Case { var name: String; var make: (String) throws -> Void; var kind: LedgerError.Kind }
        let cases = [
            Case(name: "text", make: { try Data("this is not a database\n".utf8).write(to: URL(fileURLWithPath: $0)) }, kind: .corrupt),
            Case(name: "damaged header", make: { path in
                var bytes = [UInt8]("SQLite format 3\0".utf8) + [UInt8](repeating: 0xEE, count: 4080)
                bytes[16] = 0x10; bytes[17] = 0x00
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }, kind: .corrupt),
            Case(name: "another application's database", make: { path in
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)") }
                try queue.close()
            }, kind: .foreign),
            Case(name: "newer schema", make: { path in
                let ledger = try InvitationLedger.open(path: path)
                try ledger.submit([vendor("a@acme.com")], at: day(0))
                try ledger.transaction("test") { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')") }
                try (ledger.writer as? DatabasePool)?.close()
            }, kind: .newerVersion),
        ]
        for c in cases {
            let folder = try TemporaryFolder()
            let path = folder.file("ledger.sqlite")
            try c.make(path)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            XCTAssertThrowsError(try InvitationLedger.open(path: path), c.name) { error in
                let error = error as? LedgerError
                XCTAssertEqual(error?.kind, c.kind, c.name)
                XCTAssertTrue(error?.description.hasPrefix("ledger \(path): ") ?? false, "\(c.name): \(String(describing: error))")
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "\(c.name): the file is untouched")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), siblings, "\(c.name): nothing added beside it")
        }
    }

    func testALockedLedgerIsWaitedForThenNamesItsHolder() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        let holder = try InvitationLedger.open(path: path)
        let waiter = try InvitationLedger.open(path: path, busyTimeout: 0.3)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? holder.transaction("invitesheet submit big.xlsx") { _ in
                started.signal()
                release.wait()
            }
        }
        thread.start()
        started.wait()
        let begin = Date()
        XCTAssertThrowsError(try waiter.submit([vendor("a@acme.com")], at: day(0))) { error in
            let error = error as? LedgerError
            XCTAssertEqual(error?.kind, .locked)
            XCTAssertTrue(error?.message.contains("is in use by process \(getpid()) (invitesheet submit big.xlsx, since ") ?? false,
                          String(describing: error))
        }
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(begin), 0.25, "it waited for the busy timeout first")
        release.signal()
        // Once released, the waiter goes ahead.
        for _ in 0..<50 {
            if (try? waiter.submit([vendor("a@acme.com")], at: day(0))) != nil { break }
            usleep(20_000)
        }
        XCTAssertEqual(try waiter.count("SELECT count(*) FROM invitation"), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-holder"), "the holder note is removed when done")
    }

    func testAMissingFolderSaysSo() {
        XCTAssertThrowsError(try InvitationLedger.open(path: "/nonexistent-folder-x/ledger.sqlite")) { error in
            XCTAssertEqual((error as? LedgerError)?.kind, .unavailable)
        }
    }
}
