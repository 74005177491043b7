import GRDB
import Mail
#if canImport(Glibc)
import Glibc
#endif

/// What one delivery run did.
public struct DeliveryReport: Sendable, Equatable, Codable {
    public var sent = 0
    /// Left queued after a temporary failure; retried on a later run.
    public var deferred = 0
    /// Refused for good (the invitation, if any, is now `failed`).
    public var failed = 0
    /// The first failure's reply, for the one-line warning.
    public var firstError: String?
    /// Messages still waiting after this run (including those whose retry time has not come).
    public var stillQueued = 0
    /// The oldest waiting message's creation time.
    public var queuedSince: Int64?

    public init() {}
}

extension InvitationLedger {
    /// Messages waiting for delivery at `now`: queued ones whose retry time has come, and ones a dead
    /// process was sending (they are sent again with the same Message-ID).
    public func pendingMessages(at now: Int64, limit: Int = 1_000) throws -> [MessageRecord] {
        try reading { db in try waiting(db, at: now, after: 0, limit: limit).messages }
    }

    /// Waiting messages with a row id above `after`, in order (the partial index makes each batch a short range scan).
    private func waiting(_ db: Database, at now: Int64, after: Int64, limit: Int) throws -> (messages: [MessageRecord], lastID: Int64?) {
        let rows = try MessageRecord.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM message WHERE state IN ('queued', 'sending') AND id > ? AND nextAttemptAt <= ? ORDER BY id LIMIT ?
            """), arguments: [after, now, limit])
        return (rows.filter { $0.state == .queued || !Self.isAlive($0.claimedBy) }, rows.last?.id)
    }

    /// Records that a message was delivered; its registration link is forgotten.
    public func markDelivered(_ messageRowID: Int64, at now: Int64) throws {
        try guarded("recording a delivery") {
            try writer.write { db in try delivered(db, [messageRowID], at: now) }
        }
    }

    /// Records a failed delivery: a temporary one is retried after a back-off (1 minute doubling
    /// per attempt, at most 6 hours); a permanent one fails the message and marks its invitation
    /// `failed` with the server's reply and the trace id.
    public func markFailed(_ messageRowID: Int64, error: MailDeliveryError, at now: Int64, traceID: String) throws {
        try guarded("recording a failed delivery") {
            try writer.write { db in try failed(db, messageRowID, error: error, at: now, traceID: traceID) }
        }
    }

    /// Delivers every waiting message through `transport`, after the transactions that wrote them
    /// have committed. Messages are claimed in batches (`sending`, with this process's id) in one
    /// small transaction, handed to the transport, then marked in another. A crash in between leaves
    /// them `sending`; the next run re-sends them with the same Message-ID (an outbox rewrites the
    /// same file; a relay may see the message twice, never zero times). After the first temporary
    /// failure the rest wait for the next run, so an unreachable relay costs one timeout, not one per message.
    /// `progress` is told, after each batch, how many messages were handled and how many were waiting
    /// when the run began.
    public func deliverPending(using transport: MailTransport, at now: Int64, traceID: String, batchSize: Int = 200,
                               progress: ((_ handled: Int, _ waiting: Int) -> Void)? = nil) throws -> DeliveryReport {
        var report = DeliveryReport()
        let waitingAtStart = try progress == nil ? 0 : reading { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM message WHERE state IN ('queued', 'sending') AND nextAttemptAt <= ?",
                             arguments: [now]) ?? 0
        }
        let pid = getpid()
        var stop = false
        var lastID: Int64 = 0
        while !stop {
            let (batch, seen): ([MessageRecord], Int64?) = try guarded("claiming messages") {
                try writer.write { db in
                    let (batch, seen) = try waiting(db, at: now, after: lastID, limit: batchSize)
                    if !batch.isEmpty {
                        try db.execute(sql: "UPDATE message SET state = 'sending', claimedBy = ?, attempts = attempts + 1, lastAttemptAt = ? WHERE id IN \(Self.idList(batch.map(\.id)))",
                                       arguments: [pid, now])
                    }
                    return (batch, seen)
                }
            }
            guard let seen else { break }
            lastID = seen
            if batch.isEmpty { continue }
            var outcomes: [(Int64, MailDeliveryError?)] = []
            (transport as? BatchedMailTransport)?.beginBatch()
            for message in batch {
                if stop { outcomes.append((message.id, MailDeliveryError(.temporary, "not tried: an earlier message failed temporarily"))); continue }
                do {
                    try transport.deliver(message.mailMessage)
                    outcomes.append((message.id, nil))
                } catch let error as MailDeliveryError {
                    outcomes.append((message.id, error))
                    if error.kind == .temporary { stop = true }
                } catch {
                    outcomes.append((message.id, MailDeliveryError(.temporary, String(describing: error))))
                    stop = true
                }
            }
            if let batched = transport as? BatchedMailTransport, outcomes.contains(where: { $0.1 == nil }) {
                do {
                    try batched.finishBatch()
                } catch {
                    let reason = (error as? MailDeliveryError)?.reply ?? String(describing: error)
                    outcomes = outcomes.map { ($0.0, $0.1 ?? MailDeliveryError(.temporary, reason)) }
                    stop = true
                }
            }
            try guarded("recording deliveries") {
                try writer.write { db in
                    var sent: [Int64] = []
                    for (id, error) in outcomes {
                        if let error {
                            try failed(db, id, error: error, at: now, traceID: traceID)
                            if error.kind == .permanent { report.failed += 1 } else { report.deferred += 1 }
                            if report.firstError == nil { report.firstError = error.reply }
                        } else {
                            sent.append(id)
                        }
                    }
                    try delivered(db, sent, at: now)
                    report.sent += sent.count
                }
            }
            progress?(report.sent + report.failed + report.deferred, waitingAtStart)
        }
        try reading { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), min(createdAt) FROM message WHERE state IN ('queued', 'sending')")!
            report.stillQueued = row[0]
            report.queuedSince = row[1]
        }
        return report
    }

    /// Records messages as sent, one statement for a batch; their registration links are forgotten.
    private func delivered(_ db: Database, _ ids: [Int64], at now: Int64) throws {
        if ids.isEmpty { return }
        try db.execute(sql: "UPDATE message SET state = 'sent', sentAt = ?, secretLink = NULL, claimedBy = NULL, lastError = NULL WHERE id IN \(Self.idList(ids))",
                       arguments: [now])
    }

    /// `(1,2,3)`: row ids written into the SQL, so a batch of any size is one statement.
    static func idList(_ ids: [Int64]) -> String {
        "(" + ids.map(String.init).joined(separator: ",") + ")"
    }

    private func failed(_ db: Database, _ id: Int64, error: MailDeliveryError, at now: Int64, traceID: String) throws {
        switch error.kind {
        case .temporary:
            let attempts = try Int.fetchOne(db, sql: "SELECT attempts FROM message WHERE id = ?", arguments: [id]) ?? 1
            let delay = min(Int64(60) << Int64(min(max(attempts - 1, 0), 20)), 6 * 3600)
            try db.cachedStatement(sql: "UPDATE message SET state = 'queued', claimedBy = NULL, nextAttemptAt = ?, lastError = ? WHERE id = ?")
                .execute(arguments: [now + delay, error.reply, id])
        case .permanent:
            try db.cachedStatement(sql: "UPDATE message SET state = 'failed', claimedBy = NULL, secretLink = NULL, lastError = ? WHERE id = ?")
                .execute(arguments: [error.reply, id])
            guard let message = try MessageRecord.fetchOne(db, key: id), let invitationID = message.invitationID,
                  message.purpose == .invitation || message.purpose == .resend,
                  let invitation = try InvitationRecord.fetchOne(db, key: invitationID),
                  invitation.lastMessageID == id, invitation.status.isPending else { return }
            try db.execute(sql: "UPDATE invitation SET failureReason = ?, failureTraceID = ? WHERE id = ?",
                           arguments: [error.reply, traceID, invitationID])
            try setStatus(db, invitation, to: .failed, at: now, actor: "mail", traceID: traceID,
                          note: "the email could not be delivered: \(error.reply)")
        }
    }

    /// True when `pid` names a live process (this one included).
    static func isAlive(_ pid: Int32?) -> Bool {
        guard let pid else { return false }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
