import SheetIO

extension FindingCode {
    public static let fileUnreadable = FindingCode("file.unreadable", .error, .file,
        meaning: "The file could not be opened or read.",
        fix: "Check that the file exists, is not open in another program and that you may read it, then try again.")
    public static let fileEmpty = FindingCode("file.empty", .error, .file,
        meaning: "The file is empty (zero bytes).",
        fix: "Save the user list again from Excel and upload the saved file.")
    public static let fileEncrypted = FindingCode("file.encrypted", .error, .file,
        meaning: "The workbook is password-protected, so it cannot be read.",
        fix: "In Excel choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save and upload again.")
    public static let fileLegacyXLS = FindingCode("file.legacy-xls", .error, .file,
        meaning: "The file is an old Excel 97–2003 workbook (.xls).",
        fix: "Open it in Excel and use File → Save As → Excel Workbook (.xlsx), or start from the current template.")
    public static let fileODS = FindingCode("file.ods", .error, .file,
        meaning: "The file is an OpenDocument spreadsheet (.ods).",
        fix: "Save it as Excel Workbook (.xlsx) or CSV and upload that.")
    public static let fileXLSB = FindingCode("file.xlsb", .error, .file,
        meaning: "The file is an Excel binary workbook (.xlsb).",
        fix: "In Excel use File → Save As → Excel Workbook (.xlsx) and upload that.")
    public static let fileTextNotWorkbook = FindingCode("file.text-not-workbook", .error, .file,
        meaning: "The file is named like an Excel workbook but holds text (probably CSV).",
        fix: "Rename it to .csv, or open it in Excel and save it as Excel Workbook (.xlsx).")
    public static let fileNotZip = FindingCode("file.not-zip", .error, .file,
        meaning: "The file is not an Excel workbook (.xlsx files are zip packages and this one is not).",
        fix: "Upload the user list saved from Excel as .xlsx, or as CSV.")
    public static let fileCorruptZip = FindingCode("file.corrupt-zip", .error, .file,
        meaning: "The workbook is damaged or was only partly copied.",
        fix: "Open it in Excel (let Excel repair it if asked), save it again and upload the new file.")
    public static let fileZipLimit = FindingCode("file.zip-limit", .error, .file,
        meaning: "The workbook unpacks to far more data than a user list needs (a size or compression limit was hit).",
        fix: "Copy only the user rows into the current template and upload that.")
    public static let fileZipUnsupported = FindingCode("file.zip-unsupported", .error, .file,
        meaning: "The workbook uses packaging that cannot be read safely (encrypted parts, unknown compression or duplicate parts).",
        fix: "Open it in Excel, save it as a new Excel Workbook (.xlsx) and upload that.")
    public static let fileMissingPart = FindingCode("file.missing-part", .error, .file,
        meaning: "The workbook is missing a part every workbook needs.",
        fix: "Open it in Excel, save it again and upload the saved file.")
    public static let filePackageStructure = FindingCode("file.package-structure", .error, .file,
        meaning: "The workbook's internal links are malformed or point outside the file.",
        fix: "Open it in Excel, save it as a new Excel Workbook (.xlsx) and upload that.")
    public static let fileXMLForbidden = FindingCode("file.xml-forbidden", .error, .file,
        meaning: "The workbook contains XML features that are not allowed (DTDs, entity declarations or an unsupported encoding).",
        fix: "Copy the user rows into the current template, save it in Excel and upload that.")
    public static let fileXMLMalformed = FindingCode("file.xml-malformed", .error, .file,
        meaning: "Part of the workbook is not well-formed XML; it is damaged or was not written by Excel.",
        fix: "Open it in Excel, save it again and upload the saved file.")
    public static let fileXMLLimit = FindingCode("file.xml-limit", .error, .file,
        meaning: "Part of the workbook is nested too deeply or holds too much text to read safely.",
        fix: "Copy only the user rows into the current template and upload that.")
    public static let fileCellLimit = FindingCode("file.cell-limit", .error, .file,
        meaning: "A row, column or cell is beyond Excel's own limits.",
        fix: "Copy only the user rows into the current template and upload that.")
    public static let fileBadSharedString = FindingCode("file.bad-shared-string", .error, .file,
        meaning: "A cell refers to text that is not in the workbook; the file is damaged.",
        fix: "Open it in Excel, save it again and upload the saved file.")
    public static let fileBadCell = FindingCode("file.bad-cell", .error, .file,
        meaning: "A cell has a malformed reference or value; the file is damaged.",
        fix: "Open it in Excel, save it again and upload the saved file.")
    public static let fileSheetNotFound = FindingCode("file.sheet-not-found", .error, .file,
        meaning: "The sheet asked for is not in the workbook.",
        fix: "Check the sheet name, or leave it out to use the Users sheet.")
    public static let fileCSVMalformed = FindingCode("file.csv-malformed", .error, .file,
        meaning: "The CSV file cannot be read: unbalanced quotes, NUL bytes or text that is not in a known encoding.",
        fix: "Open it in Excel and save it as CSV UTF-8, or as Excel Workbook (.xlsx).")
    public static let fileUnsupportedFormat = FindingCode("file.unsupported-format", .error, .file,
        meaning: "The file is not an XLSX, CSV or TSV file.",
        fix: "Upload the user list as Excel Workbook (.xlsx) or CSV.")
    public static let fileWrite = FindingCode("file.write", .error, .file,
        meaning: "An output file could not be written.",
        fix: "Check that there is disk space and that the output folder may be written, then run again.")
    public static let fileTooLarge = FindingCode("file.too-large", .error, .file,
        meaning: "The file is larger than the policy allows.",
        fix: "Split the user list into smaller files, or remove anything besides the user rows.")

    static let fileCodes: [FindingCode] = [
        fileUnreadable, fileEmpty, fileEncrypted, fileLegacyXLS, fileODS, fileXLSB, fileTextNotWorkbook, fileNotZip,
        fileCorruptZip, fileZipLimit, fileZipUnsupported, fileMissingPart, filePackageStructure, fileXMLForbidden,
        fileXMLMalformed, fileXMLLimit, fileCellLimit, fileBadSharedString, fileBadCell, fileSheetNotFound,
        fileCSVMalformed, fileUnsupportedFormat, fileWrite, fileTooLarge,
    ]

    /// The file-stage code for a SheetIO error kind. Looked up by the kind's raw value so a kind
    /// added to SheetIO later falls back to `file.unreadable` instead of breaking this target.
    public static func file(_ kind: SheetIOError.Kind) -> FindingCode {
        fileCodeByKind[kind.rawValue] ?? .fileUnreadable
    }

    /// SheetIO error kind raw values and their codes.
    static let fileCodeByKind: [String: FindingCode] = [
        "io": fileUnreadable, "emptyFile": fileEmpty, "encrypted": fileEncrypted, "legacyXLS": fileLegacyXLS,
        "ods": fileODS, "xlsb": fileXLSB, "textNotWorkbook": fileTextNotWorkbook, "notZip": fileNotZip,
        "corruptZip": fileCorruptZip, "zipLimit": fileZipLimit, "zipUnsupported": fileZipUnsupported,
        "missingPart": fileMissingPart, "packageStructure": filePackageStructure, "xmlForbidden": fileXMLForbidden,
        "xmlMalformed": fileXMLMalformed, "xmlLimit": fileXMLLimit, "cellLimit": fileCellLimit,
        "badSharedString": fileBadSharedString, "badCell": fileBadCell, "sheetNotFound": fileSheetNotFound,
        "csvMalformed": fileCSVMalformed, "unsupportedFormat": fileUnsupportedFormat, "write": fileWrite,
    ]
}
