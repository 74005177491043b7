import XCTest
import Logging
@testable import Inbox

final class JSONLineTests: XCTestCase {
    func testStringsAreEscapedForTerminals() throws {
        var line = JSONLine()
        line.add("file", "a\"b\\c\nd\u{1B}[31me\u{9B}f\u{2028}g\u{202E}h")
        line.add("rows", 3)
        let text = line.finished
        XCTAssertEqual(text, #"{"file":"a\"b\\c\nd\u001b[31me\u009bf\u2028g\u202eh","rows":3}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["file"] as? String, "a\"b\\c\nd\u{1B}[31me\u{9B}f\u{2028}g\u{202E}h")
    }

    func testLogHandlerWritesOneJSONObjectPerLine() throws {
        let capture = LogCapture()
        let logger = capture.logger
        logger.warning("some rows need fixing", metadata: [
            "event": "processed", "file": .string("evil\n{\"event\":\"forged\"}.csv"),
            "durationMs": .stringConvertible(12), "traceId": .string("0123456789012345"),
            "counts": .dictionary(["rows": .stringConvertible(3)]),
        ])
        XCTAssertEqual(capture.lines.count, 1)
        let line = capture.lines[0]
        XCTAssertTrue(line.hasSuffix("}\n"))
        XCTAssertEqual(line.filter { $0 == "\n" }.count, 1, "a newline in a file name cannot start a new log line")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["event"] as? String, "processed")
        XCTAssertEqual(object["level"] as? String, "warning")
        XCTAssertEqual(object["durationMs"] as? Int, 12)
        XCTAssertEqual(object["traceId"] as? String, "0123456789012345", "digit-only trace ids stay strings")
        XCTAssertEqual((object["counts"] as? [String: Any])?["rows"] as? Int, 3)
        XCTAssertNotNil(object["ts"])
    }
}
