import PhoneNumbers
import XCTest

/// The typed wrapper round libphonenumber's C shim: parse, type, region, E.164 and its reasons.
final class PhoneNumberLibraryTests: XCTestCase {
    func testParsesWithSingaporeAsTheDefaultRegion() throws {
        let sg = try PhoneNumberLibrary.parse("9123 4567").get()
        XCTAssertTrue(sg.isValid)
        XCTAssertEqual(sg.type, .mobile)
        XCTAssertEqual(sg.length, .possible)
        XCTAssertEqual(sg.countryCode, 65)
        XCTAssertEqual(sg.nationalNumber, 91_234_567)
        XCTAssertEqual(sg.regionCode, "SG")
        XCTAssertEqual(sg.e164, "+6591234567")
        let uk = try PhoneNumberLibrary.parse("+44 20 7946 0958", defaultRegion: "SG").get()
        XCTAssertEqual([uk.regionCode, uk.e164], ["GB", "+442079460958"])
        XCTAssertEqual(uk.type, .fixedLine)
        let my = try PhoneNumberLibrary.parse("12-345 6789", defaultRegion: "MY").get()
        XCTAssertEqual(my.e164, "+60123456789")
    }

    func testTypesAndReasons() throws {
        XCTAssertEqual(try PhoneNumberLibrary.parse("1800 123 4567").get().type, .tollFree)
        XCTAssertEqual(try PhoneNumberLibrary.parse("1900 123 4567").get().type, .premiumRate)
        XCTAssertEqual(try PhoneNumberLibrary.parse("+33 8 10 12 34 56").get().type, .sharedCost)
        XCTAssertEqual(try PhoneNumberLibrary.parse("+1 415 555 2671").get().type, .fixedLineOrMobile)
        let areaCode = try PhoneNumberLibrary.parse("+1 123 456 7890").get()
        XCTAssertFalse(areaCode.isValid)
        XCTAssertNil(areaCode.regionCode)
        XCTAssertEqual(try PhoneNumberLibrary.parse("+44 7911 1234567").get().length, .tooLong)
        XCTAssertEqual(try PhoneNumberLibrary.parse("+60 12 345").get().length, .tooShort)
        XCTAssertThrowsError(try PhoneNumberLibrary.parse("+999 1234 5678").get()) { XCTAssertEqual($0 as? PhoneNumberParseError, .invalidCountryCode) }
        XCTAssertThrowsError(try PhoneNumberLibrary.parse("call me").get()) { XCTAssertEqual($0 as? PhoneNumberParseError, .notANumber) }
    }

    func testClassifyAndRegions() {
        XCTAssertEqual(PhoneNumberLibrary.classify(countryCode: 65, nationalNumber: 61_234_567).type, .fixedLine)
        XCTAssertFalse(PhoneNumberLibrary.classify(countryCode: 65, nationalNumber: 37_684_268).isValid)
        XCTAssertEqual(PhoneNumberLibrary.region(forCountryCode: 65), "SG")
        XCTAssertEqual(PhoneNumberLibrary.region(forCountryCode: 1), "US")
        XCTAssertNil(PhoneNumberLibrary.region(forCountryCode: 999))
    }
}

extension PhoneNumberLibraryTests {
    func testValidTypeIsClassifyInShort() {
        for (code, national) in [(65, 91_234_567), (65, 37_684_268), (65, 61_234_567), (1, 4_155_552_671), (1, 1_234_567_890), (44, 7_911_123_456), (999, 12_345_678)] as [(Int, UInt64)] {
            let full = PhoneNumberLibrary.classify(countryCode: code, nationalNumber: national)
            XCTAssertEqual(PhoneNumberLibrary.validType(countryCode: code, nationalNumber: national), full.isValid ? full.type : nil, "+\(code) \(national)")
        }
    }
}
