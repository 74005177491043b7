import SheetIO
import XCTest
@testable import UserList

final class ContactNumberRuleTests: XCTestCase {
    func testAcceptedFormsNormaliseToE164() {
        let table: [(CellValue, String)] = [
            (.text("+6591234567"), "+6591234567"), (.text("+65 9123 4567"), "+6591234567"), (.text("9123 4567"), "+6591234567"),
            (.text("91234567"), "+6591234567"), (.text("6123-4567"), "+6561234567"), (.text("(+65) 8123 4567"), "+6581234567"),
            (.text("65 3123 4567"), "+6531234567"), (.text("6591234567"), "+6591234567"), (.text("+91 98765 43210"), "+919876543210"),
            (.text("+60 12-345 6789"), "+60123456789"), (.text("+1 (415) 555-2671"), "+14155552671"),
            (.text("9123\u{2013}4567"), "+6591234567"), (.number(91_234_567), "+6591234567"),
        ]
        for (value, e164) in table {
            let result = outcome(Fixture.officer, setting: .contactNumber, to: value)
            XCTAssertTrue(result.isValid, "\(value): \(result.findings)")
            XCTAssertEqual(result.values[.contactNumber], e164, "\(value)")
            XCTAssertEqual(result.finding(.changeNormalised) != nil, e164 != value.displayText, "\(value)")
        }
    }

    func testRejectedNumbers() {
        let table: [(String, FindingCode)] = [
            ("", .contactRequired), ("9123 4567 ext 12", .contactInvalidCharacter), ("9123.4567", .contactInvalidCharacter),
            ("1234 5678", .contactSingaporeInvalid), ("+65 1234 5678", .contactSingaporeInvalid), ("+65 9123 456", .contactSingaporeInvalid),
            ("6512345678", .contactSingaporeInvalid), ("60123456789", .contactMissingCountryCode), ("0060123456789", .contactMissingCountryCode),
            ("91234", .contactInvalidLength), ("+1234567", .contactInvalidLength), ("+1234567890123456", .contactInvalidLength),
            ("9123+4567", .contactInvalid), ("+0123456789", .contactInvalid), ("++6591234567", .contactInvalid),
        ]
        for (text, code) in table { assertField(.contactNumber, text.isEmpty ? .empty : .text(text), fails: code) }
    }

    func testMessagesAreSpecific() {
        let r = outcome(Fixture.officer, setting: .contactNumber, to: .text("9123 4567 ext 12"))
        XCTAssertEqual(r.finding(.contactInvalidCharacter)?.message,
                       "The number contains \"e\" at position 11; only digits, a leading +, spaces, dashes and brackets are allowed.")
        let sg = outcome(Fixture.officer, setting: .contactNumber, to: .text("1234 5678"))
        XCTAssertEqual(sg.finding(.contactSingaporeInvalid)?.message, "A Singapore number starts with 3, 6, 8 or 9; this one starts with 1.")
    }
}
