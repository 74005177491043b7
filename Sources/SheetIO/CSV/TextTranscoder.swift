/// Turns a file's chunks, in the encoding `CSVTextEncoding.detect` found, into UTF-8 chunks for the
/// CSV parser. UTF-8 passes through untouched (only the byte-order mark is dropped); the others
/// are converted into one reused buffer, carrying split characters over to the next chunk.
struct TextTranscoder {
    let encoding: CSVTextEncoding
    /// Leading bytes still to skip (the byte-order mark).
    private var skip: Int
    private var output: [UInt8] = []
    /// A UTF-16 code unit's first byte when a chunk ended between its two bytes.
    private var oddByte: UInt8?
    /// A UTF-16 high surrogate waiting for its low half.
    private var highSurrogate: UInt16?
    /// True once a malformed UTF-16 sequence was replaced by U+FFFD.
    private(set) var replacedInvalidUTF16 = false

    init(encoding: CSVTextEncoding, byteOrderMarkLength: Int) {
        self.encoding = encoding
        self.skip = byteOrderMarkLength
        if encoding != .utf8 { output.reserveCapacity(ReadOnlyFile.chunkSize * 3) }
    }

    /// Converts the next chunk and hands the UTF-8 text to `body` (possibly empty).
    mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var input = chunk
        if skip > 0 {
            let n = min(skip, input.count)
            skip -= n
            input = UnsafeBufferPointer(rebasing: input[n...])
        }
        switch encoding {
        case .utf8:
            try body(input)
        case .windows1252:
            output.removeAll(keepingCapacity: true)
            Windows1252.transcode(input, into: &output)
            try output.withUnsafeBufferPointer { try body($0) }
        case .utf16LE, .utf16BE:
            output.removeAll(keepingCapacity: true)
            decodeUTF16(input, littleEndian: encoding == .utf16LE)
            try output.withUnsafeBufferPointer { try body($0) }
        }
    }

    /// Flushes a character left unfinished at the end of the file.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard oddByte != nil || highSurrogate != nil else { return }
        output.removeAll(keepingCapacity: true)
        UTF8Output.append(0xFFFD, to: &output)
        oddByte = nil
        highSurrogate = nil
        replacedInvalidUTF16 = true
        try output.withUnsafeBufferPointer { try body($0) }
    }

    private mutating func decodeUTF16(_ input: UnsafeBufferPointer<UInt8>, littleEndian: Bool) {
        var i = 0
        let n = input.count
        while i < n {
            let first: UInt8, second: UInt8
            if let odd = oddByte {
                first = odd
                second = input[i]
                oddByte = nil
                i += 1
            } else if i + 1 < n {
                first = input[i]
                second = input[i + 1]
                i += 2
            } else {
                oddByte = input[i]
                return
            }
            let unit = littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second)
            appendUnit(unit)
        }
    }

    @inline(__always)
    private mutating func appendUnit(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                UTF8Output.append(scalar, to: &output)
                return
            }
            UTF8Output.append(0xFFFD, to: &output)
            replacedInvalidUTF16 = true
        }
        switch unit {
        case 0xD800...0xDBFF:
            highSurrogate = unit
        case 0xDC00...0xDFFF:
            UTF8Output.append(0xFFFD, to: &output)
            replacedInvalidUTF16 = true
        default:
            UTF8Output.append(UInt32(unit), to: &output)
        }
    }
}

/// Appending one Unicode scalar as UTF-8.
enum UTF8Output {
    @inline(__always)
    static func append(_ v: UInt32, to output: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            output.append(UInt8(v))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (v >> 6)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (v >> 12)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (v >> 18)))
            output.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
