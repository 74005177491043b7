import SheetNative

/// One `<Relationship>` of a `.rels` part, with its target already resolved to a part name.
struct Relationship {
    var id: String
    var type: String
    /// The resolved part name, or nil for external targets.
    var part: String?
    /// The target as written (for messages); for an external one, a URL such as `file:///etc/passwd`.
    var target: String = ""

    var isExternal: Bool { part == nil }

    /// True when the type ends with `/name`; transitional and Strict types share their last segment.
    func isType(_ name: String) -> Bool { type.hasSuffix("/" + name) }
}

/// Reads a relationships part.
final class RelationshipsParser: XMLStreamHandler {
    private(set) var relationships: [Relationship] = []
    private let sourcePart: String
    private let fileName: String
    private let relsPart: String

    /// The relationships of `sourcePart` (`""` for the package itself); empty when the part has none.
    static func read(for sourcePart: String, in package: XLSXPackage) throws -> [Relationship] {
        let rels = sourcePart.isEmpty ? "_rels/.rels" : PartName.relationshipsPart(of: sourcePart)
        guard package.has(rels) else { return [] }
        let parser = RelationshipsParser(sourcePart: sourcePart, fileName: package.fileName, relsPart: rels)
        try package.parse(rels, with: parser)
        return parser.relationships
    }

    private init(sourcePart: String, fileName: String, relsPart: String) {
        self.sourcePart = sourcePart
        self.fileName = fileName
        self.relsPart = relsPart
    }

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        guard name.is("Relationship") else { return }
        let id = attributes.string("Id") ?? ""
        let type = attributes.string("Type") ?? ""
        let target = attributes.string("Target") ?? ""
        if attributes.string("TargetMode") == "External" {
            relationships.append(Relationship(id: id, type: type, part: nil, target: target))
            return
        }
        guard let part = PartName.resolve(target: target, from: sourcePart.isEmpty ? "" : sourcePart) else {
            throw SheetIOError(.packageStructure, "relationship \(id) points to \"\(target)\", outside the package", file: fileName, location: relsPart)
        }
        relationships.append(Relationship(id: id, type: type, part: part, target: target))
    }

    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
}
