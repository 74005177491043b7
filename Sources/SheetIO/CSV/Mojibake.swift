/// Text that was saved as UTF-8 and read back as Windows-1252 ("mojibake": `SiobhÃ¡n` for
/// `Siobhán`, `ï»¿` for a byte-order mark), and its repair.
public enum Mojibake {
    /// The text as it was before the damage, when it is damaged: every character maps back to a
    /// Windows-1252 byte and those bytes are valid UTF-8 holding at least one non-ASCII character.
    /// Real names almost never pass that test: an accented letter is followed by a letter, never by
    /// the symbols (`¡`, `©`, `€`, NBSP …) that UTF-8 continuation bytes become.
    public static func repaired(_ text: String) -> String? {
        // Cheap rejection: damage always shows a lead byte Â–ô (U+00C2–U+00F4).
        guard text.unicodeScalars.contains(where: { $0.value >= 0xC2 && $0.value <= 0xF4 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard let b = Windows1252.byte(for: scalars[i]) else { return nil }
            bytes.append(b)
            i += 1
            // A non-breaking space (C2 A0) often reaches us as Â and an ordinary space, after
            // something on the way turned the NBSP into a space.
            if b == 0xC2, i < scalars.count, scalars[i] == " " {
                bytes.append(0xA0)
                i += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), decoded != text,
              decoded.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return nil }
        return decoded
    }

    /// The UTF-8 byte-order mark as Windows-1252 shows it.
    public static let byteOrderMark = "\u{EF}\u{BB}\u{BF}"
}
