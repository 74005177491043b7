/// Remembers the first row each key was seen on, storing only a 64-bit hash and a 32-bit row
/// reference per key: a million distinct keys take about 25 MB.
struct FirstOccurrenceIndex: Sendable {
    private var firstRow: [UInt64: UInt32] = [:]

    /// The earlier row that had this key, or nil (and `row` is recorded as its first).
    mutating func firstRow(for key: String, row: RowReference) -> RowReference? {
        let hash = KeyHash.of(key)
        if let first = firstRow[hash] { return RowReference(bits: first) }
        firstRow[hash] = row.rawValue
        return nil
    }

    var count: Int { firstRow.count }

    /// Bytes held by the table's storage (keys, values and occupancy bits), for memory budgets.
    var approximateBytes: Int {
        let buckets = firstRow.capacity * 4 / 3  // the standard Dictionary keeps its load factor at 3/4
        return buckets * (MemoryLayout<UInt64>.stride + MemoryLayout<UInt32>.stride) + buckets / 8
    }
}
