import Foundation
import XCTest
import TestSupport

/// `invitesheet sample` says what it wrote: one line per file on stderr, counts with thousands separators.
final class SampleCLITests: XCTestCase {
    private var directory: URL!
    private var binary: String!

    override func setUpWithError() throws {
        binary = try InvitesheetBinary.locate()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sample-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testSampleSaysWhatItWrote() throws {
        let file = path("users.xlsx")
        let r = try ProcessResult.run(binary, ["sample", "--rows", "1000", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        // Mistakes are spread evenly at --error-rate (default 0.05): 50 of 1,000.
        XCTAssertEqual(r.stderr, "Wrote \(file): 1,000 rows (50 with a deliberate mistake)\n")
    }

    func testSampleWithExistingAccountsSaysOneLinePerFile() throws {
        let file = path("users.csv"), existing = path("existing.csv")
        let r = try ProcessResult.run(binary, ["sample", "--rows", "2000", "--error-rate", "0.1", "-o", file, "--existing", existing])
        XCTAssertEqual(r.status, 0, r.stderr)
        let accounts = try String(contentsOfFile: existing, encoding: .utf8).split(separator: "\r\n").count - 1
        XCTAssertGreaterThan(accounts, 1)
        XCTAssertEqual(r.stderr, """
            Wrote \(file): 2,000 rows (200 with a deliberate mistake)
            Wrote \(existing): \(accounts) existing accounts

            """)
    }

    func testOneRowIsSingular() throws {
        let file = path("one.tsv")
        let r = try ProcessResult.run(binary, ["sample", "--rows", "1", "--error-rate", "0", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "Wrote \(file): 1 row (0 with a deliberate mistake)\n")
    }
}
