/// A 64-bit hash of a case-folded key, so duplicate checks keep 8 bytes per row instead of the text.
/// Uses the standard library's randomly seeded SipHash: collisions cannot be engineered from input,
/// and hashes are only compared within one process.
enum KeyHash {
    static func of(_ key: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(key.lowercased())
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}
