/// One line of the inbox journal. The journal is append-only JSON Lines, flushed to disk per record:
///
/// - `claimed`: a file was renamed into `processing/` (its name, name there, SHA-256, size, and
///   the report folder it will get);
/// - `outcome`: it was validated (outcome folder, report folder, counts, trace id). Written before
///   the input is moved, so a restart finishes the move instead of validating again;
/// - `duplicate`: identical bytes under the same kind of name already had an outcome; filed in
///   `duplicates/`;
/// - `released`: processing failed (say, the reports folder is read-only), or the file changed
///   after the claim so its outcome is void (`reason` says which), and the input was put back in
///   the inbox.
public struct JournalRecord: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case claimed, outcome, duplicate, released
    }

    public var type: Kind
    public var ts: String
    /// Ties the records of one claim together.
    public var claim: String
    /// The name the file was dropped with, when it is UTF-8 (exactly, control characters and all).
    public var name: String?
    /// The dropped name's bytes in hex, when they are not UTF-8.
    public var nameHex: String?
    /// Its name in `processing/`.
    public var processingName: String?
    public var sha256: String
    public var size: Int?
    /// The folder the input went to: accepted, needs-fixing, rejected or duplicates.
    public var outcome: String?
    /// Where the input is (or is being moved), relative to the inbox.
    public var file: String?
    /// The report folder, relative to the inbox.
    public var reportDir: String?
    public var counts: [String: Int]?
    public var traceId: String?
    public var durationMs: Int?
    /// Why a claim was released.
    public var reason: String?

    public init(type: Kind, claim: String, sha256: String, ts: String = Clock.timestamp()) {
        self.type = type
        self.ts = ts
        self.claim = claim
        self.sha256 = sha256
    }

    /// The dropped name as bytes.
    public var originalName: FileName? {
        if let nameHex, let bytes = Self.bytes(hex: nameHex) { return FileName(bytes: bytes) }
        return name.map(FileName.init)
    }

    /// Records the dropped name: as text when it is UTF-8, as hex when it is not.
    public mutating func setOriginalName(_ fileName: FileName) {
        if let text = fileName.exactString {
            name = text
            nameHex = nil
        } else {
            name = fileName.display
            nameHex = fileName.bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// The record as one JSON line (with its newline).
    public var jsonLine: String {
        var line = JSONLine()
        line.add("type", type.rawValue)
        line.add("ts", ts)
        line.add("claim", claim)
        line.add("name", name)
        line.add("nameHex", nameHex)
        line.add("processingName", processingName)
        line.add("sha256", sha256)
        line.add("size", size)
        line.add("outcome", outcome)
        line.add("file", file)
        line.add("reportDir", reportDir)
        if let counts { line.add("counts", counts: counts) }
        line.add("traceId", traceId)
        line.add("durationMs", durationMs)
        line.add("reason", reason)
        return line.finished + "\n"
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < digits.count {
            guard let b = UInt8(String(decoding: digits[i..<(i + 2)], as: UTF8.self), radix: 16) else { return nil }
            out.append(b)
            i += 2
        }
        return out
    }
}
