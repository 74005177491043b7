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
}
