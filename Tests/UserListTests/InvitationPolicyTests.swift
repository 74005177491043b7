import Foundation
import XCTest
@testable import UserList

/// The policy keys the invitations read (SPEC "Policy").
final class InvitationPolicyTests: XCTestCase {
    func decode(_ json: String) throws -> Policy { try Policy.decode(Data(json.utf8), fileName: "policy.json") }

    func assertError(_ json: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try decode(json), file: file, line: line) { error in
            XCTAssertEqual((error as? PolicyError)?.description, expected, file: file, line: line)
        }
    }

    func testDefaultsFollowTheSpec() {
        let p = Policy.default
        XCTAssertEqual(p.integratedIdentityDomains, ["gov.sg"])
        XCTAssertEqual(p.registrationLinkLifetimeDays, 5)
        XCTAssertEqual(p.resendIntervalHours, 24)
        XCTAssertEqual(p.registrationURL, "https://portal.techpass.gov.sg/register")
        XCTAssertEqual(p.senderAddress, "techpass-invitations@tech.gov.sg")
    }

    func testFileSetsEachInvitationKey() throws {
        let p = try decode(#"""
            {"integratedIdentityDomains": ["tech.gov.sg", "@hdb.gov.sg"], "registrationLinkLifetimeDays": 7,
             "resendIntervalHours": 12, "registrationURL": "https://example.gov.sg/join", "senderAddress": "noreply@tech.gov.sg"}
            """#)
        XCTAssertEqual(p.integratedIdentityDomains, ["tech.gov.sg", "hdb.gov.sg"])
        XCTAssertEqual(p.registrationLinkLifetimeDays, 7)
        XCTAssertEqual(p.resendIntervalHours, 12)
        XCTAssertEqual(p.registrationURL, "https://example.gov.sg/join")
        XCTAssertEqual(p.senderAddress, "noreply@tech.gov.sg")
        XCTAssertEqual(try decode(#"{"integratedIdentityDomains": []}"#).integratedIdentityDomains, [])
    }

    func testBadInvitationValuesNameTheKey() {
        let cases: [(String, String)] = [
            (#"{"registrationLinkLifetimeDays": 0}"#, #"policy.json: key "registrationLinkLifetimeDays" must be between 1 and 365, got 0"#),
            (#"{"resendIntervalHours": 1.5}"#, #"policy.json: key "resendIntervalHours" must be a whole number, got 1.5"#),
            (#"{"registrationURL": "ftp://x"}"#, #"policy.json: key "registrationURL" must be an http(s) address without ? or # such as "https://portal.techpass.gov.sg/register", got "ftp://x""#),
            (#"{"registrationURL": "https://x/r?a=1"}"#, #"policy.json: key "registrationURL" must be an http(s) address without ? or # such as "https://portal.techpass.gov.sg/register", got "https://x/r?a=1""#),
            (#"{"senderAddress": "not an address"}"#, #"policy.json: key "senderAddress" must be an email address such as "techpass-invitations@tech.gov.sg", got "not an address""#),
            (#"{"senderAddress": 3}"#, #"policy.json: key "senderAddress" must be text such as "techpass-invitations@tech.gov.sg", got 3"#),
            (#"{"integratedIdentityDomains": ["gov sg"]}"#, #"policy.json: key "integratedIdentityDomains" item 1 must be a domain such as "gov.sg", got "gov sg""#),
        ]
        for (json, expected) in cases { assertError(json, expected) }
    }

    func testPublicOfficerAddressNeedsAnAgencyBeforeTheSuffix() {
        let p = Policy.default
        XCTAssertTrue(p.isPublicOfficerAddress("lim_kh@tech.gov.sg"))
        XCTAssertTrue(p.isPublicOfficerAddress(" Lim@HDB.GOV.SG "))
        XCTAssertFalse(p.isPublicOfficerAddress("lim@gov.sg"))
        XCTAssertFalse(p.isPublicOfficerAddress("lim@gmail.com"))
        XCTAssertFalse(p.isPublicOfficerAddress("not-an-address"))
    }

    func testIntegratedIdentityCoversTheDomainAndItsSubdomains() {
        let p = Policy(integratedIdentityDomains: ["tech.gov.sg"])
        XCTAssertTrue(p.isIntegratedIdentityAddress("a@tech.gov.sg"))
        XCTAssertTrue(p.isIntegratedIdentityAddress("a@dept.tech.gov.sg"))
        XCTAssertFalse(p.isIntegratedIdentityAddress("a@hdb.gov.sg"))
        XCTAssertFalse(p.isIntegratedIdentityAddress("a@fintech.gov.sg"))
        XCTAssertTrue(Policy.default.isIntegratedIdentityAddress("a@hdb.gov.sg"))
    }
}
