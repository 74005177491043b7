import Foundation
import TestSupport
import XCTest

/// `invitesheet invite`: one person from the command line, run as a user runs it (the built binary,
/// a ledger in a temporary folder, `INVITESHEET_NOW` fixing the clock). The person is a one-row user
/// list: the same rules as a file (each finding naming the option), the same ledger and the same mail.
final class InviteCLITests: XCTestCase {
    var folder: String!
    let inviter = "lim_kh@tech.gov.sg"

    /// The seeds' email invitation: a public officer's address, SEED and reason, nothing else.
    static let emailInvitation: KeyValuePairs<String, String> = [
        "--email": "tan_wm@hdb.gov.sg", "--seed": "no", "--reason": "Reviews HDB deployments on SGTS",
    ]

    /// A public officer's create account: the email invitation with the names and number the template asks of every row.
    static let officer: KeyValuePairs<String, String> = [
        "--email": "tan_wm@hdb.gov.sg", "--first-name": "Wei Ming", "--last-name": "Tan",
        "--contact-number": "9123 4567", "--seed": "no", "--reason": "Reviews HDB deployments on SGTS",
    ]

    /// The seeds' create account (a vendor), with every detail.
    static let vendor: KeyValuePairs<String, String> = [
        "--user-type": "vendor", "--email": "arun@tembusu.com.sg", "--username": "Arun Krishnan", "--first-name": "Arun",
        "--last-name": "Krishnan", "--contact-number": "6302 7136", "--organisation": "Tembusu Systems",
        "--department": "Platform", "--sponsoring-agency": "HDB", "--business-operation": "onshore", "--seed": "no",
        "--reason": "Deploys HDB services on SGTS",
    ]

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("invite-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: Helpers

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    @discardableResult
    func run(_ arguments: [String], in directory: String? = nil, day: String = "2026-12-01T09:00:00Z", expect status: Int32? = nil,
             file: StaticString = #filePath, line: UInt = #line) throws -> ProcessResult {
        let environment = ["INVITESHEET_NOW": day, "INVITESHEET_LEDGER": "", "INVITESHEET_SMTP_USER": "",
                           "INVITESHEET_SMTP_PASSWORD": "", "INVITESHEET_SMTP_CA_FILE": ""]
        let result = try ProcessResult.run(try InvitesheetBinary.locate(), arguments, environment: environment,
                                           directory: directory ?? folder)
        if let status {
            XCTAssertEqual(result.status, status, "invitesheet \(arguments.joined(separator: " "))\nstdout: \(result.stdout)\nstderr: \(result.stderr)",
                           file: file, line: line)
        }
        return result
    }

    /// `invite` with `person`'s options, `changes` applied (an empty value leaves the option out), and `extra`.
    static func invite(_ person: KeyValuePairs<String, String>, _ changes: [String: String] = [:], _ extra: [String] = []) -> [String] {
        var arguments = ["invite"]
        var seen: Set<String> = []
        for (option, value) in person {
            seen.insert(option)
            let v = changes[option] ?? value
            if !v.isEmpty { arguments += [option, v] }
        }
        for (option, value) in changes.sorted(by: { $0.key < $1.key }) where !seen.contains(option) && !value.isEmpty {
            arguments += [option, value]
        }
        return arguments + extra
    }

    func invite(_ person: KeyValuePairs<String, String>, _ changes: [String: String] = [:], _ extra: [String] = []) -> [String] {
        Self.invite(person, changes, ["--inviter", inviter] + extra)
    }

    /// The one-row user list holding `person`'s values, as `submit` takes it: the template's header and
    /// the values, each in its column, as typed.
    func writeOneRowList(_ name: String, _ person: KeyValuePairs<String, String>, in directory: String) throws {
        let columns = ["--email", "--user-type", "--username", "--first-name", "--last-name", "--contact-number", "--organisation",
                       "--department", "--seed", "--reason", "--sponsoring-agency", "--business-operation", "--odc", "--offshore-company"]
        let values = Dictionary(uniqueKeysWithValues: person.map { ($0.key, $0.value) })
        var row = columns.map { values[$0] ?? "" }
        if row[1].isEmpty { row[1] = "Public officer" }  // what invite's default is: the template's entry
        let quoted = row.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
        let text = InvitationsCLITests.header + "\n" + quoted.joined(separator: ",") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
    }

    func json(_ result: ProcessResult) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
    }

    func statusLines(in directory: String? = nil) throws -> [[String: Any]] {
        let result = try run(["status", "--format", "json"], in: directory, expect: 0)
        return try result.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Every row of every ledger table, without what differs between two runs by nature: ids of
    /// runs (trace ids), the name and digest standing for the input, tokens, Message-IDs and pids.
    func ledgerState(_ ledger: String) throws -> String {
        let script = """
            import json, sqlite3, sys
            volatile = {'traceID', 'failureTraceID', 'originalTraceID', 'fileName', 'sha256', 'tokenHash', 'messageID', 'claimedBy'}
            db = sqlite3.connect(sys.argv[1])
            db.row_factory = sqlite3.Row
            out = {}
            for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name"):
                rows = [{k: r[k] for k in r.keys() if k not in volatile} for r in db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
                out[table] = rows
            print(json.dumps(out, sort_keys=True, indent=1))
            """
        let result = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script, ledger])
        XCTAssertEqual(result.status, 0, result.standardError)
        return result.standardOutput
    }

    /// Every message the sink holds, as a mail client reads it: recipient, subject and decoded body.
    func received(_ sink: SMTPSink) throws -> [(to: String, subject: String, body: String)] {
        let paths = try sink.received().map(\.path)
        guard !paths.isEmpty else { return [] }
        let script = """
            import email, email.policy, json, sys
            out = []
            for p in sys.argv[1:]:
                m = email.message_from_binary_file(open(p, 'rb'), policy=email.policy.default)
                out.append([str(m['To']), str(m['Subject']), m.get_body(preferencelist=('plain',)).get_content()])
            print(json.dumps(out))
            """
        let result = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script] + paths)
        XCTAssertEqual(result.status, 0, result.standardError)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String]])
        return decoded.map { ($0[0], $0[1], $0[2]) }
    }

    func outboxCount() throws -> Int {
        let outbox = path("outbox")
        guard FileManager.default.fileExists(atPath: outbox) else { return 0 }
        return try FileManager.default.contentsOfDirectory(atPath: outbox).filter { $0.hasSuffix(".eml") }.count
    }

    // MARK: Both forms, through a relay

    /// The seeds' short form: no names, no number; the officer is invited, greeted without a name,
    /// and listed by `status` with the names empty.
    func testTheShortEmailInvitationThroughARelay() throws {
        let sink = try SMTPSink()
        let result = try run(invite(Self.emailInvitation, [:], ["--mail", sink.url()]), expect: 0)
        XCTAssertEqual(result.stdout, "tan_wm@hdb.gov.sg: invited: account created, onboarding email sent\n", "no findings at all")
        XCTAssertTrue(result.stderr.contains("1 email(s) delivered"), result.stderr)

        let mail = try received(sink)
        XCTAssertEqual(mail.count, 1)
        XCTAssertEqual(mail.first?.to, "tan_wm@hdb.gov.sg")
        XCTAssertEqual(mail.first?.subject, "Your TechPass account has been created")
        let body = mail.first?.body ?? ""
        XCTAssertTrue(body.hasPrefix("Hello,\n\nlim_kh@tech.gov.sg has created a TechPass account for you."), body)
        XCTAssertFalse(body.contains("Dear"), body)
        XCTAssertTrue(body.contains("Your TechPass username is your government email address, tan_wm@hdb.gov.sg."), body)

        let status = try statusLines()
        XCTAssertEqual(status.count, 1)
        XCTAssertEqual(status.first?["email"] as? String, "tan_wm@hdb.gov.sg")
        XCTAssertTrue(status.first?["firstName"] is NSNull, "\(status)")
        XCTAssertTrue(status.first?["lastName"] is NSNull, "\(status)")
        XCTAssertEqual(status.first?["techPassStatus"] as? String, "account-created")
        XCTAssertEqual(status.first?["seedStatus"] as? String, "not-required")
        let csv = try run(["status", "--format", "csv"], expect: 0).stdout
        XCTAssertTrue(csv.contains("\n,,tan_wm@hdb.gov.sg,,,2026-12-01,account-created,not-required,"), csv)
        // The table keeps the address in its column when the names are empty.
        let table = try run(["status"], expect: 0).stdout.components(separatedBy: "\n")
        let at = try XCTUnwrap(table.first?.range(of: "Email address")).lowerBound.utf16Offset(in: table[0])
        let row = try XCTUnwrap(table.first { $0.contains("tan_wm@hdb.gov.sg") })
        XCTAssertEqual(row.range(of: "tan_wm@hdb.gov.sg")?.lowerBound.utf16Offset(in: row), at, "\(table)")

        // The ledger holds the officer without names or number, as given.
        let ledger = try ledgerState(path("invitesheet-ledger.sqlite"))
        XCTAssertTrue(ledger.contains("\"firstName\": null"), ledger)
        XCTAssertTrue(ledger.contains("\"contactNumber\": null"), ledger)
        XCTAssertTrue(ledger.contains("\"reason\": \"Reviews HDB deployments on SGTS\""), ledger)

        // Again: already invited, nothing sent; the same short form is the same details.
        let again = try run(invite(Self.emailInvitation, [:], ["--mail", sink.url()]), day: "2026-12-01T10:00:00Z", expect: 0)
        XCTAssertTrue(again.stdout.contains("tan_wm@hdb.gov.sg: already invited on 2026-12-01; nothing sent"), again.stdout)
        XCTAssertEqual(try sink.received().count, 1)
    }

    /// The short form is for public officers: a vendor's address is the public-officer email rule's error, on --email.
    func testTheShortFormWithAVendorAddressNamesTheEmailOption() throws {
        let result = try run(invite(Self.emailInvitation, ["--email": "arun@tembusu.com.sg"]), expect: 1)
        XCTAssertTrue(result.stdout.hasPrefix("Errors\n  error    --email: \"arun@tembusu.com.sg\"\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains(#"Public officers need their government address (@agency.gov.sg); "tembusu.com.sg" is not one. [email.domain-not-government]"#),
                      result.stdout)
        XCTAssertFalse(result.stdout.contains("required"), "the short form asks no names: \(result.stdout)")
        XCTAssertNotNil(result.stdout.range(of: #"arun@tembusu\.com\.sg: not invited: 1 error to fix \(exit 1, trace id [0-9a-f]{16}\)"#,
                                            options: .regularExpression), result.stdout)
        let object = try json(try run(invite(Self.emailInvitation, ["--email": "arun@tembusu.com.sg"], ["--format", "json"]), expect: 1))
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["option"] as? String }, ["--email"])
        XCTAssertEqual(findings.map { $0["code"] as? String }, ["email.domain-not-government"])
        XCTAssertEqual(object["outcome"] as? String, "invalid")
        XCTAssertEqual(try statusLines().count, 0)
        XCTAssertEqual(try outboxCount(), 0)
    }

    /// Some of the create-account details make it a create account: the missing ones are errors
    /// naming their option, saying the short form needs only --email --seed --reason.
    func testAPartialCreateAccountNamesTheMissingOptions() throws {
        let onlyFirst = try run(invite(Self.emailInvitation, ["--first-name": "Wei Ming"]), expect: 1)
        XCTAssertTrue(onlyFirst.stdout.hasPrefix("Errors\n"), onlyFirst.stdout)
        for option in ["--last-name", "--contact-number"] {
            XCTAssertTrue(onlyFirst.stdout.contains("  error    \(option)\n"), "\(option): \(onlyFirst.stdout)")
            XCTAssertTrue(onlyFirst.stdout.contains("→ Give \(option) too, or leave out --first-name: the short email-invitation form needs only --email --seed --reason.\n"),
                          "\(option): \(onlyFirst.stdout)")
        }
        XCTAssertFalse(onlyFirst.stdout.contains("error    --first-name"), onlyFirst.stdout)
        XCTAssertTrue(onlyFirst.stdout.contains("tan_wm@hdb.gov.sg: not invited: 2 errors to fix (exit 1, trace id "), onlyFirst.stdout)

        let object = try json(try run(invite(Self.emailInvitation, ["--organisation": "HDB", "--department": "Estates"], ["--format", "json"]),
                                      expect: 1))
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["option"] as? String }, ["--first-name", "--last-name", "--contact-number"])
        XCTAssertEqual(findings.map { $0["code"] as? String }, ["name.required", "name.required", "contact.required"])
        for finding in findings {
            XCTAssertTrue((finding["hint"] as? String)?.hasSuffix("or leave out --organisation and --department: the short email-invitation form needs only --email --seed --reason.") == true,
                          "\(finding)")
        }
        // A username on an officer's row is a create-account detail too (and, as in a file, not applicable).
        let username = try run(invite(Self.emailInvitation, ["--username": "Wei Ming Tan"]), expect: 1)
        XCTAssertTrue(username.stdout.contains("  error    --first-name\n"), username.stdout)
        XCTAssertTrue(username.stdout.contains("[value.not-applicable]"), username.stdout)

        // A vendor is never an email invitation: the template's every field, without the officer's hint.
        let vendor = try run(invite(Self.emailInvitation, ["--email": "arun@tembusu.com.sg", "--user-type": "vendor"]), expect: 1)
        XCTAssertTrue(vendor.stdout.contains("  error    --first-name\n           First name is required. [name.required]\n"), vendor.stdout)
        XCTAssertFalse(vendor.stdout.contains("short email-invitation form"), vendor.stdout)
        XCTAssertEqual(try statusLines().count, 0)
    }

    /// A file is the template whatever it holds: a one-row list with only the email invitation's
    /// values lacks the names and number, though `invite` takes them.
    func testAOneRowFileStillNeedsTheNames() throws {
        try writeOneRowList("short.csv", Self.emailInvitation, in: folder)
        let result = try run(["submit", "short.csv", "--inviter", inviter], expect: 1)
        for header in ["First name", "Last name", "Contact number"] {
            XCTAssertTrue(result.stdout.contains("\(header) is required."), "\(header): \(result.stdout)")
        }
        XCTAssertFalse(result.stdout.contains("short email-invitation form"), result.stdout)
        XCTAssertEqual(try statusLines().count, 0)
        try run(invite(Self.emailInvitation), expect: 0)
        XCTAssertEqual(try statusLines().count, 1)
    }

    func testCreateAccountOfAPublicOfficerThroughARelay() throws {
        let sink = try SMTPSink()
        let result = try run(invite(Self.officer, [:], ["--mail", sink.url()]), expect: 0)
        XCTAssertTrue(result.stdout.contains("tan_wm@hdb.gov.sg: invited: account created, onboarding email sent"), result.stdout)
        XCTAssertTrue(result.stdout.contains(#"--contact-number: written in international form, "9123 4567" → +6591234567"#), result.stdout)
        XCTAssertTrue(result.stderr.contains("1 email(s) delivered"), result.stderr)

        let mail = try received(sink)
        XCTAssertEqual(mail.count, 1)
        XCTAssertEqual(mail.first?.to, "tan_wm@hdb.gov.sg")
        XCTAssertEqual(mail.first?.subject, "Your TechPass account has been created")
        XCTAssertTrue(mail.first?.body.contains("Dear Wei Ming Tan,") == true, mail.first?.body ?? "")
        XCTAssertFalse(mail.first?.body.contains("register?token=") == true, "an officer gets no registration link")

        let status = try statusLines()
        XCTAssertEqual(status.count, 1)
        XCTAssertEqual(status.first?["email"] as? String, "tan_wm@hdb.gov.sg")
        XCTAssertEqual(status.first?["techPassStatus"] as? String, "account-created")
        XCTAssertEqual(status.first?["seedStatus"] as? String, "not-required")
        let csv = try run(["status", "--format", "csv"], expect: 0).stdout
        XCTAssertTrue(csv.contains("Wei Ming,Tan,tan_wm@hdb.gov.sg,"), csv)
    }

    func testCreateAccountForAVendorThroughARelay() throws {
        let sink = try SMTPSink()
        let result = try run(invite(Self.vendor, [:], ["--mail", sink.url()]), expect: 0)
        XCTAssertTrue(result.stdout.contains("arun@tembusu.com.sg: invited: registration link sent"), result.stdout)

        let mail = try received(sink)
        XCTAssertEqual(mail.count, 1)
        XCTAssertEqual(mail.first?.to, "arun@tembusu.com.sg")
        XCTAssertEqual(mail.first?.subject, "You are invited to register for TechPass")
        XCTAssertTrue(mail.first?.body.contains("https://portal.techpass.gov.sg/register?token=") == true, mail.first?.body ?? "")

        let status = try statusLines()
        XCTAssertEqual(status.count, 1)
        XCTAssertEqual(status.first?["techPassStatus"] as? String, "registration-pending")
        XCTAssertEqual(status.first?["organisation"] as? String, "Tembusu Systems")
        XCTAssertEqual(status.first?["department"] as? String, "Platform")
        let csv = try run(["status", "--format", "csv"], expect: 0).stdout
        XCTAssertTrue(csv.contains("Arun,Krishnan,arun@tembusu.com.sg,Tembusu Systems,Platform,"), csv)
    }

    // MARK: The rules, naming the options

    /// Every option with a bad value (or left out where the template requires it): the finding the
    /// rule makes for that cell in a file, naming the option instead of the column.
    func testEveryRuleNamesTheOption() throws {
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleSheets/policy.json").path, toPath: path("policy.json"))
        struct Case {
            var person: KeyValuePairs<String, String>
            var changes: [String: String]
            var option: String
            var code: String
            var severity: String
            var message: String
        }
        let offshore = ["--business-operation": "offshore", "--seed": "yes"]
        let cases: [Case] = [
            Case(person: Self.officer, changes: ["--email": "tan..wm@hdb.gov.sg"], option: "--email", code: "email.invalid", severity: "error",
                 message: "The address has two periods in a row at positions 4–5."),
            Case(person: Self.officer, changes: ["--email": "tan_wm@gmail.com"], option: "--email", code: "email.domain-not-government",
                 severity: "error", message: "Public officers need their government address"),
            Case(person: Self.officer, changes: ["--user-type": "contractor"], option: "--user-type", code: "userType.invalid",
                 severity: "error", message: "\"contractor\" is not a user type"),
            Case(person: Self.vendor, changes: ["--username": "Arun..Krishnan"], option: "--username", code: "username.consecutive-periods",
                 severity: "error", message: "The username has two periods in a row at positions 5–6."),
            Case(person: Self.vendor, changes: ["--username": ""], option: "--username", code: "username.required", severity: "error",
                 message: "Vendors need a TechPass username."),
            Case(person: Self.officer, changes: ["--first-name": "W3i Ming"], option: "--first-name", code: "name.invalid-character",
                 severity: "error", message: "First name contains \"3\" at position 2"),
            Case(person: Self.officer, changes: ["--last-name": ""], option: "--last-name", code: "name.required", severity: "error",
                 message: "Last name is required."),
            Case(person: Self.officer, changes: ["--contact-number": "12345"], option: "--contact-number", code: "contact.invalid-length",
                 severity: "error", message: "The number has 5 digits"),
            Case(person: Self.vendor, changes: ["--organisation": ""], option: "--organisation", code: "organisation.required",
                 severity: "error", message: "Vendors need organisation."),
            Case(person: Self.officer, changes: ["--department": "Ã‰quipe Data"], option: "--department", code: "excel.mojibake",
                 severity: "warning", message: "The text looks garbled"),
            Case(person: Self.officer, changes: ["--seed": "maybe"], option: "--seed", code: "seed.invalid", severity: "error",
                 message: "\"maybe\" is not Yes or No."),
            Case(person: Self.officer, changes: ["--reason": ""], option: "--reason", code: "reason.required", severity: "error",
                 message: "Reason is required."),
            Case(person: Self.vendor, changes: ["--sponsoring-agency": "HBD"], option: "--sponsoring-agency",
                 code: "sponsoringAgency.unknown", severity: "error", message: "\"HBD\" is not one of the sponsoring agencies"),
            Case(person: Self.vendor, changes: ["--business-operation": "onshor"], option: "--business-operation",
                 code: "businessOperation.invalid", severity: "error", message: "\"onshor\" is not Onshore or Offshore."),
            Case(person: Self.vendor, changes: offshore.merging(["--odc": "Mars"]) { $1 }, option: "--odc", code: "odc.unknown",
                 severity: "error", message: "\"Mars\" is not an offshore development centre"),
            Case(person: Self.vendor, changes: offshore.merging(["--odc": "Others"]) { $1 }, option: "--offshore-company",
                 code: "offshoreCompany.required", severity: "error", message: "the offshore company name is required"),
            Case(person: Self.vendor, changes: ["--offshore-company": "Acme Offshore"], option: "--offshore-company",
                 code: "value.not-applicable", severity: "warning", message: "Offshore company name is only for offshore vendors"),
            Case(person: Self.vendor, changes: offshore.merging(["--odc": "India", "--seed": "no"]) { $1 }, option: "--seed",
                 code: "seed.offshore-requires-yes", severity: "error", message: "Offshore vendors must be onboarded to SEED"),
        ]
        let options = ["--email", "--user-type", "--username", "--first-name", "--last-name", "--contact-number", "--organisation",
                       "--department", "--seed", "--reason", "--sponsoring-agency", "--business-operation", "--odc", "--offshore-company"]
        XCTAssertEqual(Set(cases.map(\.option)), Set(options), "every option is covered")

        for c in cases {
            let arguments = invite(c.person, c.changes, ["--policy", "policy.json", "--ledger", "ledger.sqlite"])
            let expected: Int32 = c.severity == "error" ? 1 : 0
            let text = try run(arguments + ["--dry-run"], expect: expected)
            // As a file's summary lists it, with the option where the column letter and header would be.
            let lines = text.stdout.components(separatedBy: "\n")
            let at = lines.firstIndex { $0.hasPrefix("  \(c.severity)") && $0.contains(" \(c.option)") }
            guard let at, at + 1 < lines.count else {
                XCTFail("\(c.option) \(c.changes): no \(c.severity) naming the option:\n\(text.stdout)")
                continue
            }
            XCTAssertTrue(lines[at + 1].contains("[\(c.code)]"), "\(c.option): \(text.stdout)")
            XCTAssertTrue(lines[at + 1].contains(c.message), "\(c.option): \(lines[at + 1])")
            XCTAssertFalse(text.stdout.contains("Row 2"), "the person is not a row: \(text.stdout)")

            let object = try json(try run(arguments + ["--dry-run", "--format", "json"], expect: expected))
            let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
            XCTAssertTrue(findings.contains { $0["option"] as? String == c.option && $0["code"] as? String == c.code
                && $0["severity"] as? String == c.severity }, "\(c.option): \(findings)")
            XCTAssertEqual(object["outcome"] as? String, expected == 0 ? "invited" : "invalid")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("ledger.sqlite")), "dry runs create no ledger")
    }

    func testAnInvalidPersonExitsOneWithATraceIDAndNobodyIsInvited() throws {
        let result = try run(invite(Self.vendor, ["--username": "Arun..Krishnan", "--seed": "maybe"]), expect: 1)
        XCTAssertTrue(result.stdout.hasPrefix("Errors\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  error    --username: \"Arun..Krishnan\"\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("The username has two periods in a row at positions 5–6. [username.consecutive-periods]"), result.stdout)
        XCTAssertNotNil(result.stdout.range(of: #"arun@tembusu\.com\.sg: not invited: 2 errors to fix \(exit 1, trace id [0-9a-f]{16}\)"#,
                                            options: .regularExpression), result.stdout)
        XCTAssertEqual(try statusLines().count, 0)
        XCTAssertEqual(try outboxCount(), 0)
    }

    // MARK: Outcomes as submit's

    func testASecondRunIsAlreadyInvitedAndSendsNothing() throws {
        try run(invite(Self.vendor), expect: 0)
        let again = try run(invite(Self.vendor), day: "2026-12-01T10:00:00Z", expect: 0)
        XCTAssertTrue(again.stdout.contains("arun@tembusu.com.sg: already invited on 2026-12-01; nothing sent (to send it again: invitesheet resend <email>)"),
                      again.stdout)
        XCTAssertFalse(again.stdout.contains("trace id"), "no failure, no trace id: \(again.stdout)")
        XCTAssertEqual(try outboxCount(), 1)
        let object = try json(try run(invite(Self.vendor, [:], ["--format", "json"]), day: "2026-12-01T11:00:00Z", expect: 0))
        XCTAssertEqual(object["outcome"] as? String, "already-invited")
        XCTAssertEqual((object["counts"] as? [String: Int])?["alreadyInvited"], 1)
        XCTAssertEqual(object["invitation"] as? Int, 1)
    }

    func testOtherDetailsOverrideThePendingInvitation() throws {
        try run(invite(Self.vendor), expect: 0)
        let changed = try run(invite(Self.vendor, ["--department": "Data"]), expect: 0)
        XCTAssertTrue(changed.stdout.contains("arun@tembusu.com.sg: invited: replaces invitation 1 (its link no longer works)"), changed.stdout)
        XCTAssertEqual(try outboxCount(), 2)
        let history = try run(["status", "--email", "arun@tembusu.com.sg", "--format", "json"], expect: 0).stdout
        XCTAssertTrue(history.contains("\"superseded\""), history)
        XCTAssertTrue(history.contains("\"Data\""), history)
    }

    func testARegisteredInviteeIsADuplicate() throws {
        try run(invite(Self.vendor), expect: 0)
        try Data("email,TechPass status\narun@tembusu.com.sg,Registered\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        try run(["sync", "accounts.csv"], day: "2026-12-02T09:00:00Z", expect: 0)
        let result = try run(invite(Self.vendor, ["--department": "Data"]), day: "2026-12-03T09:00:00Z", expect: 1)
        XCTAssertNotNil(result.stdout.range(of: #"arun@tembusu\.com\.sg: duplicate entry: the account exists \(registered\); raise a service request to change its details \(exit 1, trace id [0-9a-f]{16}\)"#,
                                            options: .regularExpression), result.stdout)
        let object = try json(try run(invite(Self.vendor, ["--department": "Data"], ["--format", "json"]), day: "2026-12-03T09:00:00Z", expect: 1))
        XCTAssertEqual(object["outcome"] as? String, "duplicate")
        XCTAssertEqual((object["counts"] as? [String: Int])?["duplicates"], 1)
    }

    func testAnAddressInTheAccountsExportIsADuplicateNamingTheEmailOption() throws {
        try Data("email\ntan_wm@hdb.gov.sg\n".utf8).write(to: URL(fileURLWithPath: path("accounts.csv")))
        let result = try run(invite(Self.officer, [:], ["--existing", "accounts.csv"]), expect: 1)
        XCTAssertTrue(result.stdout.contains("  error    --email: \"tan_wm@hdb.gov.sg\"\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("tan_wm@hdb.gov.sg already has a TechPass account. [duplicate.existing-email]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("tan_wm@hdb.gov.sg: duplicate entry: the account exists (listed in --existing)"), result.stdout)
        XCTAssertEqual(try outboxCount(), 0)
        let object = try json(try run(invite(Self.officer, [:], ["--existing", "accounts.csv", "--format", "json"]), expect: 1))
        XCTAssertEqual(object["outcome"] as? String, "duplicate")
        XCTAssertEqual((object["counts"] as? [String: Int])?["duplicates"], 1)
    }

    // MARK: The same as a one-row file

    /// An invite and `submit` of the one-row list holding the same values leave the same ledger:
    /// every table, row by row, but for what names the run and its input.
    func testAnInviteAndAOneRowFileLeaveTheSameLedger() throws {
        let byInvite = path("by-invite"), byFile = path("by-file")
        for directory in [byInvite, byFile] { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        try writeOneRowList("officer.csv", Self.officer, in: byFile)
        try writeOneRowList("vendor.csv", Self.vendor, in: byFile)
        try writeOneRowList("vendor-changed.csv", Self.vendorChanged, in: byFile)

        try run(invite(Self.officer), in: byInvite, expect: 0)
        try run(["submit", "officer.csv", "--inviter", inviter], in: byFile, expect: 0)
        try run(invite(Self.vendor), in: byInvite, day: "2026-12-01T10:00:00Z", expect: 0)
        try run(["submit", "vendor.csv", "--inviter", inviter], in: byFile, day: "2026-12-01T10:00:00Z", expect: 0)
        // Again (already invited), and with other details (overridden).
        try run(invite(Self.vendor), in: byInvite, day: "2026-12-01T11:00:00Z", expect: 0)
        try run(["submit", "vendor.csv", "--inviter", inviter], in: byFile, day: "2026-12-01T11:00:00Z", expect: 0)
        try run(invite(Self.vendorChanged), in: byInvite, day: "2026-12-01T12:00:00Z", expect: 0)
        try run(["submit", "vendor-changed.csv", "--inviter", inviter], in: byFile, day: "2026-12-01T12:00:00Z", expect: 0)

        let invited = try ledgerState((byInvite as NSString).appendingPathComponent("invitesheet-ledger.sqlite"))
        let submitted = try ledgerState((byFile as NSString).appendingPathComponent("invitesheet-ledger.sqlite"))
        XCTAssertTrue(invited.contains("\"contactNumber\": \"+6563027136\""), invited)
        XCTAssertTrue(invited.contains("\"sourceRow\": 2"), invited)
        XCTAssertEqual(invited, submitted)
        // What people see, history included (each run has its own trace id).
        func status(_ directory: String) throws -> String {
            let superseded = try run(["status", "--format", "csv", "--history", "--state", "superseded"], in: directory, expect: 0).stdout
            let current = try run(["status", "--format", "csv", "--history"], in: directory, expect: 0).stdout
            return (superseded + current).replacingOccurrences(of: #"\[trace [0-9a-f]{16}\]"#, with: "[trace]", options: .regularExpression)
        }
        let shown = try status(byInvite)
        XCTAssertTrue(shown.contains("Arun,Krishnan,Arun@Tembusu.com.sg,Tembusu Systems Pte Ltd,,2026-12-01,registration-pending,pending,"), shown)
        XCTAssertEqual(shown, try status(byFile))
    }

    static let vendorChanged: KeyValuePairs<String, String> = [
        "--user-type": "Vendor", "--email": "Arun@Tembusu.com.sg", "--username": "Arun Krishnan", "--first-name": "Arun",
        "--last-name": "Krishnan", "--contact-number": "+65 6302 7136", "--organisation": "Tembusu Systems Pte Ltd",
        "--sponsoring-agency": "HDB", "--business-operation": "Offshore", "--odc": "india", "--seed": "",
        "--reason": "Deploys HDB services on SGTS",
    ]

    // MARK: Dry run and JSON

    func testADryRunChangesNothingAndSendsNothing() throws {
        let sink = try SMTPSink()
        try run(invite(Self.vendor, [:], ["--mail", sink.url()]), expect: 0)
        let ledger = path("invitesheet-ledger.sqlite")
        let before = try ledgerState(ledger)
        XCTAssertEqual(try sink.received().count, 1)

        let override = try run(invite(Self.vendor, ["--department": "Data"], ["--dry-run", "--mail", sink.url()]), day: "2026-12-02T09:00:00Z", expect: 0)
        XCTAssertTrue(override.stdout.contains("Dry run, nothing changed or sent. arun@tembusu.com.sg: invited: replaces invitation 1"), override.stdout)
        let new = try run(invite(Self.officer, [:], ["--dry-run", "--mail", sink.url(), "--format", "json"]), day: "2026-12-09T09:00:00Z", expect: 0)
        let object = try json(new)
        XCTAssertEqual(object["dryRun"] as? Bool, true)
        XCTAssertEqual(object["outcome"] as? String, "invited")
        XCTAssertTrue(object["submission"] is NSNull)

        XCTAssertEqual(try ledgerState(ledger), before, "a dry run leaves the ledger as it was (and expires nothing)")
        XCTAssertEqual(try sink.received().count, 1, "a dry run sends nothing")
        XCTAssertEqual(try statusLines().map { $0["techPassStatus"] as? String }, ["registration-pending"])
    }

    func testJSONIsOneObjectWithSubmitsFields() throws {
        let result = try run(invite(Self.officer, [:], ["--format", "json"]), expect: 0)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, result.stdout)
        let object = try json(result)
        for key in ["email", "sha256", "traceId", "exitCode", "dryRun", "submission", "counts", "outcome", "message", "invitation", "findings"] {
            XCTAssertNotNil(object[key], "\(key) in \(object)")
        }
        XCTAssertEqual(object["email"] as? String, "tan_wm@hdb.gov.sg")
        XCTAssertEqual(object["outcome"] as? String, "invited")
        XCTAssertEqual(object["message"] as? String, "invited: account created, onboarding email sent")
        XCTAssertEqual(object["exitCode"] as? Int, 0)
        XCTAssertEqual(object["submission"] as? Int, 1)
        XCTAssertEqual((object["counts"] as? [String: Int])?["invited"], 1)
        XCTAssertEqual((object["sha256"] as? String)?.count, 64)
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let change = try XCTUnwrap(findings.first { $0["option"] as? String == "--contact-number" })
        XCTAssertEqual(change["severity"] as? String, "change")
        XCTAssertEqual(change["value"] as? String, "9123 4567")
        XCTAssertEqual(change["after"] as? String, "+6591234567")
        XCTAssertFalse(result.stderr.contains("delivered"), "json keeps stderr for problems: \(result.stderr)")
    }

    /// The two examples of `invite --help`, run as printed (continuation lines and quotes as a shell
    /// reads them): the short email invitation and the create account both invite.
    func testTheHelpExamplesInvite() throws {
        let lines = try run(["invite", "--help"], expect: 0).stdout.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "Examples:"))
        let block = lines[(start + 1)...].prefix { !$0.isEmpty }.joined(separator: "\n")
        let script = "import json, shlex, sys\nprint(json.dumps([shlex.split(l) for l in sys.stdin.read().replace('\\\\\\n', ' ').splitlines()]))"
        let split = try ProcessResult.run("/usr/bin/env", ["python3", "-c", script], stdin: Data(block.utf8))
        XCTAssertEqual(split.status, 0, split.stderr)
        let commands = try XCTUnwrap(JSONSerialization.jsonObject(with: split.stdoutData) as? [[String]])
        XCTAssertEqual(commands.count, 2, block)
        XCTAssertEqual(Set(commands[0].filter { $0.hasPrefix("--") }), ["--email", "--seed", "--reason", "--inviter"],
                       "the first example is the seeds' short email invitation: \(commands[0])")
        for command in commands {
            XCTAssertEqual(command.first, "invitesheet")
            let result = try run(Array(command.dropFirst()), expect: 0)
            XCTAssertTrue(result.stdout.contains(": invited: "), result.stdout)
        }
        XCTAssertEqual(try statusLines().map { $0["techPassStatus"] as? String }, ["account-created", "registration-pending"])
    }

    func testALedgerThatCannotBeUsedStopsWithExit2AndATraceID() throws {
        let garbage = Data("not a database, but someone's notes\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path("notes.sqlite")))
        let result = try run(invite(Self.officer, [:], ["--ledger", "notes.sqlite"]), expect: 2)
        XCTAssertNotNil(result.stderr.range(of: #"invitesheet: error: ledger notes\.sqlite: is damaged or not an SQLite database.*\(trace id [0-9a-f]{16}\)"#,
                                            options: .regularExpression), result.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("notes.sqlite"))), garbage)
        XCTAssertEqual(try outboxCount(), 0)
    }

    // MARK: Usage

    func testUsageErrorsExit64() throws {
        let noEmail = try run(Self.invite(Self.officer, ["--email": ""], ["--inviter", inviter]), expect: 64)
        XCTAssertTrue(noEmail.stderr.contains("--email"), noEmail.stderr)
        let notOfficer = try run(Self.invite(Self.officer, [:], ["--inviter", "lim@gmail.com"]), expect: 64)
        XCTAssertTrue(notOfficer.stderr.contains("--inviter lim@gmail.com is not a public officer's address"), notOfficer.stderr)
        let noInviter = try run(Self.invite(Self.officer), expect: 64)
        XCTAssertTrue(noInviter.stderr.contains("--inviter"), noInviter.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("invitesheet-ledger.sqlite")))
    }
}
