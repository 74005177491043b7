import Foundation
import XCTest
@testable import Reports

final class FileDigestTests: XCTestCase {
    func testFileDigestHashesTheBytesAsStored() throws {
        let folder = try temporaryFolder(self)
        let path = folder.appendingPathComponent("users.csv").path
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let digest = try FileDigest(path: path)
        XCTAssertEqual(digest.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(digest.bytes, 3)
        XCTAssertThrowsError(try FileDigest(path: folder.appendingPathComponent("missing.csv").path))
        XCTAssertThrowsError(try FileDigest(path: folder.path), "a folder is not a file")
    }
}


final class ReportTraceIDTests: XCTestCase {
    func testTraceIDsAreSixteenHexDigitsAndDistinct() {
        let ids = (0..<1000).map { _ in TraceID.make() }
        for id in ids { XCTAssertTrue(TraceID.isValid(id), id) }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertFalse(TraceID.isValid("0123456789ABCDEF"))
        XCTAssertFalse(TraceID.isValid("0123"))
        XCTAssertEqual(TraceID.hex(0xab), "00000000000000ab")
    }
}
