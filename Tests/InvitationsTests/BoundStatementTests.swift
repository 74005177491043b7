import GRDB
@testable import Invitations
import SQLiteBind
import XCTest

/// The ledger's hot inserts bind values with SQLite's own calls on GRDB's prepared statements: the
/// same rows as `execute(arguments:)`, the same `DatabaseError`s, and the statement usable again.
final class BoundStatementTests: XCTestCase {
    func queue() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, note TEXT, key TEXT UNIQUE)")
        }
        return queue
    }

    func testTextNumbersAndNullsArriveAsGRDBWouldBindThem() throws {
        let queue = try queue()
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO t (name, n, note, key) VALUES (?, ?, ?, ?)")
            try statement.run([.text("Zoë 你好 \u{1A}"), .integer(Int64.min), .null, SQLValue("a")], in: db)
            try statement.run([SQLValue(String?.none), SQLValue(42), SQLValue(TechPassStatus.registered), SQLValue(Int64?.none)], in: db)
            try db.execute(sql: "INSERT INTO t (name, n, note, key) VALUES (?, ?, ?, ?)", arguments: ["Zoë 你好 \u{1A}", Int64.min, nil, "c"])
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT name, n, note, key, typeof(n), typeof(note) FROM t ORDER BY id") }
        for column in ["name", "n", "note"] {
            XCTAssertEqual(rows[0][column] as DatabaseValue, rows[2][column] as DatabaseValue, column)
        }
        XCTAssertEqual(rows[1]["name"] as String?, nil)
        XCTAssertEqual(rows[1]["n"] as Int64?, 42)
        XCTAssertEqual(rows[1]["note"] as String?, "registered")
        XCTAssertEqual(rows[1]["key"] as String?, nil)
        XCTAssertEqual(rows[0][4] as String, "integer")
        XCTAssertEqual(rows[0][5] as String, "null")
    }

    func testAConstraintFailureIsGRDBsErrorAndTheStatementWorksAfterIt() throws {
        let queue = try queue()
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "INSERT INTO t (name, key) VALUES (?, ?)")
            try statement.run([.text("first"), .text("same")], in: db)
            XCTAssertThrowsError(try statement.run([.text("second"), .text("same")], in: db)) { error in
                let error = error as? DatabaseError
                XCTAssertEqual(error?.resultCode, .SQLITE_CONSTRAINT)
                XCTAssertEqual(error?.extendedResultCode, .SQLITE_CONSTRAINT_UNIQUE)
                XCTAssertEqual(error?.sql, "INSERT INTO t (name, key) VALUES (?, ?)")
            }
            try statement.run([.text("third"), .text("other")], in: db)
            try db.execute(sql: "INSERT INTO t (name, key) VALUES (?, ?)", arguments: ["fourth", "fourth"])
        }
        XCTAssertEqual(try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM t ORDER BY id") }, ["first", "third", "fourth"])
    }
}
