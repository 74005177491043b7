#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens spreadsheets, deciding the format from the file's content (never from its name alone),
/// and says plainly what a file is when it is not something SheetIO reads.
public enum Spreadsheet {
    /// Opens `path` as XLSX or CSV/TSV. `displayName` is what messages call the file.
    public static func open(path: String, displayName: String? = nil, limits: ReadLimits = .default) throws -> SheetSource {
        let name = displayName ?? path
        let kind = try sniff(path: path, displayName: name, limits: limits)
        switch kind {
        case .zip:
            return try XLSXSource(path: path, displayName: name, limits: limits)
        case .text(let format):
            return try CSVSource(path: path, displayName: name, delimiter: format == .tsv ? UInt8(ascii: "\t") : nil, limits: limits)
        }
    }

    enum Sniffed: Equatable { case zip, text(SpreadsheetFormat) }

    static func sniff(path: String, displayName name: String, limits: ReadLimits) throws -> Sniffed {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SheetIOError(.io, "cannot open: \(String(cString: strerror(errno)))", file: name)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw SheetIOError(.io, "cannot read: \(String(cString: strerror(errno)))", file: name)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw SheetIOError(.io, "is a folder, not a file", file: name)
        }
        let size = Int(st.st_size)
        if size == 0 { throw SheetIOError(.emptyFile, "the file is empty (0 bytes)", file: name) }
        if size > limits.maxFileBytes {
            throw SheetIOError(.zipLimit, "the file is \(size) bytes; the limit is \(formatBytes(limits.maxFileBytes))", file: name)
        }
        var head = [UInt8](repeating: 0, count: 4096)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4096) }
        guard n > 0 else { throw SheetIOError(.io, "cannot read: \(String(cString: strerror(errno)))", file: name) }
        head.removeSubrange(n...)

        let ext = fileExtension(name)
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) || head.starts(with: [0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw CompoundFile.describe(fd: fd, size: size, fileName: name)
        }
        if head.starts(with: Array("%PDF".utf8)) {
            throw SheetIOError(.unsupportedFormat, "this is a PDF document, not a spreadsheet; upload the .xlsx or .csv file itself", file: name)
        }
        if head.starts(with: [0x09, 0x08]) || head.starts(with: [0x09, 0x04]) {
            throw SheetIOError(.legacyXLS, "this is a very old Excel (BIFF) file; save it as .xlsx and upload again", file: name)
        }
        let lowerHead = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        if lowerHead.contains("<?mso-application progid=\"excel.sheet\"") || lowerHead.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            throw SheetIOError(.unsupportedFormat, "this is an Excel 2003 XML spreadsheet; save it as .xlsx and upload again", file: name)
        }
        if lowerHead.hasPrefix("<!doctype html") || lowerHead.hasPrefix("<html") || lowerHead.contains("<table") {
            throw SheetIOError(.unsupportedFormat, "this is an HTML page (often a web export named .xls); save it as .xlsx and upload again", file: name)
        }
        if looksLikeText(head) {
            if ext == "xlsx" || ext == "xlsm" || ext == "xls" {
                throw SheetIOError(.textNotWorkbook, "this file is plain text (CSV or similar) with an .\(ext) name; rename it to .csv, or open it in Excel and save it as .xlsx", file: name)
            }
            return .text(ext == "tsv" || ext == "tab" ? .tsv : .csv)
        }
        if size < 22 || head.starts(with: [0x50, 0x4B]) {
            throw SheetIOError(.corruptZip, "the file is damaged or truncated; save the workbook again and re-upload", file: name)
        }
        throw SheetIOError(.notZip, "this is neither an XLSX workbook (a zip package) nor CSV text", file: name)
    }

    /// The lower-cased extension of a file name, without the dot; "" when there is none.
    public static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), !name[dot...].contains("/") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Text if it has a byte-order mark, or no NUL and either few control bytes or valid UTF-8.
    ///
    /// A CSV may hold control characters in its cells (an ANSI escape pasted from a terminal, a
    /// BEL); that is still CSV text, read as such so the validators can flag those cells. Binary
    /// formats almost always hold a NUL in their first block, and bytes that are not valid UTF-8.
    public static func looksLikeText(_ head: some Collection<UInt8>) -> Bool {
        let sample = Array(head.prefix(4096))
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) || sample.starts(with: [0xEF, 0xBB, 0xBF]) { return true }
        var control = 0
        for b in sample {
            if b == 0 { return false }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C || b == 0x7F { control += 1 }
        }
        if control * 100 <= sample.count { return true }
        // More control bytes than plain text has: still text when it is valid UTF-8 (a sequence cut
        // by the end of the sample aside) and mostly printable.
        var validator = UTF8Validator()
        let invalid = sample.withUnsafeBufferPointer { validator.validate($0) }
        return invalid == nil && control * 2 < sample.count
    }
}
