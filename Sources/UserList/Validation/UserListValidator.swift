import SheetIO

/// Validates a user list end to end: chooses the sheet and reads its header (structure stage), then
/// streams every data row through the field, row, batch and directory stages, handing each
/// `RowOutcome` to the caller as it is made. Memory stays bounded: rows are never kept.
public final class UserListValidator: Sendable {
    public let policy: Policy
    public let existing: ExistingAccounts
    /// The form the rows were given in: which always-required fields they must have.
    public let form: InvitationForm
    public let structureStage: StructureStage

    public init(policy: Policy = .default, existing: ExistingAccounts = .none, form: InvitationForm = .template) {
        self.policy = policy
        self.existing = existing
        self.form = form
        structureStage = StructureStage()
    }

    /// Every row-level rule in the order it runs, stage by stage.
    public var rules: [RuleDescription] {
        FieldStage.standardRules(policy: policy, form: form).map(RuleDescription.init)
            + RowStage.standardRules(policy: policy).map(RuleDescription.init)
            + BatchStage.standardRules().map(RuleDescription.init)
            + DirectoryStage.standardRules().map(RuleDescription.init)
    }

    /// A fresh row pipeline for a sheet laid out as `columns`, holding rows of `origin`.
    public func pipeline(columns: ColumnMap = .standard, origin: RowOrigin = .ownRows) -> RowPipeline {
        RowPipeline(policy: policy, existing: existing, columns: columns, origin: origin, form: form)
    }

    private enum Stop: Error { case structure }
    private struct CallbackError: Error { var underlying: Error }

    /// Validates the user sheet of `source`, calling `onHeader` once the header is understood (before
    /// the first row; not at all when the structure stage stops the run) and `onRow` for each data row
    /// in order.
    ///
    /// A file that cannot be read returns a summary with status `.fileFailed`; a sheet whose structure
    /// is wrong (or that has too many rows) returns `.structureFailed`. Either can happen after some
    /// rows were already handed to `onRow` (a read error part-way, the row limit): callers should
    /// treat the run as failed and discard per-row outputs. Errors thrown by `onHeader` or `onRow` are
    /// rethrown as is.
    public func validate(source: SheetSource, onHeader: ((StructureResult) throws -> Void)? = nil,
                         onRow: (RowOutcome) throws -> Void) throws -> ValidationSummary {
        var summary = ValidationSummary(fileName: source.fileName, sourceWarnings: source.warnings)
        do {
            let choice = try structureStage.chooseSheet(in: source)
            summary.sheetIndex = choice.sheetIndex
            summary.sheetName = choice.sheetName
            guard let sheet = choice.sheetIndex, !choice.failed else {
                choice.findings.forEach { summary.add(structureFinding: $0) }
                summary.status = .structureFailed
                return summary
            }
            var pipeline: RowPipeline?
            var dataRows = 0
            let sheetSummary = try source.readRows(sheet: sheet) { row in
                guard var rows = pipeline else {
                    guard !row.isBlank else { return }
                    let result = structureStage.check(header: row, choice: choice)
                    summary.headerRowNumber = result.headerRowNumber
                    summary.columns = result.columns
                    summary.templateVersion = result.templateVersion
                    summary.templateVersionSource = result.templateVersionSource
                    summary.corrects = result.origin.original
                    result.findings.forEach { summary.add(structureFinding: $0) }
                    if result.failed { throw Stop.structure }
                    pipeline = self.pipeline(columns: result.columns, origin: result.origin)
                    do { try onHeader?(result) } catch { throw CallbackError(underlying: error) }
                    return
                }
                if rows.isBlank(row) {
                    summary.blankRowCount += 1
                    return
                }
                dataRows += 1
                if dataRows > policy.maxRowsPerFile {
                    summary.add(structureFinding: Finding(
                        stage: .structure, row: row.number, code: .structureTooManyRows,
                        message: "The sheet has more than \(policy.maxRowsPerFile) user rows; row \(row.number) is over the limit.",
                        hint: "Split the users into files of at most \(policy.maxRowsPerFile) rows."))
                    throw Stop.structure
                }
                pipeline = nil  // keep the batch tables uniquely referenced while mutating
                let outcome = rows.run(row)
                pipeline = rows
                summary.count(outcome)
                do { try onRow(outcome) } catch { throw CallbackError(underlying: error) }
            }
            summary.sheetSummary = sheetSummary
            guard summary.columns != nil else {
                structureStage.emptySheet(choice: choice).findings.forEach {
                    if !summary.structureFindings.contains($0) { summary.add(structureFinding: $0) }
                }
                summary.status = .structureFailed
                return summary
            }
            if summary.rowCount == 0 {
                summary.add(structureFinding: Finding(stage: .structure, code: .structureNoData,
                                                      message: "The sheet has a header but no user rows.",
                                                      hint: "Fill in one user per row, starting under the header."))
            }
            mergedCellFindings(sheetSummary.mergedRanges, summary: summary).forEach { summary.add(extraFinding: $0) }
        } catch Stop.structure {
            summary.status = .structureFailed
        } catch let error as CallbackError {
            throw error.underlying
        } catch let error as SheetIOError {
            summary.status = .fileFailed
            summary.add(structureFinding: FileStage.finding(for: error))
        }
        return summary
    }

    /// One `excel.merged-cell` warning per merged range that reaches into data rows and user-list columns.
    func mergedCellFindings(_ ranges: [CellRange], summary: ValidationSummary) -> [Finding] {
        guard let columns = summary.columns, let headerRow = summary.headerRowNumber else { return [] }
        var findings: [Finding] = []
        for range in ranges where range.lastRow > headerRow {
            guard let field = (range.firstColumn...range.lastColumn).lazy.compactMap(columns.field(atColumn:)).first else { continue }
            let firstCell = CellReference.a1(column: range.firstColumn, row: range.firstRow)
            findings.append(Finding(stage: .structure, row: max(range.firstRow, headerRow + 1), column: range.firstColumn,
                                    field: columns.field(atColumn: range.firstColumn) ?? field,
                                    header: columns.header(of: columns.field(atColumn: range.firstColumn) ?? field),
                                    code: .excelMergedCell,
                                    message: "Cells \(range.a1) are merged; only \(firstCell) holds a value, the other cells count as empty.",
                                    hint: "Select the range and choose Merge & Center → Unmerge Cells, then fill in every cell."))
        }
        return findings
    }
}
