import SheetIO

/// Target 3: the number-format classifier and the date conversions it leads to.
/// Input: 8 bytes of a Double (the cell's serial), one flag byte (1904 system), then the format
/// code as UTF-8 (which the format text in styles.xml can be, byte for byte).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumberFormat(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 9 else { return 0 }
    var bits: UInt64 = 0
    for i in 0..<8 { bits |= UInt64(data[i]) << (8 * UInt64(i)) }
    let serial = Double(bitPattern: bits)
    let uses1904 = data[8] & 1 == 1
    let code = String(decoding: UnsafeBufferPointer(start: data + 9, count: size - 9), as: UTF8.self)

    let format = NumberFormat(id: 164, code: code)
    _ = NumberFormat.builtIn(id: Int(data[8]))
    // The same rule the worksheet reader applies: dates only for a date/time format and a serial
    // Excel can show.
    if format.kind.isDateOrTime, serial >= 0, serial < 2_958_466 {
        let kind: ExcelDate.Kind = format.kind == .date ? .date : format.kind == .time ? .time : .dateTime
        let date = ExcelDate(serial: serial, uses1904: uses1904, kind: kind)
        let text = CellValue.date(date).displayText
        // What is written must read back as the same calendar day.
        if let back = ExcelDate.parseISO8601(text, uses1904: uses1904), kind != .time {
            precondition(back.components.year == date.components.year, "\(serial) wrote \(text)")
        }
    } else {
        _ = CellValue.number(serial).displayText
    }
    // The format code itself as an ISO date cell (`t="d"`), which any text can claim to be.
    if let parsed = ExcelDate.parseISO8601(code, uses1904: uses1904) { _ = parsed.iso8601 }
    return 0
}
