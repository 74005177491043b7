import XCTest
@testable import Inbox

final class NameFilterTests: XCTestCase {
    func testTakesSupportedRegularFiles() {
        let filter = NameFilter()
        for name in ["users.xlsx", "USERS.XLSX", "users.xlsm", "users.csv", "users.tsv", "-rf.csv", "a b (2).xlsx",
                     "legacy.xls", "binary.xlsb", "open.ods"] {
            XCTAssertNil(filter.skip(FileName(name), kind: .regular), name)
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
            ("notes.txt", .regular, .unsupportedExtension("txt")),
            ("README", .regular, .unsupportedExtension("")),
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
        XCTAssertFalse(NameFilter.Skip.unsupportedExtension("txt").isRoutine)
    }
}
