import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who holds the ledger's write lock, for the message a waiting process prints when it gives up.
/// SQLite does not say which process holds a lock, so a writer records itself in a small file beside
/// the ledger (`<ledger>-holder`) once it has the lock, and removes it when done.
struct LedgerHolder {
    let path: String

    init(ledgerPath: String) { path = ledgerPath + "-holder" }

    /// Records this process as the holder: pid, what it is doing, since when.
    func claim(activity: String, at time: Int64) {
        let text = "\(getpid())\n\(activity)\n\(time)\n"
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        _ = rename(temporary, path)
    }

    /// Removes the record if it is still this process's.
    func release() {
        if current()?.pid == getpid() { _ = unlink(path) }
    }

    /// The recorded holder, if the file exists and its process is still alive.
    func current() -> (pid: Int32, activity: String, since: Int64)? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, let pid = Int32(lines[0]), let since = Int64(lines[2]) else { return nil }
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        return (pid, lines[1], since)
    }

    /// "process 1234 (invitesheet submit users.xlsx, since 2026-12-01 09:00 UTC)", or a plain
    /// "another invitesheet process" when nobody is recorded.
    func describe() -> String {
        guard let holder = current() else { return "another invitesheet process" }
        return "process \(holder.pid) (\(holder.activity), since \(LedgerTime.readable(holder.since)))"
    }
}
