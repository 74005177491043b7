import SheetIO

/// Target 2: the CSV reader with encoding detection (BOMs, UTF-16, Windows-1252 fallback),
/// `sep=` lines and delimiter detection, reading every row.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The first byte picks the path: through the sniffing `Spreadsheet.open` (as the command does),
    // or straight into the CSV reader with a .csv or .tsv name.
    guard size > 0 else { return 0 }
    let mode = data[0] % 3
    let path = FuzzFile.write(data + 1, size - 1, suffix: mode == 2 ? ".tsv" : ".csv")
    do {
        let source: SheetSource = mode == 0
            ? try Spreadsheet.open(path: path, displayName: "fuzz.csv")
            : try CSVSource(path: path, displayName: mode == 2 ? "fuzz.tsv" : "fuzz.csv")
        var cells = 0
        _ = try source.readRows(sheet: 0) { row in
            for cell in row.cells { cells &+= cell.value.displayText.utf8.count }
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}
