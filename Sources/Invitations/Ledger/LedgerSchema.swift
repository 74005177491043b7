import GRDB

/// The ledger's schema, one registered migration per change. A released migration is never edited:
/// a change is a new migration appended here.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: submissions, invitations, events, messages") { db in
            try db.execute(sql: """
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY,
                    fileName TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    traceID TEXT NOT NULL,
                    inviter TEXT NOT NULL,
                    submittedAt INTEGER NOT NULL,
                    acceptedRows INTEGER NOT NULL DEFAULT 0,
                    invitedCount INTEGER NOT NULL DEFAULT 0,
                    overriddenCount INTEGER NOT NULL DEFAULT 0,
                    alreadyInvitedCount INTEGER NOT NULL DEFAULT 0,
                    duplicateCount INTEGER NOT NULL DEFAULT 0,
                    invalidCount INTEGER NOT NULL DEFAULT 0,
                    originalFileName TEXT,
                    originalSha256 TEXT,
                    originalTraceID TEXT
                );
                CREATE INDEX submission_sha256 ON submission(sha256);

                CREATE TABLE invitation (
                    id INTEGER PRIMARY KEY,
                    submissionID INTEGER NOT NULL REFERENCES submission(id),
                    sourceRow INTEGER NOT NULL,
                    emailKey TEXT NOT NULL,
                    email TEXT NOT NULL,
                    userType TEXT, username TEXT, firstName TEXT, lastName TEXT, contactNumber TEXT,
                    organisation TEXT, department TEXT, seed TEXT, reason TEXT, sponsoringAgency TEXT,
                    businessOperation TEXT, odc TEXT, offshoreCompany TEXT,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    seedStatus TEXT NOT NULL,
                    inviter TEXT NOT NULL,
                    invitedAt INTEGER NOT NULL,
                    sentAt INTEGER NOT NULL,
                    expiresAt INTEGER,
                    resendCount INTEGER NOT NULL DEFAULT 0,
                    supersededBy INTEGER REFERENCES invitation(id) DEFERRABLE INITIALLY DEFERRED,
                    tokenHash TEXT,
                    lastMessageID INTEGER,
                    failureReason TEXT,
                    failureTraceID TEXT,
                    techPassUsername TEXT,
                    traceID TEXT NOT NULL
                );
                -- At most one current (not superseded) invitation per address, whatever races.
                CREATE UNIQUE INDEX invitation_current_email ON invitation(emailKey) WHERE supersededBy IS NULL;
                CREATE INDEX invitation_email ON invitation(emailKey);
                CREATE INDEX invitation_pending_expiry ON invitation(expiresAt) WHERE status = 'registration-pending';
                CREATE INDEX invitation_submission ON invitation(submissionID);

                CREATE TABLE event (
                    id INTEGER PRIMARY KEY,
                    invitationID INTEGER NOT NULL REFERENCES invitation(id),
                    at INTEGER NOT NULL,
                    fromStatus TEXT,
                    toStatus TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    traceID TEXT NOT NULL,
                    note TEXT
                );
                CREATE INDEX event_invitation ON event(invitationID);

                CREATE TABLE message (
                    id INTEGER PRIMARY KEY,
                    invitationID INTEGER REFERENCES invitation(id),
                    purpose TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    sender TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    body TEXT NOT NULL,
                    secretLink TEXT,
                    messageID TEXT NOT NULL UNIQUE,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    createdAt INTEGER NOT NULL,
                    nextAttemptAt INTEGER NOT NULL,
                    lastAttemptAt INTEGER,
                    claimedBy INTEGER,
                    sentAt INTEGER,
                    lastError TEXT,
                    traceID TEXT NOT NULL
                );
                CREATE INDEX message_waiting ON message(id, nextAttemptAt) WHERE state IN ('queued', 'sending');
                """)
        }
        return migrator
    }
}
