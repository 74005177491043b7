/// Builds a zip of stored (uncompressed) entries, so the xlsx target can take a package as plain
/// text: every mutation of that text then reaches the XML readers instead of breaking a deflate
/// stream or a CRC. Input form, one part after another:
///
///     @@ [Content_Types].xml
///     <?xml …?><Types …>…</Types>
///     @@ xl/workbook.xml
///     …
enum StoredZip {
    static let marker = Array("@@ ".utf8)

    /// The parts of a text package: (name, content) in order; nil when `bytes` is not in that form.
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> [(name: [UInt8], data: ArraySlice<UInt8>)]? {
        let b = Array(bytes)
        guard b.starts(with: marker) else { return nil }
        var parts: [(name: [UInt8], data: ArraySlice<UInt8>)] = []
        var i = 0
        while i < b.count {
            // At a marker: the name runs to the end of the line.
            var j = i + marker.count
            while j < b.count && b[j] != 0x0A { j += 1 }
            let name = Array(b[(i + marker.count)..<j])
            let start = min(j + 1, b.count)
            var end = start
            // The content runs to the next "\n@@ " (the newline belongs to neither).
            while end < b.count {
                if b[end] == 0x0A, b[(end + 1)...].starts(with: marker) { break }
                end += 1
            }
            parts.append((name, b[start..<end]))
            i = end < b.count ? end + 1 : end
        }
        return parts
    }

    /// The zip file holding `parts`, stored, with true CRCs and sizes.
    static func zip(_ parts: [(name: [UInt8], data: ArraySlice<UInt8>)]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ to: inout [UInt8]) { to += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: Int, _ to: inout [UInt8]) { u16(v & 0xFFFF, &to); u16((v >> 16) & 0xFFFF, &to) }
        for (name, data) in parts.prefix(0xFFFF) {
            let crc = Int(crc32(data))
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x5821, &out)
            u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(name.count, &out); u16(0, &out)
            out += name
            out += data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x5821, &central); u32(crc, &central); u32(data.count, &central); u32(data.count, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += name
        }
        let directory = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(min(parts.count, 0xFFFF), &out); u16(min(parts.count, 0xFFFF), &out)
        u32(central.count, &out); u32(directory, &out); u16(0, &out)
        return out
    }

    private static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: ArraySlice<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
