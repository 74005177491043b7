import SheetNative

/// `[Content_Types].xml`, which every OPC package has (ECMA-376 Part 2, 10.1): read with the same
/// XML safety as every other part, so a DTD or an entity declaration in it is refused, and checked
/// to be a `<Types>` document.
final class ContentTypesPart: XMLStreamHandler {
    static let partName = "[Content_Types].xml"
    private var root: String?

    /// Parses the package's content types; throws when the part is absent, unsafe or not `<Types>`.
    static func check(in package: XLSXPackage) throws {
        guard package.has(partName) else {
            throw SheetIOError(.missingPart, "the package has no \(partName), which every Excel workbook has; it is damaged or was not written by a spreadsheet program: save it again from Excel and re-upload", file: package.fileName)
        }
        let handler = ContentTypesPart()
        try package.parse(partName, with: handler)
        guard handler.root == "Types" else {
            throw SheetIOError(.packageStructure, "\(partName) is not a content-types list (its root element is <\(handler.root ?? "")>, not <Types>); save the workbook again from Excel and re-upload",
                               file: package.fileName, location: partName)
        }
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if root == nil { root = name.is("Types") ? "Types" : String(name.string.prefix(40)) }
    }
    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
}
