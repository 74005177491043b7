/// Business operation is `Onshore` or `Offshore`, any case (written the standard way, a change).
public struct BusinessOperationRule: FieldRule {
    public let name = "business-operation"
    public let title = "Business operation is Onshore or Offshore"
    public var codes: [FindingCode] { [.businessOperationInvalid, .changeNormalised] }
    public init() {}

    static let matcher = ChoiceMatcher(BusinessOperation.allCases.map(\.rawValue))

    public func applies(to field: FieldKey) -> Bool { field == .businessOperation }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        guard let op = BusinessOperation(parsing: text) else {
            let squeezed = text.lowercased().filter { $0.isLetter }
            let suggestion = BusinessOperation(parsing: squeezed)?.rawValue ?? Self.matcher.suggestion(for: text)
            row.report(.businessOperationInvalid, stage: stage, field: field,
                       message: "\"\(text)\" is not Onshore or Offshore.",
                       hint: suggestion.map { "Did you mean \($0)?" })
            return
        }
        row.accept(op)
        if op.rawValue != text {
            row.report(.changeNormalised, stage: stage, field: field, message: "Written as \(op.rawValue).")
        }
    }
}
