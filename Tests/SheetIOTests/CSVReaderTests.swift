import Foundation
import XCTest
@testable import SheetIO

final class CSVReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Helpers

    private func file(_ bytes: [UInt8], named name: String = "Users.csv") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func file(_ text: String, named name: String = "Users.csv") throws -> String {
        try file(Array(text.utf8), named: name)
    }

    /// Each row as its fields, empty fields as "" up to the last non-empty one.
    private static func fields(_ row: Row) -> [String] {
        guard let last = row.cells.map(\.column).max() else { return [] }
        var out = [String](repeating: "", count: last + 1)
        for c in row.cells {
            guard case .text(let s) = c.value else { XCTFail("CSV cell is not text: \(c.value)"); continue }
            out[c.column] = s
        }
        return out
    }

    private struct Read {
        var rows: [Row]
        var summary: SheetSummary
        var source: CSVSource
        var fields: [[String]] { rows.map(CSVReaderTests.fields) }
    }

    private func read(_ path: String, displayName: String? = nil, delimiter: UInt8? = nil, limits: ReadLimits = .default) throws -> Read {
        let source = try CSVSource(path: path, displayName: displayName, delimiter: delimiter, limits: limits)
        var rows: [Row] = []
        let summary = try source.readRows(sheet: 0) { rows.append($0) }
        return Read(rows: rows, summary: summary, source: source)
    }

    private func readError(_ path: String, delimiter: UInt8? = nil, limits: ReadLimits = .default,
                           file: StaticString = #filePath, line: UInt = #line) -> SheetIOError? {
        do {
            _ = try read(path, delimiter: delimiter, limits: limits)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let e as SheetIOError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    /// Runs the parser directly over `text` split into the given chunks.
    private static func parse(chunks: [[UInt8]], delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        var parser = CSVRecordParser(delimiter: delimiter, limits: .default)
        var out: [[String]] = []
        for c in chunks { try c.withUnsafeBufferPointer { try parser.feed($0) { out.append(fields($0)) } } }
        try parser.finish { out.append(fields($0)) }
        return out
    }

    // MARK: RFC 4180 parsing

    func testParsesRecordsAsWritten() throws {
        let cases: [(name: String, input: String, expected: [[String]])] = [
            ("LF", "a,b\nc,d\n", [["a", "b"], ["c", "d"]]),
            ("CRLF", "a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
            ("lone CR", "a,b\rc,d\r", [["a", "b"], ["c", "d"]]),
            ("no final line break", "a,b\nc,d", [["a", "b"], ["c", "d"]]),
            ("quoted delimiter", "\"a,b\",c\n", [["a,b", "c"]]),
            ("doubled quotes", "\"say \"\"hi\"\"\",x\n", [["say \"hi\"", "x"]]),
            ("quoted LF", "\"line1\nline2\",x\n", [["line1\nline2", "x"]]),
            ("quoted CRLF", "\"line1\r\nline2\",x\r\n", [["line1\r\nline2", "x"]]),
            ("quoted CR", "\"line1\rline2\",x\r", [["line1\rline2", "x"]]),
            ("quoted field last without line break", "a,\"b\"", [["a", "b"]]),
            ("empty fields left out", "a,,c\n", [["a", "", "c"]]),
            ("trailing delimiter", "a,b,\n", [["a", "b"]]),
            ("only delimiters", ",,\n", [[]]),
            ("empty quoted field", "\"\",x\n", [["", "x"]]),
            ("blank lines kept as rows", "a\n\nb\n\n", [["a"], [], ["b"], []]),
            ("blank CRLF lines", "a\r\n\r\nb\r\n", [["a"], [], ["b"]]),
            ("single line break", "\n", [[]]),
            ("quote inside unquoted field is literal", "ab\"c,d\n", [["ab\"c", "d"]]),
            ("text after closing quote is appended", "\"ab\"c,d\n", [["abc", "d"]]),
            ("spaces kept", " a , b \n", [[" a ", " b "]]),
            ("space before quote makes it literal", "a, \"b\"\n", [["a", " \"b\""]]),
            ("non-ASCII text", "Zoë,李小龙,😀\n", [["Zoë", "李小龙", "😀"]]),
            ("formula text kept as text", "=1+1,+6591234567\n", [["=1+1", "+6591234567"]]),
        ]
        for c in cases {
            let r = try read(try file(c.input))
            XCTAssertEqual(r.fields, c.expected, c.name)
            XCTAssertEqual(r.rows.map(\.number), (0..<c.expected.count).map { $0 + 1 }, c.name)
            XCTAssertEqual(r.summary.rowCount, c.expected.count, c.name)
            XCTAssertTrue(r.rows.allSatisfy { $0.cells.allSatisfy { $0.format == nil && !$0.hasFormula && !$0.value.isEmpty } }, c.name)
        }
    }

    func testEveryChunkSplitGivesTheSameRecords() throws {
        let text = "id,\"note\"\r\n1,\"a \"\"b\"\"\r\nc\"\r\n\r\n2,\"x\"y\r3,\u{e9}\u{1F600}\n4"
        let bytes = Array(text.utf8)
        let whole = try Self.parse(chunks: [bytes])
        XCTAssertEqual(whole, [["id", "note"], ["1", "a \"b\"\r\nc"], [], ["2", "xy"], ["3", "é😀"], ["4"]])
        for split in 0...bytes.count {
            XCTAssertEqual(try Self.parse(chunks: [Array(bytes[..<split]), Array(bytes[split...])]), whole, "split at \(split)")
        }
        XCTAssertEqual(try Self.parse(chunks: bytes.map { [$0] }), whole, "one byte at a time")
    }

    func testRowNumbersCountRecordsNotLines() throws {
        let r = try read(try file("h1,h2\n\"multi\nline\",x\nlast,y\n"))
        XCTAssertEqual(r.rows.map(\.number), [1, 2, 3])
        XCTAssertEqual(r.rows[2].cells.map(\.column), [0, 1])
        XCTAssertEqual(r.fields[2], ["last", "y"])
    }

    /// Short lines of filler, `length` bytes in all, the last one cut off (no line break).
    private static func filler(_ length: Int) -> [UInt8] {
        (0..<length).map { $0 % 8 == 7 ? 0x0A : UInt8(ascii: "a") }
    }

    func testLineBreakAndDoubledQuoteAcrossTheReadBoundary() throws {
        let chunk = ReadOnlyFile.chunkSize
        // CR is the last byte of the first read, LF the first of the second.
        let crlf = Self.filler(chunk - 1) + Array("\r\nnext\r\n".utf8)
        let r1 = try read(try file(crlf))
        XCTAssertEqual(r1.fields.suffix(2), [["aaaaaaa"], ["next"]])
        XCTAssertEqual(r1.rows.count, (chunk - 1) / 8 + 2)
        XCTAssertFalse(r1.rows.contains { $0.cells.isEmpty }, "CRLF split across reads made a blank row")
        // The first quote of `""` ends the first read.
        var quotes = Self.filler(chunk - 5) + [0x0A]
        quotes += Array("\"ab\"\"cd\"\n".utf8)
        XCTAssertEqual(quotes[chunk - 1], UInt8(ascii: "\""))
        let r2 = try read(try file(quotes))
        XCTAssertEqual(r2.fields.last, ["ab\"cd"])
    }

    func testSummaryHasUsedRangeOfNonEmptyCells() throws {
        let r = try read(try file(",,\n,b,c\n\n,d\n,,\n"))
        XCTAssertEqual(r.summary.rowCount, 5)
        XCTAssertEqual(r.summary.usedRange?.a1, "B2:C4")
    }

    /// Excel writes and reads a first line `sep=;` that names the delimiter; it is not a row.
    func testExcelSeparatorLineNamesTheDelimiterAndIsNotARow() throws {
        let r = try read(try file("sep=;\r\na;b,c\r\n1;2\r\n"))
        XCTAssertTrue(r.source.skipsSeparatorLine)
        XCTAssertEqual(r.source.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(r.fields, [["a", "b,c"], ["1", "2"]])
        XCTAssertEqual(r.rows.map(\.number), [1, 2])
        XCTAssertEqual(r.summary.rowCount, 2)
        XCTAssertEqual(r.summary.usedRange?.a1, "A1:B2")
        let plain = try read(try file("sep=x;y\na;b\n", named: "plain.csv"))
        XCTAssertFalse(plain.source.skipsSeparatorLine, "only a line holding exactly sep= and one character")
        XCTAssertEqual(plain.rows.first?.number, 1)
    }

    func testEmptyFileIsOneSheetWithNoRows() throws {
        let r = try read(try file([UInt8](), named: "empty.csv"))
        XCTAssertTrue(r.rows.isEmpty)
        XCTAssertEqual(r.summary, SheetSummary(usedRange: nil, rowCount: 0))
        XCTAssertEqual(r.source.sheets, [SheetInfo(index: 0, name: "empty", visibility: .visible)])
        XCTAssertEqual(r.source.delimiter, UInt8(ascii: ","))
    }

    func testSheetIsNamedAfterTheDisplayName() throws {
        let path = try file("a\n", named: "upload-123.tmp")
        let source = try CSVSource(path: path, displayName: "Agency users.tsv")
        XCTAssertEqual(source.sheets.map(\.name), ["Agency users"])
        XCTAssertEqual(source.fileName, "Agency users.tsv")
        XCTAssertEqual(source.format, .tsv)
        XCTAssertEqual(source.firstVisibleSheetIndex, 0)
        XCTAssertEqual(source.sheetIndex(named: "agency USERS"), 0)
        XCTAssertThrowsError(try source.readRows(sheet: 1) { _ in }) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .sheetNotFound)
        }
    }

    func testReadingTwiceGivesTheSameRows() throws {
        let source = try CSVSource(path: try file("a,b\nc,d\n"))
        var first: [Row] = [], second: [Row] = []
        _ = try source.readRows(sheet: 0) { first.append($0) }
        _ = try source.readRows(sheet: 0) { second.append($0) }
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.count, 2)
    }

    func testErrorThrownByTheCallerStopsReading() throws {
        struct Stop: Error {}
        let source = try CSVSource(path: try file("a\nb\nc\n"))
        var seen = 0
        XCTAssertThrowsError(try source.readRows(sheet: 0) { _ in seen += 1; if seen == 2 { throw Stop() } }) { error in
            XCTAssertTrue(error is Stop)
        }
        XCTAssertEqual(seen, 2)
    }

    // MARK: Encodings

    func testUTF8ByteOrderMarkIsRemoved() throws {
        let r = try read(try file([0xEF, 0xBB, 0xBF] + Array("Email address,Name\nx@a.gov.sg,Zoë\n".utf8)))
        XCTAssertEqual(r.fields, [["Email address", "Name"], ["x@a.gov.sg", "Zoë"]])
        XCTAssertEqual(r.source.encoding, .utf8)
        XCTAssertTrue(r.source.warnings.isEmpty)
    }

    /// Excel's "CSV UTF-8" with a `sep=;` line: the mark comes first, the line is still recognised.
    func testUTF8ByteOrderMarkBeforeExcelSeparatorLine() throws {
        let r = try read(try file([0xEF, 0xBB, 0xBF] + Array("sep=;\r\nEmail address;Name\r\nx@a.gov.sg;Zoë\r\n".utf8)))
        XCTAssertTrue(r.source.skipsSeparatorLine)
        XCTAssertEqual(r.source.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(r.fields, [["Email address", "Name"], ["x@a.gov.sg", "Zoë"]])
        XCTAssertEqual(r.rows.map(\.number), [1, 2])
    }

    func testByteOrderMarkAloneIsAnEmptyFile() throws {
        for bom: [UInt8] in [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] {
            let r = try read(try file(bom))
            XCTAssertTrue(r.rows.isEmpty, "\(bom)")
            XCTAssertTrue(r.source.warnings.isEmpty, "\(bom)")
        }
    }

    func testCharacterSplitAcrossReadsIsStillUTF8() throws {
        let bytes = Self.filler(ReadOnlyFile.chunkSize - 1) + Array("é😀\n".utf8)
        let r = try read(try file(bytes))
        XCTAssertEqual(r.source.encoding, .utf8)
        XCTAssertEqual(r.fields.last, ["aaaaaaaé😀"])
    }

    func testUTF16WithByteOrderMark() throws {
        let text = "Email,Name\r\n\"a,b\",Zoë 😀\r\n"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (name, bytes, encoding) in [("le", le, CSVTextEncoding.utf16LE), ("be", be, .utf16BE)] {
            let r = try read(try file(bytes, named: "\(name).csv"))
            XCTAssertEqual(r.source.encoding, encoding, name)
            XCTAssertEqual(r.fields, [["Email", "Name"], ["a,b", "Zoë 😀"]], name)
            XCTAssertTrue(r.source.warnings.isEmpty, name)
        }
    }

    func testUTF16TabSeparatedAsExcelSavesUnicodeText() throws {
        let units = Array("Email\tName\nx@a.gov.sg\tJo\n".utf16)
        let r = try read(try file([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, named: "unicode.txt"))
        XCTAssertEqual(r.source.delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(r.fields, [["Email", "Name"], ["x@a.gov.sg", "Jo"]])
    }

    func testUTF16SplitAtEveryByteDecodesTheSame() {
        let units = Array("a😀é\r\n".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for split in 0...bytes.count {
            var transcoder = TextTranscoder(encoding: .utf16LE, byteOrderMarkLength: 2)
            var out: [UInt8] = []
            for part in [Array(bytes[..<split]), Array(bytes[split...])] {
                part.withUnsafeBufferPointer { transcoder.transcode($0) { out += $0 } }
            }
            transcoder.finish { out += $0 }
            XCTAssertEqual(String(decoding: out, as: UTF8.self), "a😀é\r\n", "split at \(split)")
            XCTAssertFalse(transcoder.replacedInvalidUTF16)
        }
    }

    func testUnpairedSurrogateIsReplacedWithAWarning() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8, 0x62, 0x00, 0x0A, 0x00]
        let r = try read(try file(bytes))
        XCTAssertEqual(r.fields, [["a\u{FFFD}b"]])
        XCTAssertEqual(r.source.warnings.count, 1)
    }

    func testWindows1252IsDecodedWithAWarningNamingTheLine() throws {
        // Excel's "CSV (Comma delimited)" on Western Windows: smart quotes, euro, accents.
        var bytes = Array("Name,Note\nPlain,ascii\r\n".utf8)
        bytes += [0x93] + Array("Jos".utf8) + [0xE9, 0x94] + Array(",".utf8) + [0x80, 0x35, 0x20, 0x96, 0x20, 0x9F, 0x81] + [0x0A]
        let r = try read(try file(bytes))
        XCTAssertEqual(r.source.encoding, .windows1252)
        XCTAssertEqual(r.fields, [["Name", "Note"], ["Plain", "ascii"], ["\u{201C}José\u{201D}", "€5 – Ÿ\u{81}"]])
        XCTAssertEqual(r.source.warnings.count, 1)
        XCTAssertTrue(r.source.warnings[0].hasPrefix("not UTF-8: decoded as Windows-1252 (first invalid byte at line 3)"), r.source.warnings[0])
    }

    func testWindows1252DecisionCoversTheWholeFile() throws {
        // The only invalid byte is far past the first chunk; earlier rows must not be decoded as UTF-8.
        var bytes = Array("Zo\u{eb}\n".utf8)  // valid UTF-8 "Zoë" that Windows-1252 reads as "ZoÃ«"
        for _ in 0..<20_000 { bytes += Array("filler,row\n".utf8) }
        bytes += [0xE9, 0x0A]
        let r = try read(try file(bytes))
        XCTAssertEqual(r.source.encoding, .windows1252)
        XCTAssertEqual(r.fields.first, ["ZoÃ«"])
        XCTAssertEqual(r.fields.last, ["é"])
        XCTAssertTrue(r.source.warnings[0].contains("line 20002"), r.source.warnings[0])
    }

    func testInvalidUTF8FormsAreNotUTF8() throws {
        let cases: [(String, [UInt8])] = [
            ("overlong slash", [0xC0, 0xAF]),
            ("surrogate", [0xED, 0xA0, 0x80]),
            ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("lone continuation", [0x80]),
            ("cut off at end", [0x41, 0xE2, 0x82]),
            ("F5", [0xF5]),
        ]
        for (name, bytes) in cases {
            let r = try read(try file(bytes))
            XCTAssertEqual(r.source.encoding, .windows1252, name)
        }
        for valid in ["€", "😀", "\u{10FFFF}", "\u{7FF}\u{800}\u{FFFF}"] {
            XCTAssertEqual(try read(try file(valid)).source.encoding, .utf8, valid)
        }
    }

    func testUTF32IsRefused() throws {
        let error = readError(try file([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00]))
        XCTAssertEqual(error?.kind, .csvMalformed)
    }

    // MARK: Delimiters

    func testDelimiterDetection() throws {
        let cases: [(name: String, file: String, text: String, expected: Character)] = [
            ("comma", "a.csv", "Email,Name,Phone\nx,y,z\n", ","),
            ("semicolon with decimal commas", "a.csv", "Name;Amount;Rate\nA;1,5;2,25\nB;3;4,0\n", ";"),
            ("tab", "a.csv", "Email\tName\tNote\nx\ty\tone, two\n", "\t"),
            ("tsv extension means tab", "a.tsv", "a,b,c\nd,e,f\n", "\t"),
            ("delimiters inside quotes ignored", "a.csv", "\"a;b;c\",d\n\"e;f;g\",h\n", ","),
            ("quoted line breaks ignored", "a.csv", "a;b\n\"x,\ny,z\";w\n", ";"),
            ("one column", "a.csv", "Email\nx@a.gov.sg\n", ","),
            ("mostly consistent beats inconsistent", "a.csv", "a;b;c\nd;e;f\ng;h;i,j,k,l\n", ";"),
            ("blank lines do not count", "a.csv", "\n\na;b\n\nc;d\n", ";"),
        ]
        for c in cases {
            let r = try read(try file(c.text, named: c.file))
            XCTAssertEqual(r.source.delimiter, c.expected.asciiValue!, c.name)
        }
    }

    func testDetectionUsesOnlyCompleteLinesOfTheFirstChunk() {
        // The cut-off last line of a partial sample has no delimiter yet; it must not count.
        let sample = Array("a;b\nc;d\ne".utf8)
        sample.withUnsafeBufferPointer {
            XCTAssertEqual(DelimiterDetector.detect($0, isWholeFile: false), UInt8(ascii: ";"))
        }
    }

    func testGivenDelimiterWins() throws {
        let r = try read(try file("a;b,c\n", named: "x.tsv"), delimiter: UInt8(ascii: ";"))
        XCTAssertEqual(r.source.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(r.fields, [["a", "b,c"]])
        XCTAssertThrowsError(try CSVSource(path: try file("a\n"), delimiter: UInt8(ascii: "\"")))
    }

    func testSemicolonFileIsSplitOnSemicolons() throws {
        let r = try read(try file("Email address;Name\r\n\"a;b\";\"1,5\"\r\n"))
        XCTAssertEqual(r.fields, [["Email address", "Name"], ["a;b", "1,5"]])
    }

    // MARK: Malformed input

    func testNULByteIsAnErrorNamingTheLine() throws {
        let cases: [(String, [UInt8], String)] = [
            ("unquoted", Array("a,b\nc,d".utf8) + [0] + Array("e\n".utf8), "line 2"),
            ("quoted", Array("a\n\n\"x".utf8) + [0] + Array("\"\n".utf8), "line 3"),
            ("field start", [0], "line 1"),
            ("after closing quote", Array("\"a\"".utf8) + [0], "line 1"),
            ("Windows-1252 file", [0xE9, 0x0A, 0x00], "line 2"),
        ]
        for (name, bytes, where_) in cases {
            let error = readError(try file(bytes))
            XCTAssertEqual(error?.kind, .csvMalformed, name)
            XCTAssertTrue(error?.message.contains("NUL byte at \(where_)") == true, "\(name): \(String(describing: error))")
            XCTAssertEqual(error?.file, "\(directory.path)/Users.csv", name)
        }
    }

    func testUTF16WithoutByteOrderMarkIsANULError() throws {
        let bytes = Array("Email,Name\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let error = readError(try file(bytes))
        XCTAssertEqual(error?.kind, .csvMalformed)
        XCTAssertTrue(error?.message.contains("UTF-16") == true)
    }

    func testUnbalancedQuoteNamesTheLineWhereItOpened() throws {
        var text = "Email,Name\nx@a.gov.sg,Jo\ny@a.gov.sg,\"Sam\n"
        for i in 0..<50 { text += "row\(i),more\n" }
        let error = readError(try file(text))
        XCTAssertEqual(error?.kind, .csvMalformed)
        XCTAssertTrue(error?.message.contains("line 3, column B") == true, String(describing: error))
        XCTAssertEqual(error?.location, "line 3, column B")
        XCTAssertTrue(error?.description.hasPrefix(directory.path) == true)
    }

    // MARK: Limits

    func testCellLengthLimitCountsCharacters() throws {
        var limits = ReadLimits()
        limits.maxCellCharacters = 5
        XCTAssertEqual(try read(try file("ab,\"ééééé\"\n"), limits: limits).fields, [["ab", "ééééé"]])
        XCTAssertEqual(try read(try file("12345\n"), limits: limits).fields, [["12345"]])
        let cases: [(String, String)] = [
            ("a,b\nc,123456\n", "B2"),
            ("\"1234\n56\"\n", "A1"),
            ("😀😀😀\n", "A1"),  // six UTF-16 code units, as Excel counts
        ]
        for (text, ref) in cases {
            let error = readError(try file(text), limits: limits)
            XCTAssertEqual(error?.kind, .cellLimit, text)
            XCTAssertEqual(error?.location, ref, text)
        }
    }

    func testHugeFieldFailsWithoutBeingHeldWhole() throws {
        // 3 MB in one quoted field: the default limit stops it early.
        var bytes = Array("\"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 3 << 20)
        let error = readError(try file(bytes))
        XCTAssertEqual(error?.kind, .cellLimit)
    }

    func testColumnAndRowLimits() throws {
        var limits = ReadLimits()
        limits.maxColumns = 3
        limits.maxRows = 2
        XCTAssertEqual(try read(try file("a,b,c\nd,e,f\n"), limits: limits).rows.count, 2)
        let columns = readError(try file("a,b,c\nd,e,f,\n"), limits: limits)
        XCTAssertEqual(columns?.kind, .cellLimit)
        XCTAssertEqual(columns?.location, "row 2, column D")
        let rows = readError(try file("a\nb\nc\n"), limits: limits)
        XCTAssertEqual(rows?.kind, .cellLimit)
        XCTAssertEqual(rows?.location, "row 3")
        XCTAssertTrue(rows?.message.contains("more than 2 rows") == true)
    }

    func testFileSizeLimit() throws {
        var limits = ReadLimits()
        limits.maxFileBytes = 10
        XCTAssertEqual(try read(try file("0123456789"), limits: limits).rows.count, 1)
        XCTAssertThrowsError(try CSVSource(path: try file("0123456789\n"), limits: limits)) { error in
            XCTAssertEqual((error as? SheetIOError)?.kind, .io)
        }
    }

    func testMissingFileAndFolderAreIOErrors() {
        XCTAssertThrowsError(try CSVSource(path: directory.appendingPathComponent("nope.csv").path)) {
            XCTAssertEqual(($0 as? SheetIOError)?.kind, .io)
        }
        XCTAssertThrowsError(try CSVSource(path: directory.path)) {
            XCTAssertEqual(($0 as? SheetIOError)?.kind, .io)
        }
    }

    // MARK: Memory

    private static func memoryKB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    func testFiftyMegabyteFileReadsInBoundedMemory() throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/status") else { throw XCTSkip("needs /proc") }
        let path = directory.appendingPathComponent("big.csv").path
        let sink = try ByteSink(path: path)
        let writer = CSVWriter(sink: sink)
        writer.writeRow(["Email address", "User type", "First name", "Last name", "Contact number", "Reason"])
        var written = 0
        let target = 50 << 20
        var n = 0
        while written < target {
            let fields = ["user\(n)@agency.gov.sg", "Public officer", "Jane", "Tan", "9\(1_000_000 + n % 8_000_000)", "Needs access, to \"SGTS\"\nfor project \(n)"]
            writer.writeRow(fields)
            written += fields.reduce(0) { $0 + $1.utf8.count } + 12
            n += 1
        }
        try sink.commit()

        // Reset the peak so that earlier tests' memory does not hide growth (ignored where unsupported).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        guard let before = Self.memoryKB("VmRSS") else { throw XCTSkip("no VmRSS") }
        let source = try CSVSource(path: path)
        var rows = 0
        var lastEmail = ""
        let summary = try source.readRows(sheet: 0) { row in
            rows += 1
            if case .text(let s)? = row.cell(at: 0)?.value { lastEmail = s }
        }
        let peak = Self.memoryKB("VmHWM") ?? 0
        let after = Self.memoryKB("VmRSS") ?? 0
        XCTAssertEqual(rows, n + 1)
        XCTAssertEqual(summary.rowCount, n + 1)
        XCTAssertEqual(summary.usedRange?.a1, "A1:F\(n + 1)")
        XCTAssertEqual(lastEmail, "user\(n - 1)@agency.gov.sg")
        let growth = max(peak, after) - before
        XCTAssertLessThan(growth, 30 << 10, "resident memory grew by \(growth) KB reading a \(written >> 20) MB file")
    }

    // MARK: Fixture files (Tests/Fixtures), when present

    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func fixture(_ name: String) throws -> String {
        let path = Self.fixtures.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("fixture \(name) not present") }
        return path
    }

    func testFixturesInEachEncodingReadTheSame() throws {
        let records = [
            ["Email address*", "First name*", "Last name*", "Contact number*", "Note"],
            ["jane.tan@tech.gov.sg", "Zoë", "陈", "91234567", "Hello, world"],
            ["bob@vendor.com", "Bob", "O\"Brien", "+65 9123 4567", "line1\nline2"],
            ["last@tech.gov.sg", "Ann", "Lee", "0091234567"],
        ]
        let cases: [(String, CSVTextEncoding)] = [
            ("csv-utf8.csv", .utf8), ("csv-utf8-bom.csv", .utf8), ("csv-crlf.csv", .utf8),
            ("csv-utf16le.csv", .utf16LE), ("csv-utf16be.csv", .utf16BE),
        ]
        for (name, encoding) in cases {
            let r = try read(try fixture(name))
            XCTAssertEqual(r.source.encoding, encoding, name)
            XCTAssertEqual(r.source.delimiter, UInt8(ascii: ","), name)
            XCTAssertEqual(r.fields, records, name)
            XCTAssertTrue(r.source.warnings.isEmpty, name)
            XCTAssertEqual(r.summary.usedRange?.a1, "A1:E4", name)
        }
    }

    func testWindows1252Fixture() throws {
        let r = try read(try fixture("csv-cp1252.csv"))
        XCTAssertEqual(r.fields, [["Email address*", "First name*", "Last name*", "Note"], ["cafe@vendor.com", "Zoë", "Café", "\u{201C}quoted\u{201D}"]])
        XCTAssertEqual(r.source.warnings.count, 1)
        XCTAssertTrue(r.source.warnings[0].contains("Windows-1252 (first invalid byte at line 2)"))
    }

    func testDelimiterFixtures() throws {
        let semicolon = try read(try fixture("csv-semicolon.csv"))
        XCTAssertEqual(semicolon.source.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(semicolon.fields.last, ["bob@vendor.com", "Bob", "Lee", "a;b, c"])
        XCTAssertEqual(semicolon.fields[1].last, "Tan, Ah Kow")
        let tab = try read(try fixture("csv-tab.tsv"))
        XCTAssertEqual(tab.source.delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(tab.source.format, .tsv)
        XCTAssertEqual(tab.source.sheets.first?.name, "csv-tab")
        XCTAssertEqual(tab.fields, [["Email address*", "First name*", "Last name*", "Note"], ["jane.tan@tech.gov.sg", "Jane", "Tan", "Hello, world; hi"], ["bob@vendor.com", "Bob", "Lee"]])
    }

    func testMalformedFixtures() throws {
        let nul = readError(try fixture("csv-nul.csv"))
        XCTAssertEqual(nul?.kind, .csvMalformed)
        XCTAssertEqual(nul?.location, "line 2, column B")
        XCTAssertTrue(nul?.message.hasPrefix("NUL byte at line 2") == true)
        let unbalanced = readError(try fixture("csv-unbalanced.csv"))
        XCTAssertEqual(unbalanced?.kind, .csvMalformed)
        XCTAssertEqual(unbalanced?.location, "line 2, column B")
    }
}
