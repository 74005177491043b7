extension FindingCode {
    public static let structureNoUserSheet = FindingCode("structure.no-user-sheet", .error, .sheet,
        meaning: "No sheet is named Users and no sheet's first row has the user-list headers.",
        fix: "Put the users in the Users sheet of the template, with the headers in row 1.")
    public static let structureNoHeader = FindingCode("structure.no-header", .error, .sheet,
        meaning: "The user sheet is empty, or its first row is not the user-list header.",
        fix: "Keep the template's header row as row 1 (Email address*, User type*, …) and put users from row 2.")
    public static let structureMissingColumn = FindingCode("structure.missing-column", .error, .sheet,
        meaning: "A required column is not in the header.",
        fix: "Add the column with the header from the template, or copy your rows into the current template.")
    public static let structureMissingOptionalColumn = FindingCode("structure.missing-optional-column", .warning, .sheet,
        meaning: "A column that is required for some users (or optional) is not in the header; rows that need it will fail.",
        fix: "Add the column with the header from the template, or copy your rows into the current template.")
    public static let structureDuplicateColumn = FindingCode("structure.duplicate-column", .error, .sheet,
        meaning: "Two columns have the same meaning, so it is unclear which one to read.",
        fix: "Delete or rename one of the two columns.")
    public static let structureUnknownColumn = FindingCode("structure.unknown-column", .warning, .sheet,
        meaning: "A column header is not one of the template's; the column is ignored.",
        fix: "Rename the header to the template's if it is meant to be one of them; otherwise it can stay.")
    public static let structureOlderTemplate = FindingCode("structure.older-template", .warning, .sheet,
        meaning: "The file was made from an older version of the template.",
        fix: "Download the current template and copy your rows into it, filling in the new columns.")
    public static let structureNewerTemplate = FindingCode("structure.newer-template", .warning, .sheet,
        meaning: "The file was made from a newer template than this version of invitesheet knows.",
        fix: "Update invitesheet; until then, columns it does not know are ignored.")
    public static let structureTooManyRows = FindingCode("structure.too-many-rows", .error, .sheet,
        meaning: "The sheet has more user rows than one file may hold.",
        fix: "Split the users into several files, each within the limit.")
    public static let structureNoData = FindingCode("structure.no-data", .warning, .sheet,
        meaning: "The header is there but no user rows follow it.",
        fix: "Fill in one user per row, starting in the row under the header.")
    public static let excelHiddenUserSheet = FindingCode("excel.hidden-user-sheet", .warning, .sheet,
        meaning: "A hidden sheet looks like a user list.",
        fix: "Unhide the sheet (right-click a sheet tab → Unhide) and check it: move its users into the Users sheet, or delete it.")

    static let structureCodes: [FindingCode] = [
        structureNoUserSheet, structureNoHeader, structureMissingColumn, structureMissingOptionalColumn,
        structureDuplicateColumn, structureUnknownColumn, structureOlderTemplate, structureNewerTemplate,
        structureTooManyRows, structureNoData, excelHiddenUserSheet,
    ]
}
