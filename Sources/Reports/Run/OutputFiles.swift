#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a run writes into its output folder.
public enum OutputFiles {
    public static let report = "report.json"
    public static let errors = "errors.csv"
    public static let changes = "changes.csv"
    public static let corrections = "corrections.xlsx"
    public static let acceptedCSV = "accepted.csv"
    public static let acceptedJSONLines = "accepted.jsonl"

    /// Every output, in the order a successful run writes them (the report last, so its presence
    /// means the others are complete).
    public static let all = [acceptedCSV, acceptedJSONLines, changes, corrections, errors, report]

    /// Outputs made from the rows: written only when the file was processed, removed otherwise.
    public static let perRow = [acceptedCSV, acceptedJSONLines, changes, corrections]

    /// `directory/name`.
    public static func path(_ name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Removes a file left by an earlier run, if there is one.
    static func remove(_ path: String) {
        _ = unlink(path)
    }
}
