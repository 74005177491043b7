extension FindingCode {
    public static let excelLeadingZeroLost = FindingCode("excel.leading-zero-lost", .error,
        meaning: "The contact number is stored as a number and Excel has probably dropped its leading zero, so the number is incomplete.",
        fix: "Format the column as Text (Home → Number → Text), then type the number again with all its digits.")
    public static let excelPlusLost = FindingCode("excel.plus-lost", .warning,
        meaning: "The contact number is stored as a number, so Excel has dropped the + before the country code; the number was read with the + put back.",
        fix: "Format the column as Text (Home → Number → Text), then type the number again starting with +.")
    public static let excelScientificNotation = FindingCode("excel.scientific-notation", .warning,
        meaning: "Excel shows this long number in scientific notation (like 6.59E+11) and may have rounded its last digits.",
        fix: "Format the column as Text (Home → Number → Text), then type the number again.")
    public static let excelDateSerialInText = FindingCode("excel.date-serial-in-text", .warning,
        meaning: "Excel turned what was typed into a date.",
        fix: "Format the column as Text (Home → Number → Text), then type the value again.")
    public static let excelFormula = FindingCode("excel.formula", .warning,
        meaning: "The cell holds a formula; its last calculated result was used.",
        fix: "Replace the formula with its value: copy the cells, then Paste Special → Values.")
    public static let excelFormulaNoValue = FindingCode("excel.formula-no-value", .error,
        meaning: "The cell holds a formula with no saved result (files written by scripts often have none), so its value is unknown.",
        fix: "Type the value in, or open the file in Excel and save it so the formula's result is saved.")
    public static let excelMojibake = FindingCode("excel.mojibake", .warning,
        meaning: "The text was saved as UTF-8 and read back as Windows-1252, so accented letters show as pairs like Ã¡ (for á).",
        fix: "Type the text again as the hint shows it, or save the file as CSV UTF-8 or Excel Workbook (.xlsx) and upload that.")
    public static let excelHiddenRow = FindingCode("excel.hidden-row", .warning,
        meaning: "The row is hidden in Excel, so whoever filled in the sheet may not have seen it; it was checked like any other.",
        fix: "Unhide the rows (select all, right-click a row number → Unhide) and check them, or delete rows that should not be sent.")
    public static let excelMergedCell = FindingCode("excel.merged-cell", .warning, .sheet,
        meaning: "Cells in the user rows are merged; only the first cell of a merged range holds a value.",
        fix: "Select the range and choose Merge & Center → Unmerge Cells, then fill in every cell.")
    public static let excelErrorValue = FindingCode("excel.error-value", .error,
        meaning: "The cell shows an Excel error such as #N/A or #REF!, not a value.",
        fix: "Fix the formula that produces the error, or type the value in directly.")

    static let excelCodes: [FindingCode] = [
        excelLeadingZeroLost, excelPlusLost, excelScientificNotation, excelDateSerialInText, excelFormula,
        excelFormulaNoValue, excelMojibake, excelHiddenRow, excelMergedCell, excelErrorValue,
    ]
}
