import Foundation
import SheetIO

/// How a committed template differs from the one `TemplateWriter` writes now, for
/// `invitesheet template --check`: identical bytes, or the first differences in the sheet list
/// (names, order, visibility) and in cell values, one readable line each
/// (`Users!C1: "TechPass username" → "Username"`, committed value first).
public struct TemplateComparison: Sendable, Equatable {
    /// True when the two files have the same bytes.
    public var identical: Bool
    /// The first differences, in sheet and cell order.
    public var differences: [String]
    /// Differences found beyond those listed.
    public var moreDifferences: Int

    public init(identical: Bool, differences: [String] = [], moreDifferences: Int = 0) {
        self.identical = identical
        self.differences = differences
        self.moreDifferences = moreDifferences
    }

    /// Compares the workbook at `committed` with the one at `expected`.
    ///
    /// Only sheets and cell values are compared in detail; when those match but the bytes do not, the
    /// one difference says that formatting, dropdowns, notes or file properties changed.
    public static func compare(committed: String, expected: String, limit: Int = 20, limits: ReadLimits = .default) throws -> TemplateComparison {
        let a = try bytes(committed, limits: limits)
        let b = try bytes(expected, limits: limits)
        if a == b { return TemplateComparison(identical: true) }

        var collector = Collector(limit: limit)
        let old = try Spreadsheet.open(path: committed, limits: limits)
        let new = try Spreadsheet.open(path: expected, limits: limits)
        let oldList = old.sheets.map(describe).joined(separator: ", ")
        let newList = new.sheets.map(describe).joined(separator: ", ")
        if oldList != newList { collector.add("sheets: \(oldList) → \(newList)") }
        for sheet in new.sheets {
            guard let before = old.sheets.first(where: { $0.name == sheet.name }) else { continue }
            let oldCells = try cells(of: before.index, in: old)
            let newCells = try cells(of: sheet.index, in: new)
            for key in Set(oldCells.keys).union(newCells.keys).sorted() {
                let was = oldCells[key] ?? .empty
                let now = newCells[key] ?? .empty
                guard was != now else { continue }
                let ref = CellReference.a1(column: key.column, row: key.row)
                let skip = commonPrefix(was, now)
                collector.add("\(sheet.name)!\(ref): \(shown(was, skipping: skip)) → \(shown(now, skipping: skip))")
            }
        }
        if collector.count == 0 {
            collector.add("the sheets and cell values are the same; formatting, dropdowns, notes or file properties differ")
        }
        return TemplateComparison(identical: false, differences: collector.lines, moreDifferences: collector.count - collector.lines.count)
    }

    private struct Collector {
        let limit: Int
        var lines: [String] = []
        var count = 0
        mutating func add(_ line: String) {
            count += 1
            if lines.count < limit { lines.append(line) }
        }
    }

    /// A cell position ordered by row, then column.
    private struct Position: Hashable, Comparable {
        var row: Int
        var column: Int
        static func < (a: Position, b: Position) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    private static func bytes(_ path: String, limits: ReadLimits) throws -> Data {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count <= limits.maxFileBytes else {
                throw SheetIOError(.zipLimit, "the file is \(data.count) bytes; the limit is \(limits.maxFileBytes)", file: path)
            }
            return data
        } catch let error as SheetIOError {
            throw error
        } catch {
            throw SheetIOError(.io, "cannot read: \(error.localizedDescription)", file: path)
        }
    }

    private static func describe(_ sheet: SheetInfo) -> String {
        sheet.visibility == .visible ? sheet.name : "\(sheet.name) (\(sheet.visibility.rawValue))"
    }

    /// Every non-empty cell of a sheet; a template is small, so the whole sheet is kept.
    private static func cells(of sheet: Int, in source: SheetSource) throws -> [Position: CellValue] {
        var out: [Position: CellValue] = [:]
        _ = try source.readRows(sheet: sheet) { row in
            for cell in row.cells where !cell.value.isEmpty {
                out[Position(row: row.number, column: cell.column)] = cell.value
            }
        }
        return out
    }

    /// Characters to leave out at the start of two long texts so that their difference shows.
    private static func commonPrefix(_ a: CellValue, _ b: CellValue) -> Int {
        guard case .text(let x) = a, case .text(let y) = b else { return 0 }
        var n = 0
        for (p, q) in zip(x, y) {
            guard p == q else { break }
            n += 1
        }
        return n > 30 ? n - 20 : 0
    }

    private static func shown(_ value: CellValue, skipping: Int) -> String {
        switch value {
        case .empty: return "(empty)"
        case .text(let s):
            var text = skipping > 0 ? "…" + s.dropFirst(skipping) : s
            if text.count > 70 { text = String(text.prefix(69)) + "…" }
            return "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
        default: return value.displayText
        }
    }
}
