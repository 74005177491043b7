import XCTest
@testable import UserList

final class WhitespaceTests: XCTestCase {
    func testTrimmingIsAChangeNotAnError() {
        let table: [(String, String, Set<String>)] = [
            ("  Jane ", "Jane", ["change.trimmed"]),
            ("\tJane\n", "Jane", ["change.trimmed"]),
            ("\u{00A0}Jane\u{00A0}", "Jane", ["change.trimmed"]),
            ("Mei\u{00A0}Ling", "Mei Ling", ["change.nbsp-removed"]),
            ("Mei\nLing", "Mei Ling", ["change.line-break-removed"]),
            ("Mei\r\nLing ", "Mei  Ling", ["change.line-break-removed", "change.trimmed"]),
            ("Mei\u{200B}Ling", "MeiLing", ["change.invisible-removed"]),
            ("\u{FEFF}Jane", "Jane", ["change.invisible-removed"]),
        ]
        for (input, cleaned, codes) in table {
            let result = outcome(Fixture.officer, setting: .firstName, to: .text(input))
            XCTAssertTrue(result.isValid, "\(input.debugDescription): \(result.findings)")
            XCTAssertEqual(result.values[.firstName], cleaned, input.debugDescription)
            XCTAssertEqual(result.codes(in: .firstName), codes, input.debugDescription)
            XCTAssertTrue(result.findings.allSatisfy { $0.severity == .change })
        }
    }

    func testJoinersStayInNames() {
        let name = "ர\u{200D}ம"
        let result = outcome(Fixture.officer, setting: .firstName, to: .text(name))
        XCTAssertEqual(result.values[.firstName], name)
        XCTAssertTrue(result.isValid, "\(result.findings)")
    }

    func testWhitespaceOnlyIsBlank() {
        assertField(.firstName, .text(" \u{00A0}\t"), fails: .nameRequired)
    }
}
