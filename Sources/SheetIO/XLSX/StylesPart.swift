import SheetNative

/// The number format of every cell style (`cellXfs`), from `styles.xml`.
final class StylesPart: XMLStreamHandler {
    private var customFormats: [Int: String] = [:]
    private var xfFormatIDs: [Int] = []
    private var inCellXfs = false
    private var inNumFmts = false

    /// Number formats indexed by the cell's `s` attribute.
    func formats() -> [NumberFormat] {
        var cache: [Int: NumberFormat] = [:]
        return xfFormatIDs.map { id in
            if let f = cache[id] { return f }
            let f: NumberFormat
            if let code = customFormats[id] {
                f = NumberFormat(id: id, code: code)
            } else {
                f = NumberFormat.builtIn(id: id)
            }
            cache[id] = f
            return f
        }
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("numFmts") {
            inNumFmts = true
        } else if name.is("numFmt") {
            // Only the workbook's table counts: a differential format (`<dxf>`) may reuse an id for another code.
            guard inNumFmts else { return }
            if let id = attributes.value("numFmtId").flatMap(XMLText.parseIndex), let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.is("xf") {
            xfFormatIDs.append(attributes.value("numFmtId").flatMap(XMLText.parseIndex) ?? 0)
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("cellXfs") { inCellXfs = false }
        if name.is("numFmts") { inNumFmts = false }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
}
