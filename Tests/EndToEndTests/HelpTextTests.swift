import Foundation
import XCTest
import TestSupport

/// Every command's `--help` as a person reads it in an 80-column terminal (ArgumentParser wraps help
/// text at the terminal width, `COLUMNS`, or 80 when it cannot tell): each example is one line that
/// can be copied whole.
final class HelpTextTests: XCTestCase {
    private var binary: String!

    override func setUpWithError() throws {
        binary = try InvitesheetBinary.locate()
    }

    /// `invitesheet <arguments>` with the terminal `columns` wide.
    private func help(_ arguments: [String], columns: Int = 80) throws -> String {
        let r = try ProcessResult.run("/usr/bin/env", ["COLUMNS=\(columns)", binary] + arguments)
        XCTAssertEqual(r.status, 0, r.stderr)
        return r.stdout
    }

    /// The subcommands named under SUBCOMMANDS in `invitesheet --help`.
    private func subcommands() throws -> [String] {
        let lines = try help(["--help"]).components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let word = line.dropFirst(2).prefix { $0 != " " }
            if !word.isEmpty, word.allSatisfy({ $0.isLowercase || $0 == "-" }) { names.append(String(word)) }
        }
        return names
    }

    /// The lines of the `Examples:` (or `Example:`) block, up to the blank line that ends it.
    private static func examples(in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0 == "Examples:" || $0 == "Example:" }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    /// Example lines that are not a whole command: the tail of one that wrapped. A command too long
    /// for one line (invite's) continues shell-style: its line ends in ` \\` and the next is indented
    /// deeper, so the example still pastes whole.
    private static func wrapped(_ examples: [String], command: String) -> [String] {
        var continues = false
        return examples.filter { line in
            defer { continues = line.hasSuffix(" \\") }
            if continues { return !line.hasPrefix("    --") }
            return !line.hasPrefix("  invitesheet \(command)")
        }
    }

    func testEveryCommandIsListed() throws {
        XCTAssertEqual(Set(try subcommands()), ["convert", "invite", "resend", "sample", "sheets", "status", "submit", "sync", "template", "validate", "watch"])
    }

    func testEveryCommandsExamplesStayOnOneLineAt80Columns() throws {
        let commands = try subcommands()
        XCTAssertFalse(commands.isEmpty)
        for command in commands {
            let text = try help([command, "--help"])
            let examples = Self.examples(in: text)
            XCTAssertFalse(examples.isEmpty, "invitesheet \(command) --help shows no examples:\n\(text)")
            XCTAssertEqual(Self.wrapped(examples, command: command), [], "invitesheet \(command) --help: an example wrapped:\n\(text)")
            for line in text.components(separatedBy: "\n") where !line.hasPrefix("USAGE:") {  // the usage line is never wrapped
                XCTAssertLessThanOrEqual(line.count, 80, "invitesheet \(command) --help: \(line)")
            }
        }
    }

    /// The check above would see a wrapped example: in a narrow terminal the long ones do wrap.
    func testAWrappedExampleIsNoticed() throws {
        let examples = Self.examples(in: try help(["validate", "--help"], columns: 50))
        XCTAssertFalse(Self.wrapped(examples, command: "validate").isEmpty, "\(examples)")
    }

    /// invite's two forms, each an example: a continued line is one example, and a line that lost its
    /// continuation is noticed.
    func testInviteShowsBothFormsAsWholeExamples() throws {
        let examples = Self.examples(in: try help(["invite", "--help"]))
        XCTAssertEqual(examples.filter { $0.hasPrefix("  invitesheet invite") }.count, 2, "\(examples)")
        XCTAssertTrue(examples.contains { $0.hasPrefix("  invitesheet invite --email") }, "the email invitation: \(examples)")
        XCTAssertTrue(examples.contains { $0.hasPrefix("  invitesheet invite --user-type vendor") }, "create account: \(examples)")
        XCTAssertEqual(Self.wrapped(examples, command: "invite"), [])
        var broken = examples
        broken[0] = String(broken[0].dropLast(2))
        XCTAssertFalse(Self.wrapped(broken, command: "invite").isEmpty, "\(broken)")
    }

    /// The email invitation is the seeds' short form everywhere it is shown: the first example of
    /// `invite --help` and the README's gives `--email`, `--seed`, `--reason` and `--inviter`, nothing else.
    func testInvitesFirstExampleIsTheShortEmailInvitation() throws {
        let short: Set<String> = ["--email", "--seed", "--reason", "--inviter"]
        let examples = Self.examples(in: try help(["invite", "--help"]))
        let inHelp = try Self.shellWords(Self.firstCommand(examples.map { $0.trimmingCharacters(in: .whitespaces) }))
        XCTAssertEqual(Set(inHelp.filter { $0.hasPrefix("--") }), short, "\(inHelp)")

        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "\n## Three ways to invite\n"))
        let lines = readme[section.upperBound...].components(separatedBy: "\n")
        let comment = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("# Email invitation") })
        let inReadme = try Self.shellWords(Self.firstCommand(Array(lines[(comment + 1)...])))
        XCTAssertEqual(inReadme.first, "invitesheet")
        XCTAssertEqual(inReadme.dropFirst().first, "invite")
        XCTAssertEqual(Set(inReadme.filter { $0.hasPrefix("--") }), short, "\(inReadme)")
    }

    /// The first command of `lines`, its ` \\`-continued lines joined.
    private static func firstCommand(_ lines: [String]) -> String {
        var command = ""
        for line in lines {
            command += line
            guard command.hasSuffix("\\") else { break }
            command.removeLast()
        }
        return command
    }

    /// `command` split into words as a shell splits them (quotes removed).
    private static func shellWords(_ command: String) throws -> [String] {
        let split = try ProcessResult.run("/usr/bin/env", ["python3", "-c", "import json, shlex, sys; print(json.dumps(shlex.split(sys.stdin.read())))"],
                                          stdin: Data(command.utf8))
        XCTAssertEqual(split.status, 0, split.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: split.stdoutData) as? [String])
    }

    /// The README's section on each command names every option that command's `--help` lists.
    func testReadmeNamesEveryOptionOfEveryCommand() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        for command in try subcommands() {
            guard let heading = readme.range(of: "\n### `invitesheet \(command)") else {
                XCTFail("README.md has no section ### `invitesheet \(command) …`")
                continue
            }
            let rest = readme[heading.upperBound...]
            let section = rest.prefix(upTo: rest.range(of: "\n##")?.lowerBound ?? rest.endIndex)
            let text = try help([command, "--help"])
            guard let start = text.range(of: "\nOPTIONS:\n") else { XCTFail("\(command): no OPTIONS"); continue }
            var checked = 0
            for line in text[start.upperBound...].components(separatedBy: "\n") where line.hasPrefix("  -") {
                // "  -o, --output <FILE>   The file …": the names before the value and the help text.
                let names = line.split(separator: " ").prefix { $0.hasPrefix("-") }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                guard !names.contains("--help"), !names.contains("--version") else { continue }
                checked += 1
                // Named in the text (`--out DIR` — …), not only in the heading's synopsis.
                let named = names.contains { name in [" ", "`", ","].contains { section.contains("`" + name + $0) } }
                XCTAssertTrue(named, "README.md's section on `invitesheet \(command)` does not describe \(names.joined(separator: " / "))")
            }
            XCTAssertGreaterThan(checked, 0, command)
        }
    }
}
