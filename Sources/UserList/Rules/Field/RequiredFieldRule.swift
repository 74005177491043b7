/// The always-required (`*`) fields must not be blank. SEED is left to the row stage, because an
/// offshore vendor's blank SEED becomes Yes.
public struct RequiredFieldRule: FieldRule {
    public let name = "required-fields"
    public let title = "Always-required fields are filled in"
    public let fields: Set<FieldKey>
    public var checksBlank: Bool { true }
    public var codes: [FindingCode] { FieldKey.allCases.filter(fields.contains).compactMap { FindingCode.required($0) } }

    public init(schema: UserListSchema = .current) {
        fields = Set(schema.columns.filter { $0.requirement.isAlways && $0.key != .seed }.map(\.key))
    }

    public func applies(to field: FieldKey) -> Bool { fields.contains(field) }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.isBlank(field), let code = FindingCode.required(field) else { return }
        let title = UserListSchema.current.column(field)?.title ?? field.rawValue
        // A cell of only spaces is missing: that is its one finding, not also "spaces removed".
        _ = row.withdrawFindings(about: field, from: stage)
        row.report(code, stage: stage, field: field, message: "\(title) is required.")
        row.settle(field)
    }
}
