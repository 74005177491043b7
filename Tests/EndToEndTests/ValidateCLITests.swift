import Foundation
import XCTest

/// `invitesheet validate` run as a user runs it: the built binary on the files in SampleSheets/.
/// The binary is `$INVITESHEET_BIN`, else the one beside this test bundle, else
/// `.build-rp/debug/invitesheet` or `.build/debug/invitesheet` under the package root.
final class ValidateCLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = root.appendingPathComponent("SampleSheets")
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("validate-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Running the binary

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["INVITESHEET_BIN"], !env.isEmpty { candidates.append(URL(fileURLWithPath: env)) }
        // The test bundle sits in the build folder beside the binary that `swift test` just built.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("invitesheet"))
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("invitesheet"))
        }
        candidates += [".build-rp/debug/invitesheet", ".build/debug/invitesheet"].map { root.appendingPathComponent($0) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("invitesheet is not built; run swift build (or set INVITESHEET_BIN)")
        }
        return found
    }

    func validate(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Self.run(["validate"] + arguments, in: Self.samples, environment: environment)
    }

    /// Runs the built binary in `folder`, output captured through files (a full pipe never blocks it).
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    func expect(_ status: Int32, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        let run = try validate(arguments)
        XCTAssertEqual(run.status, status, "validate \(arguments.joined(separator: " "))\nstdout: \(run.stdout.prefix(2000))\nstderr: \(run.stderr)",
                       file: file, line: line)
        return run
    }

    let sampleOptions = ["--policy", "policy.json", "--existing", "existing-accounts.csv"]

    func out(_ name: String = "out") -> String { directory.appendingPathComponent(name).path }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The lines of a CSV written for Excel, after its byte-order mark (which must be there).
    func csvLines(_ path: String) throws -> [String] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(path) starts with a UTF-8 byte-order mark for Excel")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    // MARK: Exit codes

    func testValidSamplesExitZeroWithASummary() throws {
        for file in ["valid.xlsx", "valid.csv"] {
            let run = try expect(0, [file])
            XCTAssertTrue(run.stdout.contains("20 rows checked: 20 valid, 0 invalid."), run.stdout)
            XCTAssertTrue(run.stdout.contains("Trace id: "))
            XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        }
    }

    func testEveryMistakeExitsOneGroupedByRow() throws {
        let run = try expect(1, ["every-mistake.xlsx"] + sampleOptions)
        XCTAssertTrue(run.stdout.contains("\nRow 3\n") || run.stdout.contains("\nRow 2\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[duplicate.existing-email]"))
        XCTAssertTrue(run.stdout.contains("[sponsoringAgency.unknown]"), "the sample policy lists agencies")
        XCTAssertTrue(run.stdout.contains("rows need fixing"))
    }

    /// SampleSheets/README.md: every row-level code shows in every-mistake.xlsx, except the few it lists.
    func testEveryMistakeShowsEveryRowCodeButTheDocumentedExceptions() throws {
        let run = try expect(1, ["every-mistake.xlsx", "--format", "json"] + sampleOptions)
        let shown = Set(((try json(run.stdout)["counts"] as? [String: Any])?["byCode"] as? [String: Int] ?? [:]).keys)
        let table = try String(contentsOf: Self.root.appendingPathComponent("docs/finding-codes.md"), encoding: .utf8)
        let rowCodes = table.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, !["file", "structure"].contains(cells[2]) else { return nil }
            return cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        }
        XCTAssertGreaterThan(rowCodes.count, 40)
        let documentedExceptions: Set<String> = ["excel.merged-cell", "excel.hidden-user-sheet", "excel.formula-no-value", "excel.mojibake",
                                                 "excel.scientific-notation"]
        let missing = Set(rowCodes).subtracting(shown).subtracting(documentedExceptions)
        XCTAssertEqual(missing, [], "row codes every-mistake.xlsx does not show; update SampleSheets/README.md or make-samples.sh")
    }

    func testStructureAndFileFailuresExitTwoWithATraceID() throws {
        let wrong = try expect(2, ["wrong-headers.csv"])
        XCTAssertTrue(wrong.stdout.contains("[structure.missing-column]"))
        XCTAssertTrue(wrong.stdout.contains("could not be processed"))
        let notWorkbook = try expect(2, ["not-a-workbook.xlsx"])
        XCTAssertTrue(notWorkbook.stdout.contains("[file.text-not-workbook]"))
    }

    func testHostileZipBombExitsTwoWithATraceID() throws {
        let bomb = Self.root.appendingPathComponent("Tests/Fixtures/hostile-zipbomb.xlsx").path
        let text = try expect(2, [bomb])
        XCTAssertNotNil(text.stdout.range(of: #"Trace id: [0-9a-f]{16}"#, options: .regularExpression), text.stdout)
        XCTAssertTrue(text.stdout.contains("[file.zip-limit]"), text.stdout)
        let json = try expect(2, [bomb, "--format", "json"])
        XCTAssertNotNil(json.stderr.range(of: #"trace id [0-9a-f]{16}"#, options: .regularExpression), json.stderr)
        let report = try self.json(json.stdout)
        XCTAssertEqual(report["status"] as? String, "fileFailed")
        XCTAssertEqual((report["findings"] as? [[String: Any]])?.first?["code"] as? String, "file.zip-limit")
    }

    func testStrictTurnsWarningsIntoExitOne() throws {
        _ = try expect(0, ["older-template.xlsx"])
        let strict = try expect(1, ["older-template.xlsx", "--strict"])
        XCTAssertTrue(strict.stdout.contains("[structure.older-template]"))
        _ = try expect(0, ["valid.xlsx", "--strict"])
    }

    func testSeveralFilesExitWithTheWorstCode() throws {
        _ = try expect(1, ["valid.xlsx", "every-mistake.xlsx"] + sampleOptions)
        _ = try expect(2, ["valid.xlsx", "wrong-headers.csv", "every-mistake.xlsx"])
        _ = try expect(0, ["valid.xlsx", "valid.csv"])
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try validate([]).status, 64)
        XCTAssertEqual(try validate(["valid.xlsx", "--max-findings", "-1"]).status, 64)
        XCTAssertEqual(try validate(["valid.xlsx", "--max-findings", "many"]).status, 64)
        XCTAssertEqual(try validate(["valid.xlsx", "--format", "yaml"]).status, 64)
        let missingPolicy = try validate(["valid.xlsx", "--policy", "no-such.json"])
        XCTAssertEqual(missingPolicy.status, 64)
        XCTAssertTrue(missingPolicy.stderr.contains("no-such.json"), missingPolicy.stderr)

        let badPolicy = out("bad-policy.json")
        try Data(#"{"maxRowsPerFile": "lots"}"#.utf8).write(to: URL(fileURLWithPath: badPolicy))
        let bad = try validate(["valid.xlsx", "--policy", badPolicy])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("maxRowsPerFile"), "names the key: \(bad.stderr)")

        let noEmail = out("accounts.csv")
        try Data("name\r\nlee\r\n".utf8).write(to: URL(fileURLWithPath: noEmail))
        let existing = try validate(["valid.xlsx", "--existing", noEmail])
        XCTAssertEqual(existing.status, 64)
        XCTAssertTrue(existing.stderr.contains("email"), existing.stderr)
        XCTAssertEqual(try validate(["valid.xlsx", "--existing", out("missing.csv")]).status, 64)
    }

    // MARK: Outputs

    func testOutWritesTheSixFiles() throws {
        _ = try expect(1, ["every-mistake.xlsx", "--out", out()] + sampleOptions)
        let names = ["report.json", "errors.csv", "changes.csv", "corrections.xlsx", "accepted.csv", "accepted.jsonl"]
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out()).sorted(), names.sorted())

        let report = try json(String(contentsOfFile: out() + "/report.json", encoding: .utf8))
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        let valid = try XCTUnwrap(counts["validRows"] as? Int)
        XCTAssertGreaterThan(valid, 0)
        XCTAssertEqual(try csvLines(out() + "/accepted.csv").count, valid + 1, "accepted rows = valid rows, plus the header")
        let jsonl = try String(contentsOfFile: out() + "/accepted.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(jsonl.count, valid)
        let errors = try csvLines(out() + "/errors.csv")
        XCTAssertEqual(errors.first, "row,column,field,header,value,code,severity,message,hint,stage,sourceRow")
        XCTAssertEqual(errors.count - 1, (counts["errors"] as? Int ?? -1) + (counts["warnings"] as? Int ?? -1), "errors.csv: errors and warnings")
        let changes = try csvLines(out() + "/changes.csv")
        XCTAssertEqual(changes.first, "row,column,field,before,after,code,sourceRow")
        XCTAssertEqual(changes.count - 1, counts["changes"] as? Int, "changes.csv: every change")
        let input = try XCTUnwrap(report["input"] as? [String: Any])
        XCTAssertEqual((input["sha256"] as? String)?.count, 64)
    }

    func testErrorsCSVIsNeutralised() throws {
        // Contact numbers typed as +65… and a reason starting with = must not become live formulas.
        let list = out("formulas.csv")
        let header = "Email address*,User type*,TechPass username,First name*,Last name*,Contact number*,Organisation,Department,SEED onboarding required?*,Reason*"
        try Data("\(header)\r\njane@gmail.com,Public officer,,Jane,Tan,+65 9123 4567,,,No,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n".utf8)
            .write(to: URL(fileURLWithPath: list))
        _ = try expect(1, [list, "--out", out()])
        let errors = try String(contentsOfFile: out() + "/errors.csv", encoding: .utf8)
        let changes = try String(contentsOfFile: out() + "/changes.csv", encoding: .utf8)
        XCTAssertTrue(changes.contains(",'+65 9123 4567,'+6591234567,change.normalised"), changes)
        XCTAssertTrue(errors.contains("'=HYPERLINK") || changes.contains("'=HYPERLINK") || !errors.contains("HYPERLINK"), errors)
        for line in (errors + changes).components(separatedBy: "\r\n") {
            for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                let f = field.hasPrefix("\"") ? field.dropFirst() : field[...]
                XCTAssertFalse(f.hasPrefix("=") || f.hasPrefix("+") || f.hasPrefix("@") || f.hasPrefix("-"), "live formula in \(line)")
            }
        }
    }

    func testFormatJSONPrintsTheReport() throws {
        let run = try expect(1, ["every-mistake.xlsx", "--format", "json", "--max-findings", "5"] + sampleOptions)
        let report = try json(run.stdout)
        XCTAssertEqual((report["findings"] as? [Any])?.count, 5)
        let counts = try XCTUnwrap(report["counts"] as? [String: Any])
        XCTAssertGreaterThan(counts["findingsNotShown"] as? Int ?? 0, 0)
        XCTAssertEqual(report["exitCode"] as? Int, 1)
        XCTAssertEqual((report["traceId"] as? String)?.count, 16)

        let two = try expect(0, ["valid.xlsx", "valid.csv", "--format", "json"])
        let lines = two.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "one report per line")
        for line in lines { XCTAssertEqual(try json(String(line))["status"] as? String, "completed") }
    }

    func testMaxFindingsSaysHowManyMoreInText() throws {
        let run = try expect(1, ["every-mistake.xlsx", "--max-findings", "3"] + sampleOptions)
        XCTAssertNotNil(run.stdout.range(of: #"… \d+ more findings not shown"#, options: .regularExpression), run.stdout)
    }

    func testSeveralFilesWithOutGetAFolderEach() throws {
        _ = try expect(2, ["valid.xlsx", "valid.csv", "wrong-headers.csv", "--out", out()])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out()).sorted(), ["valid", "valid-2", "wrong-headers"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: out() + "/valid-2/accepted.csv"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out() + "/wrong-headers").sorted(), ["errors.csv", "report.json"],
                       "no per-row outputs for a file that could not be processed")
    }

    func testSheetOption() throws {
        _ = try expect(0, ["valid.xlsx", "--sheet", "Users"])
        let missing = try expect(2, ["valid.xlsx", "--sheet", "Staff"])
        XCTAssertTrue(missing.stdout.contains("[file.sheet-not-found]"), missing.stdout)
    }

    func testListCodesPrintsTheCommittedTable() throws {
        let run = try expect(0, ["--list-codes"])
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/finding-codes.md"), encoding: .utf8)
        XCTAssertEqual(run.stdout, committed, "regenerate: swift run invitesheet validate --list-codes > docs/finding-codes.md")
    }
}
