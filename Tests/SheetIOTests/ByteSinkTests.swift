import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import SheetIO

/// Output goes through a temporary file renamed into place, except for devices and FIFOs, which
/// must be written directly: renaming over `/dev/null` as root replaces the device.
final class ByteSinkTests: XCTestCase {
    private func tempDir() -> String {
        var template = Array("/tmp/bytesink-XXXXXX".utf8CString)
        let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return String(cString: p!)
    }

    func testRegularFileAppearsOnlyOnCommit() throws {
        let dir = tempDir()
        let path = dir + "/out.csv"
        let sink = try ByteSink(path: path)
        sink.write("a,b\r\n")
        XCTAssertNotEqual(access(path, F_OK), 0, "the file must not exist before commit")
        try sink.commit()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "a,b\r\n")
    }

    func testUncommittedFileLeavesNothingBehind() throws {
        let dir = tempDir()
        do {
            let sink = try ByteSink(path: dir + "/out.csv")
            sink.write("partial")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testFIFOIsWrittenDirectlyAndStaysAFIFO() throws {
        let dir = tempDir()
        let fifo = dir + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = expectation(description: "reader got the bytes")
        final class Box: @unchecked Sendable { var data = Data() }  // written by the reader, read after wait()
        let got = Box()
        Thread.detachNewThread {
            if let h = FileHandle(forReadingAtPath: fifo) {
                got.data = h.readDataToEndOfFile()
            }
            received.fulfill()
        }
        do {
            let sink = try ByteSink(path: fifo)  // closed when it goes out of scope: the reader sees EOF
            sink.write("hello")
            try sink.commit()
        }
        wait(for: [received], timeout: 10)
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced by a regular file")
        XCTAssertEqual(String(decoding: got.data, as: UTF8.self), "hello")
    }

    func testFolderIsRefused() {
        XCTAssertThrowsError(try ByteSink(path: tempDir())) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .io)
        }
    }
}
