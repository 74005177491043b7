import XCTest
@testable import Invitations
import UserList

/// The emails of an invitation whose invitee gave no name: a public officer invited by email (the
/// seeds' email invitation asks only address, SEED and reason) is greeted without a name, and the
/// inviter's notices name the address alone.
final class InvitationMailTests: XCTestCase {
    /// A public officer as the email invitation gives them: no names, no contact number.
    func officerByEmail(_ email: String, seed: String = "No") -> InviteeDetails {
        InviteeDetails(email: email, userType: "Public officer", seed: seed, reason: "Reviews deployments on SGTS")
    }

    func delivered(_ ledger: InvitationLedger, at time: Int64) throws -> RecordingTransport {
        let transport = RecordingTransport()
        _ = try ledger.deliverPending(using: transport, at: time, traceID: "t")
        return transport
    }

    func testTheLinkTakesThePlaceholdersPlaceAndNothingElse() {
        let marker = InvitationMail.linkPlaceholder
        XCTAssertEqual(InvitationMail.fillLink("Dear Zoë,\n\(marker)\nBye", link: "https://x/?t=1"), "Dear Zoë,\nhttps://x/?t=1\nBye")
        XCTAssertEqual(InvitationMail.fillLink("\u{1A}no\u{1A}é\(marker)", link: "L"), "\u{1A}no\u{1A}éL")
        XCTAssertEqual(InvitationMail.fillLink("\(marker)\(marker)", link: "L"), "LL")
        XCTAssertEqual(InvitationMail.fillLink("a \(marker) b", link: nil), "a (the link is not kept after the email is sent) b")
        XCTAssertEqual(InvitationMail.fillLink("plain, \u{1A}registration-link", link: "L"), "plain, \u{1A}registration-link")
    }

    func testAnOfficerWithoutANameIsGreetedWithoutOne() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([officerByEmail("tan_wm@hdb.gov.sg", seed: "Yes"), officer("lee@tech.gov.sg")], at: day(0))
        let transport = try delivered(ledger, at: day(0))
        let nameless = try XCTUnwrap(transport.messages(to: "tan_wm@hdb.gov.sg").first)
        XCTAssertEqual(nameless.subject, "Your TechPass account has been created")
        XCTAssertTrue(nameless.body.hasPrefix("Hello,\n\n"), nameless.body)
        XCTAssertFalse(nameless.body.contains("Dear"), nameless.body)
        XCTAssertTrue(nameless.body.contains("Your TechPass username is your government email address, tan_wm@hdb.gov.sg."), nameless.body)
        XCTAssertTrue(nameless.body.contains("onboard to SEED"), nameless.body)
        let named = try XCTUnwrap(transport.messages(to: "lee@tech.gov.sg").first)
        XCTAssertTrue(named.body.hasPrefix("Dear Lee Mei Ling,\n\n"), named.body)

        let invitation = try XCTUnwrap(ledger.invitation("tan_wm@hdb.gov.sg"))
        XCTAssertNil(invitation.firstName)
        XCTAssertNil(invitation.lastName)
        XCTAssertNil(invitation.contactNumber)
        XCTAssertEqual(invitation.status, .accountCreated)
    }

    func testAResentInvitationToAnOfficerWithoutANameIsGreetedWithoutOne() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([officerByEmail("tan_wm@hdb.gov.sg")], at: day(0))
        _ = try delivered(ledger, at: day(0))
        let results = try ledger.resend(.emails(["tan_wm@hdb.gov.sg"]), inviter: inviter, at: day(1), traceID: "t")
        XCTAssertEqual(results.map(\.outcome.code), ["resent"])
        let reminder = try XCTUnwrap(try delivered(ledger, at: day(1)).messages(to: "tan_wm@hdb.gov.sg").first)
        XCTAssertTrue(reminder.body.hasPrefix("Hello,\n\nThis is a reminder from lim_kh@tech.gov.sg"), reminder.body)
    }

    /// An officer outside the integrated domains gets a registration link; when it expires, the
    /// inviter's notice names the address once, not "address <address>".
    func testTheInvitersNoticesNameAnInviteeWithoutANameByAddress() throws {
        let ledger = try InvitationLedger.inMemory(policy: Policy(integratedIdentityDomains: ["tech.gov.sg"]))
        try ledger.submit([officerByEmail("tan_wm@hdb.gov.sg"), vendor("a@acme.com")], at: day(0))
        let invitations = try delivered(ledger, at: day(0))
        let link = try XCTUnwrap(invitations.messages(to: "tan_wm@hdb.gov.sg").first)
        XCTAssertEqual(link.subject, "You are invited to register for TechPass")
        XCTAssertTrue(link.body.hasPrefix("Hello,\n\n"), link.body)

        XCTAssertEqual(try ledger.expire(at: day(5), traceID: "t"), 2)
        let notices = try delivered(ledger, at: day(5)).messages(to: inviter)
        let nameless = try XCTUnwrap(notices.first { $0.subject == "TechPass invitation expired: tan_wm@hdb.gov.sg" })
        XCTAssertTrue(nameless.body.contains("\ntan_wm@hdb.gov.sg did not complete the TechPass registration"), nameless.body)
        let named = try XCTUnwrap(notices.first { $0.subject == "TechPass invitation expired: a@acme.com" })
        XCTAssertTrue(named.body.contains("\nTan Ah Kow <a@acme.com> did not complete the TechPass registration"), named.body)
    }

    func testTheAcceptedNoticeNamesAnInviteeWithoutANameByAddress() throws {
        let ledger = try InvitationLedger.inMemory()
        try ledger.submit([officerByEmail("tan_wm@hdb.gov.sg")], at: day(0))
        _ = try delivered(ledger, at: day(0))
        let export = [ExportedAccount(email: "tan_wm@hdb.gov.sg", techPassStatus: "Onboarded", row: 2)]
        _ = try ledger.sync(accounts: export, source: "accounts.csv", at: day(2), traceID: "t")
        let notice = try XCTUnwrap(try delivered(ledger, at: day(2)).messages(to: inviter).first)
        XCTAssertEqual(notice.subject, "TechPass invitation accepted: tan_wm@hdb.gov.sg")
        XCTAssertTrue(notice.body.contains("\ntan_wm@hdb.gov.sg, whom you invited on 2026-12-01, has onboarded to TechPass"), notice.body)
    }
}
