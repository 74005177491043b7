import SheetIO

/// One data row as it moves through the field, row, batch and directory stages: its cells, original
/// text, the values as cleaned so far, and every finding so far.
public struct RowDraft: Sendable {
    /// The spreadsheet row number (header is row 1).
    public let rowNumber: Int
    /// The row of the original file (see `RowOrigin.sourceRow(of:)`): `rowNumber` in an ordinary
    /// upload; nil for a row added to a corrections workbook.
    public let sourceRow: Int?
    public let isHidden: Bool
    public let columns: ColumnMap
    /// Whose rows the sheet holds, to name other rows in messages.
    public let origin: RowOrigin
    /// The cell of each field, nil when empty or absent.
    public let cells: FieldValues<Cell?>
    /// Each field's text as Excel shows it (`CellValue.displayText`); empty when absent.
    public let original: FieldValues<String>
    /// What kind of cell each field has, so rules can skip cells cheaply without copying them.
    public let traits: FieldTraits
    /// Each field's value as cleaned and normalised so far; nil when blank or ignored.
    public var values: FieldValues<String?>
    /// The user type, set by the field stage once it has accepted the value.
    public internal(set) var userType: UserType?
    /// The business operation, set by the field stage once it has accepted the value.
    public internal(set) var businessOperation: BusinessOperation?
    public private(set) var findings: [Finding] = []
    /// Fields whose checks are finished (an Excel error cell, a required value missing), one bit
    /// per `FieldKey.index`.
    private var settled: UInt32 = 0

    /// Picks each field's cell out of a sheet row.
    public init(row: Row, columns: ColumnMap, origin: RowOrigin = .ownRows) {
        rowNumber = row.number
        sourceRow = origin.sourceRow(of: row)
        isHidden = row.isHidden
        self.columns = columns
        self.origin = origin
        var cells = FieldValues<Cell?>(repeating: nil)
        var original = FieldValues<String>(repeating: "")
        var values = FieldValues<String?>(repeating: nil)
        var traits = FieldTraits()
        for cell in row.cells {
            guard let field = columns.field(atColumn: cell.column), !cell.value.isEmpty else { continue }
            cells[field] = cell
            traits[field] = CellTraits(cell)
            // A formula without a saved result has no text to check; its own rule reports it.
            if case .formulaWithoutResult = cell.value { continue }
            let text = cell.value.displayText
            original[field] = text
            values[field] = text
        }
        self.cells = cells
        self.original = original
        self.values = values
        self.traits = traits
    }

    /// A row of the standard layout from values in template order, for tests and samples.
    public init(number: Int, values: [CellValue], isHidden: Bool = false) {
        let cells = values.enumerated().map { Cell(column: $0.offset, value: $0.element) }
        self.init(row: Row(number: number, cells: cells, isHidden: isHidden), columns: .standard)
    }

    // MARK: Reading

    /// The current value of a field; nil when blank.
    public subscript(field: FieldKey) -> String? { values[field] }

    /// This row as another row's message names it.
    public var reference: RowReference { RowReference(sourceRow: sourceRow, row: rowNumber) }

    public var isVendor: Bool { userType == .vendor }
    public var isPublicOfficer: Bool { userType == .publicOfficer }
    public var isOffshoreVendor: Bool { isVendor && businessOperation == .offshore }

    /// True when the field is blank and nothing has been said about it yet.
    public func isBlank(_ field: FieldKey) -> Bool { values[field] == nil && !isSettled(field) }

    /// True once a rule has finished with the field; later field rules skip it.
    public func isSettled(_ field: FieldKey) -> Bool { settled & (1 << UInt32(field.index)) != 0 }

    /// True when any finding so far is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// True when a finding so far is an error about this field.
    public func hasError(in field: FieldKey) -> Bool {
        let key = field.rawValue
        return findings.contains { $0.severity == .error && $0.field == key }
    }

    // MARK: Recording

    /// Adds a finding about a field (or the whole row when `field` is nil), located from the column map.
    public mutating func report(_ code: FindingCode, stage: Stage, field: FieldKey?, message: String, hint: String? = nil) {
        var column: Int?
        var header: String?
        var value: String?
        if let field {
            column = columns.column(of: field)
            header = columns.header(of: field) ?? UserListSchema.current.column(field)?.header
            let text = original[field]
            value = text.isEmpty ? nil : text
        }
        var finding = Finding(stage: stage, row: rowNumber, column: column, field: field, header: header,
                              value: value, code: code, message: message, hint: hint)
        finding.sourceRow = sourceRow
        findings.append(finding)
    }

    /// Takes back the findings a stage has made so far about a field, for a rule that decides the
    /// field's one finding itself (contact numbers).
    public mutating func withdrawFindings(about field: FieldKey, from stage: Stage) -> [Finding] {
        let key = field.rawValue
        // Most cells have nothing to take back: no copy, no allocation.
        guard findings.contains(where: { $0.field == key && $0.stage == stage }) else { return [] }
        let taken = findings.filter { $0.field == key && $0.stage == stage }
        findings.removeAll { $0.field == key && $0.stage == stage }
        return taken
    }

    /// Marks a field finished: later field rules leave it alone.
    public mutating func settle(_ field: FieldKey) { settled |= 1 << UInt32(field.index) }

    /// Records the accepted user type (its field rule does this).
    public mutating func accept(_ type: UserType) {
        userType = type
        values[.userType] = type.rawValue
    }

    /// Records the accepted business operation (its field rule does this).
    public mutating func accept(_ operation: BusinessOperation) {
        businessOperation = operation
        values[.businessOperation] = operation.rawValue
    }

    /// Drops a field's value and the findings the given stages made about it (a value that is ignored).
    public mutating func ignore(_ field: FieldKey, findingsFrom stages: Set<Stage>) {
        values[field] = nil
        if field == .businessOperation { businessOperation = nil }
        if field == .userType { userType = nil }
        settle(field)
        let key = field.rawValue
        findings.removeAll { $0.field == key && stages.contains($0.stage) }
    }
}

/// Each field's `CellTraits`, stored inline: a row's traits are a few bytes that need no heap
/// allocation (unlike `FieldValues`, whose values are copied with the row and so share a buffer).
public struct FieldTraits: Sendable, Equatable {
    private var storage: InlineArray<16, UInt8> = InlineArray(repeating: 0)

    public init() {}

    public subscript(field: FieldKey) -> CellTraits {
        get { CellTraits(rawValue: storage[field.index]) }
        set { storage[field.index] = newValue.rawValue }
    }

    public static func == (a: FieldTraits, b: FieldTraits) -> Bool {
        FieldKey.allCases.allSatisfy { a[$0] == b[$0] }
    }
}

/// What kind of value a cell holds, as bits, for cheap checks in hot loops.
public struct CellTraits: OptionSet, Sendable, Equatable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let present = CellTraits(rawValue: 1 << 0)
    public static let text = CellTraits(rawValue: 1 << 1)
    public static let number = CellTraits(rawValue: 1 << 2)
    public static let date = CellTraits(rawValue: 1 << 3)
    public static let error = CellTraits(rawValue: 1 << 4)
    public static let boolean = CellTraits(rawValue: 1 << 5)
    public static let formula = CellTraits(rawValue: 1 << 6)
    /// A formula saved without its result: the cell holds something, but its value is unknown.
    public static let noResult = CellTraits(rawValue: 1 << 7)

    public init(_ cell: Cell) {
        var t: CellTraits = .present
        switch cell.value {
        case .text: t.insert(.text)
        case .number, .duration: t.insert(.number)
        case .date: t.insert(.date)
        case .error: t.insert(.error)
        case .boolean: t.insert(.boolean)
        case .formulaWithoutResult: t.insert(.noResult)
        case .empty: t = []
        }
        if cell.hasFormula { t.insert(.formula) }
        self = t
    }
}
