import Foundation
import SheetIO
import XCTest
@testable import UserList

final class SampleGeneratorTests: XCTestCase {
    func testSameSeedSameRows() {
        let a = SampleGenerator(rows: 500, errorRate: 0.2, seed: 42)
        let b = SampleGenerator(rows: 500, errorRate: 0.2, seed: 42)
        let c = SampleGenerator(rows: 500, errorRate: 0.2, seed: 43)
        for i in [0, 1, 17, 250, 499] {
            XCTAssertEqual(a.row(i), b.row(i))
            XCTAssertEqual(a.sheetRow(i), b.sheetRow(i))
        }
        XCTAssertNotEqual((0..<20).map(a.row), (0..<20).map(c.row))
        XCTAssertEqual(a.row(3).count, 14)
    }

    func testErrorRateIsRespected() {
        let g = SampleGenerator(rows: 10_000, errorRate: 0.05, seed: 1)
        let mistaken = (0..<g.rowCount).filter { g.mistake(at: $0) != nil }.count
        XCTAssertEqual(Double(mistaken), 500, accuracy: 1)
        XCTAssertEqual((0..<1000).filter { SampleGenerator(rows: 1000, errorRate: 0, seed: 1).mistake(at: $0) != nil }.count, 0)
    }

    func testValidationHitsEveryRowLevelCodeAndAgreesWithTheIntent() throws {
        let g = SampleGenerator(rows: 3000, errorRate: 0.3, seed: 7)
        let validator = UserListValidator(policy: SampleGenerator.policy, existing: g.existingAccounts)
        var seen = Set<FindingCode>()
        var disagreements: [String] = []
        let summary = try validator.validate(source: g.source()) { outcome in
            seen.formUnion(outcome.codes)
            let sample = g.sample(outcome.rowNumber - 2)
            if outcome.isValid == sample.intendedInvalid {
                disagreements.append("row \(outcome.rowNumber) \(sample.mistake.map(\.rawValue) ?? "clean"): \(outcome.findings.filter { $0.severity == .error }.map { "\($0.code) \($0.message)" })")
            }
            if let mistake = sample.mistake, !outcome.codes.contains(mistake.code) {
                disagreements.append("row \(outcome.rowNumber) \(mistake.rawValue) did not report \(mistake.code)")
            }
        }
        XCTAssertEqual(summary.status, .completed)
        XCTAssertEqual(summary.rowCount, 3000)
        XCTAssertEqual(disagreements, [])
        let rowLevel = Set(FindingCode.all.filter { $0.scope == .row })
        XCTAssertEqual(rowLevel.subtracting(seen).map(\.rawValue).sorted(), [], "row-level codes the sample never produced")
        XCTAssertEqual(Set(SampleMistake.allCases.map(\.code)), rowLevel, "one mistake per row-level code")
    }

    func testGeneratesQuickly() {
        let g = SampleGenerator(rows: 1_048_575, errorRate: 0.05, seed: 3)
        let start = Date()
        var cells = 0
        for i in stride(from: 0, to: g.rowCount, by: 10) { cells += g.row(i).count }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(cells, 0)
        // A tenth of a million rows; debug builds are several times slower than release.
        XCTAssertLessThan(elapsed, 10, "\(elapsed)s for \(g.rowCount / 10) rows")
    }
}
