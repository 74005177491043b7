import Reports
import SheetIO
import UserList

/// One person given field by field (the `invite` command's options) as the one-row user list it
/// stands for: the current template's header in row 1 and the person in row 2, each value the text
/// typed, as a CSV file holds it. Validating it runs the same stages and rules as that file, and
/// submitting it leaves the ledger as submitting that file would.
public struct OneRowUserList {
    /// The spreadsheet row the person is on (the header is row 1), as in the one-row file.
    public static let rowNumber = 2

    /// The value of each field given, as it goes into the cell.
    public let values: [FieldKey: String]

    /// The person's fields as typed. A field left out is an empty cell; the user type defaults to
    /// `Public officer` (the seeds' email invitation). A value that is one of a column's dropdown
    /// entries under `policy`, ignoring case and with `-` or `_` for a space (`vendor`, `yes`,
    /// `public-officer`), is that entry, as picking it in the template would give; anything else is
    /// kept as typed, for the rules to judge.
    public init(_ typed: [FieldKey: String], policy: Policy = .default) {
        var values: [FieldKey: String] = [:]
        for (key, text) in typed {
            values[key] = Self.dropdownEntry(key, text, policy: policy) ?? text
        }
        if values[.userType] == nil { values[.userType] = UserType.publicOfficer.rawValue }
        self.values = values
    }

    /// The dropdown entry `text` names in `key`'s column, if it names one.
    static func dropdownEntry(_ key: FieldKey, _ text: String, policy: Policy) -> String? {
        guard let entries = UserListSchema.current.column(key)?.dropdown?.values(policy: policy) else { return nil }
        func fold(_ s: String) -> String { String(s.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 }) }
        let folded = fold(text)
        return entries.first { fold($0) == folded }
    }

    /// The header row and the person's row, as a sheet reads them.
    public var rows: [Row] {
        let columns = UserListSchema.current.columns
        let header = Row(number: 1, cells: columns.enumerated().map { Cell(column: $0.offset, value: .text($0.element.header)) })
        let cells = columns.enumerated().compactMap { i, column in
            values[column.key].flatMap { $0.isEmpty ? nil : Cell(column: i, value: .text($0)) }
        }
        return [header, Row(number: Self.rowNumber, cells: cells)]
    }

    /// What stands for the file's bytes: each row's cells as text, tab-separated, one row per line.
    /// The same details always give the same SHA-256.
    var digest: FileDigest {
        let text = rows.map { row in
            (0..<UserListSchema.current.columns.count).map { row.cell(at: $0)?.value.displayText ?? "" }.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
        return FileDigest(of: Array(text.utf8))
    }

    /// The validation job for this person, named `displayName` in reports and in the ledger.
    public func job(displayName: String, policy: Policy, existing: ExistingAccounts) -> ValidationJob {
        let source = InMemorySheetSource(fileName: displayName, rows: rows)
        return ValidationJob(inMemory: InMemoryInput(source: source, digest: digest), displayName: displayName,
                             policy: policy, existing: existing)
    }
}
