internal import CLibXML2

/// An element or attribute name as libxml2 hands it over: borrowed bytes, valid only during the callback.
public struct XMLName {
    public let localName: UnsafePointer<UInt8>
    public let namespaceURI: UnsafePointer<UInt8>?

    /// True when the local name equals `name` (ASCII, case-sensitive as XML is).
    @inline(__always)
    public func `is`(_ name: StaticString) -> Bool {
        XMLName.equal(localName, name)
    }

    @inline(__always)
    static func equal(_ p: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let n = name.utf8CodeUnitCount
        let q = name.utf8Start
        var i = 0
        while i < n {
            if p[i] != q[i] { return false }
            i += 1
        }
        return p[n] == 0
    }

    public var string: String { String(cString: localName) }
    public var namespace: String? { namespaceURI.map { String(cString: $0) } }
}

/// The attributes of one start tag: borrowed bytes, valid only during the callback.
public struct XMLAttributes {
    // libxml2's SAX2 layout: 5 pointers per attribute (localname, prefix, URI, value, end).
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    /// The value of the attribute with this local name and no namespace.
    @inline(__always)
    public func value(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        var i = 0
        while i < count {
            let p = base + i * 5
            if let local = p[0], p[2] == nil, XMLName.equal(local, name), let v = p[3], let e = p[4] {
                return UnsafeBufferPointer(start: v, count: e - v)
            }
            i += 1
        }
        return nil
    }

    /// The value of the attribute with this local name in any namespace (e.g. `r:id`).
    public func namespacedValue(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            if let local = p[0], p[2] != nil, XMLName.equal(local, name), let v = p[3], let e = p[4] {
                return UnsafeBufferPointer(start: v, count: e - v)
            }
        }
        return nil
    }

    /// The attribute's value as text, fully decoded: `5&amp;4` gives `5&4`.
    public func string(_ name: StaticString) -> String? {
        value(name).map(XMLAttributes.decode)
    }

    /// Attribute bytes as text. Without entity substitution (which stays off, so no DTD entity is
    /// ever expanded) libxml2 hands a `&` over as the character reference `&#38;` (libxml2 keeps
    /// the value re-serialisable); every `&` in the value starts such a reference, so decoding the
    /// numeric references gives the text the file means.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = characterReference(bytes, at: i) {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `&#38;` or `&#x26;` at `start`: the scalar and the reference's length in bytes.
    private static func characterReference(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i + 1 < b.count, b[i] == UInt8(ascii: "#") else { return nil }
        i += 1
        let hex = b[i] == UInt8(ascii: "x")
        if hex { i += 1 }
        var v: UInt32 = 0
        var digits = 0
        while i < b.count, b[i] != UInt8(ascii: ";") {
            let c = b[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70 where hex: d = UInt32(c - 55)
            case 97...102 where hex: d = UInt32(c - 87)
            default: return nil
            }
            v = v * (hex ? 16 : 10) + d
            digits += 1
            if digits > 7 { return nil }
            i += 1
        }
        guard digits > 0, i < b.count, let scalar = Unicode.Scalar(v) else { return nil }
        return (scalar, i + 1 - start)
    }
}

/// Receives the events of a streamed XML document.
public protocol XMLStreamHandler: AnyObject {
    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws
    func endElement(_ name: XMLName) throws
    /// Text content; may arrive in several pieces for one text node.
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws
}

/// Why a document was refused.
public enum XMLFailure: Error, Equatable, Sendable {
    /// A DOCTYPE, internal subset or entity declaration: the packaging standard forbids DTDs.
    case doctypeForbidden
    /// An encoding other than UTF-8 or UTF-16 was declared.
    case encodingForbidden(String)
    case tooDeep(limit: Int)
    /// Not well-formed, with libxml2's message and the line.
    case malformed(message: String, line: Int)
}

/// A libxml2 SAX2 parser pulling its input from a read callback (libzip). It never loads a DTD or external resource,
/// never expands entities (any DOCTYPE stops the parse), never uses `XML_PARSE_HUGE`,
/// and bounds element depth. The handler sees borrowed bytes and allocates only what it keeps.
public final class XMLStreamParser {
    private var context: xmlParserCtxtPtr?
    // unowned(unsafe): the caller keeps the handler alive for the parse; a checked reference costs an atomic per event.
    private unowned(unsafe) let handler: XMLStreamHandler
    private let maxDepth: Int
    private var depth = 0
    private var failure: Error?
    private var sax = xmlSAXHandler()

    public init(handler: XMLStreamHandler, maxDepth: Int) {
        self.handler = handler
        self.maxDepth = maxDepth
        sax.initialized = XML_SAX2_MAGIC
        // The per-event callbacks borrow the parser (`_withUnsafeGuaranteedRef`): taking a strong
        // reference cost a retain and a release per element, a tenth of the reader's own work.
        sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { me in
                me.depth += 1
                if me.depth > me.maxDepth { me.fail(XMLFailure.tooDeep(limit: me.maxDepth)); return }
                let attrs = XMLAttributes(base: UnsafeMutableRawPointer(attributes)?.assumingMemoryBound(to: UnsafePointer<UInt8>?.self),
                                          count: Int(nbAttributes))
                do { try me.handler.startElement(XMLName(localName: localname!, namespaceURI: uri), attrs) } catch { me.fail(error) }
            }
        }
        sax.endElementNs = { ctx, localname, _, uri in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { me in
                me.depth -= 1
                do { try me.handler.endElement(XMLName(localName: localname!, namespaceURI: uri)) } catch { me.fail(error) }
            }
        }
        let characters: charactersSAXFunc = { ctx, ch, len in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!)._withUnsafeGuaranteedRef { me in
                do { try me.handler.characters(UnsafeBufferPointer(start: ch, count: Int(len))) } catch { me.fail(error) }
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.internalSubset = { ctx, _, _, _ in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!).takeUnretainedValue().fail(XMLFailure.doctypeForbidden)
        }
        sax.externalSubset = { ctx, _, _, _ in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!).takeUnretainedValue().fail(XMLFailure.doctypeForbidden)
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            Unmanaged<XMLStreamParser>.fromOpaque(ctx!).takeUnretainedValue().fail(XMLFailure.doctypeForbidden)
        }
        // No entity is ever looked up: predefined ones (&amp; …) are decoded by the parser itself.
        sax.getEntity = { _, _ in nil }
        sax.getParameterEntity = { _, _ in nil }
        sax.resolveEntity = { _, _, _ in nil }
        // Errors are collected from the context, never printed.
        sax.serror = { _, _ in }
        sax.warning = nil
        sax.error = nil
        sax.fatalError = nil
    }

    deinit {
        if let context {
            xmlFreeParserCtxt(context)
        }
    }

    private func fail(_ error: Error) {
        if failure == nil { failure = error }
        if let context { xmlStopParser(context) }
    }

    /// Parses a whole document, pulling its bytes from `read` (which fills the buffer and returns
    /// the count, 0 at the end). Pull mode lets libxml2 parse straight from its input buffer,
    /// without the look-ahead scans push mode needs at every chunk boundary.
    public func parse(reading read: @escaping (UnsafeMutableBufferPointer<UInt8>) throws -> Int) throws {
        final class Source {
            let read: (UnsafeMutableBufferPointer<UInt8>) throws -> Int
            var error: Error?
            var first = true
            unowned(unsafe) let parser: XMLStreamParser
            init(_ read: @escaping (UnsafeMutableBufferPointer<UInt8>) throws -> Int, _ parser: XMLStreamParser) { self.read = read; self.parser = parser }
        }
        let source = Source(read, self)
        let box = Unmanaged.passRetained(source)
        let me = Unmanaged.passUnretained(self).toOpaque()
        let readCallback: xmlInputReadCallback = { ctx, buffer, len in
            let src = Unmanaged<Source>.fromOpaque(ctx!).takeUnretainedValue()
            do {
                let n = try buffer!.withMemoryRebound(to: UInt8.self, capacity: Int(len)) {
                    try src.read(UnsafeMutableBufferPointer(start: $0, count: Int(len)))
                }
                if src.first && n > 0 {
                    src.first = false
                    try src.parser.checkEncoding(UnsafeBufferPointer(start: UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self), count: n))
                }
                return Int32(n)
            } catch {
                src.error = error
                return -1
            }
        }
        let closeCallback: xmlInputCloseCallback = { ctx in
            Unmanaged<Source>.fromOpaque(ctx!).release()
            return 0
        }
        let ctx = withUnsafeMutablePointer(to: &sax) { saxPointer in
            xmlCreateIOParserCtxt(saxPointer, me, readCallback, closeCallback, box.toOpaque(), XML_CHAR_ENCODING_NONE)
        }
        guard let ctx else { throw XMLFailure.malformed(message: "cannot create XML parser", line: 0) }
        context = ctx
        xmlCtxtUseOptions(ctx, Int32(XML_PARSE_NONET.rawValue))
        ctx.pointee.replaceEntities = 0
        let status = xmlParseDocument(ctx)
        if let error = source.error { throw error }
        if let failure { throw failure }
        if status != 0 || ctx.pointee.wellFormed == 0 {
            if let e = xmlCtxtGetLastError(ctx) {
                let message = e.pointee.message.map { String(cString: $0) } ?? "not well-formed"
                throw XMLFailure.malformed(message: message.trimmingWhitespace(), line: Int(e.pointee.line))
            }
            throw XMLFailure.malformed(message: "not well-formed (libxml2 error \(status))", line: 0)
        }
    }

    /// Only UTF-8 and UTF-16 are allowed (ECMA-376 Part 2); anything declared otherwise is refused
    /// before libxml2 would load a converter for it.
    fileprivate func checkEncoding(_ chunk: UnsafeBufferPointer<UInt8>) throws {
        if chunk.count >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) { return }
        if chunk.count >= 2 && (chunk[0] == 0 || chunk[1] == 0) { return }  // UTF-16 without BOM
        var start = 0
        if chunk.count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { start = 3 }
        let prefix = Array(chunk[start..<min(chunk.count, start + 256)])
        guard prefix.starts(with: Array("<?xml".utf8)), let end = prefix.firstIndex(of: UInt8(ascii: ">")) else { return }
        let decl = Array(prefix[..<end])
        let key = Array("encoding".utf8)
        guard let at = (0...max(0, decl.count - key.count)).first(where: { decl.count >= key.count && Array(decl[$0..<($0 + key.count)]) == key }) else { return }
        var rest = Substring(String(decoding: decl[(at + key.count)...], as: UTF8.self)).drop(while: { $0 == " " || $0 == "=" || $0 == "\t" })
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        rest = rest.dropFirst()
        let name = String(rest.prefix(while: { $0 != quote }))
        let n = name.lowercased()
        if !(n == "utf-8" || n == "utf8" || n == "utf-16" || n == "utf16" || n == "utf-16le" || n == "utf-16be") {
            throw XMLFailure.encodingForbidden(name)
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
