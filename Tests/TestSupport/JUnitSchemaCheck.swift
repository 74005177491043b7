import Foundation
import XCTest

/// Validates JUnit XML against the Apache Ant JUnit schema committed as Tests/Fixtures/junit-ant.xsd,
/// with python3's `xmlschema` (scripts/setup.sh installs it; the test is skipped without it).
public enum JUnitSchemaCheck {
    public static let xsd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/junit-ant.xsd").path

    public static func assertValid(_ xml: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("junit.xml")
        try Data(xml.utf8).write(to: document)
        let script = """
        import sys
        try:
            import xmlschema
        except ImportError:
            sys.exit(77)
        errors = list(xmlschema.XMLSchema(sys.argv[1]).iter_errors(sys.argv[2]))
        for e in errors[:5]: print(e.reason, e.path)
        sys.exit(1 if errors else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, xsd, document.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 77 { throw XCTSkip("python3 with the xmlschema package is not installed (scripts/setup.sh)") }
        XCTAssertEqual(process.terminationStatus, 0, "not valid against the Ant JUnit schema: \(output)", file: file, line: line)
    }
}
