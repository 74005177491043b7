import Foundation
import XCTest

/// What openpyxl (python3) reads from a workbook: a second, independent reader for the corrections workbook.
struct CorrectionsWorkbookDump: Decodable {
    struct Sheet: Decodable {
        var name: String
        var state: String
        var freeze: String?
        var validations: [Validation]
        var columns: [String: Column]
        var cells: [String: CellInfo]
    }
    struct Validation: Decodable, Equatable {
        var type: String?
        var formula1: String?
        var sqref: String
    }
    struct Column: Decodable {
        var width: Double?
        var numberFormat: String
    }
    struct CellInfo: Decodable {
        var value: Value
        var numberFormat: String
        var bold: Bool
        var fill: String?
        var fontColor: String?
        var wrap: Bool
        var comment: String?
    }
    enum Value: Decodable, Equatable {
        case none, string(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .none }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .string(try c.decode(String.self)) }
        }
        var text: String? { if case .string(let s) = self { return s }; return nil }
    }

    var sheets: [Sheet]

    func sheet(_ name: String) throws -> Sheet {
        try XCTUnwrap(sheets.first { $0.name == name }, "no sheet \(name) in \(sheets.map(\.name))")
    }

    static let script = #"""
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
    static func read(_ path: String) throws -> CorrectionsWorkbookDump {
        let probe = try CorrectionsProcess.run("/usr/bin/env", ["python3", "-c", "import openpyxl"])
        guard probe.status == 0 else { throw XCTSkip("python3 with openpyxl is not installed") }
        let result = try CorrectionsProcess.run("/usr/bin/env", ["python3", "-c", script, path])
        guard result.status == 0 else { XCTFail("openpyxl could not read \(path): \(result.standardError)"); throw CancellationError() }
        return try JSONDecoder().decode(CorrectionsWorkbookDump.self, from: Data(result.standardOutput.utf8))
    }
}

/// Runs a program and collects its output.
enum CorrectionsProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Output goes to files, so a chatty child can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("corrections-process-\(UUID().uuidString)")
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
}
