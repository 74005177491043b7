/// The always-required (`*`) fields must not be blank, for the fields the row's form asks for (every
/// one for the template; the email invitation asks a public officer only for email, SEED and
/// reason). SEED is left to the row stage, because an offshore vendor's blank SEED becomes Yes.
public struct RequiredFieldRule: FieldRule {
    public let name = "required-fields"
    public let title = "Always-required fields are filled in"
    public let fields: Set<FieldKey>
    /// The form the rows were given in; says what to do about a blank field when it knows more than the fix.
    public let form: InvitationForm
    public var checksBlank: Bool { true }
    public var codes: [FindingCode] { FieldKey.allCases.filter(fields.contains).compactMap { FindingCode.required($0) } }

    public init(schema: UserListSchema = .current, form: InvitationForm = .template) {
        fields = form.requiredFields(in: schema)
        self.form = form
    }

    public func applies(to field: FieldKey) -> Bool { fields.contains(field) }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard row.isBlank(field), let code = FindingCode.required(field) else { return }
        let title = UserListSchema.current.column(field)?.title ?? field.rawValue
        // A cell of only spaces is missing: that is its one finding, not also "spaces removed".
        _ = row.withdrawFindings(about: field, from: stage)
        row.report(code, stage: stage, field: field, message: "\(title) is required.", hint: form.missingFieldHints[field])
        row.settle(field)
    }
}
