#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells apart what lives in an OLE compound file (the container of password-protected
/// workbooks and of legacy `.xls`) by looking for its well-known stream names.
enum CompoundFile {
    static func describe(fd: Int32, size: Int, fileName: String) -> SheetIOError {
        // Directory entries hold UTF-16LE names; scan the file (bounded by the size limit) for them.
        let names = ["EncryptedPackage", "EncryptionInfo", "Workbook", "Book", "WordDocument", "PowerPoint Document"]
        let patterns = names.map { n -> [UInt8] in n.utf8.flatMap { [$0, 0] } }
        var found = Set<String>()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk + 64)
        var offset = 0
        var carry: [UInt8] = []
        while offset < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, chunk, off_t(offset)) }
            if n <= 0 { break }
            let window = carry + buffer[0..<n]
            for (i, p) in patterns.enumerated() where !found.contains(names[i]) {
                if contains(window, p) { found.insert(names[i]) }
            }
            carry = Array(window.suffix(64))
            offset += n
        }
        if found.contains("EncryptedPackage") || found.contains("EncryptionInfo") {
            return SheetIOError(.encrypted, "this workbook is encrypted (password-protected); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save and upload again", file: fileName)
        }
        if found.contains("Workbook") || found.contains("Book") {
            return SheetIOError(.legacyXLS, "this is a legacy Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx (Excel Workbook), then upload again", file: fileName)
        }
        if found.contains("WordDocument") || found.contains("PowerPoint Document") {
            return SheetIOError(.unsupportedFormat, "this is a Word or PowerPoint document, not a spreadsheet", file: fileName)
        }
        return SheetIOError(.unsupportedFormat, "this is an OLE compound file but not a workbook SheetIO can read", file: fileName)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
