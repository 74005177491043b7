import XCTest
@testable import Digest

final class DigestTests: XCTestCase {
    /// FIPS 180-4 / NIST example vectors.
    func testSHA256KnownVectors() {
        let cases: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(SHA256.hex(of: Array(input.utf8)), expected, input)
            XCTAssertEqual(SHA256.hex(of: input.utf8), expected, input)
        }
    }

    func testStreamingEqualsOneShot() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let hasher = SHA256()
        var i = 0
        while i < bytes.count {
            let end = min(i + 77, bytes.count)
            hasher.update(bytes[i..<end])
            i = end
        }
        XCTAssertEqual(hasher.finalizeHex(), SHA256.hex(of: bytes))
    }

    func testRandomBytesHaveTheLengthAskedAndDiffer() throws {
        let a = try SystemRandom.bytes(32)
        let b = try SystemRandom.bytes(32)
        XCTAssertEqual(a.count, 32)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(try SystemRandom.bytes(0), [])
    }

    func testBase64URLHasNoPaddingAndURLSafeAlphabet() {
        XCTAssertEqual(Base64URL.encode([]), "")
        XCTAssertEqual(Base64URL.encode(Array("f".utf8)), "Zg")
        XCTAssertEqual(Base64URL.encode(Array("fo".utf8)), "Zm8")
        XCTAssertEqual(Base64URL.encode(Array("foo".utf8)), "Zm9v")
        XCTAssertEqual(Base64URL.encode([0xfb, 0xff, 0xfe]), "-__-")
        XCTAssertEqual(Base64URL.encode([UInt8](repeating: 0xff, count: 32)).count, 43)
    }
}
