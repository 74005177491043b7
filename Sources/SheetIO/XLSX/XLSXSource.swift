import SheetNative

/// An XLSX/XLSM workbook opened for streaming.
public final class XLSXSource: SheetSource {
    public let fileName: String
    public let format = SpreadsheetFormat.xlsx
    public let sheets: [SheetInfo]
    public private(set) var warnings: [String] = []
    /// True when the workbook uses the 1904 date system.
    public let uses1904: Bool

    private let package: XLSXPackage
    private let sheetParts: [String?]
    private let sharedStringsPart: String?
    private let formats: [NumberFormat]
    private var sharedStrings: SharedStringTable?

    /// Opens the package and reads its workbook, relationships and styles (not yet any sheet).
    public init(path: String, displayName: String? = nil, limits: ReadLimits = .default) throws {
        let name = displayName ?? path
        fileName = name
        package = try XLSXPackage(path: path, fileName: name, limits: limits)

        let rootRels = try RelationshipsParser.read(for: "", in: package)
        var workbookPart = rootRels.first(where: { $0.isType("officeDocument") })?.part
        if workbookPart == nil, package.has("xl/workbook.xml") { workbookPart = "xl/workbook.xml" }
        guard let workbookPart, package.has(workbookPart) else {
            if package.has("xl/workbook.bin") {
                throw SheetIOError(.xlsb, "this is an Excel binary workbook (.xlsb); save it as .xlsx (Excel Workbook) and upload again", file: name)
            }
            if let mime = try package.smallPart("mimetype"), String(decoding: mime, as: UTF8.self).contains("opendocument") {
                throw SheetIOError(.ods, "this is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel 2007-365) and upload again", file: name)
            }
            if package.has("word/document.xml") || package.has("ppt/presentation.xml") {
                throw SheetIOError(.unsupportedFormat, "this is a Word or PowerPoint file, not a spreadsheet", file: name)
            }
            throw SheetIOError(.missingPart, "this zip is not an Excel workbook: it has no workbook part (xl/workbook.xml)", file: name)
        }
        if workbookPart.hasSuffix(".bin") {
            throw SheetIOError(.xlsb, "this is an Excel binary workbook (.xlsb); save it as .xlsx (Excel Workbook) and upload again", file: name)
        }
        try ContentTypesPart.check(in: package)

        let workbook = WorkbookPart()
        try package.parse(workbookPart, with: workbook)
        uses1904 = workbook.uses1904
        guard package.has(PartName.relationshipsPart(of: workbookPart)) else {
            throw SheetIOError(.missingPart, "the package has no \(PartName.relationshipsPart(of: workbookPart)), which says where each sheet is stored; save the workbook again from Excel and re-upload", file: name)
        }
        let rels = try RelationshipsParser.read(for: workbookPart, in: package)
        var byID: [String: Relationship] = [:]
        for r in rels { byID[r.id] = r }

        var infos: [SheetInfo] = []
        var parts: [String?] = []
        for (i, entry) in workbook.sheets.enumerated() {
            let rel = byID[entry.relationshipID]
            let kind: SheetInfo.Kind = rel?.isType("chartsheet") == true ? .chart : .worksheet
            infos.append(SheetInfo(index: i, name: entry.name, visibility: entry.visibility, kind: kind))
            if let rel, rel.isExternal, rel.isType("worksheet") {
                throw SheetIOError(.packageStructure, "sheet '\(entry.name)' points outside the workbook, to \"\(rel.target.prefix(200))\" (an external target); a sheet must be stored inside the file. Save the workbook again from Excel and re-upload",
                                   file: name, location: PartName.relationshipsPart(of: workbookPart))
            }
            if let rel, rel.isType("worksheet") {
                parts.append(rel.part)
            } else {
                parts.append(nil)  // a chart sheet, dialog sheet or dangling relationship: no cells
            }
        }
        sheets = infos
        sheetParts = parts
        sharedStringsPart = rels.first(where: { $0.isType("sharedStrings") })?.part

        if let stylesPart = rels.first(where: { $0.isType("styles") })?.part, package.has(stylesPart) {
            let styles = StylesPart()
            try package.parse(stylesPart, with: styles)
            formats = styles.formats()
        } else {
            formats = []
        }
    }

    private func loadSharedStrings() throws -> SharedStringTable {
        if let sharedStrings { return sharedStrings }
        let parser = SharedStringsParser(maxCharacters: package.limits.maxCellCharacters,
                                         maxTotalBytes: package.limits.maxSharedStringBytes, fileName: fileName)
        if let part = sharedStringsPart, package.has(part) {
            parser.table.reserve(partBytes: package.size(of: part), limit: package.limits.maxSharedStringBytes)
            try package.parse(part, with: parser)
        }
        parser.table.finish()
        sharedStrings = parser.table
        return parser.table
    }

    public func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        guard sheets.indices.contains(index) else {
            throw SheetIOError(.sheetNotFound, "there is no sheet \(index + 1); the workbook has \(sheets.count)", file: fileName)
        }
        guard let part = sheetParts[index] else { return SheetSummary() }
        guard package.has(part) else {
            throw SheetIOError(.missingPart, "sheet '\(sheets[index].name)' refers to part \(part), which is missing", file: fileName)
        }
        let table = try loadSharedStrings()
        return try withoutActuallyEscaping(body) { escapingBody in
            // A large sheet is parsed on this thread while the caller's rows are handled on another.
            let pipe = package.size(of: part) > XLSXPackage.prefetchThreshold ? RowPipe(body: escapingBody) : nil
            let streamer = WorksheetStreamer(sharedStrings: table, formats: formats, uses1904: uses1904,
                                             limits: package.limits, sheetName: sheets[index].name,
                                             body: pipe.map { p in { row in try p.send(row) } } ?? escapingBody)
            do {
                try package.parse(part, with: streamer)
                try pipe?.finish()
            } catch {
                pipe?.abandon()
                throw error
            }
            return streamer.summary
        }
    }
}
