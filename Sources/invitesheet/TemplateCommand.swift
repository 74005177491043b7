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

        --check FILE compares FILE with what this command would write now: exit 0 when it is \
        current, 1 with the first differences when it is not (for CI).

        Examples:
          invitesheet template
          invitesheet template -o templates/user-list.xlsx --policy policy.json
          invitesheet template --check templates/user-list.xlsx
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (default: \(TemplateWriter.defaultFileName)).", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Compare FILE with the template this command writes; exit 1 when they differ.", valueName: "FILE"))
    var check: String?

    @Option(help: ArgumentHelp("A JSON policy file (ODC list, sponsoring agencies …); defaults otherwise.", valueName: "FILE"))
    var policy: String?

    func validate() throws {
        if check != nil && output != nil {
            throw ValidationError("Use either -o to write the template or --check to compare one, not both.")
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
        do { try writer.write(to: path) } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
        print("Wrote \(path) (template \(writer.layout.metadata.templateID) version \(writer.layout.metadata.version)).")
    }

    private func runCheck(_ file: String, writer: TemplateWriter) throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("invitesheet-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let result: TemplateComparison
        do {
            try writer.write(to: scratch)
            result = try TemplateComparison.compare(committed: file, expected: scratch)
        } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
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
