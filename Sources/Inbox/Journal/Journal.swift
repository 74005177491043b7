#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The inbox's append-only journal (`.invitesheet/journal.jsonl`): replayed on open, then one JSON
/// line appended and flushed to disk (`fsync`) per record, so a record that was acknowledged
/// survives a crash or power cut. A line cut short by a crash is skipped on replay.
public final class Journal: @unchecked Sendable {
    private let fd: Int32
    private let displayPath: String
    private var mutex = pthread_mutex_t()
    private var _state: JournalState
    /// Lines that could not be read on replay (a torn last line after a crash, or damage).
    public let unreadableLines: Int

    /// Opens (creating if needed) and replays the journal `name` in `directory`.
    public init(in directory: Directory, name: String = InboxLayout.journalFile) throws {
        displayPath = directory.display(FileName(name))
        let f = openat(directory.fd, name, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard f >= 0 else { throw InboxFileError("open journal", path: displayPath) }
        fd = f
        var state = JournalState()
        var bad = 0
        let endsWithNewline: Bool
        do {
            endsWithNewline = try Self.replay(fd: f, path: displayPath) { line in
                guard !line.isEmpty else { return }
                if let record = Self.decode(line) { state.apply(record) } else { bad += 1 }
            }
        } catch {
            close(f)
            throw error
        }
        _state = state
        unreadableLines = bad
        pthread_mutex_init(&mutex, nil)
        if !endsWithNewline {
            // A torn last line: end it, so the next record starts on a line of its own.
            try writeAndFlush(Array("\n".utf8))
        }
    }

    deinit {
        close(fd)
        pthread_mutex_destroy(&mutex)
    }

    /// The replayed state, kept current by `append`.
    public var state: JournalState {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return _state
    }

    /// Appends one record and flushes it to disk before returning.
    public func append(_ record: JournalRecord) throws {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        try writeAndFlush(Array(record.jsonLine.utf8))
        _state.apply(record)
    }

    /// Runs `body` with the state locked, so a check and the record that follows it cannot be
    /// interleaved with another thread's (used to decide "duplicate" atomically).
    public func withState<R>(_ body: (JournalState) throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body(_state)
    }

    private func writeAndFlush(_ bytes: [UInt8]) throws {
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InboxFileError("write journal", path: displayPath)
                }
                offset += n
            }
        }
        #if canImport(Darwin)
        guard fsync(fd) == 0 else { throw InboxFileError("flush journal", path: displayPath) }
        #else
        guard fdatasync(fd) == 0 else { throw InboxFileError("flush journal", path: displayPath) }
        #endif
    }

    /// Calls `line` for each line of the file, reading it in chunks (memory stays flat however long
    /// the journal grows). Returns whether the file is empty or ends with a newline.
    private static func replay(fd: Int32, path: String, line: ([UInt8]) -> Void) throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var pending: [UInt8] = []
        var offset: off_t = 0
        var last: UInt8 = 0x0A
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InboxFileError("read journal", path: path)
            }
            if n == 0 { break }
            offset += off_t(n)
            last = buffer[n - 1]
            var start = 0
            for i in 0..<n where buffer[i] == 0x0A {
                if pending.isEmpty {
                    line(Array(buffer[start..<i]))
                } else {
                    pending.append(contentsOf: buffer[start..<i])
                    line(pending)
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: buffer[start..<n])
        }
        if !pending.isEmpty { line(pending) }
        return last == 0x0A
    }

    private static let decoder = JSONDecoder()

    static func decode(_ line: [UInt8]) -> JournalRecord? {
        guard !line.isEmpty, !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { return nil }
        return try? decoder.decode(JournalRecord.self, from: Data(line))
    }
}
