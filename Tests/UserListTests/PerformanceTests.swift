import Foundation
import XCTest
@testable import UserList
#if canImport(Glibc)
import Glibc
#endif

/// Full-size runs, skipped unless `USERLIST_PERF=1` (run them in release:
/// `USERLIST_PERF=1 swift test -c release --filter UserListTests.PerformanceTests`).
final class PerformanceTests: XCTestCase {
    func testValidatesAMillionRowsInBoundedMemory() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["USERLIST_PERF"] == "1", "set USERLIST_PERF=1")
        let g = SampleGenerator(rows: 1_048_575, errorRate: 0.05, seed: 11)
        let generateStart = Date()
        for i in 0..<g.rowCount { _ = g.sheetRow(i) }
        let generated = Date().timeIntervalSince(generateStart)
        let validator = UserListValidator(policy: SampleGenerator.policy, existing: g.existingAccounts)
        let start = Date()
        var invalid = 0
        let summary = try validator.validate(source: g.source()) { if !$0.isValid { invalid += 1 } }
        let elapsed = Date().timeIntervalSince(start)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024
        print("generated \(g.rowCount) rows in \(String(format: "%.2f", generated))s; validated in \(String(format: "%.2f", elapsed))s; invalid \(invalid); peak RSS \(String(format: "%.0f", peakMB)) MB")
        XCTAssertEqual(summary.rowCount, g.rowCount)
        XCTAssertLessThan(peakMB, 400)
    }
}
