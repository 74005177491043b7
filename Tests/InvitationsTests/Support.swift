import Foundation
import GRDB
import Mail
import XCTest
@testable import Invitations
import UserList

/// A transport that keeps what it is given (test only), and can be told to fail.
final class RecordingTransport: MailTransport {
    var delivered: [MailMessage] = []
    /// Failures to throw, one per delivery, before delivering normally.
    var failures: [MailDeliveryError] = []

    func deliver(_ message: MailMessage) throws {
        if !failures.isEmpty { throw failures.removeFirst() }
        delivered.append(message)
    }

    func messages(to recipient: String) -> [MailMessage] { delivered.filter { $0.to.contains(recipient) } }
}

/// Day `n` of the test calendar at 09:00 UTC (day 0 is 2026-12-01).
func day(_ n: Double) -> Int64 { LedgerTime.parse("2026-12-01T09:00:00Z")! + Int64(n * 86_400) }

let inviter = "lim_kh@tech.gov.sg"

func vendor(_ email: String, first: String = "Tan", last: String = "Ah Kow", organisation: String = "Acme Pte Ltd",
            seed: String = "No", username: String = "tan.ahkow") -> InviteeDetails {
    InviteeDetails(email: email, userType: "Vendor", username: username, firstName: first, lastName: last, contactNumber: "+6591234567",
                   organisation: organisation, department: nil, seed: seed, reason: "Project work", sponsoringAgency: nil,
                   businessOperation: nil, odc: nil, offshoreCompany: nil)
}

func officer(_ email: String, first: String = "Lee", seed: String = "Yes") -> InviteeDetails {
    InviteeDetails(email: email, userType: "Public officer", username: nil, firstName: first, lastName: "Mei Ling",
                   contactNumber: "+6561234567", organisation: "GovTech", department: "Data Science", seed: seed, reason: "Platform access")
}

func rows(_ details: [InviteeDetails]) -> [AcceptedInvitee] {
    details.enumerated().map { AcceptedInvitee(sourceRow: $0.offset + 2, details: $0.element) }
}

/// A temporary folder removed after the test.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("invitations-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension InvitationLedger {
    /// Submits `details` as one file.
    @discardableResult
    func submit(_ details: [InviteeDetails], file: String = "users.xlsx", sha: String = "aa", original: OriginalFile? = nil,
                at time: Int64, by who: String = inviter) throws -> SubmissionResult {
        try submit(SubmissionInput(fileName: file, sha256: sha, original: original), rows: rows(details), inviter: who, at: time,
                   traceID: "0123456789abcdef")
    }

    func invitation(_ email: String) throws -> InvitationRecord? {
        try reading { db in try current(db, emailKey: email.lowercased()) }
    }

    func all<T: FetchableRecord>(_ type: T.Type, _ sql: String) throws -> [T] {
        try reading { db in try T.fetchAll(db, sql: sql) }
    }

    func count(_ sql: String) throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}
