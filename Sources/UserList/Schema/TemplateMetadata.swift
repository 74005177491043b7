import Foundation
import SheetIO

/// What the hidden `_meta` sheet records: the template id and version, as key–value rows
/// (`A1 templateId | B1 techpass-user-list`, `A2 version | B2 2`).
public struct TemplateMetadata: Sendable, Equatable {
    public var templateID: String
    public var version: Int

    public init(templateID: String, version: Int) {
        self.templateID = templateID
        self.version = version
    }

    /// The metadata of the current template.
    public static let current = TemplateMetadata(templateID: UserListSchema.templateID, version: UserListSchema.current.version)

    /// Key–value rows to write into `_meta`, in order.
    public var rows: [[CellValue]] {
        [[.text("templateId"), .text(templateID)], [.text("version"), .number(Double(version))]]
    }

    /// Reads key–value rows; keys are matched case-insensitively (`templateId`, `template id`, `template`, `id`).
    /// Nil when the id or a whole-number version is missing.
    public init?(rows: [Row]) {
        var id: String?
        var version: Int?
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
            default: continue
            }
        }
        guard let id, !id.isEmpty, let version else { return nil }
        self.init(templateID: id, version: version)
    }
}
