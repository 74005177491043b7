/// Everything that can go wrong reading or writing a spreadsheet, as one typed error that says
/// what happened, where (file, part, sheet, cell) and, where it helps, what to do.
public struct SheetIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case io                     // the file could not be opened, read or written
        case emptyFile              // zero bytes
        case encrypted              // password-protected workbook (OLE container with EncryptedPackage)
        case legacyXLS              // Excel 97-2003 .xls
        case ods                    // OpenDocument spreadsheet
        case xlsb                   // Excel binary workbook
        case textNotWorkbook        // CSV or other text given an .xlsx name
        case notZip                 // not a zip container at all
        case corruptZip             // truncated or inconsistent zip
        case zipLimit               // entry count, size or inflate ratio over a limit
        case zipUnsupported         // encrypted entry, unknown compression, duplicate part names
        case missingPart            // a part the package needs is absent
        case packageStructure       // a relationship that leaves the package or is malformed
        case xmlForbidden           // DOCTYPE, entity declaration, unsupported encoding
        case xmlMalformed           // not well-formed XML
        case xmlLimit               // nesting too deep, text too long
        case cellLimit              // row/column beyond Excel's grid, cell text over 32,767 characters
        case badSharedString        // shared-string index out of range or negative
        case badCell                // malformed cell reference or value
        case sheetNotFound
        case csvMalformed           // NUL bytes, unbalanced quotes, undecodable text
        case unsupportedFormat      // an extension or content this reader does not handle
        case write                  // writing an output failed
    }

    public var kind: Kind
    /// What went wrong, in one plain sentence.
    public var message: String
    /// The file the error is about, as the user named it.
    public var file: String?
    /// The part inside the package (`xl/worksheets/sheet1.xml`), the sheet or the cell.
    public var location: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil, location: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.location = location
    }

    /// One line: `file: location: message`.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let location { parts.append(location) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    func with(file: String) -> SheetIOError {
        var e = self
        if e.file == nil { e.file = file }
        return e
    }
}
