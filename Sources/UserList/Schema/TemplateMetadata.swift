import Foundation
import SheetIO

/// What the hidden `_meta` sheet records, as key–value rows: the template id and version
/// (`A1 templateId | B1 techpass-user-list`, `A2 version | B2 2`) and, in a corrections workbook,
/// the original file (`originalFile`, `originalSha256`, `originalTraceId`).
public struct TemplateMetadata: Sendable, Equatable {
    public var templateID: String
    public var version: Int
    /// The file a corrections workbook was made from; nil for the template and ordinary uploads.
    public var original: OriginalFile?

    public init(templateID: String, version: Int, original: OriginalFile? = nil) {
        self.templateID = templateID
        self.version = version
        self.original = original
    }

    /// The `_meta` keys of the original file.
    public static let originalNameKey = "originalFile"
    public static let originalSHA256Key = "originalSha256"
    public static let originalTraceIDKey = "originalTraceId"

    /// The metadata of the current template.
    public static let current = TemplateMetadata(templateID: UserListSchema.templateID, version: UserListSchema.current.version)

    /// Key–value rows to write into `_meta`, in order.
    public var rows: [[CellValue]] {
        var rows: [[CellValue]] = [[.text("templateId"), .text(templateID)], [.text("version"), .number(Double(version))]]
        if let original {
            rows += [[.text(Self.originalNameKey), .text(original.name)], [.text(Self.originalSHA256Key), .text(original.sha256)],
                     [.text(Self.originalTraceIDKey), .text(original.traceID)]]
        }
        return rows
    }

    /// Reads key–value rows; keys are matched case-insensitively (`templateId`, `template id`, `template`, `id`).
    /// Nil when the id or a whole-number version is missing. The original file is read only when its
    /// name, a 64-digit SHA-256 and a trace id are all there and of a plausible length (a half-edited
    /// `_meta` names no original). `_meta` is part of an untrusted upload: what it claims is a name
    /// to show, not proof that the original was ever seen.
    public init?(rows: [Row]) {
        var id: String?
        var version: Int?
        var originalName = "", originalSHA256 = "", originalTraceID = ""
        for row in rows {
            guard let keyCell = row.cell(at: 0), let valueCell = row.cell(at: 1) else { continue }
            let key = HeaderName.normalise(keyCell.value.displayText).replacingOccurrences(of: " ", with: "")
            switch key {
            case "templateid", "template", "id":
                id = valueCell.value.displayText.trimmingCharacters(in: .whitespaces)
            case "version", "templateversion":
                switch valueCell.value {
                case .number(let d) where d == d.rounded() && d >= 0 && d < 1_000_000: version = Int(d)
                case .text(let s): version = Int(s.trimmingCharacters(in: .whitespaces))
                default: break
                }
            case "originalfile":
                originalName = valueCell.value.displayText.trimmingCharacters(in: .whitespaces)
            case "originalsha256":
                originalSHA256 = valueCell.value.displayText.trimmingCharacters(in: .whitespaces).lowercased()
            case "originaltraceid":
                originalTraceID = valueCell.value.displayText.trimmingCharacters(in: .whitespaces)
            default: continue
            }
        }
        guard let id, !id.isEmpty, let version else { return nil }
        var original: OriginalFile?
        if !originalName.isEmpty, originalName.count <= OriginalFile.maxNameLength, OriginalFile.isSHA256(originalSHA256),
           !originalTraceID.isEmpty, originalTraceID.count <= OriginalFile.maxTraceIDLength {
            original = OriginalFile(name: originalName, sha256: originalSHA256, traceID: originalTraceID)
        }
        self.init(templateID: id, version: version, original: original)
    }
}
