/// Hard limits for reading untrusted files. Every one is checked while reading, against bytes
/// actually seen, never against what a file claims about itself.
public struct ReadLimits: Sendable, Equatable {
    /// Largest input file accepted, in bytes.
    public var maxFileBytes: Int = 512 << 20
    /// Most entries in a zip package.
    public var maxZipEntries: Int = 10_000
    /// Most bytes inflated from one zip entry.
    public var maxEntryBytes: Int = 4 << 30
    /// Most bytes inflated from all entries read, together.
    public var maxTotalBytes: Int = 8 << 30
    /// Highest inflated-to-compressed ratio, checked once an entry has inflated past `ratioFloorBytes`.
    public var maxCompressionRatio: Int = 200
    public var ratioFloorBytes: Int = 16 << 20
    /// Deepest XML element nesting.
    public var maxXMLDepth: Int = 128
    /// Most characters in one cell (Excel's limit).
    public var maxCellCharacters: Int = CellReference.maxCellCharacters
    /// Most bytes of cell text in one row (shared strings count at their length). Keeps a crafted
    /// row of thousands of long inline strings from exhausting memory; real rows are far below it.
    public var maxRowTextBytes: Int = 16 << 20
    /// Most bytes of text held in the shared-string table (it is kept in memory while sheets are read).
    public var maxSharedStringBytes: Int = 256 << 20
    /// Most rows (Excel's limit).
    public var maxRows: Int = CellReference.maxRows
    /// Most columns (Excel's limit).
    public var maxColumns: Int = CellReference.maxColumns

    public init() {}

    public static let `default` = ReadLimits()
}
