import SheetNative

/// The workbook's shared strings, held once and compactly: all text in one byte buffer,
/// with an offset per string. A `String` is made only when a cell asks for one.
public final class SharedStringTable {
    private var bytes: [UInt8] = []
    /// Where each string starts in `bytes`, and where the last ends. 32 bits suffice: the table
    /// holds at most `ReadLimits.maxSharedStringBytes` (far below 4 GiB), checked as it fills.
    private var offsets: [UInt32] = [0]

    public var count: Int { offsets.count - 1 }

    /// Bytes held: the text and one offset per string.
    var storageEstimate: Int { bytes.count + offsets.count * MemoryLayout<UInt32>.stride }

    /// Reserves room for a part of `partBytes` uncompressed XML (at most `limit` bytes of text), so
    /// the table never grows by copying: a copy briefly holds the old and the new storage, which
    /// was the reader's peak memory. Reserved pages that are never written take no memory.
    func reserve(partBytes: Int, limit: Int) {
        bytes.reserveCapacity(min(partBytes, limit))
        // Each string takes at least `<si><t></t></si>` (16 bytes) of XML.
        offsets.reserveCapacity(min(partBytes / 16, limit / 4) + 1)
    }

    func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
        offsets.append(UInt32(bytes.count))
    }

    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        offsets.append(UInt32(bytes.count))
    }

    // Values such as "Yes" or a reason repeat on many rows: a small direct-mapped cache hands out
    // the same String instead of decoding and allocating it again. Unique values pass through.
    private static let cacheSize = 4096
    private var cacheIndex = [Int](repeating: -1, count: SharedStringTable.cacheSize)
    private var cacheValue = [String](repeating: "", count: SharedStringTable.cacheSize)

    @inline(__always)
    public func string(at index: Int) -> String {
        let slot = index & (Self.cacheSize - 1)
        if cacheIndex[slot] == index { return cacheValue[slot] }
        let s = bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(offsets[index])..<Int(offsets[index + 1])]), as: UTF8.self)
        }
        cacheIndex[slot] = index
        cacheValue[slot] = s
        return s
    }

    func finish() {
        bytes.reserveCapacity(0)
    }
}

/// Parses `sharedStrings.xml` into a table: rich-text runs joined, phonetic runs (`rPh`) left out,
/// `_xHHHH_` escapes decoded, each string checked against the cell length limit.
final class SharedStringsParser: XMLStreamHandler {
    let table = SharedStringTable()
    private let text = ScratchBuffer()
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private let maxCharacters: Int
    private let fileName: String

    private let maxTotalBytes: Int

    init(maxCharacters: Int, maxTotalBytes: Int = ReadLimits.default.maxSharedStringBytes, fileName: String) {
        self.maxCharacters = maxCharacters
        self.maxTotalBytes = min(maxTotalBytes, Int(UInt32.max) - (1 << 20))  // offsets are 32-bit
        self.fileName = fileName
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("si") {
            inItem = true
            text.reset()
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t") && inItem && phoneticDepth == 0 {
            inText = true
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("si") {
            inItem = false
            // Empty strings cost an offset each: count those too.
            if table.storageEstimate + text.count > maxTotalBytes {
                throw SheetIOError(.cellLimit, "the shared strings hold more than \(formatBytes(maxTotalBytes)) of text, the most read into memory", file: fileName, location: "xl/sharedStrings.xml")
            }
            let b = text.bytes
            if XMLText.hasEscape(b) {
                let decoded = XMLText.decodeEscapes(b)
                try check(decoded.utf16.count)
                table.append(decoded)
            } else {
                if b.count > maxCharacters { try check(XMLText.utf16Length(b)) }
                table.append(b)
            }
        }
    }

    private func check(_ length: Int) throws {
        if length > maxCharacters {
            throw SheetIOError(.cellLimit, "shared string \(table.count) has \(length) characters; a cell holds at most \(maxCharacters)", file: fileName)
        }
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        guard inText else { return }
        if table.storageEstimate + text.count + chunk.count > maxTotalBytes {
            throw SheetIOError(.cellLimit, "the shared strings hold more than \(formatBytes(maxTotalBytes)) of text, the most read into memory", file: fileName, location: "xl/sharedStrings.xml")
        }
        text.append(chunk)
        if text.count > maxCharacters * 3 {
            throw SheetIOError(.cellLimit, "shared string \(table.count) is longer than \(maxCharacters) characters, the most a cell holds", file: fileName)
        }
    }
}
