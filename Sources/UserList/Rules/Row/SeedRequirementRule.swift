/// SEED must be answered; offshore vendors must have Yes: blank becomes Yes (a change), No is an error.
public struct SeedRequirementRule: RowRule {
    public let name = "seed-requirement"
    public let title = "SEED is answered, and Yes for offshore vendors"
    public var codes: [FindingCode] { [.seedRequired, .seedDefaultedYes, .seedOffshoreRequiresYes] }
    public init() {}

    public func check(_ row: inout RowDraft) {
        if row.isBlank(.seed) {
            if row.isOffshoreVendor {
                row.values[.seed] = YesNo.yes.rawValue
                row.report(.seedDefaultedYes, stage: stage, field: .seed,
                           message: "SEED onboarding was empty and is set to Yes: offshore vendors need SEED.")
            } else {
                row.report(.seedRequired, stage: stage, field: .seed,
                           message: "SEED onboarding required? is required.",
                           hint: "Choose Yes if the user will reach SGTS from an internet device, No for a government (GSIB) device.")
            }
        } else if row.isOffshoreVendor, row.values[.seed] == YesNo.no.rawValue {
            row.report(.seedOffshoreRequiresYes, stage: stage, field: .seed,
                       message: "Offshore vendors must be onboarded to SEED, so this must be Yes.",
                       hint: "Set it to Yes, or Business operation to Onshore if the vendor works onshore.")
        }
    }
}
