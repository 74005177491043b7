import Foundation
import XCTest
@testable import UserList

final class PolicyTests: XCTestCase {
    func decode(_ json: String) throws -> Policy { try Policy.decode(Data(json.utf8), fileName: "policy.json") }

    func assertError(_ json: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decode(json), file: file, line: line) { error in
            XCTAssertEqual((error as? PolicyError)?.description, expected, file: file, line: line)
        }
    }

    func testDefaults() {
        let p = Policy.default
        XCTAssertEqual(p.publicOfficerDomainSuffixes, ["gov.sg"])
        XCTAssertEqual(p.maxRowsPerFile, 1_048_575)
        XCTAssertEqual(p.usernameMaxLength, 64)
        XCTAssertEqual(p.sponsoringAgencies, [])
        XCTAssertTrue(p.odcList.contains("India"))
        XCTAssertEqual(p.odcChoices.last, "Others")
        XCTAssertEqual(p.readLimits.maxFileBytes, p.maxFileBytes)
    }

    func testFileOverridesOnlyTheKeysItSets() throws {
        let p = try decode(#"{"maxRowsPerFile": 5000, "publicOfficerDomainSuffixes": ["gov.sg", ".edu.sg"], "$schema": "x"}"#)
        XCTAssertEqual(p.maxRowsPerFile, 5000)
        XCTAssertEqual(p.publicOfficerDomainSuffixes, ["gov.sg", "edu.sg"])
        XCTAssertEqual(p.usernameMaxLength, 64)
        XCTAssertEqual(p.odcList, Policy.default.odcList)
    }

    func testWrongTypesNameTheKey() {
        assertError(#"{"maxRowsPerFile": "abc"}"#, #"policy.json: key "maxRowsPerFile" must be a whole number, got "abc""#)
        assertError(#"{"maxRowsPerFile": 1.5}"#, #"policy.json: key "maxRowsPerFile" must be a whole number, got 1.5"#)
        assertError(#"{"usernameMaxLength": true}"#, #"policy.json: key "usernameMaxLength" must be a whole number, got true"#)
        assertError(#"{"odcList": "India"}"#, #"policy.json: key "odcList" must be a list of text values such as ["A", "B"], got "India""#)
        assertError(#"{"sponsoringAgencies": ["GovTech", 3]}"#, #"policy.json: key "sponsoringAgencies" item 2 must be text, got 3"#)
        assertError(#"{"maxRowsPerFile": 0}"#, #"policy.json: key "maxRowsPerFile" must be between 1 and 1048575, got 0"#)
        assertError(#"{"publicOfficerDomainSuffixes": ["gov sg"]}"#,
                    #"policy.json: key "publicOfficerDomainSuffixes" item 1 must be a domain such as "gov.sg", got "gov sg""#)
        assertError(#"{"odcList": ["India", "india"]}"#, #"policy.json: key "odcList" item 2 "india" is listed twice"#)
    }

    func testUnknownKeysAreErrorsWithASuggestion() {
        XCTAssertThrowsError(try decode(#"{"maxRowPerFile": 10}"#)) { error in
            let e = error as? PolicyError
            XCTAssertEqual(e?.key, "maxRowPerFile")
            XCTAssertTrue(e?.description.contains(#"did you mean "maxRowsPerFile"?"#) ?? false, "\(String(describing: e))")
        }
    }

    func testNotJSONOrNotAnObject() {
        XCTAssertThrowsError(try decode("{ nope")) { XCTAssertTrue("\($0)".hasPrefix("policy.json: is not valid JSON")) }
        assertError("[1]", #"policy.json: must be a JSON object such as {"maxRowsPerFile": 5000}, got a list"#)
    }

    func testLoadFromPathNamesTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("agency-policy.json")
        try Data(#"{"sponsoringAgencies": ["GovTech", "MOM"]}"#.utf8).write(to: url)
        XCTAssertEqual(try Policy.load(path: url.path).sponsoringAgencies, ["GovTech", "MOM"])
        try Data(#"{"maxFileBytes": -1}"#.utf8).write(to: url)
        XCTAssertThrowsError(try Policy.load(path: url.path)) {
            XCTAssertEqual("\($0)", #"agency-policy.json: key "maxFileBytes" must be at least 1, got -1"#)
        }
        XCTAssertThrowsError(try Policy.load(path: dir.appendingPathComponent("missing.json").path)) {
            XCTAssertTrue("\($0)".hasPrefix("missing.json: cannot be read"))
        }
    }

    func testCodableRoundTrip() throws {
        let p = Policy(odcList: ["India"], sponsoringAgencies: ["GovTech"], maxRowsPerFile: 10)
        XCTAssertEqual(try JSONDecoder().decode(Policy.self, from: JSONEncoder().encode(p)), p)
    }
}
