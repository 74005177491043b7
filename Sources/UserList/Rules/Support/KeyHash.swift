/// A 64-bit hash of a case-folded key, so duplicate checks keep 8 bytes per row instead of the text.
/// Uses the standard library's randomly seeded SipHash: collisions cannot be engineered from input,
/// and hashes are only compared within one process.
enum KeyHash {
    /// The hash of the key's lowercase UTF-8 bytes. ASCII keys (nearly all) are lowered byte by
    /// byte as they are hashed; any other key is lowercased first and its bytes hashed the same
    /// way, so a key and its lowercase spelling always meet (`K`, the Kelvin sign, lowercases to
    /// an ASCII `k`).
    static func of(_ key: String) -> UInt64 {
        var hasher = Hasher()
        let asciiDone = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b >= 0x80 { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { lower in
                for i in bytes.indices { lower[i] = bytes[i] &- 0x41 < 26 ? bytes[i] | 0x20 : bytes[i] }
                hasher.combine(bytes: UnsafeRawBufferPointer(lower))
            }
            return true
        } ?? false
        if !asciiDone {
            var lowered = key.lowercased()
            lowered.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(0xFF as UInt8)  // ends the key (0xFF never occurs in UTF-8)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
