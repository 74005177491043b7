import XCTest
@testable import Mail

final class OutboxTransportTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-test-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    private func entries(_ dir: URL? = nil) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (dir ?? folder).path).sorted()
    }

    func testCreatesTheMissingFolderAndWritesOneEmlNamedFromTheMessageID() throws {
        let outbox = OutboxTransport(directory: folder.appendingPathComponent("nested/outbox").path)
        try outbox.deliver(sampleMessage(id: "<inv-42.7@invitesheet.test>"))
        let dir = folder.appendingPathComponent("nested/outbox")
        XCTAssertEqual(try entries(dir), ["inv-42.7@invitesheet.test.eml"])
        let written = try Data(contentsOf: dir.appendingPathComponent("inv-42.7@invitesheet.test.eml"))
        XCTAssertEqual([UInt8](written), try MailRenderer.render(sampleMessage(id: "<inv-42.7@invitesheet.test>")))
        XCTAssertEqual(try ParsedMail.parse(path: dir.appendingPathComponent("inv-42.7@invitesheet.test.eml").path).messageID,
                       "<inv-42.7@invitesheet.test>")
    }

    func testDeliveringTheSameMessageAgainRewritesTheSameFileByRename() throws {
        let outbox = OutboxTransport(directory: folder.appendingPathComponent("out").path)
        let message = sampleMessage(id: "<same@invitesheet.test>")
        try outbox.deliver(message)
        let path = try outbox.path(forMessageID: message.messageID)
        // A second name for the first version: it keeps that inode alive (so its number cannot be
        // reused) and shows what a reader that had opened the old file still sees.
        let keep = folder.appendingPathComponent("first-version.eml").path
        try FileManager.default.linkItem(atPath: path, toPath: keep)
        try outbox.deliver(sampleMessage(id: "<same@invitesheet.test>", body: "Second version.\n"))
        XCTAssertEqual(try entries(folder.appendingPathComponent("out")), ["same@invitesheet.test.eml"],
                       "one file per Message-ID, no temporary files left")
        // A different inode proves the file was replaced by rename, never truncated and rewritten
        // in place (where a reader or a crash could see half a message).
        let inode = { (p: String) in try FileManager.default.attributesOfItem(atPath: p)[.systemFileNumber] as? Int }
        XCTAssertNotEqual(try inode(path), try inode(keep))
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: keep))), try MailRenderer.render(message))
        XCTAssertEqual(try ParsedMail.parse(path: path).body, "Second version.\n")
        try outbox.deliver(message)
        XCTAssertEqual(try entries(folder.appendingPathComponent("out")), ["same@invitesheet.test.eml"])
        XCTAssertEqual([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), try MailRenderer.render(message))
    }

    func testDifferentMessageIDsGiveDifferentFiles() throws {
        let outbox = OutboxTransport(directory: folder.path)
        for i in 1...3 { try outbox.deliver(sampleMessage(id: "<inv-\(i)@invitesheet.test>")) }
        XCTAssertEqual(try entries(), ["inv-1@invitesheet.test.eml", "inv-2@invitesheet.test.eml", "inv-3@invitesheet.test.eml"])
    }

    func testHostileMessageIDsStayOneVisibleFileInsideTheFolder() throws {
        let outbox = OutboxTransport(directory: folder.appendingPathComponent("out").path)
        let cases: [(String, String)] = [
            ("<../../etc/passwd@x>", "%2E.%2F..%2Fetc%2Fpasswd@x.eml"),
            ("<.hidden@x>", "%2Ehidden@x.eml"),
            ("<a/b@x>", "a%2Fb@x.eml"),
            ("<a%2Fb@x>", "a%252Fb@x.eml"),
            ("<a*b?c\"d@x>", "a%2Ab%3Fc%22d@x.eml"),
        ]
        for (id, name) in cases {
            try outbox.deliver(sampleMessage(id: id))
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path), "\(id) → \((try? entries(folder.appendingPathComponent("out"))) ?? [])")
        }
        XCTAssertEqual(try entries(folder.appendingPathComponent("out")).count, cases.count, "two Message-IDs never share a file")
        XCTAssertEqual(try entries(), ["out"], "nothing written outside the outbox folder")
    }

    func testFilesArePrivateBecauseTheyCarryRegistrationLinks() throws {
        let outbox = OutboxTransport(directory: folder.path)
        try outbox.deliver(sampleMessage())
        let mode = try FileManager.default.attributesOfItem(atPath: try outbox.path(forMessageID: sampleMessage().messageID))[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAnUnwritableOutboxIsATemporaryFailureAndLeavesNoTemporaryFile() throws {
        try XCTSkipIf(getuid() == 0, "root writes into a read-only folder; the file-in-the-way case covers the failure path")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
        XCTAssertThrowsError(try OutboxTransport(directory: folder.path).deliver(sampleMessage())) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .temporary)
        }
        XCTAssertEqual(try entries(), [])
    }

    func testAnOutboxPathThatIsAFileIsATemporaryFailureNamingIt() throws {
        try Data("not a folder".utf8).write(to: folder)
        XCTAssertThrowsError(try OutboxTransport(directory: folder.path).deliver(sampleMessage())) { error in
            let failure = error as? MailDeliveryError
            XCTAssertEqual(failure?.kind, .temporary)
            XCTAssertTrue(failure?.reply.contains(folder.path) ?? false, "\(error)")
        }
    }

    func testAMessageThatCannotBeRenderedWritesNothing() throws {
        let outbox = OutboxTransport(directory: folder.path)
        XCTAssertThrowsError(try outbox.deliver(sampleMessage(to: ["jane@agency.gov.sg\r\nBcc: x@evil.example"]))) { error in
            XCTAssertEqual((error as? MailDeliveryError)?.kind, .permanent)
        }
        XCTAssertEqual((try? entries()) ?? [], [])
    }
}
