/// A CSV or TSV file read as one sheet, streamed in 64 KiB chunks so memory stays flat however
/// many rows the file has.
///
/// Every cell is `.text` exactly as written (no type guessing) with no number format; empty
/// fields are left out of a row's cells, and a blank line is a row with no cells, so row numbers
/// stay in step with the file's records. The encoding (UTF-8 with or without a byte-order mark,
/// UTF-16 with one, otherwise Windows-1252 with a warning) is decided once, before any row is read.
public final class CSVSource: SheetSource {
    public let fileName: String
    public let format: SpreadsheetFormat
    public let sheets: [SheetInfo]
    public private(set) var warnings: [String] = []
    /// The field delimiter: the one given, tab for a `.tsv` file, or the one detected.
    public private(set) var delimiter: UInt8
    /// The encoding the file's text is decoded from.
    public let encoding: CSVTextEncoding

    private let file: ReadOnlyFile
    private let limits: ReadLimits
    private let byteOrderMarkLength: Int
    /// True when the file starts with Excel's `sep=X` line, which is skipped and not counted as a row.
    public let skipsSeparatorLine: Bool

    /// Opens `path`, decides its encoding and delimiter; `displayName` (default: the path) names
    /// the file in messages and, without its extension, the sheet.
    public init(path: String, displayName: String? = nil, delimiter: UInt8? = nil, limits: ReadLimits = .default) throws {
        let name = displayName ?? path
        self.fileName = name
        self.limits = limits
        self.file = try ReadOnlyFile(path: path, displayName: name, maxBytes: limits.maxFileBytes)

        let baseName = Self.lastComponent(of: name)
        let ext = Self.fileExtension(of: baseName).lowercased()
        let pathExt = Self.fileExtension(of: Self.lastComponent(of: path)).lowercased()
        let isTSV = ext == "tsv" || (ext.isEmpty && pathExt == "tsv")
        self.format = isTSV ? .tsv : .csv
        self.sheets = [SheetInfo(index: 0, name: Self.stem(of: baseName), visibility: .visible)]

        if let d = delimiter, d == UInt8(ascii: "\"") || d == 0x0A || d == 0x0D || d == 0 || d >= 0x80 {
            throw SheetIOError(.unsupportedFormat, "the delimiter must be one ASCII character other than a quote or a line break", file: name)
        }

        let detection = try CSVTextEncoding.detect(in: file)
        self.encoding = detection.encoding
        self.byteOrderMarkLength = detection.byteOrderMarkLength
        if let line = detection.firstInvalidUTF8Line {
            warnings.append("not UTF-8: decoded as Windows-1252 (first invalid byte at line \(line)); save the file as \"CSV UTF-8\" to be sure of special characters")
        }

        // Excel reads (and writes) a first line `sep=;` naming the delimiter; it is not a row.
        let hint = try Self.separatorLine(in: file, detection)
        self.skipsSeparatorLine = hint != nil
        if let d = delimiter {
            self.delimiter = d
        } else if let hint {
            self.delimiter = hint
        } else if isTSV {
            self.delimiter = UInt8(ascii: "\t")
        } else {
            self.delimiter = try Self.detectDelimiter(in: file, detection)
        }
    }

    /// The delimiter named by a first line `sep=X` (any case), as Excel writes and reads it.
    private static func separatorLine(in file: ReadOnlyFile, _ detection: CSVTextEncoding.Detection) throws -> UInt8? {
        var transcoder = TextTranscoder(encoding: detection.encoding, byteOrderMarkLength: detection.byteOrderMarkLength)
        var found: UInt8?
        try file.forEachChunk { chunk in
            transcoder.transcode(chunk) { text in
                guard found == nil, text.count >= 5 else { return }
                let lower = text.prefix(4).map { $0 | 0x20 }
                guard lower == Array("sep=".utf8) else { return }
                let d = text[text.startIndex + 4]
                guard d != 0x0A, d != 0x0D, d != UInt8(ascii: "\""), d < 0x80 else { return }
                if text.count == 5 || text[text.startIndex + 5] == 0x0A || text[text.startIndex + 5] == 0x0D { found = d }
            }
            return false
        }
        return found
    }

    /// Reads the first chunk's text and guesses the delimiter from it.
    private static func detectDelimiter(in file: ReadOnlyFile, _ detection: CSVTextEncoding.Detection) throws -> UInt8 {
        var transcoder = TextTranscoder(encoding: detection.encoding, byteOrderMarkLength: detection.byteOrderMarkLength)
        var result = UInt8(ascii: ",")
        try file.forEachChunk { chunk in
            let isWholeFile = chunk.count < ReadOnlyFile.chunkSize
            transcoder.transcode(chunk) { text in
                result = DelimiterDetector.detect(text, isWholeFile: isWholeFile)
            }
            return false
        }
        return result
    }

    public func readRows(sheet index: Int, _ body: (Row) throws -> Void) throws -> SheetSummary {
        guard index == 0 else {
            throw SheetIOError(.sheetNotFound, "a CSV file has one sheet; there is no sheet \(index + 1)", file: fileName)
        }
        var transcoder = TextTranscoder(encoding: encoding, byteOrderMarkLength: byteOrderMarkLength)
        var parser = CSVRecordParser(delimiter: delimiter, limits: limits)
        let skip = skipsSeparatorLine
        func deliver(_ row: Row) throws {
            guard skip else { return try body(row) }
            guard row.number > 1 else { return }
            var shifted = row
            shifted.number -= 1
            try body(shifted)
        }
        do {
            try file.forEachChunk { chunk in
                try transcoder.transcode(chunk) { text in try parser.feed(text, deliver) }
                return true
            }
            try transcoder.finish { text in try parser.feed(text, deliver) }
            try parser.finish(deliver)
        } catch let error as SheetIOError {
            throw error.with(file: fileName)
        }
        if transcoder.replacedInvalidUTF16 {
            let warning = "malformed UTF-16: unpaired surrogates were replaced by U+FFFD"
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        guard skipsSeparatorLine else { return SheetSummary(usedRange: parser.usedRange, rowCount: parser.recordCount) }
        var used = parser.usedRange
        if var u = used {
            u.firstRow = max(1, u.firstRow - 1)
            u.lastRow -= 1
            used = u.lastRow >= 1 ? u : nil
        }
        return SheetSummary(usedRange: used, rowCount: max(0, parser.recordCount - 1))
    }

    private static func lastComponent(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return Substring(path) }
        return path[path.index(after: slash)...]
    }

    private static func fileExtension(of name: Substring) -> Substring {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...]
    }

    private static func stem(of name: Substring) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }
}
