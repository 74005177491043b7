import XCTest
@testable import Inbox

/// What the inbox says a file that is not a spreadsheet is, from its first and last bytes.
final class NotASpreadsheetTests: XCTestCase {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testTellsWhatTheFileIs() {
        let zipHead: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100)
        let cases: [(String, [UInt8], [UInt8], String)] = [
            ("pdf", bytes("%PDF-1.7\n%\u{E2}\u{E3}"), [], "a PDF document"),
            ("docx", zipHead + bytes("[Content_Types].xml"), bytes("PK\u{1}\u{2}word/document.xml"), "a Word document (.docx)"),
            ("pptx", zipHead + bytes("ppt/slides/slide1.xml"), [], "a PowerPoint presentation (.pptx)"),
            ("zip", zipHead + bytes("xl/workbook.xml"), [], "an Excel workbook named .zip"),
            ("odt", zipHead + bytes("mimetypeapplication/vnd.oasis.opendocument.text"), [], "an OpenDocument text document"),
            ("zip", zipHead + bytes("photos/a.jpg"), [], "a zip archive"),
            ("doc", ole + "WordDocument".utf8.flatMap { [$0, 0] }, [], "a Word 97-2003 document (.doc)"),
            ("png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [], "an image (PNG)"),
            ("jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], [], "an image (JPEG)"),
            ("gif", bytes("GIF89a"), [], "an image (GIF)"),
            ("heic", [0, 0, 0, 0x18] + bytes("ftypheic"), [], "an image (HEIC)"),
            ("rtf", bytes("{\\rtf1\\ansi hello}"), [], "a Rich Text (RTF) document"),
            ("txt", bytes("Please invite alice@tech.gov.sg\n"), [], "a plain-text file named .txt"),
            ("", bytes("just words"), [], "a plain-text file with no extension"),
            ("htm", bytes("<!DOCTYPE html><html><table></table></html>"), [], "a web page (HTML)"),
            ("bin", [0x00, 0x01, 0x02, 0x03, 0x00], [], "a file that is neither a workbook nor text named .bin"),
        ]
        for (ext, head, tail, what) in cases {
            XCTAssertEqual(NotASpreadsheet.identify(head: head, tail: tail, fileExtension: ext).what, what, "\(ext): \(what)")
        }
    }

    func testTheMessageSaysWhatToUploadInstead() {
        let pdf = NotASpreadsheet(what: "a PDF document")
        XCTAssertEqual(pdf.message, "this is a PDF document, not a spreadsheet; upload the user list as an .xlsx workbook or a .csv file made from the template (invitesheet template)")
        let text = NotASpreadsheet.identify(head: Array("a,b\n".utf8), tail: [], fileExtension: "txt")
        XCTAssertTrue(text.message.contains("if it holds the user list as comma-separated values, rename it to .csv and drop it again; otherwise upload"), text.message)
    }

    func testReadsTheFileFromDisk() throws {
        let inbox = try TemporaryInbox()
        try inbox.drop("empty.txt", "")
        try inbox.drop("notes.txt", "hello\n")
        XCTAssertEqual(NotASpreadsheet.identify(path: inbox.path + "/empty.txt", fileExtension: "txt").what, "an empty file named .txt")
        XCTAssertEqual(NotASpreadsheet.identify(path: inbox.path + "/notes.txt", fileExtension: "txt").what, "a plain-text file named .txt")
    }
}
