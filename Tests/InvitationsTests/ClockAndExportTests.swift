import Foundation
import SheetIO
import XCTest
@testable import Invitations

final class ClockTests: XCTestCase {
    func testINVITESHEET_NOWFixesTheClock() throws {
        XCTAssertEqual(try LedgerClock.fromEnvironment(["INVITESHEET_NOW": "2026-12-01T09:00:00Z"]).now(), 1_796_115_600)
        XCTAssertEqual(try LedgerClock.fromEnvironment(["INVITESHEET_NOW": "2026-12-01T17:00:00+08:00"]).now(), 1_796_115_600)
        XCTAssertEqual(try LedgerClock.fromEnvironment(["INVITESHEET_NOW": "2026-12-01T09:00Z"]).now(), 1_796_115_600)
        let real = try LedgerClock.fromEnvironment([:]).now()
        XCTAssertEqual(Double(real), Date().timeIntervalSince1970, accuracy: 5)
        XCTAssertThrowsError(try LedgerClock.fromEnvironment(["INVITESHEET_NOW": "tomorrow"])) { error in
            XCTAssertEqual(String(describing: error), "INVITESHEET_NOW=\"tomorrow\" is not an ISO 8601 time; use e.g. 2026-12-01T09:00:00Z, or unset it")
        }
        XCTAssertNil(LedgerTime.parse("2026-12-01T09:00:00"), "a time without a zone would not replay the same everywhere")
        XCTAssertNil(LedgerTime.parse("2026-13-01"))
    }

    func testFormatsRoundTrip() {
        for text in ["1970-01-01T00:00:00Z", "2026-12-01T09:00:00Z", "2028-02-29T23:59:59Z", "1969-12-31T23:59:59Z"] {
            XCTAssertEqual(LedgerTime.iso(LedgerTime.parse(text)!), text)
        }
        XCTAssertEqual(LedgerTime.readable(day(0)), "2026-12-01 09:00 UTC")
        XCTAssertEqual(LedgerTime.date(day(31)), "2027-01-01")
    }
}

final class AccountsExportTests: XCTestCase {
    func read(_ csv: String) throws -> [ExportedAccount] {
        let folder = try TemporaryFolder()
        let path = folder.file("accounts.csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return try AccountsExport.load(path: path)
    }

    func testHeadersAreMatchedLikeTheUserLists() throws {
        let accounts = try read("Name,E-mail,TechPass Username,TechPass Status,SEED status\nTan,tan@acme.com,tan.ak,Registered,Pending\nLee,lee@tech.gov.sg,,Onboarded,\n,,,,\n")
        XCTAssertEqual(accounts, [
            ExportedAccount(email: "tan@acme.com", username: "tan.ak", techPassStatus: "Registered", seedStatus: "Pending", row: 2),
            ExportedAccount(email: "lee@tech.gov.sg", username: nil, techPassStatus: "Onboarded", seedStatus: nil, row: 3),
        ])
        XCTAssertEqual(try read("Email address\nx@acme.com\n").map(\.email), ["x@acme.com"], "only an email column is needed")
    }

    func testAnExportWithoutAnEmailColumnSaysWhatIsExpected() {
        XCTAssertThrowsError(try read("Name,Status\nTan,Registered\n")) { error in
            XCTAssertEqual((error as? AccountsExportError)?.message,
                           "row 1 has no email column; expected a header such as \"email\" (and optionally \"username\", \"TechPass status\", \"SEED status\")")
        }
    }

    func testStatusTextIsUnderstoodLoosely() {
        let techPass: [(String?, TechPassStatus?)] = [(nil, .registered), ("Registered", .registered), ("ONBOARDED", .onboarded),
                                                      ("Active", .onboarded), ("account_created", .registered), ("Pending", nil), ("???", nil)]
        for (text, expected) in techPass { XCTAssertEqual(AccountStatusText.techPass(text), expected, text ?? "nil") }
        let seed: [(String?, SeedStatus?)] = [(nil, nil), ("Onboarded", .onboarded), ("pending", .pending), ("Not required", .notRequired), ("N/A", .notRequired)]
        for (text, expected) in seed { XCTAssertEqual(AccountStatusText.seed(text), expected, text ?? "nil") }
    }
}
