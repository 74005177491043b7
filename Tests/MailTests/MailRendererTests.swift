import XCTest
@testable import Mail

final class MailRendererTests: XCTestCase {
    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    private func headerBlock(_ bytes: [UInt8]) -> [String] {
        Array(lines(bytes).prefix(while: { !$0.isEmpty }))
    }

    func testPlainMessageHasEveryHeaderInOrderWithCRLF() throws {
        let bytes = try MailRenderer.render(sampleMessage())
        XCTAssertEqual(headerBlock(bytes), [
            "Date: Tue, 01 Dec 2026 00:00:00 +0000",
            "From: no-reply@tech.gov.sg",
            "To: jane.tan@agency.gov.sg",
            "Subject: Your TechPass invitation",
            "Message-ID: <inv-1.0001@invitesheet.test>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
        ])
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\r\n\r\nHello Jane,\r\n\r\nRegister here.\r\n"), text)
    }

    func testEveryLineEndIsCRLFAndEveryByteIsSevenBit() throws {
        let bytes = try MailRenderer.render(sampleMessage(subject: "Einladung für Zoë — 邀请 ✉️", body: "Olá\rcafé\r\nnaïve\n€ 100\n"))
        XCTAssertFalse(bytes.contains(where: { $0 >= 0x80 || $0 == 0 }), "8-bit or NUL byte in the rendered message")
        for (i, byte) in bytes.enumerated() {
            if byte == 10 { XCTAssertEqual(i > 0 ? bytes[i - 1] : 0, 13, "bare LF at byte \(i)") }
            if byte == 13 { XCTAssertEqual(i + 1 < bytes.count ? bytes[i + 1] : 0, 10, "bare CR at byte \(i)") }
        }
        XCTAssertEqual(bytes.suffix(2), [13, 10])
    }

    func testDatesAreRFC5322InUTC() {
        let cases: [(Int64, String)] = [
            (0, "Thu, 01 Jan 1970 00:00:00 +0000"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
            (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 +0000"),
            (1_796_083_200 + 13 * 3600 + 57 * 60 + 48, "Tue, 01 Dec 2026 13:57:48 +0000"),
            (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 +0000"),
            (-1, "Wed, 31 Dec 1969 23:59:59 +0000"),
        ]
        for (seconds, expected) in cases {
            XCTAssertEqual(MailDate.format(seconds), expected, "\(seconds)")
        }
    }

    func testNonASCIISubjectIsEncodedAndDecodesBackExactly() throws {
        let subjects = [
            "Einladung für Zoë",
            "邀请您注册 TechPass — 请在 5 天内完成",
            "Invitation for Siobhán Ó Súilleabháin 👩🏽‍💻 to TechPass and SEED, please register within five days",
            String(repeating: "é", count: 200),
            "=?UTF-8?B?SGk=?= looks encoded but is not",
        ]
        for subject in subjects {
            let bytes = try MailRenderer.render(sampleMessage(subject: subject))
            let subjectLines = headerBlock(bytes).drop(while: { !$0.hasPrefix("Subject:") }).prefix(while: { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") })
            XCTAssertTrue(subjectLines.first!.hasPrefix("Subject: =?UTF-8?B?"), subjectLines.first!)
            for line in subjectLines {
                XCTAssertLessThanOrEqual(line.utf8.count, 78, line)
                for word in line.split(separator: " ") where word.hasPrefix("=?") {
                    XCTAssertLessThanOrEqual(word.count, 75, "encoded-word longer than RFC 2047 allows: \(word)")
                }
            }
            let parsed = try ParsedMail.parse(bytes)
            XCTAssertEqual(parsed.subject, subject)
            XCTAssertEqual(parsed.defects, [], subject)
        }
    }

    func testLongASCIISubjectIsFoldedAtSpacesAndUnfoldsToTheSameText() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let bytes = try MailRenderer.render(sampleMessage(subject: subject))
        let block = headerBlock(bytes)
        let start = block.firstIndex(where: { $0.hasPrefix("Subject: word1 ") })!
        XCTAssertTrue(block[start + 1].hasPrefix(" word"), "folded continuation expected: \(block)")
        for line in block { XCTAssertLessThanOrEqual(line.utf8.count, 78, line) }
        XCTAssertEqual(try ParsedMail.parse(bytes).subject, subject)
    }

    func testUTF8BodySurvivesAndQuotedPrintableLinesStayShort() throws {
        let body = """
            Dear Zoë Ñúñez,

            你好！Your TechPass invitation is ready: https://portal.techpass.gov.sg/register?token=\(String(repeating: "A1b2-C3_", count: 40))
            Trailing spaces stay   \n\ttab first and = signs = kept
            .a line that starts with a dot
            From here on, the text is an mbox trap
            \(String(repeating: "x", count: 5000))
            \(String(repeating: "€", count: 400))
            """
        let bytes = try MailRenderer.render(sampleMessage(body: body))
        let bodyLines = lines(bytes).drop(while: { !$0.isEmpty }).dropFirst()
        for line in bodyLines {
            XCTAssertLessThanOrEqual(line.utf8.count, 76, "quoted-printable line too long: \(line.prefix(40))…")
            XCTAssertFalse(line.hasPrefix("."), "a body line starts with a dot: \(line.prefix(20))")
            XCTAssertFalse(line.hasPrefix("From "), "a body line starts with From: \(line.prefix(20))")
            XCTAssertFalse(line.hasSuffix(" "), "a body line ends in a space")
        }
        let parsed = try ParsedMail.parse(bytes)
        assertSameText(parsed.body, body + "\n")
        XCTAssertEqual(parsed.contentType, "text/plain")
        XCTAssertEqual(parsed.charset, "utf-8")
        XCTAssertEqual(parsed.transferEncoding, "quoted-printable")
        XCTAssertEqual(parsed.defects, [])
    }

    func testBodyLineEndsAreNormalisedWhateverTheInputUses() throws {
        for body in ["one\ntwo\n", "one\r\ntwo\r\n", "one\rtwo\r", "one\ntwo"] {
            let text = String(decoding: try MailRenderer.render(sampleMessage(body: body)), as: UTF8.self)
            XCTAssertTrue(text.hasSuffix("\r\n\r\none\r\ntwo\r\n"), "\(body.debugDescription) → \(text.suffix(20).debugDescription)")
        }
    }

    func testEmptyLinesAndMixedLineEndsKeepTheirCount() throws {
        let cases: [(String, String)] = [
            ("", ""), ("\n", ""), ("\r\n", ""), ("\r", ""), ("\n\n", "\r\n\r\n"), ("\n\r", "\r\n\r\n"),
            ("a\r\n\r\nb", "a\r\n\r\nb\r\n"), ("a\r\rb\n", "a\r\n\r\nb\r\n"), ("\r\na", "\r\na\r\n"),
            ("é\u{1}\r\n\n", "=C3=A9=01\r\n\r\n"),
        ]
        for (body, expected) in cases {
            let text = String(decoding: try MailRenderer.render(sampleMessage(body: body)), as: UTF8.self)
            let rendered = String(text[text.range(of: "\r\n\r\n")!.upperBound...])
            XCTAssertEqual(rendered, expected, body.debugDescription)
        }
    }

    func testLineBreaksInTheSubjectCannotInjectAHeader() throws {
        for subject in ["Hello\r\nBcc: attacker@evil.example", "Hello\nBcc: attacker@evil.example", "Hello\rBcc: attacker@evil.example",
                        "Héllo\r\nBcc: attacker@evil.example", "Hello\u{2028}Bcc: attacker@evil.example"] {
            let bytes = try MailRenderer.render(sampleMessage(subject: subject))
            let block = headerBlock(bytes)
            XCTAssertFalse(block.contains(where: { $0.lowercased().hasPrefix("bcc") }), "\(subject.debugDescription) → \(block)")
            let parsed = try ParsedMail.parse(bytes)
            XCTAssertFalse(parsed.headerNames.map { $0.lowercased() }.contains("bcc"), subject.debugDescription)
            XCTAssertEqual(parsed.subject.replacingOccurrences(of: "Héllo", with: "Hello"), "Hello Bcc: attacker@evil.example")
        }
    }

    func testAddressesWithLineBreaksOrDisplayNamesAreRefusedAsPermanent() {
        let bad = ["jane@agency.gov.sg\r\nBcc: attacker@evil.example", "jane@agency.gov.sg\n", "Jane <jane@agency.gov.sg>",
                   "jane tan@agency.gov.sg", "jané@agency.gov.sg", "", "@agency.gov.sg", "jane@", "jane", "a@b,c@d"]
        for address in bad {
            XCTAssertNotNil(MailRenderer.addressProblem(address), address.debugDescription)
            for message in [sampleMessage(to: [address]), sampleMessage(from: address)] {
                XCTAssertThrowsError(try MailRenderer.render(message), address.debugDescription) { error in
                    XCTAssertEqual((error as? MailDeliveryError)?.kind, .permanent)
                    XCTAssertFalse((error as? MailDeliveryError)?.reply.contains("\n") ?? true, "error text must be one line")
                }
            }
        }
        XCTAssertNil(MailRenderer.addressProblem("jane.tan+invites@agency.gov.sg"))
        XCTAssertThrowsError(try MailRenderer.render(sampleMessage(to: [])))
    }

    func testMessageIDMustBeBracketedAndSingleLine() {
        for id in ["inv-1@x", "<inv-1@x>\r\nBcc: a@b", "<inv 1@x>", "<inv-1>", "<@x>", "<>", "<\(String(repeating: "a", count: 250))@x>"] {
            XCTAssertThrowsError(try MailRenderer.render(sampleMessage(id: id)), id.debugDescription) { error in
                XCTAssertEqual((error as? MailDeliveryError)?.kind, .permanent)
            }
        }
    }

    func testManyRecipientsAreFoldedAfterCommas() throws {
        let to = (1...8).map { "recipient.number\($0)@agency.gov.sg" }
        let bytes = try MailRenderer.render(sampleMessage(to: to))
        for line in headerBlock(bytes) { XCTAssertLessThanOrEqual(line.utf8.count, 78, line) }
        XCTAssertEqual(try ParsedMail.parse(bytes).to, to.joined(separator: ", "))
    }

    func testHeadersDecodeWithPythonEmail() throws {
        let parsed = try ParsedMail.parse(try MailRenderer.render(sampleMessage()))
        XCTAssertEqual(parsed.messageID, "<inv-1.0001@invitesheet.test>")
        XCTAssertEqual(parsed.from, "no-reply@tech.gov.sg")
        XCTAssertEqual(parsed.date, "Tue, 01 Dec 2026 00:00:00 +0000")
        XCTAssertEqual(parsed.defects, [])
    }
}

/// Equality for long texts that names the first difference instead of printing both whole.
func assertSameText(_ actual: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    guard actual != expected else { return }
    let a = Array(actual.unicodeScalars), e = Array(expected.unicodeScalars)
    let i = (0..<min(a.count, e.count)).first(where: { a[$0] != e[$0] }) ?? min(a.count, e.count)
    let around = { (s: [Unicode.Scalar]) in String(String.UnicodeScalarView(s[max(0, i - 20)..<min(s.count, i + 20)])).debugDescription }
    XCTFail("texts differ at scalar \(i) (lengths \(a.count) and \(e.count)): got \(around(a)), expected \(around(e))", file: file, line: line)
}
