import Foundation
import SheetIO

/// Whether `invitesheet template` may write over a file that is already there without losing
/// anything someone typed. A filled-in `user-list.xlsx` in the current folder is the usual victim.
public enum TemplateOverwrite: Sendable, Equatable {
    /// No file there, the same bytes as the template, or a template with no rows filled in (an
    /// older version, or one made with another policy): writing over it loses nothing.
    case safe
    /// A user list with this many rows filled in below its header.
    case holdsRows(Int)
    /// Some other file: not a spreadsheet, or a workbook that is not an invitesheet template.
    /// (Only a template is known to hold nothing of value when its rows are empty.)
    case differs

    /// Judges the file at `path` against `template`, the file the command is about to write (so an
    /// identical file is recognised as `template --check` recognises it).
    public static func judge(existing path: String, template: String, limits: ReadLimits = .default) -> TemplateOverwrite {
        guard FileManager.default.fileExists(atPath: path) else { return .safe }
        if let comparison = try? TemplateComparison.compare(committed: path, expected: template, limits: limits), comparison.identical {
            return .safe
        }
        guard let source = try? Spreadsheet.open(path: path, limits: limits),
              let choice = try? StructureStage().chooseSheet(in: source) else { return .differs }
        guard let users = choice.sheetIndex, let rows = try? filledRows(of: users, in: source) else { return .differs }
        if rows > 0 { return .holdsRows(rows) }
        return choice.metadata != nil ? .safe : .differs
    }

    /// Non-blank rows after the first non-blank one (the header).
    private static func filledRows(of sheet: Int, in source: SheetSource) throws -> Int {
        var seenHeader = false
        var rows = 0
        _ = try source.readRows(sheet: sheet) { row in
            guard !row.isBlank else { return }
            if seenHeader { rows += 1 } else { seenHeader = true }
        }
        return rows
    }
}
