import SheetNative

/// What `workbook.xml` says: the sheets in tab order with their relationship ids, and the date system.
final class WorkbookPart: XMLStreamHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var visibility: SheetInfo.Visibility
    }
    private(set) var sheets: [SheetEntry] = []
    private(set) var uses1904 = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("sheet") {
            let state = attributes.string("state")
            let visibility: SheetInfo.Visibility = state == "hidden" ? .hidden : state == "veryHidden" ? .veryHidden : .visible
            let rid = attributes.namespacedValue("id").map { String(decoding: $0, as: UTF8.self) } ?? ""
            sheets.append(SheetEntry(name: attributes.string("name") ?? "Sheet\(sheets.count + 1)", relationshipID: rid, visibility: visibility))
        } else if name.is("workbookPr") {
            let v = attributes.string("date1904")
            uses1904 = v == "1" || v == "true"
        }
    }
    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
}
