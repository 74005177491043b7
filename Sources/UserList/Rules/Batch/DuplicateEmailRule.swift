/// The same email (ignoring case, after trimming) on two rows: every later row is an error naming the
/// first (in a corrections workbook, by its row in the original file, with that file's name).
public struct DuplicateEmailRule: BatchRule {
    public let name = "duplicate-email"
    public let title = "Each email appears once in the file"
    public var codes: [FindingCode] { [.duplicateEmailInFile] }
    private var seen = FirstOccurrenceIndex()
    public init() {}

    public mutating func check(_ row: inout RowDraft) {
        guard let email = row.values[.email] else { return }
        if let first = seen.firstRow(for: email, row: row.reference) {
            row.report(.duplicateEmailInFile, stage: stage, field: .email,
                       message: "\(row.origin.name(first)) has the same email address.",
                       hint: "Delete this row, or correct the address if it belongs to someone else.")
        }
    }

    /// Distinct emails seen so far.
    public var distinctCount: Int { seen.count }
    /// Approximate bytes used to remember them.
    public var approximateBytes: Int { seen.approximateBytes }
}
