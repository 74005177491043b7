/// The file a corrections workbook was made from: its name, SHA-256 and the trace id of the run that
/// validated it. The corrections workbook records it in `_meta`, so its rows — which are rows of the
/// original — are reported by their original row numbers, and so a ledger can check a resubmission
/// against what the original file already submitted. A corrections workbook made from a
/// corrections workbook keeps pointing at the very first original.
public struct OriginalFile: Sendable, Equatable, Hashable, Codable {
    /// The original file's name as uploaded (no folder).
    public var name: String
    /// Lower-case hex SHA-256 of the original file's bytes.
    public var sha256: String
    /// The trace id of the run that validated the original file.
    public var traceID: String

    public init(name: String, sha256: String, traceID: String) {
        self.name = name
        self.sha256 = sha256
        self.traceID = traceID
    }

    enum CodingKeys: String, CodingKey {
        case name, sha256, traceID = "traceId"
    }

    /// Longest name read from `_meta` (file systems allow 255 bytes), and longest trace id.
    static let maxNameLength = 255
    static let maxTraceIDLength = 64

    /// True for 64 hexadecimal digits.
    static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }
}
