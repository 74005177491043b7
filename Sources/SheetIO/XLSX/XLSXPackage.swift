import SheetNative

/// An opened XLSX zip package: finds parts by name, streams them through the XML parser and turns
/// every zip or XML failure into a `SheetIOError` naming the file and the part.
final class XLSXPackage {
    let fileName: String
    let limits: ReadLimits
    private let archive: ZipArchive

    init(path: String, fileName: String, limits: ReadLimits) throws {
        self.fileName = fileName
        self.limits = limits
        do {
            archive = try ZipArchive(path: path, limits: ZipLimits(
                maxEntries: limits.maxZipEntries, maxEntryBytes: limits.maxEntryBytes,
                maxTotalBytes: limits.maxTotalBytes, maxRatio: limits.maxCompressionRatio,
                ratioFloorBytes: limits.ratioFloorBytes))
        } catch let failure as ZipFailure {
            throw Self.error(for: failure, file: fileName)
        }
    }

    func has(_ part: String) -> Bool { archive.entry(named: part) != nil }

    /// The inflated size the zip directory claims for a part (a hint for choosing strategies, never a limit).
    func size(of part: String) -> Int { archive.entry(named: part).map { Int(clamping: $0.claimedSize) } ?? 0 }

    var partNames: [String] { archive.entries.map(\.name) }

    /// Parts larger than this are inflated on a second thread while the first parses.
    static let prefetchThreshold = 4 << 20

    /// Streams a part's XML through `handler`.
    func parse(_ part: String, with handler: XMLStreamHandler) throws {
        guard let entry = archive.entry(named: part) else {
            throw SheetIOError(.missingPart, "the package has no part \(part)", file: fileName)
        }
        let parser = XMLStreamParser(handler: handler, maxDepth: limits.maxXMLDepth)
        do {
            let reader = try archive.open(entry)
            if entry.claimedSize > UInt64(Self.prefetchThreshold) {
                let prefetching = PrefetchingReader(reader)
                defer { prefetching.close() }
                try parser.parse { buffer in try prefetching.read(into: buffer) }
            } else {
                try parser.parse { buffer in try reader.read(into: buffer) }
            }
        } catch let failure as ZipFailure {
            throw Self.error(for: failure, file: fileName)
        } catch let failure as XMLFailure {
            throw Self.error(for: failure, file: fileName, part: part)
        } catch var e as SheetIOError {
            if e.file == nil { e.file = fileName }
            if e.location == nil { e.location = part }
            throw e
        }
    }

    /// Reads a small part (a `mimetype` or similar) whole, up to `max` bytes.
    func smallPart(_ part: String, max: Int = 4096) throws -> [UInt8]? {
        guard let entry = archive.entry(named: part) else { return nil }
        var out: [UInt8] = []
        do {
            try archive.read(entry, chunkSize: 4096) { chunk in
                out.append(contentsOf: chunk.prefix(max - out.count))
                return out.count < max
            }
        } catch let failure as ZipFailure {
            throw Self.error(for: failure, file: fileName)
        }
        return out
    }

    static func error(for failure: ZipFailure, file: String) -> SheetIOError {
        switch failure {
        case .open(let code, let message):
            // libzip: 10 = duplicate entry name, 19 = not a zip archive, 21 = inconsistent, 5 = read error, 14 = premature end.
            if code == 10 {
                // ZIP_ER_EXISTS: libzip refuses a central directory that names one entry twice.
                return SheetIOError(.zipUnsupported, "the zip holds two entries with the same name (libzip: \(message)); a package's part names must be unique", file: file)
            }
            if code == 19 {
                // Callers reach here only for files that start like a zip: the directory at the end is gone.
                return SheetIOError(.corruptZip, "the zip container is truncated or damaged: its central directory is missing (libzip: \(message)); save the workbook again and re-upload", file: file)
            }
            return SheetIOError(.corruptZip, "the zip container is damaged or truncated (libzip: \(message)); save the workbook again from Excel and re-upload", file: file)
        case .tooManyEntries(let count, let limit):
            return SheetIOError(.zipLimit, "the zip holds \(count) entries; the limit is \(limit)", file: file)
        case .duplicateName(let name):
            return SheetIOError(.zipUnsupported, "the zip holds two entries named \(name) (names differing only in case count as the same part)", file: file)
        case .encryptedEntry(let name):
            return SheetIOError(.zipUnsupported, "zip entry \(name) is encrypted; remove the password and upload again", file: file)
        case .unsupportedCompression(let name, let method):
            return SheetIOError(.zipUnsupported, "zip entry \(name) uses compression method \(method); only stored and deflate are allowed", file: file)
        case .entryTooLarge(let name, let limit):
            return SheetIOError(.zipLimit, "zip entry \(name) inflates beyond the limit of \(formatBytes(limit)) (possible zip bomb)", file: file, location: name)
        case .totalTooLarge(let limit):
            return SheetIOError(.zipLimit, "the zip inflates beyond the total limit of \(formatBytes(limit)) (possible zip bomb)", file: file)
        case .ratioTooHigh(let name, let ratio, let limit):
            return SheetIOError(.zipLimit, "zip entry \(name) inflates \(ratio):1, over the limit of \(limit):1 (zip bomb)", file: file, location: name)
        case .sizeMismatch(let name, let claimed):
            return SheetIOError(.corruptZip, "zip entry \(name) inflates to more than the \(claimed) bytes its header claims (a tampered or damaged zip)", file: file, location: name)
        case .sizeShort(let name, let claimed, let produced):
            return SheetIOError(.corruptZip, "zip entry \(name) inflates to \(produced) bytes, not the \(claimed) its header claims (a tampered or damaged zip); save the workbook again and re-upload", file: file, location: name)
        case .read(let name, let message):
            return SheetIOError(.corruptZip, "cannot read zip entry \(name): \(message)", file: file, location: name)
        }
    }

    static func error(for failure: XMLFailure, file: String, part: String) -> SheetIOError {
        switch failure {
        case .doctypeForbidden:
            return SheetIOError(.xmlForbidden, "XML with a DOCTYPE or entity declaration is refused (Office Open XML forbids DTDs; this is how entity-expansion attacks work)", file: file, location: part)
        case .encodingForbidden(let name):
            return SheetIOError(.xmlForbidden, "XML declares encoding \"\(name)\"; only UTF-8 and UTF-16 are allowed", file: file, location: part)
        case .tooDeep(let limit):
            return SheetIOError(.xmlLimit, "XML nests elements deeper than \(limit) levels", file: file, location: part)
        case .malformed(let message, let line):
            return SheetIOError(.xmlMalformed, "XML is not well-formed at line \(line): \(message)", file: file, location: part)
        }
    }
}

func formatBytes(_ n: Int) -> String {
    if n >= 1 << 30 && n % (1 << 30) == 0 { return "\(n >> 30) GiB" }
    if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
    return "\(n) bytes"
}
