internal import CZip

/// Why a zip package could not be read; SheetIO turns these into user-facing errors.
public enum ZipFailure: Error, Equatable, Sendable {
    /// libzip could not open the file: not a zip (`ZIP_ER_NOZIP`), inconsistent or truncated
    /// (`ZIP_ER_INCONS`, `ZIP_ER_READ`…), with libzip's own message.
    case open(code: Int32, message: String)
    case tooManyEntries(count: Int, limit: Int)
    case duplicateName(String)
    case encryptedEntry(String)
    case unsupportedCompression(name: String, method: Int32)
    /// Inflating an entry produced more bytes than allowed.
    case entryTooLarge(name: String, limit: Int)
    case totalTooLarge(limit: Int)
    case ratioTooHigh(name: String, ratio: Int, limit: Int)
    /// The entry inflated to more bytes than its header claims: tampered or damaged.
    case sizeMismatch(name: String, claimed: UInt64)
    /// The entry ended before the size its header claims (a zip64 entry claiming gigabytes, say).
    case sizeShort(name: String, claimed: UInt64, produced: Int)
    case read(name: String, message: String)
}

/// Limits applied while inflating, against bytes actually produced.
public struct ZipLimits: Sendable {
    public var maxEntries: Int
    public var maxEntryBytes: Int
    public var maxTotalBytes: Int
    public var maxRatio: Int
    public var ratioFloorBytes: Int
    public init(maxEntries: Int, maxEntryBytes: Int, maxTotalBytes: Int, maxRatio: Int, ratioFloorBytes: Int) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = maxRatio > 0 ? ratioFloorBytes : Int.max
    }
}

/// A read-only zip archive opened with libzip's consistency checks.
///
/// Entry names are checked on open: no duplicates (also case variants, since OPC part names
/// are case-insensitive, and `\` / `/` variants), no encrypted entries, only stored or deflated data.
public final class ZipArchive {
    public struct Entry: Sendable {
        public let index: Int
        public let name: String
        /// What the central directory claims; informational only, never trusted for limits.
        public let claimedSize: UInt64
        public let compressedSize: UInt64
    }

    private let handle: OpaquePointer
    public let entries: [Entry]
    private let byLowercasedName: [String: Int]
    public let limits: ZipLimits
    /// Total bytes inflated so far from this archive.
    public private(set) var totalInflated = 0

    public init(path: String, limits: ZipLimits) throws {
        var err: Int32 = 0
        var opened = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err)
        if opened == nil && err == ZIP_ER_INCONS {
            // libzip also compares "version needed", which minizip (libxlsxwriter) writes differently
            // in local and central headers; compare what matters ourselves, then open without it.
            do {
                try ZipHeaderCheck.verify(path: path)
                opened = zip_open(path, ZIP_RDONLY, &err)
            } catch let m as ZipHeaderCheck.Mismatch {
                throw ZipFailure.open(code: ZIP_ER_INCONS, message: "Zip archive inconsistent: \(m.reason)")
            }
        }
        guard let h = opened else {
            var ze = zip_error_t()
            zip_error_init_with_code(&ze, err)
            defer { zip_error_fini(&ze) }
            throw ZipFailure.open(code: err, message: String(cString: zip_error_strerror(&ze)))
        }
        self.limits = limits
        let count = Int(zip_get_num_entries(h, 0))
        guard count <= limits.maxEntries else {
            zip_discard(h)
            throw ZipFailure.tooManyEntries(count: count, limit: limits.maxEntries)
        }
        var list: [Entry] = []
        list.reserveCapacity(count)
        var names: [String: Int] = [:]
        for i in 0..<count {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(h, zip_uint64_t(i), 0, &st) == 0, let cname = st.name else {
                let message = String(cString: zip_strerror(h))
                zip_discard(h)
                throw ZipFailure.open(code: ZIP_ER_INCONS, message: message)
            }
            let name = String(cString: cname)
            let key = Self.lookupKey(name)
            if names[key] != nil {
                zip_discard(h)
                throw ZipFailure.duplicateName(name)
            }
            names[key] = i
            if st.valid & zip_uint64_t(ZIP_STAT_ENCRYPTION_METHOD) != 0, st.encryption_method != UInt16(ZIP_EM_NONE) {
                zip_discard(h)
                throw ZipFailure.encryptedEntry(name)
            }
            if st.valid & zip_uint64_t(ZIP_STAT_COMP_METHOD) != 0,
               Int32(st.comp_method) != ZIP_CM_STORE, Int32(st.comp_method) != ZIP_CM_DEFLATE {
                zip_discard(h)
                throw ZipFailure.unsupportedCompression(name: name, method: Int32(st.comp_method))
            }
            list.append(Entry(index: i, name: name, claimedSize: st.size, compressedSize: st.comp_size))
        }
        self.handle = h
        self.entries = list
        self.byLowercasedName = names
    }

    deinit { zip_discard(handle) }

    /// The entry with this part name, compared case-insensitively as OPC requires.
    public func entry(named name: String) -> Entry? {
        byLowercasedName[Self.lookupKey(name)].map { entries[$0] }
    }

    /// Lower case, with `\` read as `/`: some Windows tools write `xl\workbook.xml`. A name is only
    /// ever a key to look an entry up by; nothing is opened by it, so `..\` leads nowhere (part
    /// names come from `PartName.resolve`, which never climbs out of the package).
    static func lookupKey(_ name: String) -> String {
        let lower = name.lowercased()
        guard lower.utf8.contains(UInt8(ascii: "\\")) else { return lower }
        return String(decoding: lower.utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }

    /// Opens an entry for pulling its inflated bytes, with the same limits as `read`.
    public func open(_ entry: Entry) throws -> ZipEntryReader {
        guard let file = zip_fopen_index(handle, zip_uint64_t(entry.index), 0) else {
            throw ZipFailure.read(name: entry.name, message: String(cString: zip_strerror(handle)))
        }
        return ZipEntryReader(archive: self, file: file, entry: entry)
    }

    fileprivate func account(_ n: Int, produced: Int, entry: Entry) throws {
        totalInflated += n
        if UInt64(produced) > entry.claimedSize {
            throw ZipFailure.sizeMismatch(name: entry.name, claimed: entry.claimedSize)
        }
        if produced > limits.maxEntryBytes {
            throw ZipFailure.entryTooLarge(name: entry.name, limit: limits.maxEntryBytes)
        }
        if totalInflated > limits.maxTotalBytes {
            throw ZipFailure.totalTooLarge(limit: limits.maxTotalBytes)
        }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        if produced > limits.ratioFloorBytes, produced / compressed > limits.maxRatio {
            throw ZipFailure.ratioTooHigh(name: entry.name, ratio: produced / compressed, limit: limits.maxRatio)
        }
    }

    /// Streams an entry's inflated bytes in chunks, enforcing the entry, total and ratio limits
    /// on the bytes actually produced. `body` returns false to stop early.
    public func read(_ entry: Entry, chunkSize: Int = 1 << 18, _ body: (UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        guard let file = zip_fopen_index(handle, zip_uint64_t(entry.index), 0) else {
            throw ZipFailure.read(name: entry.name, message: String(cString: zip_strerror(handle)))
        }
        let reader = ZipEntryReader(archive: self, file: file, entry: entry)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { buffer.deallocate() }
        while true {
            let n = try reader.read(into: buffer)
            if n == 0 { break }
            if try !body(UnsafeBufferPointer(rebasing: buffer[0..<n])) { break }
        }
    }
}

/// Pulls one entry's inflated bytes, counting what is actually produced against the limits.
public final class ZipEntryReader {
    private let archive: ZipArchive
    private let file: OpaquePointer
    public let entry: ZipArchive.Entry
    private var produced = 0

    fileprivate init(archive: ZipArchive, file: OpaquePointer, entry: ZipArchive.Entry) {
        self.archive = archive
        self.file = file
        self.entry = entry
    }

    deinit { zip_fclose(file) }

    /// Fills `buffer` with the next bytes; 0 at the end of the entry.
    public func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        let n = zip_fread(file, buffer.baseAddress!, zip_uint64_t(buffer.count))
        if n < 0 {
            throw ZipFailure.read(name: entry.name, message: String(cString: zip_file_strerror(file)))
        }
        if n == 0 && UInt64(produced) != entry.claimedSize {
            // Every byte was inflated and checked against the limits; the header lied about the size.
            throw ZipFailure.sizeShort(name: entry.name, claimed: entry.claimedSize, produced: produced)
        }
        produced += Int(n)
        try archive.account(Int(n), produced: produced, entry: entry)
        return Int(n)
    }
}
