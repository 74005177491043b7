import ArgumentParser
import Foundation
import SheetIO
import UserList

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the user-list template, or check that a committed copy is current.",
        discussion: """
        Writes the template that officers download and fill in: a Users sheet (header frozen, \
        required columns marked *, a note on each header with its rule and an example, dropdowns \
        for user type, SEED, business operation and offshore development centre, contact numbers \
        formatted as text), an Instructions sheet, and hidden Lists and _meta sheets. Without -o \
        it writes user-list.xlsx in the current folder. The same policy always writes the same bytes.

        An existing file is replaced only when it is a template with no rows filled in; a filled-in \
        list or any other file is left alone (exit 64) unless --force is given.

        --check FILE compares FILE with what this command would write now: exit 0 when it is \
        current, 1 with the first differences when it is not (for CI).

        Examples:
          invitesheet template
          invitesheet template -o templates/user-list.xlsx --policy policy.json
          invitesheet template --check templates/user-list.xlsx
          invitesheet template -o user-list.xlsx --force     # replace a filled-in list
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: \(TemplateWriter.defaultFileName)).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Compare FILE with the template this command writes; exit 1 when they differ.", valueName: "FILE"))
    var check: String?

    @Option(help: ArgumentHelp("A JSON policy file (ODC list, sponsoring agencies …); defaults otherwise.", valueName: "FILE"))
    var policy: String?

    @Flag(help: "Replace the file even when it is not an unchanged template (rows filled in are lost).")
    var force = false

    func validate() throws {
        if check != nil && output != nil {
            throw ValidationError("Use either -o to write the template or --check to compare one, not both.")
        }
        if check != nil && force {
            throw ValidationError("--force is for writing the template; --check never changes a file.")
        }
        if let output, Spreadsheet.fileExtension(output) != "xlsx" {
            throw ValidationError("-o must name an .xlsx file, e.g. -o \(TemplateWriter.defaultFileName); got '\(output)'.")
        }
    }

    func run() throws {
        var loaded = Policy.default
        if let policy {
            do { loaded = try Policy.load(path: policy) } catch let e as PolicyError {
                Terminal.standardError("invitesheet: error: \(Terminal.printable(e.description))\n")
                throw Exit.usage
            }
        }
        let writer = TemplateWriter(policy: loaded)
        if let check {
            try runCheck(check, writer: writer)
            return
        }
        let path = output ?? TemplateWriter.defaultFileName
        if !force { try refuseToOverwriteData(path, writer: writer) }
        do { try writer.write(to: path) } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
        print("Wrote \(path) (template \(writer.layout.metadata.templateID) version \(writer.layout.metadata.version)).")
    }

    /// Exits 64 when `path` holds something other than an unchanged template: writing would lose it.
    private func refuseToOverwriteData(_ path: String, writer: TemplateWriter) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let verdict = try withScratchTemplate(writer) { TemplateOverwrite.judge(existing: path, template: $0) }
        let what: String
        switch verdict {
        case .safe: return
        case .holdsRows(let rows): what = "holds \(formatCount(rows, "filled-in row"))"
        case .differs: what = "is not an unchanged template"
        }
        Terminal.standardError("invitesheet: error: \(Terminal.printable(path)) already exists and \(what), so it was not overwritten. "
                               + "Use --force to replace it, or -o another.xlsx to write the template elsewhere.\n")
        throw Exit.usage
    }

    /// Writes the template to a scratch file, hands its path to `body`, then removes it.
    private func withScratchTemplate<T>(_ writer: TemplateWriter, _ body: (String) throws -> T) throws -> T {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("invitesheet-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            try writer.write(to: scratch)
            return try body(scratch)
        } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
    }

    private func runCheck(_ file: String, writer: TemplateWriter) throws {
        let result = try withScratchTemplate(writer) { try TemplateComparison.compare(committed: file, expected: $0) }
        if result.identical {
            print("\(file) is current.")
            return
        }
        var text = "\(file) is not the current template (committed → current):\n"
        for line in result.differences { text += "  \(Terminal.printable(line))\n" }
        if result.moreDifferences > 0 { text += "  … and \(result.moreDifferences) more\n" }
        var command = "invitesheet template -o \(file)"
        if let policy { command += " --policy \(policy)" }
        text += "Run `\(command)` to regenerate it.\n"
        Terminal.standardError(text)
        throw Exit.rowsInvalid  // exit 1: the check failed, as CI expects
    }
}
