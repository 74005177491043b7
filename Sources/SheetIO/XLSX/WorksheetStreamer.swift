import SheetNative

/// Streams one worksheet part (`<sheetData>`) row by row.
///
/// One pass over the XML with a small workbook context (shared strings, number formats, date
/// system) and reused scratch buffers: a cell allocates only the value it hands out.
final class WorksheetStreamer: XMLStreamHandler {
    private enum CellType { case number, sharedString, boolean, error, formulaString, inlineString, isoDate }

    private let sharedStrings: SharedStringTable
    private let formats: [NumberFormat]
    private let uses1904: Bool
    private let limits: ReadLimits
    private let sheetName: String
    private let body: (Row) throws -> Void

    private var row = Row(number: 0, cells: [], isHidden: false)
    private var inRow = false
    private var rowHasExplicitNumber = false
    private var lastRowNumber = 0
    private var lastColumn = -1
    private var rowTextBytes = 0

    private var cellColumn = 0
    private var cellType = CellType.number
    private var cellFormat = NumberFormat.general
    private var cellHasFormula = false
    private var cellHasValueElement = false
    private var inCell = false
    private var capturing = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private let text = ScratchBuffer()
    private var scratch: [CChar] = []

    private var firstRow = Int.max, lastRow = 0, firstColumn = Int.max, lastUsedColumn = -1
    private(set) var rowCount = 0
    private(set) var mergedRanges: [CellRange] = []
    private(set) var claimedDimension: String?
    private let maxMergedRanges = 100_000

    init(sharedStrings: SharedStringTable, formats: [NumberFormat], uses1904: Bool, limits: ReadLimits,
         sheetName: String, body: @escaping (Row) throws -> Void) {
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.uses1904 = uses1904
        self.limits = limits
        self.sheetName = sheetName
        self.body = body
        scratch.reserveCapacity(64)
        row.cells.reserveCapacity(32)
    }

    var summary: SheetSummary {
        let used = lastRow == 0 ? nil : CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastUsedColumn)
        return SheetSummary(usedRange: used, claimedDimension: claimedDimension, mergedRanges: mergedRanges, rowCount: rowCount)
    }

    private func fail(_ kind: SheetIOError.Kind, _ message: String, cell: String? = nil) -> SheetIOError {
        SheetIOError(kind, message, location: "sheet '\(sheetName)'" + (cell.map { " cell \($0)" } ?? ""))
    }

    // MARK: events

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        let first = name.localName[0]
        switch first {
        case UInt8(ascii: "c") where name.is("c"):
            try startCell(attributes)
        case UInt8(ascii: "v") where name.is("v"):
            // An inline string's text is in <is> alone; a <v> beside it is ignored.
            if inCell && cellType != .inlineString { capturing = true; cellHasValueElement = true }
        case UInt8(ascii: "f") where name.is("f"):
            if inCell { cellHasFormula = true }
        case UInt8(ascii: "r") where name.is("row"):
            try startRow(attributes)
        case UInt8(ascii: "r") where name.is("rPh"):
            phoneticDepth += 1
        case UInt8(ascii: "i") where name.is("is"):
            if inCell { inInlineString = true }
        case UInt8(ascii: "t") where name.is("t"):
            if inInlineString && phoneticDepth == 0 { capturing = true }
        case UInt8(ascii: "m") where name.is("mergeCell"):
            if mergedRanges.count < maxMergedRanges, let ref = attributes.string("ref"), let range = CellRange(a1: ref) {
                mergedRanges.append(range)
            }
        case UInt8(ascii: "d") where name.is("dimension"):
            claimedDimension = attributes.string("ref").map { String($0.prefix(32)) }
        default:
            break
        }
    }

    func endElement(_ name: XMLName) throws {
        let first = name.localName[0]
        switch first {
        case UInt8(ascii: "c") where name.is("c"):
            try endCell()
        case UInt8(ascii: "v") where name.is("v"):
            capturing = false
        case UInt8(ascii: "t") where name.is("t"):
            capturing = false
        case UInt8(ascii: "r") where name.is("row"):
            try endRow()
        case UInt8(ascii: "r") where name.is("rPh"):
            phoneticDepth -= 1
        case UInt8(ascii: "i") where name.is("is"):
            inInlineString = false
        default:
            break
        }
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard capturing else { return }
        text.append(chunk)
        if text.count > limits.maxCellCharacters * 3 {
            throw fail(.cellLimit, "text is longer than \(limits.maxCellCharacters) characters, the most a cell holds",
                       cell: CellReference.a1(column: cellColumn, row: row.number))
        }
    }

    // MARK: rows

    private func startRow(_ attributes: XMLAttributes) throws {
        if let r = attributes.value("r") {
            guard let n = XMLText.parseIndex(r), n >= 1 else {
                if !r.isEmpty, r.allSatisfy({ $0 >= 48 && $0 <= 57 }), r.contains(where: { $0 != 48 }) {
                    // All digits but too many to hold: far beyond the grid, not malformed.
                    throw fail(.cellLimit, "row \(String(decoding: r.prefix(24), as: UTF8.self)) is beyond the limit of \(limits.maxRows) rows")
                }
                throw fail(.badCell, "row number \"\(String(decoding: r.prefix(24), as: UTF8.self))\" is not a whole number from 1 to \(limits.maxRows)")
            }
            guard n <= limits.maxRows else {
                throw fail(.cellLimit, "row \(n) is beyond the limit of \(limits.maxRows) rows")
            }
            row.number = n
            rowHasExplicitNumber = true
        } else {
            row.number = lastRowNumber + 1
            rowHasExplicitNumber = false
            guard row.number <= limits.maxRows else {
                throw fail(.cellLimit, "row \(row.number) is beyond the limit of \(limits.maxRows) rows")
            }
        }
        if let h = attributes.value("hidden"), let c = h.first {
            row.isHidden = c == UInt8(ascii: "1") || c == UInt8(ascii: "t")
        } else {
            row.isHidden = false
        }
        row.cells.removeAll(keepingCapacity: true)
        rowTextBytes = 0
        lastColumn = -1
        inRow = true
    }

    private func endRow() throws {
        guard inRow else { return }
        inRow = false
        lastRowNumber = row.number
        rowCount += 1
        try body(row)
        row.cells.removeAll(keepingCapacity: true)
    }

    // MARK: cells

    private func startCell(_ attributes: XMLAttributes) throws {
        guard inRow else { return }
        inCell = true
        cellHasFormula = false
        cellHasValueElement = false
        capturing = false
        inInlineString = false
        text.reset()

        if let r = attributes.value("r") {
            switch CellReference.parse(r) {
            case let .ok(column, rowNumber):
                if !rowHasExplicitNumber && row.cells.isEmpty && lastColumn < 0 {
                    guard rowNumber <= limits.maxRows else {
                        throw fail(.cellLimit, "row \(rowNumber) is beyond the limit of \(limits.maxRows) rows",
                                   cell: String(decoding: r.prefix(24), as: UTF8.self))
                    }
                    row.number = rowNumber
                }
                cellColumn = column
            case .columnBeyondLimit:
                throw fail(.cellLimit, "column is beyond Excel's last column XFD (\(limits.maxColumns) columns)",
                           cell: String(decoding: r.prefix(24), as: UTF8.self))
            case .rowBeyondLimit:
                throw fail(.cellLimit, "row is beyond Excel's limit of \(limits.maxRows) rows",
                           cell: String(decoding: r.prefix(24), as: UTF8.self))
            case .malformed:
                throw fail(.badCell, "malformed cell reference \"\(String(decoding: r.prefix(24), as: UTF8.self))\"")
            }
        } else {
            cellColumn = lastColumn + 1
        }
        guard cellColumn < limits.maxColumns else {
            throw fail(.cellLimit, "column \(cellColumn + 1) is beyond the limit of \(limits.maxColumns) columns",
                       cell: CellReference.a1(column: min(cellColumn, CellReference.maxColumns), row: row.number))
        }
        lastColumn = cellColumn

        cellType = .number
        if let t = attributes.value("t"), let c = t.first {
            switch c {
            case UInt8(ascii: "s"): cellType = t.count == 1 ? .sharedString : .formulaString
            case UInt8(ascii: "b"): cellType = .boolean
            case UInt8(ascii: "e"): cellType = .error
            case UInt8(ascii: "i"): cellType = .inlineString
            case UInt8(ascii: "d"): cellType = .isoDate
            default: cellType = .number
            }
        }
        if let s = attributes.value("s"), let index = XMLText.parseIndex(s), index < formats.count {
            cellFormat = formats[index]
        } else {
            cellFormat = formats.first ?? .general
        }
    }

    private func endCell() throws {
        guard inCell else { return }
        inCell = false
        capturing = false
        var value = try makeValue(text.bytes)
        if case .empty = value {
            guard cellHasFormula else { return }
            // A formula's cached result is in <v>. Excel writes an empty text result as t="str" with an
            // empty <v>; no <v> at all, or an empty one of any other type (openpyxl writes `<v />`),
            // means the result was never saved: not an empty cell.
            if !cellHasValueElement || cellType != .formulaString { value = .formulaWithoutResult }
        }
        // Columns are bounded, but a row may repeat `r="A1"` endlessly: cap its cells at the column count.
        guard row.cells.count < limits.maxColumns else {
            throw fail(.cellLimit, "row \(row.number) has more than \(limits.maxColumns) cells, the most a row holds",
                       cell: CellReference.a1(column: cellColumn, row: row.number))
        }
        // Excel allows 16,384 cells of 32,767 characters in a row (about 1.5 GB as UTF-8); a user list
        // never comes close, and a crafted one must not exhaust memory before the row ends.
        if case .text(let s) = value { rowTextBytes += s.utf8.count } else { rowTextBytes += text.count }
        guard rowTextBytes <= limits.maxRowTextBytes else {
            throw fail(.cellLimit, "row \(row.number) holds more than \(formatBytes(limits.maxRowTextBytes)) of text, the most a row may hold here",
                       cell: CellReference.a1(column: cellColumn, row: row.number))
        }
        row.cells.append(Cell(column: cellColumn, value: value, format: cellFormat, hasFormula: cellHasFormula))
        if case .empty = value { return }
        if row.number < firstRow { firstRow = row.number }
        if row.number > lastRow { lastRow = row.number }
        if cellColumn < firstColumn { firstColumn = cellColumn }
        if cellColumn > lastUsedColumn { lastUsedColumn = cellColumn }
    }

    private func makeValue(_ b: UnsafeBufferPointer<UInt8>) throws -> CellValue {
        switch cellType {
        case .sharedString:
            guard !b.isEmpty else { return .empty }
            guard let index = XMLText.parseIndex(b) else {
                let raw = String(decoding: b.prefix(24), as: UTF8.self)
                let why = raw.hasPrefix("-") ? "is negative" : "is not a whole number"
                throw fail(.badSharedString, "shared-string index \(raw) \(why)", cell: CellReference.a1(column: cellColumn, row: row.number))
            }
            guard index < sharedStrings.count else {
                throw fail(.badSharedString, "shared-string index \(index) is out of range (the workbook has \(sharedStrings.count) shared strings)",
                           cell: CellReference.a1(column: cellColumn, row: row.number))
            }
            return .text(sharedStrings.string(at: index))
        case .number:
            guard !b.isEmpty else { return .empty }
            guard let d = XMLText.parseDouble(b, scratch: &scratch) else {
                throw fail(.badCell, "\"\(String(decoding: b.prefix(40), as: UTF8.self))\" is not a number",
                           cell: CellReference.a1(column: cellColumn, row: row.number))
            }
            return CellValue.stored(d, format: cellFormat.kind, uses1904: uses1904)
        case .boolean:
            guard let c = b.first else { return .empty }
            return .boolean(c == UInt8(ascii: "1") || c == UInt8(ascii: "t"))
        case .error:
            return b.isEmpty ? .empty : .error(String(decoding: b, as: UTF8.self))
        case .formulaString, .inlineString:
            guard !b.isEmpty else { return .empty }
            let s = XMLText.decodeEscapes(b)
            // A formula whose cached text is an error literal shows that error (libxlsxwriter can only
            // cache error results of formulas such as `=#N/A` as text).
            if cellType == .formulaString, cellHasFormula, b.count <= 14, ExcelErrorValue.all.contains(s) { return .error(s) }
            if b.count > limits.maxCellCharacters, s.utf16.count > limits.maxCellCharacters {
                throw fail(.cellLimit, "text has \(s.utf16.count) characters; a cell holds at most \(limits.maxCellCharacters)",
                           cell: CellReference.a1(column: cellColumn, row: row.number))
            }
            return .text(s)
        case .isoDate:
            guard !b.isEmpty else { return .empty }
            let s = String(decoding: b, as: UTF8.self)
            if var d = ExcelDate.parseISO8601(s, uses1904: uses1904) {
                if cellFormat.kind.isDateOrTime { d.kind = Self.dateKind(cellFormat.kind) }
                return .date(d)
            }
            throw fail(.badCell, "\"\(String(s.prefix(40)))\" is not an ISO 8601 date", cell: CellReference.a1(column: cellColumn, row: row.number))
        }
    }

    private static func dateKind(_ kind: NumberFormat.Kind) -> ExcelDate.Kind {
        switch kind {
        case .time: return .time
        case .dateTime: return .dateTime
        default: return .date
        }
    }
}
