/// Renders a `MailMessage` as one RFC 5322 message with a MIME text/plain UTF-8 body: CRLF line
/// ends, 7-bit clean (RFC 2047 encoded-words in the subject, quoted-printable body), no line
/// longer than 78 characters in the headers or 76 in the body, and no way for a subject or an
/// address to add a header of its own. Both transports deliver exactly these bytes.
public enum MailRenderer {
    /// Header lines are folded to this width when they can be (RFC 5322 §2.1.1's "SHOULD").
    static let foldWidth = 78

    /// The message as it goes on the wire or into an `.eml` file.
    /// Throws `MailDeliveryError.permanent` when an address or the Message-ID cannot be written
    /// safely: such a message would never be delivered as it is.
    public static func render(_ message: MailMessage) throws -> [UInt8] {
        if let problem = messageIDProblem(message.messageID) {
            throw MailDeliveryError(.permanent, "the Message-ID \(printable(message.messageID)) \(problem)")
        }
        if let problem = addressProblem(message.from) {
            throw MailDeliveryError(.permanent, "the sender address \(printable(message.from)) \(problem)")
        }
        if message.to.isEmpty {
            throw MailDeliveryError(.permanent, "the message \(message.messageID) has no recipient")
        }
        for recipient in message.to {
            if let problem = addressProblem(recipient) {
                throw MailDeliveryError(.permanent, "the recipient address \(printable(recipient)) \(problem)")
            }
        }

        var headers: [String] = []
        headers.append("Date: " + MailDate.format(message.date))
        headers.append("From: " + message.from)
        headers.append(foldedList(name: "To", message.to))
        headers.append(subjectHeader(message.subject))
        headers.append("Message-ID: " + message.messageID)
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: quoted-printable")

        var out: [UInt8] = []
        out.reserveCapacity(message.body.utf8.count * 11 / 10 + 512)
        for header in headers {
            out += header.utf8
            out += [13, 10]
        }
        out += [13, 10]
        var body = message.body
        body.withUTF8 { QuotedPrintable.encode(body: $0, into: &out) }
        return out
    }

    /// Why `address` cannot be written in a header or an SMTP envelope, or nil when it can:
    /// a bare `name@domain`, printable ASCII, no spaces, at most 254 characters.
    public static func addressProblem(_ address: String) -> String? {
        if address.isEmpty { return "is empty" }
        if address.utf8.count > 254 { return "is longer than 254 characters" }
        if address.utf8.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            return "contains a space, a line break, a control character or a non-ASCII character"
        }
        if address.utf8.contains(where: isHeaderSpecial) {
            return "must be a bare address such as name@agency.gov.sg, without a display name or brackets"
        }
        let bytes = address.utf8
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at != bytes.startIndex,
              bytes.index(after: at) != bytes.endIndex else {
            return "is not of the form name@domain"
        }
        return nil
    }

    /// Characters that would turn a bare address into something else in a header: `<>()[],;:"\`.
    private static func isHeaderSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3C, 0x3E, 0x28, 0x29, 0x5B, 0x5D, 0x2C, 0x3B, 0x3A, 0x22, 0x5C: return true
        default: return false
        }
    }

    /// Why `id` is not a usable Message-ID (`<unique@domain>`, printable ASCII), or nil.
    static func messageIDProblem(_ id: String) -> String? {
        let bytes = Array(id.utf8)
        guard bytes.count >= 5, bytes.count <= 250, bytes.first == UInt8(ascii: "<"), bytes.last == UInt8(ascii: ">") else {
            return "must look like <unique@domain> and be at most 250 characters"
        }
        let inner = bytes.dropFirst().dropLast()
        if inner.contains(where: { $0 < 0x21 || $0 > 0x7E || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) {
            return "contains a space, a line break, a bracket or a non-ASCII character"
        }
        guard let at = inner.firstIndex(of: UInt8(ascii: "@")), at != inner.startIndex, inner.index(after: at) != inner.endIndex else {
            return "must look like <unique@domain>"
        }
        return nil
    }

    /// `Subject:` as plain text when it is printable ASCII and folds at spaces, else as
    /// encoded-words. Line breaks and control characters in the subject become one space each,
    /// so a subject can never start a header line of its own.
    static func subjectHeader(_ subject: String) -> String {
        let text = flattened(subject)
        let bytes = text.utf8
        let isPlain = bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
            && !zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: "=") && $1 == UInt8(ascii: "?") }
        if isPlain, let folded = foldAtSpaces("Subject: " + text) { return folded }
        return "Subject: " + EncodedWord.encode(text).joined(separator: "\r\n ")
    }

    /// Runs of CR, LF and other control characters (C0, DEL, C1) become one space; ends trimmed.
    static func flattened(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.trimmingSpaces() }
        var scalars = String.UnicodeScalarView()
        var lastWasControl = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                if !lastWasControl { scalars.append(" ") }
                lastWasControl = true
            } else {
                scalars.append(scalar)
                lastWasControl = false
            }
        }
        return String(scalars).trimmingSpaces()
    }

    /// Folds a header line before spaces so each line is at most `foldWidth`; nil when some
    /// word is too long to fit (the caller then encodes).
    static func foldAtSpaces(_ line: String) -> String? {
        var lines: [Substring] = []
        var rest = Substring(line)
        while rest.utf8.count > foldWidth {
            let limit = rest.index(rest.startIndex, offsetBy: foldWidth)
            // Break before the last space within the limit that leaves something on this line.
            guard let space = rest[rest.index(after: rest.startIndex)...limit].lastIndex(of: " "),
                  rest[..<space].contains(where: { $0 != " " }) else { return nil }
            lines.append(rest[..<space])
            rest = rest[space...]
        }
        lines.append(rest)
        return lines.joined(separator: "\r\n")
    }

    /// `To: a@x, b@y` folded after commas so no line passes `foldWidth` unless one address does.
    static func foldedList(name: String, _ addresses: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for (i, address) in addresses.enumerated() {
            let piece = address + (i < addresses.count - 1 ? "," : "")
            if lineLength + 1 + piece.utf8.count > foldWidth, i > 0 {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + piece
            lineLength += 1 + piece.utf8.count
        }
        return result
    }

    /// A value quoted for an error message: control characters shown as `\u{…}`, at most 80 characters.
    static func printable(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.prefix(80) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return "\"" + out + (value.unicodeScalars.count > 80 ? "…" : "") + "\""
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        if utf8.first != 0x20 && utf8.last != 0x20 { return self }
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
