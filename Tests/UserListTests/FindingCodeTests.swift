import SheetIO
import XCTest
@testable import UserList

final class FindingCodeTests: XCTestCase {
    func testEveryCodeHasMeaningAndFixText() {
        for code in FindingCode.all {
            XCTAssertFalse(code.meaning.isEmpty, "\(code) has no meaning")
            XCTAssertFalse(code.fix.isEmpty, "\(code) has no fix text")
            XCTAssertTrue(code.meaning.hasSuffix("."), "\(code) meaning should be a sentence")
        }
    }

    func testCodesAreUniqueDottedLowercaseKebab() {
        let raws = FindingCode.all.map(\.rawValue)
        XCTAssertEqual(Set(raws).count, raws.count, "duplicate codes")
        for raw in raws {
            let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 2, raw)
            // The area may be a field key (camelCase, as the report's `field`); the name is kebab-case.
            XCTAssertTrue(parts[1].allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }, raw)
            XCTAssertTrue(parts[0].allSatisfy(\.isLetter), raw)
        }
    }

    func testCodesRoundTripThroughTheirString() throws {
        for code in FindingCode.all { XCTAssertEqual(FindingCode(rawValue: code.rawValue), code) }
        XCTAssertNil(FindingCode(rawValue: "no.such-code"))
        let data = try JSONEncoder().encode([FindingCode.emailInvalid])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["email.invalid"]"#)
        XCTAssertEqual(try JSONDecoder().decode([FindingCode].self, from: data), [.emailInvalid])
    }

    func testEveryRuleCodeIsInTheCatalogue() {
        let catalogue = Set(FindingCode.all)
        for rule in UserListValidator(policy: Policy(sponsoringAgencies: ["GovTech"])).rules {
            for code in rule.codes { XCTAssertTrue(catalogue.contains(code), "\(rule.name): \(code) not listed") }
        }
    }

    func testEveryRowScopedCodeIsReportedBySomeRule() {
        let ruleCodes = Set(UserListValidator().rules.flatMap(\.codes))
        for code in FindingCode.all where code.scope == .row {
            XCTAssertTrue(ruleCodes.contains(code), "\(code) is row-scoped but no rule lists it")
        }
    }

    func testEverySheetIOErrorKindHasAFileCode() {
        let kinds: [SheetIOError.Kind] = [.io, .emptyFile, .encrypted, .legacyXLS, .ods, .xlsb, .textNotWorkbook, .notZip,
                                          .corruptZip, .zipLimit, .zipUnsupported, .missingPart, .packageStructure,
                                          .xmlForbidden, .xmlMalformed, .xmlLimit, .cellLimit, .badSharedString, .badCell,
                                          .sheetNotFound, .csvMalformed, .unsupportedFormat, .write]
        var seen = Set<FindingCode>()
        for kind in kinds {
            let code = FindingCode.file(kind)
            XCTAssertTrue(code.rawValue.hasPrefix("file."))
            XCTAssertEqual(code.scope, .file)
            seen.insert(code)
        }
        XCTAssertEqual(seen.count, kinds.count, "each kind has its own code")
        XCTAssertEqual(FindingCode.file(.legacyXLS).rawValue, "file.legacy-xls")
        XCTAssertEqual(FindingCode.file(.encrypted).rawValue, "file.encrypted")
    }

    func testFileStageWrapsSheetIOError() {
        let error = SheetIOError(.encrypted, "The workbook is password-protected.", file: "users.xlsx")
        let finding = FileStage.finding(for: error)
        XCTAssertEqual(finding.stage, .file)
        XCTAssertEqual(finding.code, .fileEncrypted)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.message, "The workbook is password-protected.")
        XCTAssertNotNil(finding.hint)
        XCTAssertEqual(FileStage.checkSize(bytes: 11, policy: Policy(maxFileBytes: 10))?.code, .fileTooLarge)
        XCTAssertNil(FileStage.checkSize(bytes: 10, policy: Policy(maxFileBytes: 10)))
    }

    func testFindingLocatesTheCell() throws {
        let f = Finding(stage: .field, row: 5, column: 2, field: .username, header: "TechPass username", value: "a..b",
                        code: .usernameConsecutivePeriods, message: "two periods")
        XCTAssertEqual(f.columnLetter, "C")
        XCTAssertEqual(f.cellReference, "C5")
        XCTAssertEqual(f.field, "username")
        XCTAssertEqual(f.fieldKey, .username)
        XCTAssertEqual(f.severity, .error)
        let json = try JSONEncoder().encode(f)
        let text = String(decoding: json, as: UTF8.self)
        XCTAssertTrue(text.contains(#""columnLetter":"C""#), text)
        XCTAssertEqual(try JSONDecoder().decode(Finding.self, from: json), f)
    }
}
