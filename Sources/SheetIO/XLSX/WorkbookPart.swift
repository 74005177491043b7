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
    private var sawWorkbookProperties = false
    private var extensionDepth = 0

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("sheet") {
            let state = attributes.string("state")
            let visibility: SheetInfo.Visibility = state == "hidden" ? .hidden : state == "veryHidden" ? .veryHidden : .visible
            let rid = attributes.namespacedValue("id").map { String(decoding: $0, as: UTF8.self) } ?? ""
            sheets.append(SheetEntry(name: attributes.string("name") ?? "Sheet\(sheets.count + 1)", relationshipID: rid, visibility: visibility))
        } else if name.is("workbookPr") {
            // Only the workbook's own <workbookPr> decides; extensions such as Excel's
            // <x15:workbookPr chartTrackingRefBase="1"/> inside <extLst> say nothing about dates.
            guard extensionDepth == 0, !sawWorkbookProperties else { return }
            sawWorkbookProperties = true
            let v = attributes.string("date1904")
            uses1904 = v == "1" || v == "true"
        } else if name.is("extLst") {
            extensionDepth += 1
        }
    }
    func endElement(_ name: XMLName) throws {
        if name.is("extLst") { extensionDepth -= 1 }
    }
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
}
