import XCTest
@testable import Inbox

final class NameFilterTests: XCTestCase {
    func testTakesSupportedRegularFiles() {
        let filter = NameFilter()
        for name in ["users.xlsx", "USERS.XLSX", "users.xlsm", "users.csv", "users.tsv", "-rf.csv", "a b (2).xlsx",
                     "legacy.xls", "binary.xlsb", "open.ods"] {
            XCTAssertNil(filter.skip(FileName(name), kind: .regular), name)
            XCTAssertTrue(NameFilter.isSpreadsheetName(FileName(name)), name)
        }
    }

    /// Files that are not spreadsheets are taken too (to be rejected with a report), not left unseen.
    func testTakesFilesThatAreNotSpreadsheets() {
        let filter = NameFilter()
        for name in ["scan.pdf", "notes.txt", "letter.docx", "photo.JPG", "README", "users.xlsx.zip", "2025-01-01"] {
            XCTAssertNil(filter.skip(FileName(name), kind: .regular), name)
            XCTAssertFalse(NameFilter.isSpreadsheetName(FileName(name)), name)
        }
    }

    func testSkipsByNameAndKind() {
        let filter = NameFilter()
        let cases: [(String, EntryKind, NameFilter.Skip)] = [
            (".hidden.csv", .regular, .dotFile),
            (".invitesheet", .directory, .dotFile),
            ("~$users.xlsx", .regular, .excelLockFile),
            ("users.xlsx.tmp", .regular, .partialDownload),
            ("users.csv.part", .regular, .partialDownload),
            ("users.xlsx.crdownload", .regular, .partialDownload),
            ("users.xlsx.PART", .regular, .partialDownload),
            ("5F3A2B10", .regular, .editorTemporaryFile),
            ("users.xlsx~", .regular, .editorTemporaryFile),
            ("Thumbs.db", .regular, .systemFile),
            ("desktop.ini", .regular, .systemFile),
            ("link.csv", .symlink, .symlink),
            ("pipe.csv", .fifo, .fifo),
            ("folder.csv", .directory, .directory),
            ("socket.csv", .other, .notRegularFile),
        ]
        for (name, kind, expected) in cases {
            XCTAssertEqual(filter.skip(FileName(name), kind: kind), expected, name)
        }
    }

    func testRoutineSkipsAreNotWorthALogLine() {
        XCTAssertTrue(NameFilter.Skip.dotFile.isRoutine)
        XCTAssertTrue(NameFilter.Skip.partialDownload.isRoutine)
        XCTAssertFalse(NameFilter.Skip.symlink.isRoutine)
        XCTAssertTrue(NameFilter.Skip.editorTemporaryFile.isRoutine)
        XCTAssertTrue(NameFilter.Skip.systemFile.isRoutine)
        XCTAssertFalse(NameFilter.Skip.fifo.isRoutine)
    }
}
