import Foundation
import XCTest
import TestSupport

/// `invitesheet template` never overwrites a list someone filled in (SPEC: the template; issue 8 §6):
/// an unchanged template is replaced, anything else only with `--force`.
final class TemplateCLITests: XCTestCase {
    private var directory: URL!
    private var binary: String!

    override func setUpWithError() throws {
        binary = try InvitesheetBinary.locate()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("template-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run(binary, arguments)
    }

    /// `invitesheet template` with no -o, run in `directory` as a user runs it in a folder.
    private func runInDirectory(_ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run("/bin/sh", ["-c", "cd \"$1\" && shift && exec \"$@\"", "sh", directory.path, binary, "template"] + arguments)
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    private func freshTemplate() throws -> Data {
        let file = path("fresh-\(UUID().uuidString).xlsx")
        XCTAssertEqual(try run(["template", "-o", file]).status, 0)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try bytes(file)
    }

    /// The template filled in with `rows` users by openpyxl, as a script or Excel would save it.
    private func filledInTemplate(at file: String, rows: Int) throws {
        let python = try Python.withOpenpyxl()
        XCTAssertEqual(try run(["template", "-o", file]).status, 0)
        let filled = try ProcessResult.run(python, ["python3", "-c", """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Users"]
            for i in range(int(sys.argv[2])):
                ws.cell(row=i + 2, column=1, value=f"officer{i}@tech.gov.sg")
                ws.cell(row=i + 2, column=2, value=f"Officer {i}")
            wb.save(sys.argv[1])
            """, file, String(rows)])
        XCTAssertEqual(filled.status, 0, filled.stderr)
    }

    private static func refusal(_ file: String, _ what: String) -> String {
        "invitesheet: error: \(file) already exists and \(what), so it was not overwritten. "
            + "Use --force to replace it, or -o another.xlsx to write the template elsewhere.\n"
    }

    // MARK: Refused

    func testFilledInListInTheCurrentFolderIsNotOverwritten() throws {
        let file = path("user-list.xlsx")
        try filledInTemplate(at: file, rows: 41)
        let before = try bytes(file)
        let r = try runInDirectory([])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, Self.refusal("user-list.xlsx", "holds 41 filled-in rows"))
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(try bytes(file), before, "the filled-in list is untouched")
    }

    func testOneFilledInRowIsSingular() throws {
        let file = path("one.xlsx")
        try filledInTemplate(at: file, rows: 1)
        let r = try run(["template", "-o", file])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, Self.refusal(file, "holds 1 filled-in row"))
    }

    /// The same list re-saved by LibreOffice (which rewrites every part of the file) is still recognised.
    func testFilledInListResavedByLibreOfficeIsNotOverwritten() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else { throw XCTSkip("LibreOffice (soffice) is not installed") }
        let typed = path("typed/user-list.xlsx")
        try FileManager.default.createDirectory(atPath: path("typed"), withIntermediateDirectories: true)
        try filledInTemplate(at: typed, rows: 41)
        let profile = directory.appendingPathComponent("lo-profile").absoluteString
        let saved = try ProcessResult.run(soffice, ["--headless", "-env:UserInstallation=\(profile)", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                                                    "--outdir", directory.path, typed], timeout: 180)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let file = path("user-list.xlsx")
        let before = try bytes(file)
        XCTAssertNotEqual(before, try bytes(typed), "LibreOffice wrote its own file")
        let r = try runInDirectory([])
        XCTAssertEqual(r.status, 64, r.stderr)
        XCTAssertEqual(r.stderr, Self.refusal("user-list.xlsx", "holds 41 filled-in rows"))
        XCTAssertEqual(try bytes(file), before)
    }

    func testOtherFilesAreNotOverwritten() throws {
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
            return path(name)
        }
        let notes = try write("notes.xlsx", "not a workbook\n")
        let renamed = try write("list.xlsx", "Email address*,Full name*\nlim.kh@tech.gov.sg,Lim Kah Hui\n")  // CSV under an .xlsx name
        let budget = path("budget.xlsx"), headerOnly = path("header-only.xlsx")
        XCTAssertEqual(try run(["convert", try write("budget.csv", "Item,Cost\nLaptop,1200\nDesk,300\n"), "-o", budget]).status, 0)
        XCTAssertEqual(try run(["convert", try write("header.csv", "Email address*,Full name*\n"), "-o", headerOnly]).status, 0)
        let cases = [(notes, "is not an unchanged template"), (renamed, "is not an unchanged template"),
                     (budget, "holds 2 filled-in rows"), (headerOnly, "is not an unchanged template")]
        for (file, what) in cases {
            let before = try bytes(file)
            let r = try run(["template", "-o", file])
            XCTAssertEqual(r.status, 64, "\(file): \(r.stderr)")
            XCTAssertEqual(r.stderr, Self.refusal(file, what))
            XCTAssertEqual(try bytes(file), before, file)
        }
    }

    // MARK: Allowed

    func testForceReplacesAFilledInList() throws {
        let file = path("user-list.xlsx")
        try filledInTemplate(at: file, rows: 41)
        let r = try runInDirectory(["--force"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("Wrote user-list.xlsx (template "), r.stdout)
        XCTAssertEqual(try bytes(file), try freshTemplate())
    }

    func testAnUnchangedTemplateIsRewrittenSilently() throws {
        XCTAssertEqual(try runInDirectory([]).status, 0)
        let r = try runInDirectory([])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertEqual(try bytes(path("user-list.xlsx")), try freshTemplate())
    }

    /// A template made with another policy (or an older version) holds nothing typed: regenerating it
    /// as `template --check` suggests works without --force.
    func testAnEmptyTemplateOfAnotherPolicyIsRegenerated() throws {
        let policy = path("policy.json")
        try Data(#"{"odcList": ["India"]}"#.utf8).write(to: URL(fileURLWithPath: policy))
        let file = path("templates-user-list.xlsx")
        XCTAssertEqual(try run(["template", "-o", file, "--policy", policy]).status, 0)
        let stale = try run(["template", "--check", file])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stderr.contains("Run `invitesheet template -o \(file)` to regenerate it."), stale.stderr)
        let r = try run(["template", "-o", file])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try run(["template", "--check", file]).status, 0)
    }

    func testAnotherFileNameIsWrittenBesideAFilledInList() throws {
        let file = path("user-list.xlsx")
        try filledInTemplate(at: file, rows: 3)
        let before = try bytes(file)
        let r = try runInDirectory(["-o", "another.xlsx"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try bytes(path("another.xlsx")), try freshTemplate())
        XCTAssertEqual(try bytes(file), before)
    }

    func testForceWithCheckIsAUsageError() throws {
        let r = try run(["template", "--check", path("x.xlsx"), "--force"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("--check never changes a file"), r.stderr)
    }
}
