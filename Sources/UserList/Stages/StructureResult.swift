/// How the template version of a file was learned.
public enum TemplateVersionSource: String, Sendable, Equatable, Codable {
    /// From the hidden `_meta` sheet.
    case metadata
    /// Inferred from which columns the header has.
    case headers
}

/// The outcome of the structure stage for one sheet: where the users are, or why they cannot be read.
public struct StructureResult: Sendable, Equatable {
    public var sheetIndex: Int?
    public var sheetName: String?
    /// The spreadsheet row of the header; data starts after it.
    public var headerRowNumber: Int?
    public var columns: ColumnMap
    public var templateVersion: Int?
    public var templateVersionSource: TemplateVersionSource?
    /// Whose rows the sheet holds: `.ownRows`, or, for a corrections workbook (`_meta` names its
    /// original file), the original file and the `Source row` column.
    public var origin: RowOrigin = .ownRows
    /// Structure findings, including warnings (unknown columns, older template, hidden sheets).
    public var findings: [Finding]

    public init(sheetIndex: Int? = nil, sheetName: String? = nil, headerRowNumber: Int? = nil, columns: ColumnMap = ColumnMap(),
                templateVersion: Int? = nil, templateVersionSource: TemplateVersionSource? = nil, findings: [Finding] = []) {
        self.sheetIndex = sheetIndex
        self.sheetName = sheetName
        self.headerRowNumber = headerRowNumber
        self.columns = columns
        self.templateVersion = templateVersion
        self.templateVersionSource = templateVersionSource
        self.findings = findings
    }

    /// True when an error stops the run for this file.
    public var failed: Bool { findings.contains { $0.severity == .error } }
}

/// The sheet the structure stage picked, before its header is read.
public struct SheetChoice: Sendable, Equatable {
    public var sheetIndex: Int?
    public var sheetName: String?
    /// Findings about the workbook's sheets: no user sheet (error), hidden user-list sheets (warnings).
    public var findings: [Finding]
    /// The `_meta` sheet's content, when the workbook has one (with the original file, for a corrections workbook).
    public var metadata: TemplateMetadata?

    public init(sheetIndex: Int?, sheetName: String?, findings: [Finding] = [], metadata: TemplateMetadata? = nil) {
        self.sheetIndex = sheetIndex
        self.sheetName = sheetName
        self.findings = findings
        self.metadata = metadata
    }

    public var failed: Bool { findings.contains { $0.severity == .error } }
}
