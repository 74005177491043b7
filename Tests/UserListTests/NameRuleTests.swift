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
                       "Last name contains \"2\" at position 4; names may have letters, spaces, hyphens, apostrophes and full stops.")
        XCTAssertEqual(result.finding(.nameInvalidCharacter)?.field, "lastName")
        XCTAssertEqual(result.finding(.nameInvalidCharacter)?.columnLetter, "E")
    }

    func testCurlyApostropheBecomesStraightAsAChange() {
        let result = outcome(Fixture.officer, setting: .lastName, to: .text("O\u{2019}Connor"))
        XCTAssertTrue(result.isValid)
        XCTAssertEqual(result.values[.lastName], "O'Connor")
        XCTAssertEqual(result.codes(in: .lastName), ["change.normalised"])
    }
}
