import XCTest
import TestSupport
@testable import Mail

/// SMTP against a real server on loopback (aiosmtpd, `scripts/smtp-sink.py`), started and stopped here.
final class SMTPTransportTests: XCTestCase {
    private let invitation = sampleMessage(
        id: "<inv-7.1@invitesheet.test>", to: ["siobhan@vendor.example.com"],
        subject: "Invitation à TechPass pour Siobhán — 邀请",
        body: "Dear Siobhán,\n\nRegister within 5 days: https://portal.techpass.gov.sg/register?token=abc\n€ and 你好 stay intact.\n.\nThe line above is a lone dot.\n")

    func testDeliveredMessageArrivesWithItsHeadersAndUTF8BodyIntact() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try SMTPTransport(url: sink.url(), environment: [:]).deliver(invitation)
        let received = try sink.received()
        XCTAssertEqual(received.count, 1)
        XCTAssertEqual(received.first?.mailFrom, "no-reply@tech.gov.sg")
        XCTAssertEqual(received.first?.recipients, ["siobhan@vendor.example.com"])
        XCTAssertEqual(received.first?.login, nil)
        let parsed = try ParsedMail.parse(path: try XCTUnwrap(received.first).path)
        XCTAssertEqual(parsed.subject, invitation.subject)
        XCTAssertEqual(parsed.messageID, "<inv-7.1@invitesheet.test>")
        XCTAssertEqual(parsed.to, "siobhan@vendor.example.com")
        assertSameText(parsed.body, invitation.body)
        XCTAssertEqual(parsed.defects, [])
    }

    func testSeveralMessagesOverOneTransportAllArrive() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let transport = try SMTPTransport(url: sink.url(), environment: [:])
        for i in 1...5 { try transport.deliver(sampleMessage(id: "<inv-\(i)@invitesheet.test>", to: ["user\(i)@agency.gov.sg"])) }
        let received = try sink.received()
        XCTAssertEqual(try received.map { try ParsedMail.parse(path: $0.path).messageID }, (1...5).map { "<inv-\($0)@invitesheet.test>" })
        XCTAssertEqual(received.map(\.messageID), (1...5).map { "<inv-\($0)@invitesheet.test>" })
    }

    func testA550RecipientIsAPermanentFailureWithTheServersReply() throws {
        let sink = try SMTPSink(reject: ["gone@agency.gov.sg"])
        defer { sink.stop() }
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: [:]).deliver(sampleMessage(to: ["gone@agency.gov.sg"]))) { error in
            let failure = error as? MailDeliveryError
            XCTAssertEqual(failure?.kind, .permanent, "\(error)")
            XCTAssertTrue(failure?.reply.contains("550 5.1.1 <gone@agency.gov.sg>: Recipient address rejected") ?? false, "\(error)")
            XCTAssertFalse(failure?.reply.contains("\n") ?? true)
            XCTAssertFalse(failure?.reply.contains("Register here") ?? true, "the body never appears in an error")
        }
        XCTAssertEqual(try sink.received().count, 0)
    }

    func testAfterARefusalTheSameTransportDeliversTheNextMessage() throws {
        let sink = try SMTPSink(reject: ["gone@agency.gov.sg"])
        defer { sink.stop() }
        let transport = try SMTPTransport(url: sink.url(), environment: [:])
        XCTAssertThrowsError(try transport.deliver(sampleMessage(id: "<a@invitesheet.test>", to: ["gone@agency.gov.sg"])))
        try transport.deliver(sampleMessage(id: "<b@invitesheet.test>", to: ["jane@agency.gov.sg"]))
        XCTAssertThrowsError(try transport.deliver(sampleMessage(id: "<c@invitesheet.test>", to: ["gone@agency.gov.sg"])))
        try transport.deliver(sampleMessage(id: "<d@invitesheet.test>", to: ["joe@agency.gov.sg"]))
        XCTAssertEqual(try sink.received().map(\.recipients), [["jane@agency.gov.sg"], ["joe@agency.gov.sg"]])
    }

    func testA451RecipientIsATemporaryFailure() throws {
        let sink = try SMTPSink(defer: ["busy@agency.gov.sg"])
        defer { sink.stop() }
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: [:]).deliver(sampleMessage(to: ["busy@agency.gov.sg"]))) { error in
            let failure = error as? MailDeliveryError
            XCTAssertEqual(failure?.kind, .temporary, "\(error)")
            XCTAssertTrue(failure?.reply.contains("451 4.3.0 <busy@agency.gov.sg>: mailbox busy") ?? false, "\(error)")
        }
    }

    func testAClosedPortIsATemporaryFailure() throws {
        let port = try SMTPSink.closedPort()
        XCTAssertThrowsError(try SMTPTransport(url: "smtp://127.0.0.1:\(port)", environment: [:]).deliver(invitation)) { error in
            let failure = error as? MailDeliveryError
            XCTAssertEqual(failure?.kind, .temporary, "\(error)")
            XCTAssertTrue(failure?.reply.contains("smtp://127.0.0.1:\(port) could not be reached") ?? false, "\(error)")
        }
    }

    func testAnUnknownHostIsATemporaryFailure() throws {
        XCTAssertThrowsError(try SMTPTransport(url: "smtp://no-such-host.invalid:25", environment: [:]).deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "\(error)")
        }
    }

    func testARelayThatNeverAnswersTimesOutAsTemporary() throws {
        let sink = try SMTPSink(silent: true)
        defer { sink.stop() }
        let transport = try SMTPTransport(url: sink.url(), environment: [:])
        transport.totalTimeoutSeconds = 2
        let started = Date()
        XCTAssertThrowsError(try transport.deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "\(error)")
            XCTAssertTrue("\(error)".lowercased().contains("timeout") || "\(error)".lowercased().contains("timed out"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testSTARTTLSIsUsedWhenOffered() throws {
        let sink = try SMTPSink(startTLS: true)
        defer { sink.stop() }
        try SMTPTransport(url: sink.url(), environment: ["INVITESHEET_SMTP_CA_FILE": sink.caFile]).deliver(invitation)
        XCTAssertEqual(try sink.received().map(\.tls), [true])
    }

    func testWithoutSTARTTLSOnOfferPlainDeliveryStillWorks() throws {
        let sink = try SMTPSink(startTLS: false)
        defer { sink.stop() }
        try SMTPTransport(url: sink.url(), environment: [:]).deliver(invitation)
        XCTAssertEqual(try sink.received().map(\.tls), [false])
    }

    func testAnUntrustedCertificateIsATemporaryFailureNamingTheCASetting() throws {
        let sink = try SMTPSink(startTLS: true)
        defer { sink.stop() }
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: [:]).deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "\(error)")
            XCTAssertTrue("\(error)".contains("INVITESHEET_SMTP_CA_FILE"), "\(error)")
        }
        XCTAssertEqual(try sink.received().count, 0, "nothing is sent over a TLS session that failed verification")
    }

    func testSMTPSIsTLSFromTheStart() throws {
        let sink = try SMTPSink(implicitTLS: true)
        defer { sink.stop() }
        try SMTPTransport(url: sink.url(tls: true), environment: ["INVITESHEET_SMTP_CA_FILE": sink.caFile]).deliver(invitation)
        let received = try sink.received()
        XCTAssertEqual(received.map(\.tls), [true])
        XCTAssertEqual(try ParsedMail.parse(path: received[0].path).subject, invitation.subject)
    }

    func testCredentialsFromTheEnvironmentAreUsedOverTLS() throws {
        let sink = try SMTPSink(startTLS: true, login: ("relay-user", "correct horse"))
        defer { sink.stop() }
        let environment = ["INVITESHEET_SMTP_USER": "relay-user", "INVITESHEET_SMTP_PASSWORD": "correct horse",
                           "INVITESHEET_SMTP_CA_FILE": sink.caFile]
        try SMTPTransport(url: sink.url(), environment: environment).deliver(invitation)
        let received = try sink.received()
        XCTAssertEqual(received.map(\.login), ["relay-user"])
        XCTAssertEqual(received.map(\.tls), [true])
    }

    func testAWrongPasswordIsTemporaryAndNeverEchoed() throws {
        let sink = try SMTPSink(startTLS: true, login: ("relay-user", "correct horse"))
        defer { sink.stop() }
        let environment = ["INVITESHEET_SMTP_USER": "relay-user", "INVITESHEET_SMTP_PASSWORD": "wrong battery",
                           "INVITESHEET_SMTP_CA_FILE": sink.caFile]
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: environment).deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "a refused login is a setting to fix: the message stays queued")
            XCTAssertTrue("\(error)".contains("refused the login"), "\(error)")
            XCTAssertFalse("\(error)".contains("wrong battery"))
        }
        XCTAssertEqual(try sink.received().count, 0)
    }

    func testNoCredentialsWhereTheRelayRequiresThemIsTemporary() throws {
        let sink = try SMTPSink(startTLS: true, login: ("relay-user", "correct horse"))
        defer { sink.stop() }
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: ["INVITESHEET_SMTP_CA_FILE": sink.caFile]).deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "\(error)")
            XCTAssertTrue("\(error)".contains("INVITESHEET_SMTP_USER"), "\(error)")
        }
    }

    func testCredentialsAreNeverSentWithoutTLS() throws {
        let sink = try SMTPSink(startTLS: false)
        defer { sink.stop() }
        let environment = ["INVITESHEET_SMTP_USER": "relay-user", "INVITESHEET_SMTP_PASSWORD": "correct horse"]
        XCTAssertThrowsError(try SMTPTransport(url: sink.url(), environment: environment).deliver(invitation)) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary, "\(error)")
            XCTAssertTrue("\(error)".contains("does not offer STARTTLS"), "\(error)")
        }
        XCTAssertEqual(try sink.received().count, 0)
    }

    func testCredentialsInTheURLAreRefusedBeforeAnyConnection() throws {
        let sink = try SMTPSink(startTLS: true, login: ("relay-user", "correct horse"))
        defer { sink.stop() }
        XCTAssertThrowsError(try SMTPTransport(url: "smtp://relay-user:correct%20horse@127.0.0.1:\(sink.port)", environment: [:])) { error in
            XCTAssertTrue(error is MailDestinationError, "\(error)")
            XCTAssertFalse("\(error)".contains("correct"))
        }
        XCTAssertEqual(try sink.received().count, 0)
    }
}
