/// The reason has at most 500 characters (emptiness is `RequiredFieldRule`'s).
public struct ReasonRule: FieldRule {
    public let name = "reason"
    public let title = "Reason has at most 500 characters"
    public var codes: [FindingCode] { [.reasonTooLong] }
    public init() {}

    public func applies(to field: FieldKey) -> Bool { field == .reason }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        let count = text.count
        if count > UserListSchema.reasonMaxLength {
            row.report(.reasonTooLong, stage: stage, field: field,
                       message: "The reason has \(count) characters; the most allowed is \(UserListSchema.reasonMaxLength).")
        }
    }
}
