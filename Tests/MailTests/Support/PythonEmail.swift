import Foundation
import TestSupport

/// A second reader for rendered messages: Python's `email` package (policy.default), which
/// decodes RFC 2047 words and quoted-printable the way mail clients do and lists its defects.
struct ParsedMail: Decodable {
    var subject: String
    var from: String
    var to: String
    var messageID: String
    var date: String
    var body: String
    var contentType: String
    var charset: String?
    var transferEncoding: String
    var headerNames: [String]
    var defects: [String]

    static func parse(_ bytes: [UInt8]) throws -> ParsedMail {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID().uuidString).eml")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try parse(path: file.path)
    }

    static func parse(path: String) throws -> ParsedMail {
        let program = """
            import email, json, sys
            from email import policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
            defects = [type(d).__name__ for d in m.defects]
            for name in m.keys():
                defects += [type(d).__name__ for d in getattr(m[name], 'defects', [])]
            print(json.dumps({
                'subject': str(m['subject']), 'from': str(m['from']), 'to': str(m['to']),
                'messageID': str(m['message-id']), 'date': str(m['date']), 'body': m.get_content().replace('\\r\\n', '\\n'),
                'contentType': m.get_content_type(), 'charset': m.get_content_charset(),
                'transferEncoding': str(m['content-transfer-encoding']), 'headerNames': list(m.keys()),
                'defects': defects}))
            """
        let result = try ProcessResult.run("/usr/bin/env", ["python3", "-c", program, path])
        guard result.status == 0 else { throw InvitesheetBinary.Failure("python email failed: \(result.stderr)") }
        return try JSONDecoder().decode(ParsedMail.self, from: result.stdoutData)
    }
}

/// A message with sensible defaults, changed per test.
func sampleMessage(id: String = "<inv-1.0001@invitesheet.test>", from: String = "no-reply@tech.gov.sg",
                   to: [String] = ["jane.tan@agency.gov.sg"], subject: String = "Your TechPass invitation",
                   body: String = "Hello Jane,\n\nRegister here.\n", date: Int64 = 1_796_083_200) -> MailMessage {
    MailMessage(messageID: id, from: from, to: to, subject: subject, body: body, date: date)
}

@testable import Mail
