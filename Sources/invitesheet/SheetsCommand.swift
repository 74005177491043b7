import ArgumentParser
import SheetIO

struct SheetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheets",
        abstract: "List a workbook's sheets: name, visibility, kind (worksheet or chart) and used range.",
        discussion: """
        The used range is computed from the cells that hold values, not from what the file \
        claims. Hidden and very hidden sheets are listed too: a hidden sheet that looks like \
        the user list is a common reason for a surprising validation result.

        Example:
          invitesheet sheets users.xlsx
        """
    )

    @Argument(help: ArgumentHelp("The spreadsheet to inspect.", valueName: "FILE"))
    var file: String

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var inputOptions: InputOptions

    func run() throws {
        let source = try inputOptions.open(file)
        var lines: [(SheetInfo, SheetSummary)] = []
        do {
            for info in source.sheets {
                let summary = try source.readRows(sheet: info.index) { _ in }
                lines.append((info, summary))
            }
        } catch let e as SheetIOError {
            report(e)
            throw Exit.unprocessable
        }
        if json {
            var out = "{\"file\":\(JSONEscaping.quoted(file)),\"sheets\":["
            out += lines.map { info, s in
                "{\"index\":\(info.index + 1),\"name\":\(JSONEscaping.quoted(info.name)),\"visibility\":\"\(info.visibility.rawValue)\",\"kind\":\"\(info.kind.rawValue)\","
                    + "\"usedRange\":\(s.usedRange.map { JSONEscaping.quoted($0.a1) } ?? "null"),\"rows\":\(s.rowCount)}"
            }.joined(separator: ",")
            out += "]}"
            print(out)
            return
        }
        print("#  \("name".padding(24))  \("visibility".padding(10))  \("kind".padding(9))  used range")
        for (info, s) in lines {
            let range = s.usedRange.map(\.a1) ?? "(empty)"
            print("\(String(info.index + 1).padding(2)) \(Terminal.printable(info.name).padding(24))  \(info.visibility.rawValue.padding(10))  \(info.kind.rawValue.padding(9))  \(range)")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
