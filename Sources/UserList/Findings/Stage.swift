/// The validation stages, in the order they run; every finding names one.
public enum Stage: String, CaseIterable, Sendable, Codable, Comparable {
    /// Is the file a readable XLSX or CSV within the size limits.
    case file
    /// Finding the user sheet and matching its headers.
    case structure
    /// Each cell on its own.
    case field
    /// Rules across one row's fields.
    case row
    /// Duplicates within the file.
    case batch
    /// Duplicates against existing accounts.
    case directory

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// True for the stages whose errors stop the run for the file (exit 2).
    public var stopsTheRun: Bool { self == .file || self == .structure }
}
