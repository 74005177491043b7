import SheetIO

/// Writes the user-list template (`templates/user-list.xlsx`) from the schema and a policy. The
/// output is deterministic: the same schema and policy always give the same bytes.
public struct TemplateWriter: Sendable {
    public var layout: TemplateLayout
    public var options: XLSXWriteOptions

    /// The file name `invitesheet template` writes by default.
    public static let defaultFileName = "user-list.xlsx"

    public init(schema: UserListSchema = .current, policy: Policy = .default,
                options: XLSXWriteOptions = XLSXWriteOptions(streaming: false, deterministic: true, title: "TechPass user list")) {
        layout = TemplateLayout(schema: schema, policy: policy)
        self.options = options
    }

    /// Writes the template to `path` (in place only when the whole file was written).
    public func write(to path: String) throws {
        let workbook = try XLSXWorkbookWriter(path: path, options: options)
        try layout.addSheets(to: workbook)
        try workbook.close()
    }
}
