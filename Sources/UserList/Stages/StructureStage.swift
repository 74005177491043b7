import SheetIO

/// Stage 2: find the user sheet and understand its header. Picks the `Users` sheet (or the first sheet
/// whose header matches), matches headers case-insensitively ignoring `*`, extra spaces and line
/// breaks (with aliases), recognises older template versions, and reports missing (error), duplicated
/// (error) and unknown (warning) columns. Any error here stops the run for the file.
public struct StructureStage: Sendable {
    public let schema: UserListSchema
    public let matcher: HeaderMatcher

    public init(schema: UserListSchema = .current) {
        self.schema = schema
        matcher = HeaderMatcher()
    }

    /// Every code this stage can report.
    public static let codes: [FindingCode] = FindingCode.structureCodes

    // MARK: Choosing the sheet

    /// Picks the sheet to validate, reading only the first row of sheets it has to look into, and
    /// warns about hidden sheets that look like user lists.
    public func chooseSheet(in source: SheetSource) throws -> SheetChoice {
        let sheets = source.sheets
        let metadata = try readMetadata(source)
        let candidates = sheets.filter { sheet in
            !UserListSchema.templateSheetNames.contains { $0.lowercased() == sheet.name.lowercased() }
        }
        var headers: [Int: HeaderMatch?] = [:]
        func peek(_ sheet: SheetInfo) throws -> HeaderMatch? {
            if let known = headers[sheet.index] { return known }
            let match = try firstRow(of: sheet.index, in: source).map { matchHeader($0) }
            headers[sheet.index] = match
            return match
        }

        var chosen: SheetInfo?
        if let users = candidates.first(where: { $0.name.lowercased() == UserListSchema.usersSheetName.lowercased() }) {
            chosen = users
        } else if candidates.count == 1 {
            chosen = candidates[0]
        } else {
            let ordered = candidates.filter { $0.visibility == .visible } + candidates.filter { $0.visibility != .visible }
            for sheet in ordered where try peek(sheet)?.looksLikeUserList == true {
                chosen = sheet
                break
            }
        }

        guard let chosen else {
            let names = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            let finding = Finding(stage: .structure, code: .structureNoUserSheet,
                                  message: sheets.isEmpty ? "The file has no sheets."
                                      : "No sheet is named \(UserListSchema.usersSheetName) and none of \(names) starts with the user-list headers.",
                                  hint: "Put the users in the \(UserListSchema.usersSheetName) sheet of the template, headers in row 1.")
            return SheetChoice(sheetIndex: nil, sheetName: nil, findings: [finding], metadata: metadata)
        }

        var findings: [Finding] = []
        if chosen.visibility != .visible {
            findings.append(Finding(stage: .structure, code: .excelHiddenUserSheet,
                                    message: "The user sheet \"\(chosen.name)\" is hidden; its rows were checked, but whoever filled it in may not have seen them.",
                                    hint: "Right-click a sheet tab → Unhide, and check the sheet."))
        }
        for sheet in candidates where sheet.index != chosen.index && sheet.visibility != .visible {
            if try peek(sheet)?.looksLikeUserList == true {
                findings.append(Finding(stage: .structure, code: .excelHiddenUserSheet,
                                        message: "The hidden sheet \"\(sheet.name)\" looks like a user list; its rows were not checked.",
                                        hint: "Unhide it (right-click a sheet tab → Unhide): move its users into \"\(chosen.name)\", or delete it."))
            }
        }
        return SheetChoice(sheetIndex: chosen.index, sheetName: chosen.name, findings: findings, metadata: metadata)
    }

    private struct StopReading: Error {}

    /// The first non-blank row of a sheet, reading no further.
    func firstRow(of sheet: Int, in source: SheetSource) throws -> Row? {
        var found: Row?
        do {
            _ = try source.readRows(sheet: sheet) { row in
                guard !row.isBlank else { return }
                found = row
                throw StopReading()
            }
        } catch is StopReading {}
        return found
    }

    /// The `_meta` sheet's template id and version (and a corrections workbook's original file), if
    /// the workbook has a readable one.
    func readMetadata(_ source: SheetSource) throws -> TemplateMetadata? {
        guard let meta = source.sheets.first(where: { $0.name.lowercased() == UserListSchema.metadataSheetName.lowercased() }) else {
            return nil
        }
        var rows: [Row] = []
        do {
            _ = try source.readRows(sheet: meta.index) { row in
                rows.append(row)
                if rows.count >= 50 { throw StopReading() }
            }
        } catch is StopReading {}
        guard let metadata = TemplateMetadata(rows: rows), metadata.templateID == UserListSchema.templateID else { return nil }
        return metadata
    }

    // MARK: Matching the header

    /// Maps a header row's cells to fields; reports duplicated columns (error) and unknown ones (warning).
    public func matchHeader(_ row: Row) -> HeaderMatch {
        var columns = ColumnMap()
        var unknown: [HeaderCell] = []
        var ignored: [Int] = []
        var sourceRowColumn: Int?
        var findings: [Finding] = []
        for cell in row.cells {
            let text = cell.value.displayText
            guard !HeaderName.normalise(text).isEmpty else { continue }
            let letter = CellReference.letters(forColumn: cell.column)
            // (A U+FEFF beside the damage is invisible: look past it.)
            if let repaired = Mojibake.repaired(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" }))) {
                findings.append(Finding(stage: .structure, row: row.number, column: cell.column, header: text,
                                        value: text, code: .excelMojibake,
                                        message: "The header of column \(letter) looks garbled: it was probably saved as UTF-8 and read back as Windows-1252.",
                                        hint: "It was read as \"\(HeaderName.plain(repaired))\"; save the file as CSV UTF-8 or .xlsx next time."))
            }
            if matcher.isIgnored(text) {
                ignored.append(cell.column)
                if sourceRowColumn == nil, matcher.isSourceRow(text) { sourceRowColumn = cell.column }
                continue
            }
            guard let field = matcher.field(for: text) else {
                unknown.append(HeaderCell(column: cell.column, text: text))
                continue
            }
            if let first = columns.column(of: field) {
                let title = schema.column(field)?.header ?? field.rawValue
                findings.append(Finding(stage: .structure, row: row.number, column: cell.column, field: field, header: text,
                                        code: .structureDuplicateColumn,
                                        message: "Column \(letter) (\"\(HeaderName.plain(text))\") is a second \(title) column; column \(CellReference.letters(forColumn: first)) (\"\(HeaderName.plain(columns.header(of: field) ?? ""))\") is the first.",
                                        hint: "Delete or rename one of the two columns."))
                continue
            }
            columns.set(field, column: cell.column, header: text)
        }
        for cell in unknown {
            let letter = CellReference.letters(forColumn: cell.column)
            var hint = "The column is ignored; rename its header if it is meant to be a template column."
            if let near = matcher.nearestField(to: cell.text), !columns.contains(near), let column = schema.column(near) {
                hint = "Did you mean \"\(column.header)\"?"
            }
            findings.append(Finding(stage: .structure, row: row.number, column: cell.column, header: cell.text,
                                    code: .structureUnknownColumn,
                                    message: "Column \(letter) (\"\(HeaderName.plain(cell.text))\") is not a template column; it is ignored.",
                                    hint: hint))
        }
        return HeaderMatch(rowNumber: row.number, columns: columns, unknownColumns: unknown, ignoredColumns: ignored,
                           sourceRowColumn: sourceRowColumn, findings: findings)
    }

    // MARK: The whole header check

    /// Checks a sheet's header row: column matching, template version and missing columns.
    public func check(header row: Row, choice: SheetChoice) -> StructureResult {
        var result = StructureResult(sheetIndex: choice.sheetIndex, sheetName: choice.sheetName, headerRowNumber: row.number,
                                     findings: choice.findings)
        let match = matchHeader(row)
        result.columns = match.columns
        if let original = choice.metadata?.original {
            result.origin = RowOrigin(original: original, sourceRowColumn: match.sourceRowColumn)
        }
        let sheet = choice.sheetName.map { "sheet \"\($0)\"" } ?? "the sheet"
        guard match.matchedCount > 0 else {
            let expected = schema.columns.prefix(3).map(\.header).joined(separator: ", ")
            result.findings.append(Finding(stage: .structure, row: row.number, code: .structureNoHeader,
                                           message: "Row \(row.number) of \(sheet) is not the user-list header (expected \(expected), …).",
                                           hint: "Keep the template's header as the first row and put users from the row under it."))
            return result
        }
        result.findings += match.findings
        let (version, source, versionFindings, explained) = templateVersion(metadata: choice.metadata, columns: match.columns, headerRow: row.number)
        result.templateVersion = version
        result.templateVersionSource = source
        result.findings += versionFindings
        result.findings += missingColumns(match, explained: explained, headerRow: row.number)
        return result
    }

    /// The findings for an empty user sheet (no header row at all).
    public func emptySheet(choice: SheetChoice) -> StructureResult {
        var result = StructureResult(sheetIndex: choice.sheetIndex, sheetName: choice.sheetName, findings: choice.findings)
        let sheet = choice.sheetName.map { "The sheet \"\($0)\"" } ?? "The sheet"
        result.findings.append(Finding(stage: .structure, code: .structureNoHeader, message: "\(sheet) is empty.",
                                       hint: "Fill in the template: headers in row 1, one user per row from row 2."))
        return result
    }

    /// The template version: from `_meta` when present, else inferred from the columns (a header
    /// with version 1's required columns and none of those added in version 2 is version 1). Also returns the missing fields the
    /// older-template warning already explains.
    func templateVersion(metadata: TemplateMetadata?, columns: ColumnMap, headerRow: Int)
        -> (Int, TemplateVersionSource, [Finding], Set<FieldKey>) {
        let current = schema.version
        if let metadata {
            if metadata.version > current {
                return (metadata.version, .metadata, [Finding(stage: .structure, row: headerRow, code: .structureNewerTemplate,
                    message: "The file was made from template version \(metadata.version); this invitesheet knows up to version \(current).",
                    hint: "Update invitesheet; columns it does not know are ignored meanwhile.")], [])
            }
            if metadata.version < current, let old = UserListSchema.version(metadata.version) {
                let (finding, explained) = olderTemplateFinding(old, columns: columns, headerRow: headerRow, source: .metadata)
                return (metadata.version, .metadata, [finding], explained)
            }
            return (metadata.version, .metadata, [], [])
        }
        for old in UserListSchema.versions.reversed() where old.version < current {
            let added = schema.fieldsAdded(since: old)
            let hasOldRequired = old.columns.filter { $0.requirement.isAlways }.allSatisfy { columns.contains($0.key) }
            if !added.isEmpty, hasOldRequired, !added.contains(where: columns.contains) {
                let (finding, explained) = olderTemplateFinding(old, columns: columns, headerRow: headerRow, source: .headers)
                return (old.version, .headers, [finding], explained)
            }
        }
        return (current, .headers, [], [])
    }

    private func olderTemplateFinding(_ old: UserListSchema, columns: ColumnMap, headerRow: Int, source: TemplateVersionSource)
        -> (Finding, Set<FieldKey>) {
        let missing = schema.fieldsAdded(since: old).filter { !columns.contains($0) }
        let titles = missing.compactMap { schema.column($0)?.title }
        var message = source == .metadata
            ? "The file was made from template version \(old.version); the current version is \(schema.version)."
            : "The header matches template version \(old.version); the current version is \(schema.version)."
        if !titles.isEmpty {
            message += " It has no \(Self.list(titles, conjunction: "or")) column; vendor rows that need \(titles.count == 1 ? "it" : "them") will fail."
        }
        let finding = Finding(stage: .structure, row: headerRow, code: .structureOlderTemplate, message: message,
                              hint: "Download the current template and copy your rows into it.")
        return (finding, Set(missing))
    }

    private func missingColumns(_ match: HeaderMatch, explained: Set<FieldKey>, headerRow: Int) -> [Finding] {
        var findings: [Finding] = []
        for column in schema.columns where !match.columns.contains(column.key) {
            if column.requirement.isAlways {
                var hint = "Add a column headed \"\(column.header)\", or copy your rows into the current template."
                if let typo = match.unknownColumns.first(where: { matcher.nearestField(to: $0.text) == column.key }) {
                    hint = "Column \(CellReference.letters(forColumn: typo.column)) is headed \"\(HeaderName.plain(typo.text))\"; did you mean \"\(column.header)\"?"
                }
                findings.append(Finding(stage: .structure, row: headerRow, field: column.key, header: column.header,
                                        code: .structureMissingColumn,
                                        message: "The header has no \(column.header) column.", hint: hint))
            } else if column.requirement != .optional, !explained.contains(column.key) {
                findings.append(Finding(stage: .structure, row: headerRow, field: column.key, header: column.header,
                                        code: .structureMissingOptionalColumn,
                                        message: "The header has no \(column.header) column (\(column.requirement.summary.lowercased())).",
                                        hint: "Add a column headed \"\(column.header)\" if any row needs it."))
            }
        }
        return findings
    }

    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
