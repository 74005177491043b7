/// Where an invitation stands in TechPass (SPEC "States"): `account-created` → `onboarded`;
/// `registration-pending` → `registered` or `expired`; any not-yet-onboarded invitation →
/// `superseded` when a newer one replaces it; `failed` when its email could not be delivered.
public enum TechPassStatus: String, Codable, CaseIterable, Sendable {
    case accountCreated = "account-created"
    case registrationPending = "registration-pending"
    case registered
    case onboarded
    case expired
    case superseded
    case failed

    /// The invitee has an account in use: a new row for them is a duplicate, and nothing can be re-sent.
    public var accountExists: Bool { self == .registered || self == .onboarded }

    /// Waiting for the invitee: a new row with the same details is "already invited".
    public var isPending: Bool { self == .accountCreated || self == .registrationPending }
}

/// Whether the invitee also needs SEED (Security Suite for Engineering Endpoint Devices).
public enum SeedStatus: String, Codable, CaseIterable, Sendable {
    case notRequired = "not-required"
    case pending
    case onboarded
}

/// The two kinds of invitee (SPEC "Two kinds of invitee").
public enum InvitationKind: String, Codable, CaseIterable, Sendable {
    /// A public officer of an integrated identity provider: the account is created at once.
    case accountCreated = "account-created"
    /// Everyone else: a registration link that expires.
    case registration
}
