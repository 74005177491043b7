import XCTest
@testable import UserList

final class NameRuleTests: XCTestCase {
    func testLettersOfAnyScriptSpacesHyphensApostrophesAndFullStops() {
        let valid = ["Wei Ming", "bin Rahman", "D'Souza", "Lee-Tan", "J.", "Zoë", "José", "伟明", "陈", "பிரியா",
                     "Nguyễn Thị", "Ольга", "محمد", "Ångström", "X"]
        for name in valid {
            assertField(.firstName, .text(name), fails: nil)
            assertField(.lastName, .text(name), fails: nil)
        }
    }

    func testRejectedCharacters() {
        let table: [(String, FindingCode)] = [
            ("Tan2", .nameInvalidCharacter), ("Tan, Wei", .nameInvalidCharacter), ("jane@x", .nameInvalidCharacter),
            ("Tan/Lim", .nameInvalidCharacter), ("Tan 😀", .nameInvalidCharacter), ("(Jane)", .nameInvalidCharacter),
            ("-", .nameNoLetter), ("'.", .nameNoLetter), (String(repeating: "a", count: 65), .nameTooLong),
            ("", .nameRequired),
        ]
        for (name, code) in table {
            assertField(.firstName, name.isEmpty ? .empty : .text(name), fails: code)
            assertField(.lastName, name.isEmpty ? .empty : .text(name), fails: code)
        }
        assertField(.firstName, .text(String(repeating: "é", count: 64)), fails: nil)
    }

    func testMessageNamesTheCharacterAndPosition() {
        let result = outcome(Fixture.officer, setting: .lastName, to: .text("Tan2"))
        XCTAssertEqual(result.finding(.nameInvalidCharacter)?.message,
                       "Last name contains \"2\" at position 4; names may have letters, spaces, hyphens, apostrophes and full stops (and s/o, d/o or @ between names).")
        XCTAssertEqual(result.finding(.nameInvalidCharacter)?.field, "lastName")
        XCTAssertEqual(result.finding(.nameInvalidCharacter)?.columnLetter, "E")
    }

    func testCurlyApostropheBecomesStraightAsAChange() {
        let result = outcome(Fixture.officer, setting: .lastName, to: .text("O\u{2019}Connor"))
        XCTAssertTrue(result.isValid)
        XCTAssertEqual(result.values[.lastName], "O'Connor")
        XCTAssertEqual(result.codes(in: .lastName), ["change.normalised"])
    }

    /// SPEC: the `/` and `@` of Singapore names; an `@` gets the email hint only when the text is an address.
    func testSingaporeNamesWithSlashAndAt() {
        for name in ["Raj s/o Kumar", "Siti d/o Ahmad", "Tan Ah Kau @ Tan Ah Kow", "Muthu a/l Rajan", "Kavitha A/P Suppiah",
                     "RAJ S/O KUMAR", "s/o Kumar"] {
            assertField(.firstName, .text(name), fails: nil)
            assertField(.lastName, .text(name), fails: nil)
        }
        for name in ["Tan/Lim", "Raj s/oKumar", "Tan@Lim", "Tan Ah Kau@ Tan", "x/y", "@"] {
            let result = outcome(Fixture.officer, setting: .firstName, to: .text(name))
            XCTAssertFalse(result.isValid, "\(name) \(result.findings)")
        }
        let email = outcome(Fixture.officer, setting: .firstName, to: .text("jane.lee@tech.gov.sg")).finding(.nameInvalidCharacter)
        XCTAssertEqual(email?.message, "First name contains \"@\" at position 9 and looks like an email address, not a name.")
        XCTAssertEqual(email?.hint, "The address goes in Email address; type the person's name here.")
        for notEmail in ["Tan@Lim", "jane@x"] {
            let f = outcome(Fixture.officer, setting: .firstName, to: .text(notEmail)).finding(.nameInvalidCharacter)
            XCTAssertNotNil(f, notEmail)
            XCTAssertFalse(f?.message.contains("email") ?? true, "\(notEmail): \(f?.message ?? "")")
            XCTAssertNil(f?.hint, notEmail)
        }
    }
}
