import SheetIO
import XCTest
@testable import UserList

/// Contact numbers from many countries, checked against libphonenumber's numbering plans: typed as
/// text, and the same digits in a number cell (where Excel dropped the +).
final class ContactNumberCountriesTests: XCTestCase {
    /// Valid numbers of people: mobile and fixed-line, 19 countries. (typed, E.164)
    static let valid: [(String, String)] = [
        ("+65 9123 4567", "+6591234567"), ("6123 4567", "+6561234567"), ("+65 3123 4567", "+6531234567"),
        ("+60 12-345 6789", "+60123456789"), ("+60 3-2123 4567", "+60321234567"),
        ("+91 98765 43210", "+919876543210"), ("+91 11 2345 6789", "+911123456789"),
        ("+44 7911 123456", "+447911123456"), ("+44 20 7946 0958", "+442079460958"),
        ("+1 (415) 555-2671", "+14155552671"), ("+1 212 555 0123", "+12125550123"),
        ("+61 412 345 678", "+61412345678"), ("+61 2 9374 4000", "+61293744000"),
        ("+49 1512 3456789", "+4915123456789"), ("+49 30 123456", "+4930123456"),
        ("+33 6 12 34 56 78", "+33612345678"), ("+33 1 23 45 67 89", "+33123456789"),
        ("+81 90-1234-5678", "+819012345678"), ("+81 3-1234-5678", "+81312345678"),
        ("+86 138 0013 8000", "+8613800138000"), ("+86 10 1234 5678", "+861012345678"),
        ("+62 812 3456 7890", "+6281234567890"), ("+62 21 1234 5678", "+622112345678"),
        ("+63 917 123 4567", "+639171234567"), ("+63 2 8123 4567", "+63281234567"),
        ("+84 912 345 678", "+84912345678"), ("+84 24 3123 4567", "+842431234567"),
        ("+66 81 234 5678", "+66812345678"), ("+66 2 123 4567", "+6621234567"),
        ("+82 10-1234-5678", "+821012345678"), ("+82 2-123-4567", "+8221234567"),
        ("+852 9123 4567", "+85291234567"), ("+852 2123 4567", "+85221234567"),
        ("+64 21 123 4567", "+64211234567"), ("+55 11 91234 5678", "+5511912345678"),
        ("+55 11 3123 4567", "+551131234567"), ("+7 912 345 67 89", "+79123456789"), ("+7 495 123 45 67", "+74951234567"),
    ]

    /// Numbers that cannot be a person's number, with the one finding each gets.
    static let rejected: [(String, FindingCode, String)] = [
        ("+999 1234 5678", .contactInvalid, "+999 1234 5678 does not start with a country code in use."),
        ("+1 123 456 7890", .contactInvalid, "+1 123 456 7890 is not a number in use with country code +1 (US)."),
        ("+91 98765 4321", .contactInvalid, "+91 98765 4321 is not a number in use with country code +91 (IN)."),
        ("37684268", .contactSingaporeInvalid, "No Singapore number starts with 3768: 37684268 is not a number in use."),
        ("+65 9999 1234", .contactSingaporeInvalid, "No Singapore number starts with 9999: +65 9999 1234 is not a number in use."),
        ("1800 123 4567", .contactNotPersonal, "1800 123 4567 is a toll-free number, not a person's number."),
        ("+65 1800 123 4567", .contactNotPersonal, "+65 1800 123 4567 is a toll-free number, not a person's number."),
        ("800 123 4567", .contactNotPersonal, "800 123 4567 is a toll-free number, not a person's number."),
        ("+44 800 123 4567", .contactNotPersonal, "+44 800 123 4567 is a toll-free number, not a person's number."),
        ("1900 123 4567", .contactNotPersonal, "1900 123 4567 is a premium-rate number, not a person's number."),
        ("+44 909 879 0879", .contactNotPersonal, "+44 909 879 0879 is a premium-rate number, not a person's number."),
        ("+33 8 10 12 34 56", .contactNotPersonal, "+33 8 10 12 34 56 is a shared-cost number, not a person's number."),
        ("+44 7911 1234567", .contactInvalidLength, "+44 7911 1234567 has too many digits for a number with country code +44 (GB)."),
        ("+60 12 345", .contactInvalidLength, "+60 12 345 has too few digits for a number with country code +60 (MY)."),
        ("+852 123", .contactInvalidLength, "+852 123 has too few digits for a number with country code +852 (HK)."),
        ("+49 30 1", .contactInvalidLength, "+49 30 1 has too few digits for a number with country code +49 (DE)."),
        ("+65 9123 456", .contactSingaporeInvalid, "After +65 a Singapore number has 8 digits; this one has 7."),
        ("9123 456", .contactInvalidLength, "The number has 7 digits; Singapore numbers have 8, and numbers from other countries start with + and the country code."),
        ("447911123456", .contactMissingCountryCode, "The number has 12 digits, so it is not a Singapore number, and it has no + country code."),
    ]

    func testValidNumbersTypedAsTextAreAcceptedInE164() {
        XCTAssertGreaterThanOrEqual(Set(Self.valid.map { $0.1.prefix(3) }).count, 15)
        for (typed, e164) in Self.valid {
            let result = outcome(Fixture.officer, setting: .contactNumber, to: .text(typed))
            XCTAssertTrue(result.isValid, "\(typed): \(result.findings.map(\.message))")
            XCTAssertEqual(result.values[.contactNumber], e164, typed)
            XCTAssertEqual(result.codes(in: .contactNumber), typed == e164 ? [] : ["change.normalised"], typed)
        }
    }

    /// The same numbers in number cells: Excel kept the digits and dropped the +. Eleven digits or
    /// more read back with the + (a warning); ten digits not starting 65 cannot be told from a
    /// mistyped local number, so they are the missing-country-code error they were.
    func testValidNumbersInNumberCellsAreReadWithThePlusPutBack() {
        for (_, e164) in Self.valid where !e164.hasPrefix("+65") {
            let digits = String(e164.dropFirst())
            let result = outcome(Fixture.officer, setting: .contactNumber, to: .number(Double(digits)!))
            if digits.count >= 11 {
                XCTAssertEqual(result.codes(in: .contactNumber), ["excel.plus-lost"], digits)
                XCTAssertEqual(result.values[.contactNumber], e164, digits)
                XCTAssertTrue(result.isValid, digits)
            } else {
                XCTAssertEqual(result.codes(in: .contactNumber), ["contact.missing-country-code"], digits)
            }
        }
        let sg = outcome(Fixture.officer, setting: .contactNumber, to: .number(6_591_234_567))
        XCTAssertEqual([sg.values[.contactNumber]], ["+6591234567"])
        XCTAssertEqual(sg.codes(in: .contactNumber), ["excel.plus-lost"])
    }

    func testRejectedNumbersGetOneSpecificFinding() {
        for (typed, code, message) in Self.rejected {
            let result = outcome(Fixture.officer, setting: .contactNumber, to: .text(typed))
            XCTAssertFalse(result.isValid, typed)
            XCTAssertEqual(result.codes(in: .contactNumber), [code.rawValue], "\(typed): \(result.findings.map(\.message))")
            XCTAssertEqual(result.finding(code)?.message, message, typed)
        }
    }

    func testRejectedNumbersInNumberCells() {
        let table: [(Double, FindingCode)] = [
            (99_912_345_678, .contactInvalid), (11_234_567_890, .contactInvalid), (37_684_268, .contactSingaporeInvalid),
            (18_001_234_567, .contactNotPersonal), (18_002_345_678, .contactNotPersonal), (6_518_001_234_567, .contactNotPersonal), (448_001_234_567, .contactNotPersonal),
            (4_479_111_234_567, .contactInvalidLength), (99_999_999, .contactSingaporeInvalid),
        ]
        for (value, code) in table {
            let result = outcome(Fixture.officer, setting: .contactNumber, to: .number(value))
            XCTAssertFalse(result.isValid, "\(value)")
            XCTAssertEqual(result.codes(in: .contactNumber), [code.rawValue], "\(value): \(result.findings.map(\.message))")
        }
    }

    func testNotPersonalSaysWhatKindAndWhatToDo() {
        let result = outcome(Fixture.officer, setting: .contactNumber, to: .text("1800 123 4567"))
        let finding = result.finding(.contactNotPersonal)
        XCTAssertEqual(finding?.severity, .error)
        XCTAssertEqual(finding?.hint, "Give the person's own mobile or office number.")
    }
}
