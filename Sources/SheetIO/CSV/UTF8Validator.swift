/// Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF), fed in chunks of any size; a sequence may be split across chunks.
struct UTF8Validator {
    /// Continuation bytes still expected for the sequence in progress.
    private var pending = 0
    /// Allowed range of the next continuation byte (narrower after E0, ED, F0 and F4).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// True when no multi-byte sequence is left unfinished.
    var isAtBoundary: Bool { pending == 0 }

    /// Validates the next chunk; returns the index of the first invalid byte in it, or nil.
    mutating func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i < count {
            if pending == 0 {
                // ASCII runs are the common case: test eight bytes at a time.
                while i + 8 <= count && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                guard i < count else { return nil }
                let b = base[i]
                switch b {
                case 0x00...0x7F: break
                case 0xC2...0xDF: pending = 1; low = 0x80; high = 0xBF
                case 0xE0: pending = 2; low = 0xA0; high = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2; low = 0x80; high = 0xBF
                case 0xED: pending = 2; low = 0x80; high = 0x9F
                case 0xF0: pending = 3; low = 0x90; high = 0xBF
                case 0xF1...0xF3: pending = 3; low = 0x80; high = 0xBF
                case 0xF4: pending = 3; low = 0x80; high = 0x8F
                default: return i
                }
            } else {
                let b = base[i]
                guard b >= low && b <= high else { return i }
                pending -= 1
                low = 0x80; high = 0xBF
            }
            i += 1
        }
        return nil
    }
}
