import XCTest
@testable import SheetIO

/// Text saved as UTF-8 and read back as Windows-1252, and its repair.
final class MojibakeTests: XCTestCase {
    /// Each text is damaged exactly as a Windows-1252 reader damages it: its UTF-8 bytes decoded one by one.
    static func damage(_ text: String) -> String {
        String(String.UnicodeScalarView(text.utf8.map { Unicode.Scalar(Windows1252.scalar(for: $0))! }))
    }

    func testDamagedTextIsRepaired() {
        for original in ["Siobhán", "Mei\u{00A0}Ling", "\u{FEFF}Email address*", "Zoë Müller", "陈伟明", "Nguyễn Thị", "Ольга",
                         "François d'Aubigné", "Łukasz", "€100", "naïve café"] {
            let damaged = Self.damage(original)
            XCTAssertNotEqual(damaged, original)
            XCTAssertEqual(Mojibake.repaired(damaged), original, damaged)
        }
        XCTAssertEqual(Self.damage("Siobhán"), "Siobh\u{00C3}\u{00A1}n")
        XCTAssertEqual(Mojibake.repaired("Mei\u{00C2} Ling"), "Mei\u{00A0}Ling", "an NBSP that became a space on the way")
    }

    func testCleanTextIsLeftAlone() {
        for text in ["", "Jane Tan", "Siobhán", "Álvaro Núñez", "Ãlvaro", "ÂNGELA", "Straße", "Ångström", "陈伟明", "Dušan Škoda",
                     "Œuvre Žižek", "àé", "Ã", "Â", "©2024", "Ã©" + "陈"] {
            XCTAssertNil(Mojibake.repaired(text), text)
        }
    }

    func testWindows1252RoundTripsEveryByte() {
        for b in UInt8.min...UInt8.max {
            let s = Unicode.Scalar(Windows1252.scalar(for: b))!
            XCTAssertEqual(Windows1252.byte(for: s), b, "byte \(b)")
        }
        XCTAssertNil(Windows1252.byte(for: "陈"))
    }
}
