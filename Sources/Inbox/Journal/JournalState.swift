/// What the journal says, replayed: which contents already have an outcome (for duplicates), and
/// for each name in `processing/` the last claim and how it finished (for recovery after a crash).
public struct JournalState: Sendable {
    /// The last claim made under one processing name, and its finishing record if any.
    public struct ClaimStatus: Sendable, Equatable {
        public var claim: JournalRecord
        /// The `outcome`, `duplicate` or `released` record; nil when the watcher stopped before it.
        public var finish: JournalRecord?
    }

    /// The first outcome recorded for each content hash and kind of name (`FileName.kindOfName`).
    private var outcomeByContent: [ContentKey: JournalRecord] = [:]
    private var claimsByProcessingName: [String: ClaimStatus] = [:]
    private var processingNameByClaim: [String: String] = [:]
    public private(set) var recordCount = 0
    public private(set) var outcomeCount = 0

    public init() {}

    public mutating func apply(_ record: JournalRecord) {
        recordCount += 1
        switch record.type {
        case .claimed:
            guard let name = record.processingName else { return }
            if let old = claimsByProcessingName[name] { processingNameByClaim[old.claim.claim] = nil }
            claimsByProcessingName[name] = ClaimStatus(claim: record)
            processingNameByClaim[record.claim] = name
        case .outcome, .duplicate, .released:
            if record.type == .outcome {
                outcomeCount += 1
                // Outcome records carry the dropped name; the claim's is the fallback.
                let claimed = processingNameByClaim[record.claim].flatMap { claimsByProcessingName[$0]?.claim.originalName }
                let key = ContentKey(sha256: record.sha256, kindOfName: (record.originalName ?? claimed)?.kindOfName ?? "")
                if outcomeByContent[key] == nil { outcomeByContent[key] = record }
            }
            if let name = processingNameByClaim[record.claim] {
                claimsByProcessingName[name]?.finish = record
                processingNameByClaim[record.claim] = nil
            }
        }
    }

    /// The outcome recorded for identical bytes dropped under the same kind of name, if they were
    /// processed before. The same bytes under another kind of name are judged afresh: CSV text
    /// named `.xlsx` is rejected even when the same text named `.csv` was accepted.
    public func previousOutcome(sha256: String, name: FileName) -> JournalRecord? {
        outcomeByContent[ContentKey(sha256: sha256, kindOfName: name.kindOfName)]
    }

    private struct ContentKey: Hashable, Sendable {
        var sha256: String
        var kindOfName: String
    }

    /// The last claim made under `processingName` and how it finished.
    public func lastClaim(processingName: String) -> ClaimStatus? { claimsByProcessingName[processingName] }
}
