/// Which of the template's fields a way of inviting asks for. The template (batch upload, and
/// `invite`'s create account) asks for every one. The seeds' email invitation asks a public officer
/// only for the address, SEED and reason: the officer gives the rest when registering. An
/// always-required column the form does not ask for is not required on its row; a value given for
/// it is still checked by every rule.
public struct InvitationForm: Sendable, Equatable {
    /// For people and reports: `template`, `email invitation`.
    public var name: String
    /// The fields the form asks for.
    public var collects: Set<FieldKey>
    /// What to do about a required field left blank, said instead of its code's fix (none: the fix).
    public var missingFieldHints: [FieldKey: String]

    public init(name: String, collects: Set<FieldKey>, missingFieldHints: [FieldKey: String] = [:]) {
        self.name = name
        self.collects = collects
        self.missingFieldHints = missingFieldHints
    }

    /// The user-list template: every column, required as its header says.
    public static let template = InvitationForm(name: "template", collects: Set(FieldKey.allCases))

    /// The seeds' "Email invitation" of a public officer: email address, "Is onboarding to SEED
    /// required?" and reason. The user type is not asked: it is Public officer.
    public static let emailInvitation = InvitationForm(name: "email invitation", collects: [.email, .userType, .seed, .reason])

    /// The fields a row of this form must have filled in: the always-required columns of `schema` it
    /// asks for. SEED is left to the row stage, because an offshore vendor's blank SEED becomes Yes.
    public func requiredFields(in schema: UserListSchema) -> Set<FieldKey> {
        Set(schema.columns.filter { $0.requirement.isAlways && $0.key != .seed && collects.contains($0.key) }.map(\.key))
    }

    /// The same form, saying `hint` (given the field) when one of `fields` is required and left blank.
    public func hinting(_ fields: [FieldKey], _ hint: (FieldKey) -> String) -> InvitationForm {
        var form = self
        for field in fields { form.missingFieldHints[field] = hint(field) }
        return form
    }
}
