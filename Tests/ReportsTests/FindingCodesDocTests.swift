import Foundation
import UserList
import XCTest
@testable import Reports

/// `docs/finding-codes.md` is generated from the catalogue; this fails when it is out of date.
final class FindingCodesDocTests: XCTestCase {
    static let docPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/finding-codes.md").path

    func testCommittedCodeTableIsCurrent() throws {
        let generated = FindingCodeTableWriter().markdown()
        let committed = try? String(contentsOfFile: Self.docPath, encoding: .utf8)
        XCTAssertEqual(committed, generated, """
            docs/finding-codes.md is out of date with FindingCode.all. Regenerate it:
                swift run invitesheet validate --list-codes > docs/finding-codes.md
            """)
    }

    func testEveryCodeHasOneRowWithItsStage() {
        let table = FindingCodeTableWriter().markdown()
        let rows = table.lines.filter { $0.hasPrefix("| `") }
        XCTAssertEqual(rows.count, FindingCode.all.count)
        for code in FindingCode.all {
            XCTAssertEqual(rows.filter { $0.hasPrefix("| `\(code.rawValue)` |") }.count, 1, code.rawValue)
            XCTAssertFalse(FindingCodeTableWriter.stages(of: code).isEmpty, "\(code) has no stage")
        }
        XCTAssertEqual(FindingCodeTableWriter.stages(of: .fileEncrypted), [.file])
        XCTAssertEqual(FindingCodeTableWriter.stages(of: .structureMissingColumn), [.structure])
        XCTAssertEqual(FindingCodeTableWriter.stages(of: .duplicateEmailInFile), [.batch])
        XCTAssertEqual(FindingCodeTableWriter.stages(of: .duplicateExistingEmail), [.directory])
        XCTAssertEqual(FindingCodeTableWriter.cell("a|b\nc"), "a\\|b c")
    }
}
