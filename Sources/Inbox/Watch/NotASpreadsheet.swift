#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SheetIO

/// What a file dropped in the inbox under a name that is not a spreadsheet's really is (`scan.pdf`,
/// `notes.txt`, `letter.docx`, `photo.jpg` …), judged by its first bytes and, for zip packages, the
/// names of the parts inside. The inbox rejects such a file with a report that says what it is and
/// what to upload instead, rather than leaving it in the inbox with no word.
public struct NotASpreadsheet: Equatable, Sendable {
    /// What the file is, as a phrase: "a PDF document", "a Word document (.docx)".
    public var what: String
    /// What to do instead, when there is something better to say than "upload the template".
    public var advice: String?

    /// What everyone is told to upload.
    public static let upload = "upload the user list as an .xlsx workbook or a .csv file made from the template (invitesheet template)"

    /// The sentence for the report: what the file is and what to upload instead.
    public var message: String {
        "this is \(what), not a spreadsheet; " + (advice.map { $0 + "; otherwise " } ?? "") + Self.upload
    }

    /// Looks at the file at `path`; `fileExtension` is the lower-cased extension of its name.
    public static func identify(path: String, fileExtension ext: String) -> NotASpreadsheet {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return NotASpreadsheet(what: named("a file that could not be read", ext)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return NotASpreadsheet(what: named("a file that could not be read", ext)) }
        let size = Int(st.st_size)
        if size == 0 { return NotASpreadsheet(what: named("an empty file", ext)) }
        let head = read(fd, at: 0, count: min(size, 1 << 20))
        // A zip's central directory, which lists every part's name, is at its end.
        let tail = size > head.count ? read(fd, at: max(0, size - (256 << 10)), count: 256 << 10) : []
        return identify(head: head, tail: tail, fileExtension: ext)
    }

    /// The decision itself, on the file's first bytes (up to 1 MiB) and its last bytes.
    static func identify(head: [UInt8], tail: [UInt8], fileExtension ext: String) -> NotASpreadsheet {
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<(offset + bytes.count)]) == bytes
        }
        func starts(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts("%PDF") { return NotASpreadsheet(what: "a PDF document") }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return zipPackage(head + tail, ext)
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return compoundFile(head, ext) }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return NotASpreadsheet(what: "an image (PNG)", advice: screenshot) }
        if starts([0xFF, 0xD8, 0xFF]) { return NotASpreadsheet(what: "an image (JPEG)", advice: screenshot) }
        if starts("GIF87a") || starts("GIF89a") { return NotASpreadsheet(what: "an image (GIF)", advice: screenshot) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            return NotASpreadsheet(what: "an image (TIFF)", advice: screenshot)
        }
        if starts("RIFF") && starts("WEBP", at: 8) { return NotASpreadsheet(what: "an image (WebP)", advice: screenshot) }
        if starts("ftyp", at: 4) && (starts("heic", at: 8) || starts("heix", at: 8) || starts("mif1", at: 8)) {
            return NotASpreadsheet(what: "an image (HEIC)", advice: screenshot)
        }
        if starts("BM") && ext == "bmp" { return NotASpreadsheet(what: "an image (BMP)", advice: screenshot) }
        if starts("{\\rtf") { return NotASpreadsheet(what: "a Rich Text (RTF) document") }
        if looksLikeText(head) {
            let text = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
            if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.contains("<table") {
                return NotASpreadsheet(what: "a web page (HTML)")
            }
            return NotASpreadsheet(what: named("a plain-text file", ext),
                                   advice: "if it holds the user list as comma-separated values, rename it to .csv and drop it again")
        }
        return NotASpreadsheet(what: named("a file that is neither a workbook nor text", ext))
    }

    private static let screenshot = "a picture of a spreadsheet cannot be read"

    private static func zipPackage(_ bytes: [UInt8], _ ext: String) -> NotASpreadsheet {
        if contains(bytes, "word/") { return NotASpreadsheet(what: "a Word document (.docx)") }
        if contains(bytes, "ppt/") { return NotASpreadsheet(what: "a PowerPoint presentation (.pptx)") }
        if contains(bytes, "xl/workbook") {
            return NotASpreadsheet(what: named("an Excel workbook", ext),
                                   advice: "open it in Excel and save it as Excel Workbook (.xlsx), or rename it to .xlsx")
        }
        if contains(bytes, "application/vnd.oasis.opendocument.spreadsheet") {
            return NotASpreadsheet(what: "an OpenDocument spreadsheet", advice: "save it as Excel Workbook (.xlsx) and upload that")
        }
        if contains(bytes, "application/vnd.oasis.opendocument.text") { return NotASpreadsheet(what: "an OpenDocument text document") }
        return NotASpreadsheet(what: "a zip archive", advice: "take the user list out of the archive and drop that file")
    }

    private static func compoundFile(_ bytes: [UInt8], _ ext: String) -> NotASpreadsheet {
        func has(_ stream: String) -> Bool { contains(bytes, stream.utf8.flatMap { [$0, 0] }) }
        if has("WordDocument") { return NotASpreadsheet(what: "a Word 97-2003 document (.doc)") }
        if has("PowerPoint Document") { return NotASpreadsheet(what: "a PowerPoint 97-2003 presentation (.ppt)") }
        if has("Workbook") || has("Book") {
            return NotASpreadsheet(what: "an Excel 97-2003 workbook", advice: "open it in Excel and save it as Excel Workbook (.xlsx)")
        }
        if has("__substg1.0_") { return NotASpreadsheet(what: "an Outlook message (.msg)", advice: "save the attachment itself and drop that") }
        return NotASpreadsheet(what: named("an Office 97-2003 file", ext))
    }

    /// "a plain-text file named .txt": the phrase, with the extension when the name has one.
    private static func named(_ phrase: String, _ ext: String) -> String {
        ext.isEmpty ? phrase + " with no extension" : phrase + " named ." + FileName(ext).display
    }

    /// The same test the reader applies (`Spreadsheet.looksLikeText`), so a file dropped here is
    /// called text exactly when `convert` would read it as CSV.
    static func looksLikeText(_ head: [UInt8]) -> Bool { Spreadsheet.looksLikeText(head) }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool { contains(haystack, Array(needle.utf8)) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        return Array(buffer[..<done])
    }
}
