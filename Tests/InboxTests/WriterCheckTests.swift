import XCTest
@testable import Inbox

/// The kernel's answer to "does any process still have this file open for writing?".
final class WriterCheckTests: XCTestCase {
    func testAFileOpenForWritingIsSeenUntilItIsClosed() throws {
        #if os(Linux)
        let inbox = try TemporaryInbox()
        let directory = try Directory(path: inbox.path)
        let writer = open(inbox.path + "/copying.xlsx", O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(writer, 0)
        XCTAssertEqual(directory.writerState(FileName("copying.xlsx")), .openForWriting)
        close(writer)
        XCTAssertEqual(directory.writerState(FileName("copying.xlsx")), .closed)
        let reader = open(inbox.path + "/copying.xlsx", O_RDONLY | O_CLOEXEC)
        defer { close(reader) }
        XCTAssertEqual(directory.writerState(FileName("copying.xlsx")), .closed, "readers do not count")
        if case .unknown = directory.writerState(FileName("missing.xlsx")) {} else { XCTFail("a missing file cannot be judged") }
        #else
        throw XCTSkip("read leases are Linux only; elsewhere the settle time alone protects files")
        #endif
    }

    /// A file server with kernel oplocks (Samba) holds a write lease on a file its client has open.
    func testAFileUnderAnotherHoldersWriteLeaseCountsAsOpenForWriting() throws {
        #if os(Linux)
        let inbox = try TemporaryInbox()
        let directory = try Directory(path: inbox.path)
        try inbox.drop("shared.xlsx", "bytes")
        XCTAssertEqual(directory.writerState(FileName("shared.xlsx")), .closed)  // also sets SIGIO aside
        let holder = open(inbox.path + "/shared.xlsx", O_RDWR | O_CLOEXEC)
        defer { close(holder) }
        guard fcntl(holder, 1024 /* F_SETLEASE */, Int32(F_WRLCK)) == 0 else {
            throw XCTSkip("cannot take a write lease here: \(String(cString: strerror(errno)))")
        }
        XCTAssertEqual(directory.writerState(FileName("shared.xlsx")), .openForWriting)
        _ = fcntl(holder, 1024, Int32(F_UNLCK))
        #else
        throw XCTSkip("leases are Linux only")
        #endif
    }
}
