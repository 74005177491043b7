import SheetIO
import XCTest
@testable import UserList

/// Valid users to start from; each test changes one thing.
enum Fixture {
    static let officer: [FieldKey: CellValue] = [
        .email: .text("jane_tan@tech.gov.sg"), .userType: .text("Public officer"), .firstName: .text("Jane"),
        .lastName: .text("Tan"), .contactNumber: .text("+6591234567"), .seed: .text("No"),
        .reason: .text("Developer on the MyAgency portal"),
    ]

    static let vendor: [FieldKey: CellValue] = [
        .email: .text("jiahui.lim@ncs.com.sg"), .userType: .text("Vendor"), .username: .text("Lim Jia Hui"),
        .firstName: .text("Jia Hui"), .lastName: .text("Lim"), .contactNumber: .text("+6581234567"),
        .organisation: .text("NCS Pte Ltd"), .department: .text("Digital Services"), .seed: .text("Yes"),
        .reason: .text("Support engineer"), .sponsoringAgency: .text("GovTech"), .businessOperation: .text("Onshore"),
    ]

    static let offshoreVendor: [FieldKey: CellValue] = vendor.merging([
        .businessOperation: .text("Offshore"), .odc: .text("India"), .contactNumber: .text("+91 98765 43210"),
    ]) { $1 }

    /// A sheet row in the standard layout (columns A–N) from field values.
    static func row(_ values: [FieldKey: CellValue], number: Int = 2, hidden: Bool = false,
                    format: [FieldKey: NumberFormat] = [:], formula: Set<FieldKey> = []) -> Row {
        let cells = FieldKey.allCases.compactMap { key -> Cell? in
            guard let v = values[key], !v.isEmpty else { return nil }
            return Cell(column: key.index, value: v, format: format[key], hasFormula: formula.contains(key))
        }
        return Row(number: number, cells: cells, isHidden: hidden)
    }

    /// `base` with some fields replaced; nil removes a field.
    static func with(_ base: [FieldKey: CellValue], _ changes: [FieldKey: CellValue?]) -> [FieldKey: CellValue] {
        var out = base
        for (k, v) in changes { out[k] = v ?? nil }
        return out
    }
}

/// Runs one row through all row stages with a fresh pipeline.
func outcome(_ values: [FieldKey: CellValue], policy: Policy = .default, existing: ExistingAccounts = .none,
             number: Int = 2, hidden: Bool = false, format: [FieldKey: NumberFormat] = [:],
             formula: Set<FieldKey> = []) -> RowOutcome {
    var pipeline = RowPipeline(policy: policy, existing: existing)
    return pipeline.run(Fixture.row(values, number: number, hidden: hidden, format: format, formula: formula))
}

/// The outcome of a valid fixture with one field changed.
func outcome(_ base: [FieldKey: CellValue], setting field: FieldKey, to value: CellValue?, policy: Policy = .default) -> RowOutcome {
    outcome(Fixture.with(base, [field: value]), policy: policy)
}

extension RowOutcome {
    func codes(in field: FieldKey) -> Set<String> {
        Set(findings.filter { $0.field == field.rawValue }.map(\.code.rawValue))
    }
    var codeStrings: Set<String> { Set(findings.map(\.code.rawValue)) }
    func finding(_ code: FindingCode) -> Finding? { findings.first { $0.code == code } }
    var errorCodes: Set<String> { Set(errors.map(\.code.rawValue)) }
}

/// Asserts that a field value passes (no errors or warnings on the field) or fails with `code`.
func assertField(_ field: FieldKey, _ value: CellValue, base: [FieldKey: CellValue] = Fixture.officer,
                 policy: Policy = .default, fails code: FindingCode?, file: StaticString = #filePath, line: UInt = #line) {
    let result = outcome(base, setting: field, to: value, policy: policy)
    let problems = result.findings.filter { $0.severity != .change }
    if let code {
        XCTAssertTrue(problems.contains { $0.code == code },
                      "\(field) \(value): expected \(code), got \(result.findings.map(\.code.rawValue))", file: file, line: line)
    } else {
        XCTAssertTrue(problems.isEmpty, "\(field) \(value): expected no problem, got \(problems.map { "\($0.code): \($0.message)" })",
                      file: file, line: line)
    }
}
