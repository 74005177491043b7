import SheetIO

/// Stage 1: the file itself. Reading is SheetIO's; this stage turns what went wrong into one clear
/// finding (`file.<kind>`) and checks the policy's size limit.
public enum FileStage {
    /// Every code this stage can report.
    public static var codes: [FindingCode] { FindingCode.fileCodes }

    /// The finding for a SheetIO error.
    public static func finding(for error: SheetIOError) -> Finding {
        let code = FindingCode.file(error.kind)
        var message = error.message
        if let location = error.location, !message.contains(location) { message = "\(location): \(message)" }
        return Finding(stage: .file, code: code, message: message, hint: code.fix)
    }

    /// A `file.too-large` finding when a file of `bytes` is over the policy's limit.
    public static func checkSize(bytes: Int, policy: Policy) -> Finding? {
        guard bytes > policy.maxFileBytes else { return nil }
        return Finding(stage: .file, code: .fileTooLarge,
                       message: "The file has \(bytes) bytes; the policy allows at most \(policy.maxFileBytes).",
                       hint: FindingCode.fileTooLarge.fix)
    }
}
