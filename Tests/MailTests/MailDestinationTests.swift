import XCTest
@testable import Mail

final class MailDestinationTests: XCTestCase {
    func testAcceptedForms() throws {
        let cases: [(String, MailDestination)] = [
            ("outbox:out", .outbox(directory: "out")),
            ("outbox:/var/spool/invitesheet", .outbox(directory: "/var/spool/invitesheet")),
            ("OUTBOX:./a b", .outbox(directory: "./a b")),
            ("smtp://mail.agency.gov.sg", .smtp(SMTPEndpoint(implicitTLS: false, host: "mail.agency.gov.sg", port: 25))),
            ("smtp://mail.agency.gov.sg:587", .smtp(SMTPEndpoint(implicitTLS: false, host: "mail.agency.gov.sg", port: 587))),
            ("smtps://mail.agency.gov.sg", .smtp(SMTPEndpoint(implicitTLS: true, host: "mail.agency.gov.sg", port: 465))),
            ("SMTPS://127.0.0.1:2465/", .smtp(SMTPEndpoint(implicitTLS: true, host: "127.0.0.1", port: 2465))),
            ("smtp://[::1]:2525", .smtp(SMTPEndpoint(implicitTLS: false, host: "::1", port: 2525))),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try MailDestination(text), expected, text)
        }
        XCTAssertEqual(SMTPEndpoint(implicitTLS: false, host: "::1", port: 2525).url, "smtp://[::1]:2525")
        XCTAssertEqual(try MailDestination("smtps://relay.example:465").description, "smtps://relay.example:465")
    }

    func testRefusedFormsSayWhatToType() {
        let cases: [(String, String)] = [
            ("", "outbox:DIR, smtp://HOST[:PORT] or smtps://HOST[:PORT]"),
            ("out", "outbox:DIR, smtp://HOST[:PORT] or smtps://HOST[:PORT]"),
            ("outbox:", "outbox:./outbox"),
            ("http://mail.example", "only smtp:// and smtps://"),
            ("smtp://", "needs a host name"),
            ("smtp://mail.example:0", "port must be a number from 1 to 65535"),
            ("smtp://mail.example:70000", "port must be a number from 1 to 65535"),
            ("smtp://mail.example:abc", "port must be a number from 1 to 65535"),
            ("smtp://mail.example/path", "path, query or fragment"),
            ("smtp://mail.example?x=1", "path, query or fragment"),
            ("smtp://[::1", "closing ]"),
            ("smtp://mail example", "needs a host name"),
        ]
        for (text, fragment) in cases {
            XCTAssertThrowsError(try MailDestination(text), text) { error in
                let message = (error as? MailDestinationError)?.description ?? ""
                XCTAssertTrue(message.contains(fragment), "\(text.debugDescription) → \(message)")
                XCTAssertFalse(message.contains("\n"))
            }
        }
    }

    func testAURLWithUserOrPasswordIsRefusedWithoutEchoingIt() {
        for text in ["smtp://jane:s3cret-pw@mail.agency.gov.sg:587", "smtps://jane@mail.agency.gov.sg", "smtp://:s3cret-pw@mail.example"] {
            XCTAssertThrowsError(try MailDestination(text), text) { error in
                let message = (error as? MailDestinationError)?.description ?? ""
                XCTAssertTrue(message.contains("INVITESHEET_SMTP_USER") && message.contains("INVITESHEET_SMTP_PASSWORD"), message)
                XCTAssertFalse(message.contains("s3cret-pw"), "the password must never be echoed: \(message)")
                XCTAssertFalse(message.contains("jane"), message)
            }
            XCTAssertThrowsError(try SMTPTransport(url: text, environment: [:]))
        }
    }

    func testMakeTransportGivesTheRightKind() throws {
        XCTAssertTrue(try MailDestination("outbox:x").makeTransport(environment: [:]) is OutboxTransport)
        let smtp = try MailDestination("smtp://127.0.0.1:2525").makeTransport(environment: [:])
        XCTAssertEqual((smtp as? SMTPTransport)?.endpoint.url, "smtp://127.0.0.1:2525")
    }

    func testHalfTheCredentialsOrAMissingCAFileIsRefused() {
        let cases: [([String: String], String)] = [
            (["INVITESHEET_SMTP_USER": "jane"], "INVITESHEET_SMTP_USER is set but INVITESHEET_SMTP_PASSWORD is not"),
            (["INVITESHEET_SMTP_PASSWORD": "pw"], "INVITESHEET_SMTP_PASSWORD is set but INVITESHEET_SMTP_USER is not"),
            (["INVITESHEET_SMTP_CA_FILE": "/nonexistent/ca.pem"], "INVITESHEET_SMTP_CA_FILE=/nonexistent/ca.pem is not a readable file"),
        ]
        for (environment, fragment) in cases {
            XCTAssertThrowsError(try MailDestination("smtp://127.0.0.1:2525").makeTransport(environment: environment)) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(error)")
                XCTAssertFalse("\(error)".contains("pw\""))
            }
        }
    }
}
