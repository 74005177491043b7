/// RFC 2047 encoded-words for header text that is not plain ASCII: `=?UTF-8?B?…?=`, each word a
/// whole number of characters and short enough that `Subject: ` plus one word fits in 78 columns.
enum EncodedWord {
    /// At most 42 UTF-8 bytes per word: 56 base64 characters, 68 with the `=?UTF-8?B?` and `?=`.
    static let maxBytesPerWord = 42

    /// The encoded words for `text`, in order; join them with CRLF + space to fold a header.
    static func encode(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytesPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Base64.encode(bytes) + "?=" }
}
