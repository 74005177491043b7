import Foundation
import GRDB
import UserList

/// The system of record for invitations: one SQLite database (through GRDB) holding every
/// submission, invitation, state change and email. Each intention-named method is one transaction.
///
/// Production opens a `DatabasePool` on a file (WAL, so `status` reads while a `submit` writes);
/// tests may use an in-memory `DatabaseQueue` (`inMemory(policy:)`).
public struct InvitationLedger {
    let writer: any DatabaseWriter
    /// The ledger file; nil in memory.
    public let path: String?
    /// The rules the ledger applies (link lifetime, resend interval, registration URL, sender, domains).
    public let policy: Policy
    let holder: LedgerHolder?

    /// How long a command waits for another process's write to finish before giving up.
    public static let defaultBusyTimeout: TimeInterval = 10

    private init(writer: any DatabaseWriter, path: String?, policy: Policy) {
        self.writer = writer
        self.path = path
        self.policy = policy
        holder = path.map { LedgerHolder(ledgerPath: $0) }
    }

    /// Opens the ledger at `path`, creating it when missing. A ledger that is corrupt, not an
    /// invitesheet ledger, or from a newer version is refused with a `LedgerError` and left untouched
    /// (it is inspected read-only first); one locked by another process is waited for up to
    /// `busyTimeout` seconds.
    public static func open(path: String, policy: Policy = .default, busyTimeout: TimeInterval = defaultBusyTimeout) throws -> InvitationLedger {
        let migrator = LedgerSchema.migrator
        if FileManager.default.fileExists(atPath: path) {
            try inspect(path: path, migrator: migrator, busyTimeout: busyTimeout)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw LedgerError(.unavailable, path: path, "the folder \(folder) does not exist; create it or choose another --ledger path")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a committed transaction survives a crash of the process
            // (kill -9); only a power cut can lose the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let ledger: InvitationLedger
        do {
            let pool = try openPool(path: path, configuration: configuration, waitingUpTo: busyTimeout)
            ledger = InvitationLedger(writer: pool, path: path, policy: policy)
        } catch let error as DatabaseError {
            throw LedgerError.from(error, path: path, holder: LedgerHolder(ledgerPath: path))
        }
        try ledger.guarded("opening") { try migrate(ledger.writer, with: migrator) }
        return ledger
    }

    /// Opens the pool, waiting out another process that is switching the same new file to WAL.
    /// SQLite answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at once, without calling the busy
    /// handler, when two processes create the ledger in the same instant; the switch is finished in
    /// milliseconds, so trying again until `busyTimeout` has passed is what the busy handler would do.
    private static func openPool(path: String, configuration: Configuration, waitingUpTo busyTimeout: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(useconds_t.random(in: 5_000...25_000))
            }
        }
    }

    /// Applies the migrations this ledger lacks. Two processes creating the same ledger at once can
    /// both find it unmigrated; the one that loses the race finds the tables made (each migration is
    /// its own transaction) and checks again instead of failing.
    private static func migrate(_ writer: any DatabaseWriter, with migrator: DatabaseMigrator) throws {
        for attempt in 1...3 {
            do {
                try migrator.migrate(writer)
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempt == 3 { throw error }
            }
        }
    }

    /// An empty ledger in memory, for tests and dry runs without a ledger file.
    public static func inMemory(policy: Policy = .default) throws -> InvitationLedger {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try LedgerSchema.migrator.migrate(queue)
        return InvitationLedger(writer: queue, path: nil, policy: policy)
    }

    /// Refuses, without writing anything, a file that is not a ledger this version can use.
    private static func inspect(path: String, migrator: DatabaseMigrator, busyTimeout: TimeInterval) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        func check(_ queue: DatabaseQueue) throws {
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return }  // an empty file: created and migrated below
                guard tables.contains("grdb_migrations") else {
                    throw LedgerError(.foreign, path: path, "is an SQLite database but not an invitesheet ledger; choose another --ledger path")
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw LedgerError(.newerVersion, path: path, "was written by a newer invitesheet; use that version (this one leaves the file as it is)")
                }
            }
            try queue.close()
        }
        do {
            // A read-only connection to a WAL database creates its -wal and -shm files. When nobody has
            // the ledger open (no -wal file), read it as immutable first, so a refused file is left
            // exactly as it was, nothing added beside it. If that read fails (another process may be
            // creating the file this instant), a normal read-only connection, which takes SQLite's
            // locks, decides; a file that is not SQLite at all gets no -wal or -shm from it either.
            if !FileManager.default.fileExists(atPath: path + "-wal"),
               let immutable = try? DatabaseQueue(path: immutableURI(path), configuration: configuration) {
                do {
                    try check(immutable)
                    return
                } catch is DatabaseError {
                    // fall through to the locked read
                }
            }
            try check(DatabaseQueue(path: path, configuration: configuration))
        } catch let error as DatabaseError {
            throw LedgerError.from(error, path: path, holder: LedgerHolder(ledgerPath: path))
        }
    }

    /// `file:<path>?mode=ro&immutable=1`, the path percent-encoded where a URI needs it.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?mode=ro&immutable=1"
    }

    /// Runs `body` in one IMMEDIATE write transaction, recording this process as the lock holder
    /// while it runs; `commit: false` rolls everything back (dry runs).
    func transaction<T>(_ activity: String, commit: Bool = true, _ body: (Database) throws -> T) throws -> T {
        try guarded(activity) {
            try writer.writeWithoutTransaction { db in
                var result: T?
                var claimed = false
                defer { if claimed { holder?.release() } }
                try db.inTransaction(.immediate) {
                    holder?.claim(activity: activity, at: Int64(Date().timeIntervalSince1970))
                    claimed = true
                    result = try body(db)
                    return commit ? .commit : .rollback
                }
                return result!
            }
        }
    }

    /// Runs a read.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded("reading") { try writer.read(body) }
    }

    /// Turns SQLite's errors into `LedgerError`s that say what to do.
    func guarded<T>(_ activity: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            guard let path else { throw error }
            throw LedgerError.from(error, path: path, holder: holder ?? LedgerHolder(ledgerPath: path))
        }
    }
}

extension LedgerError {
    static func from(_ error: DatabaseError, path: String, holder: LedgerHolder) -> LedgerError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LedgerError(.locked, path: path, "is in use by \(holder.describe()); try again when it has finished")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return LedgerError(.corrupt, path: path, "is damaged or not an SQLite database (\(error.message ?? "corrupt")); restore it from a backup or choose another --ledger path")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH:
            return LedgerError(.unavailable, path: path, "cannot be opened or written (\(error.message ?? "\(error.resultCode)")); check the path, its permissions and free space")
        default:
            return LedgerError(.unavailable, path: path, "\(error.message ?? "SQLite error \(error.resultCode)")")
        }
    }
}
