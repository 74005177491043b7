/// A ledger that cannot be used. Every kind stops the command with exit 2 and leaves the file as it was.
public struct LedgerError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Not an SQLite database, or damaged.
        case corrupt
        /// Written by a newer invitesheet (migrations this version does not know).
        case newerVersion
        /// An SQLite database, but not an invitesheet ledger.
        case foreign
        /// Another process held the ledger longer than the busy timeout.
        case locked
        /// The file or its folder cannot be opened or written (permissions, missing folder, disk full).
        case unavailable
    }

    public var kind: Kind
    public var path: String
    /// One line: what is wrong and what to do.
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "ledger \(path): \(message)" }
}
