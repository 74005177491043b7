import Foundation
import XCTest
import TestSupport
@testable import SheetIO

/// Every hostile-* fixture (and the .xls / .ods look-alikes) must fail with one clear, typed
/// error, in process and through the built command, without crashing or using much memory.
final class HostileInputTests: XCTestCase {
    struct Case {
        var file: String
        var kinds: [SheetIOError.Kind]
        /// Substrings the one-line description (file: location: message) must contain.
        var mentions: [String]
    }

    static let cases: [Case] = [
        Case(file: "hostile-encrypted.xlsx", kinds: [.encrypted], mentions: ["encrypted", "password"]),
        Case(file: "real-legacy.xls", kinds: [.legacyXLS], mentions: [".xls", "save it as .xlsx"]),
        Case(file: "real-libreoffice.ods", kinds: [.ods], mentions: [".ods"]),
        Case(file: "hostile-xlsb.xlsx", kinds: [.xlsb], mentions: [".xlsb"]),
        Case(file: "hostile-csv-renamed.xlsx", kinds: [.textNotWorkbook], mentions: ["plain text", ".csv"]),
        Case(file: "hostile-pdf.xlsx", kinds: [.unsupportedFormat], mentions: ["PDF"]),
        Case(file: "hostile-empty.xlsx", kinds: [.emptyFile], mentions: ["empty"]),
        Case(file: "hostile-truncated.xlsx", kinds: [.corruptZip], mentions: ["truncated"]),
        Case(file: "hostile-zipbomb.xlsx", kinds: [.zipLimit], mentions: ["xl/worksheets/sheet1.xml", "zip bomb"]),
        Case(file: "hostile-ratio.xlsx", kinds: [.zipLimit], mentions: ["xl/worksheets/sheet1.xml", "zip bomb"]),
        Case(file: "hostile-lying-sizes.xlsx", kinds: [.corruptZip], mentions: ["xl/worksheets/sheet1.xml", "100 bytes"]),
        Case(file: "hostile-duplicate-names.xlsx", kinds: [.zipUnsupported], mentions: ["xl/worksheets/Sheet1.xml", "two entries"]),
        // libzip itself refuses a directory naming one entry twice (ZIP_ER_EXISTS).
        Case(file: "hostile-duplicate-exact.xlsx", kinds: [.zipUnsupported], mentions: ["two entries with the same name"]),
        Case(file: "hostile-doctype.xlsx", kinds: [.xmlForbidden], mentions: ["xl/worksheets/sheet1.xml", "DOCTYPE"]),
        Case(file: "hostile-xxe.xlsx", kinds: [.xmlForbidden], mentions: ["xl/workbook.xml", "DOCTYPE"]),
        Case(file: "hostile-billion-laughs.xlsx", kinds: [.xmlForbidden], mentions: ["xl/sharedStrings.xml", "DOCTYPE"]),
        Case(file: "hostile-latin1-xml.xlsx", kinds: [.xmlForbidden], mentions: ["xl/worksheets/sheet1.xml", "ISO-8859-1"]),
        Case(file: "hostile-deep.xlsx", kinds: [.xmlLimit], mentions: ["xl/worksheets/sheet1.xml", "128"]),
        Case(file: "hostile-big-ref.xlsx", kinds: [.cellLimit], mentions: ["XFE1", "XFD"]),
        Case(file: "hostile-big-row.xlsx", kinds: [.cellLimit], mentions: ["1048577", "1048576"]),
        Case(file: "hostile-huge-ref.xlsx", kinds: [.cellLimit, .badCell], mentions: ["99999999999999999999"]),
        Case(file: "hostile-sst-index.xlsx", kinds: [.badSharedString], mentions: ["cell A1", "99", "out of range"]),
        Case(file: "hostile-sst-negative.xlsx", kinds: [.badSharedString], mentions: ["cell A1", "-1", "negative"]),
        Case(file: "hostile-long-cell.xlsx", kinds: [.cellLimit], mentions: ["cell A1", "32767"]),
        Case(file: "hostile-escape.xlsx", kinds: [.packageStructure], mentions: ["xl/_rels/workbook.xml.rels", "../../../etc/passwd", "outside the package"]),
        Case(file: "hostile-many-entries.xlsx", kinds: [.zipLimit], mentions: ["20005", "10000"]),
        Case(file: "hostile-encrypted-entry.xlsx", kinds: [.zipUnsupported], mentions: ["encrypted"]),
        Case(file: "hostile-bzip2.xlsx", kinds: [.zipUnsupported], mentions: ["compression method 12"]),
        // Issue 10: the package-level parts, and a zip64 size that does not match what inflates.
        Case(file: "hostile-no-content-types.xlsx", kinds: [.missingPart], mentions: ["no [Content_Types].xml"]),
        Case(file: "hostile-content-types-dtd.xlsx", kinds: [.xmlForbidden], mentions: ["[Content_Types].xml", "DOCTYPE"]),
        Case(file: "hostile-external-sheet.xlsx", kinds: [.packageStructure], mentions: ["sheet 'Users'", "file:///etc/passwd", "outside the workbook"]),
        Case(file: "hostile-no-workbook-rels.xlsx", kinds: [.missingPart], mentions: ["no xl/_rels/workbook.xml.rels"]),
        Case(file: "hostile-zip64-size.xlsx", kinds: [.corruptZip], mentions: ["xl/worksheets/sheet1.xml", "8589934592", "inflates to 324 bytes"]),
    ]

    private static func fixture(_ name: String) throws -> String { try XLSXReaderTests.fixture(name) }

    /// Opens and reads every sheet; returns the error or nil when everything read.
    private static func openAndReadEverything(_ path: String, displayName: String, limits: ReadLimits = .default) -> Error? {
        do {
            let source = try Spreadsheet.open(path: path, displayName: displayName, limits: limits)
            for info in source.sheets {
                _ = try source.readRows(sheet: info.index) { _ in }
            }
            return nil
        } catch {
            return error
        }
    }

    func testEveryHostileFixtureIsCovered() throws {
        let all = try FileManager.default.contentsOfDirectory(atPath: XLSXReaderTests.fixtures.path)
            .filter { $0.hasPrefix("hostile-") }
        guard !all.isEmpty else { throw XCTSkip("fixtures not present") }
        XCTAssertEqual(Set(all), Set(Self.cases.map(\.file).filter { $0.hasPrefix("hostile-") }),
                       "a hostile fixture without an expectation, or an expectation without its fixture")
    }

    func testEachFailsWithOneTypedError() throws {
        for c in Self.cases {
            let path = try Self.fixture(c.file)
            guard let error = Self.openAndReadEverything(path, displayName: c.file) else {
                XCTFail("\(c.file) was read without an error")
                continue
            }
            guard let e = error as? SheetIOError else {
                XCTFail("\(c.file): not a SheetIOError: \(error)")
                continue
            }
            XCTAssertTrue(c.kinds.contains(e.kind), "\(c.file): kind \(e.kind), expected \(c.kinds): \(e)")
            XCTAssertEqual(e.file, c.file, "\(c.file): the error names the file")
            for m in c.mentions {
                XCTAssertTrue(e.description.contains(m), "\(c.file): \"\(e.description)\" does not mention \(m)")
            }
            XCTAssertFalse(e.description.contains("\n"), "\(c.file): the error is one line")
        }
    }

    func testTheXXEFixtureReadsNothingFromDisk() throws {
        let error = Self.openAndReadEverything(try Self.fixture("hostile-xxe.xlsx"), displayName: "x.xlsx") as? SheetIOError
        XCTAssertEqual(error?.kind, .xmlForbidden)
        XCTAssertFalse(error?.description.contains("root:") ?? true)
    }

    func testTheNameAFileIsGivenDoesNotChangeTheVerdict() throws {
        // Content decides: the encrypted workbook and the .xls are found whatever they are called.
        for (file, kind) in [("hostile-encrypted.xlsx", SheetIOError.Kind.encrypted), ("real-legacy.xls", .legacyXLS),
                             ("real-libreoffice.ods", .ods), ("hostile-pdf.xlsx", .unsupportedFormat)] {
            let e = Self.openAndReadEverything(try Self.fixture(file), displayName: "upload.xlsx") as? SheetIOError
            XCTAssertEqual(e?.kind, kind, file)
            XCTAssertEqual(e?.file, "upload.xlsx")
        }
    }

    func testAZipBombIsStoppedByTheEntryLimitToo() throws {
        // With the ratio check off, the per-entry cap still stops it.
        var limits = ReadLimits.default
        limits.maxCompressionRatio = 0
        limits.maxEntryBytes = 32 << 20
        let e = Self.openAndReadEverything(try Self.fixture("hostile-ratio.xlsx"), displayName: "r.xlsx", limits: limits) as? SheetIOError
        XCTAssertEqual(e?.kind, .zipLimit)
        XCTAssertTrue(e?.description.contains("32 MiB") ?? false, "\(String(describing: e))")
    }

    func testALargerManyEntriesLimitLetsThatPackageRead() throws {
        // The many-entries file is a valid package under its 20,000 padding entries.
        var limits = ReadLimits.default
        limits.maxZipEntries = 30_000
        XCTAssertNil(Self.openAndReadEverything(try Self.fixture("hostile-many-entries.xlsx"), displayName: "m.xlsx", limits: limits))
    }

    // MARK: Control characters in cells (issue 10)

    /// Runs the built command; returns its result.
    private static func invitesheet(_ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run(try InvitesheetBinary.locate(), arguments)
    }

    func testControlCharactersDecodedFromCellsNeverReachACSVFile() throws {
        // `_x0000_`, `_x001B_`, `_x0007_`, `_x009B_`, `_x007F_` decode to control characters.
        let workbook = try Self.fixture("edge-control-chars.xlsx")
        for (format, separator) in [("csv", ","), ("tsv", "\t")] {
            let result = try Self.invitesheet(["convert", workbook, "--to", format])
            XCTAssertEqual(result.status, 0, result.stderr)
            let bytes = [UInt8](result.stdoutData)
            let controls = bytes.filter { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
            XCTAssertEqual(controls, [], "\(format): control bytes in the output")
            XCTAssertFalse(result.stdout.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) }, "\(format): a C1 control in the output")
            XCTAssertEqual(result.stdout, ["nul_x0000_here", "_x001B_[31mred_x001B_[0m", "bell_x0007_"].joined(separator: separator) + "\r\n"
                           + ["csi_x009B_2J", "del_x007F_", format == "csv" ? "tab\tok" : "\"tab\tok\"", "_x001B_"].joined(separator: separator) + "\r\n")
        }
        // JSON keeps the characters themselves, escaped the JSON way.
        let json = try Self.invitesheet(["convert", workbook, "--to", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains(#""nul\u0000here""#), json.stdout)
        XCTAssertTrue(json.stdout.contains(#""\u001b[31mred\u001b[0m""#) || json.stdout.contains(#""\u001B[31mred\u001B[0m""#), json.stdout)
        XCTAssertFalse(json.stdoutData.contains(0x1B) || json.stdoutData.contains(0) || json.stdoutData.contains(7))
    }

    func testACSVWithControlCharactersIsReadAndTheirCellsAreFlagged() throws {
        // ESC (colour and title sequences), BEL and backspaces in cells: CSV text all the same.
        let csv = try Self.fixture("user-control-chars.csv")
        XCTAssertNoThrow(try Spreadsheet.open(path: csv))
        let converted = try Self.invitesheet(["convert", csv, "--to", "csv"])
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertTrue(converted.stdout.contains("_x001B_[31mJane_x001B_[0m,Tan_x0007_,"), converted.stdout)

        let validated = try Self.invitesheet(["validate", csv])
        XCTAssertEqual(validated.status, 1, "rows with findings: \(validated.stdout) \(validated.stderr)")
        XCTAssertFalse(validated.stdoutData.contains(0x1B) || validated.stdoutData.contains(0x07) || validated.stdoutData.contains(0x08),
                       "the report echoes the cells escaped")
        for expected in ["control character (U+001B)", "control character (U+0007)", "control character (U+0008)",
                         "1 valid, 2 invalid"] {
            XCTAssertTrue(validated.stdout.contains(expected), "\(expected): \(validated.stdout)")
        }
    }

    func testBinaryWithoutANulIsStillNotCSV() throws {
        // Control bytes and bytes that are not UTF-8: not text, whatever the name says.
        var rng = SystemRandomNumberGenerator()
        var binary: [UInt8] = (0..<2048).map { _ in UInt8.random(in: 1...255, using: &rng) }
        binary[0] = 0x89  // no zip, PDF or OLE signature
        XCTAssertFalse(Spreadsheet.looksLikeText(binary))
        XCTAssertTrue(Spreadsheet.looksLikeText(Array("a,b\n\u{1B}[31mred\u{1B}[0m,\u{7}\n".utf8)))
        XCTAssertFalse(Spreadsheet.looksLikeText(Array("a,b\n\u{0}\n".utf8)), "a NUL is never CSV text")
    }

    // MARK: Through the built command, one process per file

    func testTheCommandExitsTwoWithOneLineAndBoundedMemory() throws {
        let binary = try InvitesheetBinary.locate()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.csv").path
        let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")

        for c in Self.cases {
            let path = try Self.fixture(c.file)
            let result: ProcessResult
            var maxRSSKiB: Int?
            if useTime {
                let timeFile = dir.appendingPathComponent("time.txt").path
                result = try ProcessResult.run("/usr/bin/time", ["-o", timeFile, "-f", "%M", binary, "convert", path, "--to", "csv", "-o", out])
                let timeOutput = (try? String(contentsOfFile: timeFile, encoding: .utf8)) ?? ""
                maxRSSKiB = timeOutput.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                XCTAssertNotNil(maxRSSKiB, "\(c.file): /usr/bin/time said \(timeOutput)")
            } else {
                // No /usr/bin/time: cap virtual memory at ~1 GB; an unbounded read would be killed.
                result = try ProcessResult.run("/bin/bash", ["-c", "ulimit -v 1000000; exec \"$0\" \"$@\"", binary, "convert", path, "--to", "csv", "-o", out])
            }
            XCTAssertEqual(result.status, 2, "\(c.file): exit status; stderr: \(result.stderr)")
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
            XCTAssertEqual(lines.count, 1, "\(c.file): stderr should be one line: \(result.stderr)")
            XCTAssertTrue(lines.first?.hasPrefix("invitesheet: error: ") ?? false, "\(c.file): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(c.file), "\(c.file): the message names the file: \(result.stderr)")
            for bad in ["Fatal error", "Illegal instruction", "Segmentation", "Aborted", "Killed"] {
                XCTAssertFalse(result.stderr.contains(bad), "\(c.file): \(result.stderr)")
            }
            XCTAssertEqual(result.stdout, "", "\(c.file): nothing on stdout")
            if let rss = maxRSSKiB {
                XCTAssertLessThan(rss, 200 * 1024, "\(c.file): max RSS \(rss) KiB")
            }
            // A failed conversion leaves no output and no temporary file behind.
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "time.txt" }
            XCTAssertEqual(left, [], "\(c.file): left behind \(left)")
        }
    }
}
