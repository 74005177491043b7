import XCTest
@testable import Inbox

final class FileNameTests: XCTestCase {
    func testDisplayEscapesWhatATerminalWouldActOn() {
        let cases: [([UInt8], String)] = [
            (Array("users.xlsx".utf8), "users.xlsx"),
            (Array("a\nb.csv".utf8), "a\\nb.csv"),
            (Array("\u{1B}[31mred.csv".utf8), "\\u{1b}[31mred.csv"),
            (Array("x\u{9B}y.csv".utf8), "x\\u{9b}y.csv"),
            (Array("evil\u{202E}xslx.csv".utf8), "evil\\u{202e}xslx.csv"),
            (Array("back\\slash.csv".utf8), "back\\\\slash.csv"),
            ([0x62, 0xFF, 0xFE, 0x2E, 0x63], "b\\xFF\\xFE.c"),
            (Array("café.csv".utf8), "café.csv"),
            (Array("ユーザー.xlsx".utf8), "ユーザー.xlsx"),
        ]
        for (bytes, shown) in cases {
            XCTAssertEqual(FileName(bytes: bytes).display, shown)
        }
    }

    func testExactStringOnlyForUTF8() {
        XCTAssertEqual(FileName("a\nb.csv").exactString, "a\nb.csv")
        XCTAssertNil(FileName(bytes: [0x61, 0xC3]).exactString, "truncated sequence")
        XCTAssertNil(FileName(bytes: [0xED, 0xA0, 0x80]).exactString, "surrogate")
    }

    func testExtensionAndStem() {
        XCTAssertEqual(FileName("Users.XLSX").fileExtension, "xlsx")
        XCTAssertEqual(FileName("a.b.csv").fileExtension, "csv")
        XCTAssertEqual(FileName(".csv").fileExtension, "", "a leading dot is not an extension")
        XCTAssertEqual(FileName("README").fileExtension, "")
        XCTAssertEqual(Array(FileName("a.b.csv").stemBytes), Array("a.b".utf8))
    }

    func testSanitisedNamesAreSafeEverywhere() {
        XCTAssertEqual(FileName.sanitised(ArraySlice("-rf".utf8), maxBytes: 100), "_rf")
        XCTAssertEqual(FileName.sanitised(ArraySlice(".profile".utf8), maxBytes: 100), "_profile")
        XCTAssertEqual(FileName.sanitised(ArraySlice("a\n\u{1B}[31mb".utf8), maxBytes: 100), "a__[31mb")
        XCTAssertEqual(FileName.sanitised(ArraySlice([0x61, 0xFF, 0x62]), maxBytes: 100), "a_b")
        XCTAssertEqual(FileName.sanitised(ArraySlice("a/b\\c:d*e?f\"g<h>i|j".utf8), maxBytes: 100), "a_b_c_d_e_f_g_h_i_j")
        XCTAssertEqual(FileName.sanitised(ArraySlice("".utf8), maxBytes: 100), "file")
        XCTAssertEqual(FileName.sanitised(ArraySlice("trailing. ".utf8), maxBytes: 100), "trailing")
        let long = FileName.sanitised(ArraySlice(String(repeating: "é", count: 200).utf8), maxBytes: 101)
        XCTAssertEqual(long.utf8.count, 100, "cut at a character boundary")
    }

    func testNumberedNamesFitAndKeepTheExtension() {
        XCTAssertEqual(FileName("users.xlsx").numbered(2), FileName("users (2).xlsx"))
        XCTAssertEqual(FileName("README").numbered(3), FileName("README (3)"))
        let longest = FileName(String(repeating: "a", count: 250) + ".xlsx")
        XCTAssertEqual(longest.bytes.count, 255)
        let numbered = longest.numbered(12)
        XCTAssertLessThanOrEqual(numbered.bytes.count, 255)
        XCTAssertEqual(numbered.fileExtension, "xlsx")
        XCTAssertTrue(numbered.display.hasSuffix(" (12).xlsx"))
    }
}
