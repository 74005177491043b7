/// Optimal-string-alignment (Damerau–Levenshtein) distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost 1. Used for "did you mean …" hints.
enum EditDistance {
    /// The distance between two strings, or `limit + 1` as soon as it is known to exceed `limit`.
    static func damerau(_ a: String, _ b: String, limit: Int = 2) -> Int {
        // Most candidates differ in length by more than the limit: reject them before allocating.
        let lengthGap = a.unicodeScalars.count - b.unicodeScalars.count
        if lengthGap > limit || -lengthGap > limit { return limit + 1 }
        return damerau(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The distance between two sequences (scalars, bytes), or `limit + 1` once it must exceed `limit`.
    static func damerau<T: Equatable>(_ x: [T], _ y: [T], limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return min(y.count, limit + 1) }
        if y.isEmpty { return min(x.count, limit + 1) }
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

    /// True when `x` becomes `y` by exactly one insertion, deletion, substitution or swap of
    /// neighbours: the limit-1 case of `damerau`, in one pass without allocating.
    static func isOneEdit<C: Collection>(_ x: C, _ y: C) -> Bool where C.Element: Equatable, C.Index == Int {
        let (n, m) = (x.count, y.count)
        guard abs(n - m) <= 1 else { return false }
        var i = 0
        while i < min(n, m), x[x.startIndex + i] == y[y.startIndex + i] { i += 1 }
        if i == n && i == m { return false }  // equal
        func same(_ a: Int, _ b: Int) -> Bool {  // x[a...] == y[b...]
            guard n - a == m - b else { return false }
            var k = 0
            while a + k < n { if x[x.startIndex + a + k] != y[y.startIndex + b + k] { return false }; k += 1 }
            return true
        }
        if n == m {
            if same(i + 1, i + 1) { return true }  // substitution
            return i + 1 < n && x[x.startIndex + i] == y[y.startIndex + i + 1] && x[x.startIndex + i + 1] == y[y.startIndex + i]
                && same(i + 2, i + 2)  // swap
        }
        return n > m ? same(i + 1, i) : same(i, i + 1)  // deletion or insertion
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
