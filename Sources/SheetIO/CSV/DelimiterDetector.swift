/// Guesses a CSV file's delimiter from a sample of its text (the first chunk, as UTF-8).
///
/// For each candidate it counts occurrences outside quotes on every non-blank line and takes
/// the most common count (the mode). A delimiter splits every line into the same number of
/// fields, so the candidate whose mode is non-zero and shared by the largest share of lines wins;
/// ties go to the earlier candidate (comma, then semicolon, then tab). With no candidate on
/// any line the file is one column, and comma is as good as any.
enum DelimiterDetector {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// - Parameter isWholeFile: false when the sample stops part-way through the file, so its
    ///   last line is cut off and is left out (unless it is the only line).
    static func detect(_ sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> UInt8 {
        let quote = UInt8(ascii: "\"")
        var histograms = [[Int: Int]](repeating: [:], count: candidates.count)
        var counts = [Int](repeating: 0, count: candidates.count)
        var lineHasContent = false
        var inQuotes = false
        var completeLines = 0

        func endLine() {
            if lineHasContent {
                for k in 0..<candidates.count { histograms[k][counts[k], default: 0] += 1 }
                completeLines += 1
            }
            for k in 0..<candidates.count { counts[k] = 0 }
            lineHasContent = false
        }

        for b in sample {
            if b == quote {
                inQuotes.toggle()
                lineHasContent = true
            } else if inQuotes {
                continue
            } else if b == 0x0A || b == 0x0D {
                endLine()
            } else {
                lineHasContent = true
                for k in 0..<candidates.count where candidates[k] == b { counts[k] += 1 }
            }
        }
        if lineHasContent && (isWholeFile || completeLines == 0) { endLine() }

        var best: (delimiter: UInt8, share: Double)?
        for k in 0..<candidates.count {
            let lines = histograms[k].values.reduce(0, +)
            guard lines > 0 else { continue }
            // The mode, preferring the larger count on a tie (a header with one field fewer is rarer).
            guard let mode = histograms[k].max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }),
                  mode.key > 0 else { continue }
            let share = Double(mode.value) / Double(lines)
            if best == nil || share > best!.share { best = (candidates[k], share) }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }
}
