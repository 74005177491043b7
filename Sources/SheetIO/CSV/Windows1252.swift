/// The Windows-1252 code page ("ANSI" on Western-locale Windows), which Excel uses for
/// "CSV (Comma delimited)" files.
enum Windows1252 {
    /// Code points for bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined (0x81, 0x8D,
    /// 0x8F, 0x90, 0x9D) map to the C1 control with the same value, as the WHATWG Encoding
    /// Standard and Windows itself do. Bytes below 0x80 are ASCII, 0xA0–0xFF are Latin-1.
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar a byte stands for.
    @inline(__always)
    static func scalar(for byte: UInt8) -> UInt32 {
        if byte < 0x80 || byte >= 0xA0 { return UInt32(byte) }
        return UInt32(high[Int(byte - 0x80)])
    }

    /// The byte that shows as `scalar`, if Windows-1252 has one.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        return highBytes[UInt16(truncatingIfNeeded: v)].flatMap { v <= 0xFFFF ? $0 : nil }
    }

    private static let highBytes: [UInt16: UInt8] = {
        var d: [UInt16: UInt8] = [:]
        for (i, u) in high.enumerated() { d[u] = UInt8(0x80 + i) }
        return d
    }()

    /// Appends the UTF-8 form of each byte of `input` to `output`.
    static func transcode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for b in input {
            if b < 0x80 {
                output.append(b)
            } else {
                UTF8Output.append(scalar(for: b), to: &output)
            }
        }
    }
}
