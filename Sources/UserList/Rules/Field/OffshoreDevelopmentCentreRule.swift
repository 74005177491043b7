/// The offshore development centre is one of the policy's list, or `Others` (any case; written as
/// listed, a change). Whether it is needed is `OffshoreVendorRule`'s.
public struct OffshoreDevelopmentCentreRule: FieldRule {
    public let name = "offshore-development-centre"
    public let title = "Offshore development centre is from the list, or Others"
    let matcher: ChoiceMatcher
    public var codes: [FindingCode] { [.odcUnknown, .changeNormalised] }

    public init(policy: Policy = .default) { matcher = ChoiceMatcher(policy.odcChoices) }

    public func applies(to field: FieldKey) -> Bool { field == .odc }

    public func check(_ field: FieldKey, in row: inout RowDraft) {
        guard let text = row.values[field] else { return }
        guard let centre = matcher.match(text) else {
            let hint = matcher.suggestion(for: text).map { "Did you mean \($0)?" }
                ?? "Choose \(matcher.listed); for any other centre choose \(Policy.otherODC) and fill in the offshore company name."
            row.report(.odcUnknown, stage: stage, field: field,
                       message: "\"\(text)\" is not an offshore development centre in the list.", hint: hint)
            return
        }
        if centre != text {
            row.values[field] = centre
            row.report(.changeNormalised, stage: stage, field: field, message: "Written as \(centre).")
        }
    }
}
