/// Optimal-string-alignment (Damerau–Levenshtein) distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost 1. Used for "did you mean …" hints.
enum EditDistance {
    /// The distance between two strings, or `limit + 1` as soon as it is known to exceed `limit`.
    static func damerau(_ a: String, _ b: String, limit: Int = 2) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prevPrev = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    v = min(v, prevPrev[j - 2] + 1)
                }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prevPrev, prev, cur) = (prev, cur, prevPrev)
        }
        return min(prev[y.count], limit + 1)
    }

    /// The candidate nearest to `text` (case-insensitive) within `limit`, if exactly one is nearest.
    static func nearest(_ text: String, in candidates: [String], limit: Int = 2) -> String? {
        let lower = text.lowercased()
        var best: String?
        var bestDistance = limit + 1
        var tie = false
        for candidate in candidates {
            let d = damerau(lower, candidate.lowercased(), limit: limit)
            if d < bestDistance { best = candidate; bestDistance = d; tie = false }
            else if d == bestDistance { tie = true }
        }
        return tie || bestDistance > limit ? nil : best
    }
}
