/// When the policy lists sponsoring agencies, the value must be one of them (any case; written as
/// listed, a change). With no list the agency is free text.
public struct SponsoringAgencyRule: FieldRule {
    public let name = "sponsoring-agency"
    public let title = "Sponsoring agency is one the policy lists"
    let matcher: ChoiceMatcher
    public var codes: [FindingCode] { [.sponsoringAgencyUnknown, .changeNormalised] }

    public init(policy: Policy = .default) { matcher = ChoiceMatcher(policy.sponsoringAgencies) }

    public func applies(to field: FieldKey) -> Bool { field == .sponsoringAgency && !matcher.choices.isEmpty }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        guard let agency = matcher.match(text) else {
            row.report(.sponsoringAgencyUnknown, stage: stage, field: field,
                       message: "\"\(text)\" is not one of the sponsoring agencies in the policy.",
                       hint: matcher.suggestion(for: text).map { "Did you mean \($0)?" } ?? "Choose the agency from the dropdown.")
            return
        }
        if agency != text {
            row.values[field] = agency
            row.report(.changeNormalised, stage: stage, field: field, message: "Written as \(agency).")
        }
    }
}
