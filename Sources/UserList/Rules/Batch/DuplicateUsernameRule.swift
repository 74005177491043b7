/// The same username (ignoring case) on two vendor rows: every later row is an error naming the first.
public struct DuplicateUsernameRule: BatchRule {
    public let name = "duplicate-username"
    public let title = "Each vendor username appears once in the file"
    public var codes: [FindingCode] { [.duplicateUsernameInFile] }
    private var seen = FirstOccurrenceIndex()
    public init() {}

    public mutating func check(_ row: inout RowDraft) {
        guard row.isVendor, let username = row.values[.username] else { return }
        if let first = seen.firstRow(for: username, row: row.reference) {
            row.report(.duplicateUsernameInFile, stage: stage, field: .username,
                       message: "\(row.origin.name(first)) has the same TechPass username.",
                       hint: "Give each vendor a different username, for example by adding the company or a number.")
        }
    }

    public var distinctCount: Int { seen.count }
    public var approximateBytes: Int { seen.approximateBytes }
}
