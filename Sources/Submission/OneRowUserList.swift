import Foundation
import Reports
import SheetIO
import UserList

/// One person given field by field (the `invite` command's options) as the one-row user list it
/// stands for: the current template's header in row 1 and the person in row 2, each value the text
/// typed, as a CSV file holds it. Validating it runs the same stages and rules as that file, and
/// submitting it leaves the ledger as submitting that file would. A public officer given only by
/// email, SEED and reason (the seeds' email invitation) is checked as that form: the names and
/// contact number the template asks of everyone are not required of them.
public struct OneRowUserList {
    /// The spreadsheet row the person is on (the header is row 1), as in the one-row file.
    public static let rowNumber = 2

    /// What the seeds' create account asks of a public officer beyond the email invitation's email,
    /// SEED and reason: giving any of these means the create-account form, which needs the template's
    /// every required field.
    public static let createAccountDetails: [FieldKey] = [.firstName, .lastName, .contactNumber, .organisation, .department, .username]

    /// The value of each field given, as it goes into the cell.
    public let values: [FieldKey: String]

    /// The form the person was given in: the email invitation for a public officer with none of the
    /// create-account details; otherwise the template's. A public officer with some of the details
    /// but not every required one is told that the short form needs only email, SEED and reason.
    public let form: InvitationForm

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
        form = Self.form(of: values)
    }

    /// The form `values` were given in (see `form`).
    static func form(of values: [FieldKey: String]) -> InvitationForm {
        let userType = values[.userType].flatMap { UserType(parsing: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard userType == .publicOfficer else { return .template }
        let given = createAccountDetails.filter { !(values[$0] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !given.isEmpty else { return .emailInvitation }
        let shortForm = InvitationForm.emailInvitation.collects.subtracting([.userType])
        let shortOptions = FieldKey.allCases.filter(shortForm.contains).map(FieldOption.name).joined(separator: " ")
        let leaveOut = Self.listed(given.map(FieldOption.name))
        return InvitationForm(name: "create account", collects: InvitationForm.template.collects).hinting(createAccountDetails) { missing in
            "Give \(FieldOption.name(missing)) too, or leave out \(leaveOut): the short email-invitation form needs only \(shortOptions)."
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func listed(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
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
                             policy: policy, existing: existing, form: form)
    }
}
