import GRDB
internal import GRDBSQLite

/// A value bound to a `?` of a prepared statement.
public enum SQLValue {
    case null
    case integer(Int64)
    case text(String)

    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    public init(_ number: Int64?) { self = number.map { .integer($0) } ?? .null }
    public init(_ number: Int) { self = .integer(Int64(number)) }
    public init<T: RawRepresentable>(_ value: T?) where T.RawValue == String { self.init(value?.rawValue) }
}

extension Statement {
    /// Runs this INSERT or UPDATE once with `values` bound by position, through SQLite's own calls
    /// on GRDB's prepared statement (`sqliteStatement`, GRDB's documented way down to SQLite).
    ///
    /// The ledger's hot writes go this way: one invitation is three inserts, and GRDB's general
    /// argument path (existential boxing, validation, nested temporary bindings) cost about as much as
    /// SQLite's inserts themselves. Only for statements that return no rows, inside a transaction
    /// GRDB opened; a failure is thrown as GRDB's `DatabaseError`, as `execute(arguments:)` would.
    public func run(_ values: [SQLValue], in db: Database) throws {
        let statement = sqliteStatement
        precondition(values.count == Int(sqlite3_bind_parameter_count(statement)), "\(values.count) values for: \(sql)")
        sqlite3_reset(statement)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (i, value) in values.enumerated() {
            let index = CInt(i + 1)
            let code: CInt
            switch value {
            case .null:
                code = sqlite3_bind_null(statement, index)
            case .integer(let number):
                code = sqlite3_bind_int64(statement, index, number)
            case .text(var text):
                code = text.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, CInt($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw error(db, code) }
        }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw error(db, code) }
    }

    private func error(_ db: Database, _ code: CInt) -> DatabaseError {
        let extended = db.sqliteConnection.map { sqlite3_extended_errcode($0) } ?? code
        return DatabaseError(resultCode: ResultCode(rawValue: extended), message: db.lastErrorMessage, sql: sql)
    }
}

/// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
