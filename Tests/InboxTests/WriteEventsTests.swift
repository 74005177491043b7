import XCTest
@testable import Inbox

/// inotify's account of writers, the second way of telling that a file is still being written.
final class WriteEventsTests: XCTestCase {
    func testAFileWrittenAndNotYetClosedHasAWriter() throws {
        #if os(Linux)
        let inbox = try TemporaryInbox()
        try inbox.drop("before.csv", "there before the watch began")
        let directory = try Directory(path: inbox.path)
        let events = try XCTUnwrap(WriteEvents(directory: directory))
        XCTAssertNil(events.state(FileName("before.csv")), "nothing seen, nothing said")

        // As a copy tool does: create the file, then write into it.
        let fd = open(inbox.path + "/copy.xlsx", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let writer = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        XCTAssertEqual(events.state(FileName("copy.xlsx")), .openForWriting, "created and still open")
        writer.write(Data("first half".utf8))
        XCTAssertEqual(events.state(FileName("copy.xlsx")), .openForWriting, "a pause is not a close")
        try writer.close()
        XCTAssertEqual(events.state(FileName("copy.xlsx")), .closed)

        let again = try XCTUnwrap(FileHandle(forWritingAtPath: inbox.path + "/copy.xlsx"))
        again.seekToEndOfFile()
        again.write(Data(" and more".utf8))
        XCTAssertEqual(events.state(FileName("copy.xlsx")), .openForWriting, "written again")
        try again.close()
        XCTAssertEqual(events.state(FileName("copy.xlsx")), .closed)

        XCTAssertEqual(rename(inbox.path + "/copy.xlsx", inbox.path + "/moved.xlsx"), 0)
        XCTAssertNil(events.state(FileName("copy.xlsx")), "gone")
        XCTAssertNil(events.state(FileName("moved.xlsx")), "renamed in: its writer is not known")
        #else
        throw XCTSkip("inotify is Linux only")
        #endif
    }
}
