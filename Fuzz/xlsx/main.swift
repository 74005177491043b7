import SheetIO

/// Target 1: open the bytes as an XLSX package and stream every sheet, as `convert --all-sheets` does.
/// Any thrown SheetIOError is a correct refusal; libFuzzer looks for crashes, hangs and memory blow-ups.
///
/// An input is either a zip file as it is, or a package as text (`@@ part-name` lines, see
/// `StoredZip`), zipped here with stored entries and true CRCs so that mutations reach the XML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path: String
    if let parts = StoredZip.parts(UnsafeBufferPointer(start: data, count: size)) {
        let zip = StoredZip.zip(parts)
        path = zip.withUnsafeBufferPointer { FuzzFile.write($0.baseAddress!, $0.count, suffix: ".xlsx") }
    } else {
        path = FuzzFile.write(data, size, suffix: ".xlsx")
    }
    do {
        let source = try XLSXSource(path: path, displayName: "fuzz.xlsx")
        for sheet in source.sheets {
            var cells = 0
            _ = try? source.readRows(sheet: sheet.index) { row in
                for cell in row.cells { cells &+= cell.value.displayText.utf8.count }
            }
            _ = sheet.name.utf8.count
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
