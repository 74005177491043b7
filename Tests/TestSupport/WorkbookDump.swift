import Foundation
import XCTest

/// What openpyxl (python3) reads from a workbook: a second, independent reader for the workbooks we write
/// (the template, the corrections workbook).
public struct WorkbookDump: Decodable {
    public struct Sheet: Decodable {
        public var name: String
        public var state: String
        public var freeze: String?
        public var validations: [Validation]
        public var columns: [String: Column]
        public var cells: [String: CellInfo]
    }
    public struct Validation: Decodable, Equatable {
        public var type: String?
        public var formula1: String?
        public var sqref: String
    }
    public struct Column: Decodable {
        public var width: Double?
        public var numberFormat: String
    }
    public struct CellInfo: Decodable {
        public var value: Value
        public var numberFormat: String
        public var bold: Bool
        public var fill: String?
        public var fontColor: String?
        public var wrap: Bool
        public var comment: String?
    }
    public enum Value: Decodable, Equatable {
        case none, string(String), number(Double), bool(Bool)
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .none }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .string(try c.decode(String.self)) }
        }
        public var text: String? { if case .string(let s) = self { return s }; return nil }
    }

    public var sheets: [Sheet]

    public func sheet(_ name: String) throws -> Sheet {
        try XCTUnwrap(sheets.first { $0.name == name }, "no sheet \(name) in \(sheets.map(\.name))")
    }

    public static let script = #"""
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def rgb(color):
    v = getattr(color, "rgb", None) if color is not None else None
    return v if isinstance(v, str) else None
out = []
for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            filled = c.fill is not None and c.fill.fill_type == "solid"
            if c.value is None and c.comment is None and not filled:
                continue
            cells[c.coordinate] = {
                "value": c.value, "numberFormat": c.number_format, "bold": bool(c.font.b),
                "fill": rgb(c.fill.fgColor) if filled else None, "fontColor": rgb(c.font.color),
                "wrap": bool(c.alignment.wrap_text), "comment": c.comment.text if c.comment else None,
            }
    out.append({
        "name": ws.title, "state": ws.sheet_state, "freeze": ws.freeze_panes,
        "validations": [{"type": dv.type, "formula1": dv.formula1, "sqref": str(dv.sqref)} for dv in ws.data_validations.dataValidation],
        "columns": {k: {"width": v.width, "numberFormat": v.number_format} for k, v in ws.column_dimensions.items()},
        "cells": cells,
    })
print(json.dumps({"sheets": out}, default=str))
"""#

    /// Reads `path` with openpyxl; skips the test when python3 or openpyxl is missing.
    public static func read(_ path: String) throws -> WorkbookDump {
        let probe = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard probe.status == 0 else { throw XCTSkip("python3 with openpyxl is not installed") }
        let result = try ExternalProcess.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { XCTFail("openpyxl could not read \(path): \(result.standardError)"); throw CancellationError() }
        return try JSONDecoder().decode(WorkbookDump.self, from: Data(result.standardOutput.utf8))
    }
}

/// Runs a program and collects its output.
public enum ExternalProcess {
    public struct Result {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    public static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Output goes to files, so a chatty child can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("external-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The package root, from this file's path (Tests/TestSupport/…).
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `invitesheet`: `INVITESHEET_BIN`, else beside the test bundle, else `.build/debug/`.
    public static func invitesheet() throws -> String {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["INVITESHEET_BIN"], !env.isEmpty { candidates.append(env) }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("invitesheet").path)
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("invitesheet").path) }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/invitesheet").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the invitesheet binary is not built (looked in \(candidates)); set INVITESHEET_BIN")
        }
        return found
    }
}
