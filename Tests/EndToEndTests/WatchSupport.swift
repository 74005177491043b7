import Foundation
import XCTest

/// The built `invitesheet` for the watch tests: `$INVITESHEET_BIN`, else the one beside this test
/// bundle, else `.build-ib/debug` or `.build/debug` under the package root. Tests skip with a
/// message when none is built.
enum WatchBinary {
    static func locate() throws -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["INVITESHEET_BIN"], !env.isEmpty {
            guard fm.isExecutableFile(atPath: env) else { throw XCTSkip("INVITESHEET_BIN=\(env) is not an executable file") }
            return env
        }
        var candidates: [String] = []
        let bundle = Bundle(for: WatchBundleMarker.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("invitesheet").path)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for scratch in [".build-ib", ".build"] {
            candidates.append(root.appendingPathComponent(scratch).appendingPathComponent("debug/invitesheet").path)
        }
        if let found = candidates.first(where: { fm.isExecutableFile(atPath: $0) }) { return found }
        throw XCTSkip("invitesheet is not built (looked in \(candidates.joined(separator: ", "))); run swift build first, or set INVITESHEET_BIN")
    }
}

private final class WatchBundleMarker {}

/// A finished run of the command.
struct WatchRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The stderr JSON log lines, parsed (lines that are not JSON are kept under "raw").
    var events: [[String: Any]] { WatchLog.parse(stderr) }

    func events(_ name: String) -> [[String: Any]] { events.filter { $0["event"] as? String == name } }
}

enum WatchLog {
    static func parse(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? ["raw": String(line)]
        }
    }
}

/// Runs `invitesheet` to completion (killed after `timeout` seconds).
func runInvitesheet(_ binary: String, _ arguments: [String], timeout: Double = 120) throws -> WatchRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("watch-out-\(UUID().uuidString)")
    let err = FileManager.default.temporaryDirectory.appendingPathComponent("watch-err-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTFail("invitesheet \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
    }
    process.waitUntilExit()
    return WatchRun(status: process.terminationStatus,
                    stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                    stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
}

/// A watcher running in the background, its log going to a file.
final class BackgroundWatcher {
    let process = Process()
    let logURL: URL

    init(_ binary: String, _ arguments: [String]) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("watch-log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logURL)
    }

    var pid: Int32 { process.processIdentifier }
    var log: String { String(decoding: (try? Data(contentsOf: logURL)) ?? Data(), as: UTF8.self) }
    var events: [[String: Any]] { WatchLog.parse(log) }
    func events(_ name: String) -> [[String: Any]] { events.filter { $0["event"] as? String == name } }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to end; nil when it is still running after `timeout` seconds.
    func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
@discardableResult
func eventually(timeout: Double, every interval: Double = 0.05, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: interval)
    }
    return condition()
}

/// A temporary inbox folder and what is in it.
final class WatchInbox {
    let root: URL
    var path: String { root.path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        WatchInbox.makeWritable(root.appendingPathComponent("reports").path)
        try? FileManager.default.removeItem(at: root)
    }

    func names(in folder: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? path : path + "/" + folder)) ?? []).sorted()
    }

    /// Regular files directly in the inbox (not its folders).
    var waitingFiles: [String] {
        names().filter { name in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDir) && !isDir.boolValue
        }
    }

    var journal: [[String: Any]] {
        let text = (try? String(contentsOfFile: path + "/.invitesheet/journal.jsonl", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func records(_ type: String) -> [[String: Any]] { journal.filter { $0["type"] as? String == type } }

    /// Moves `file` into the inbox as `name` (an atomic rename: the file appears whole).
    func drop(_ file: String, as name: String) throws {
        guard rename(file, path + "/" + name) == 0 else {
            throw NSError(domain: "WatchInbox", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "rename \(file): \(String(cString: strerror(errno)))"])
        }
    }

    /// Makes a folder refuse new entries: `chattr +i` when running as root (permissions do not stop
    /// root), else mode 0555. Returns false when neither works here.
    static func makeReadOnly(_ folder: String) -> Bool {
        if geteuid() == 0 {
            return runQuietly("/usr/bin/chattr", ["+i", folder]) || runQuietly("/bin/chattr", ["+i", folder])
        }
        return chmod(folder, 0o555) == 0
    }

    static func makeWritable(_ folder: String) {
        if geteuid() == 0 {
            _ = runQuietly("/usr/bin/chattr", ["-i", folder]) || runQuietly("/bin/chattr", ["-i", folder])
        }
        _ = chmod(folder, 0o755)
    }

    private static func runQuietly(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}

/// Sample user lists made with `invitesheet sample`, in a scratch folder beside the inboxes (same
/// file system, so dropping is a rename).
final class WatchSamples {
    let binary: String
    let folder: URL

    init(binary: String) throws {
        self.binary = binary
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-samples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// A new sample file (the seed makes its bytes differ from every other seed's).
    func make(rows: Int, seed: Int, ext: String = "xlsx", errorRate: Double? = nil) throws -> String {
        let path = folder.appendingPathComponent("sample-\(rows)-\(seed)-\(UUID().uuidString.prefix(8)).\(ext)").path
        var args = ["sample", "--rows", String(rows), "--seed", String(seed), "-o", path]
        if let errorRate { args += ["--error-rate", String(errorRate)] }
        let r = try runInvitesheet(binary, args, timeout: 300)
        guard r.status == 0 else {
            throw NSError(domain: "WatchSamples", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: "sample failed: \(r.stderr)"])
        }
        return path
    }

    /// Many samples at once, made in parallel.
    func make(count: Int, rows: Int, firstSeed: Int) throws -> [String] {
        let results = WatchLockedArray<Result<String, Error>?>(repeating: nil, count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let made = Result { try self.make(rows: rows, seed: firstSeed + i, ext: i % 2 == 0 ? "xlsx" : "csv") }
            results.set(i, made)
        }
        return try results.values.map { try $0!.get() }
    }
}

final class WatchLockedArray<T>: @unchecked Sendable {
    private var items: [T]
    private let lock = NSLock()
    init(repeating value: T, count: Int) { items = Array(repeating: value, count: count) }
    func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }
    var values: [T] { lock.withLock { items } }
}

/// The SHA-256 of a file, with the system's sha256sum.
func sha256OfFile(_ path: String) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    p.arguments = [path]
    let pipe = Pipe()
    p.standardOutput = pipe
    do { try p.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
}

/// Runs a short Python script (`python3 -c`) with arguments; throws when it fails.
@discardableResult
func runPython(_ script: String, _ arguments: [String], timeout: Double = 60) throws -> String {
    guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
        throw XCTSkip("python3 is not installed")
    }
    let r = try runInvitesheet(python, ["-c", script] + arguments, timeout: timeout)
    guard r.status == 0 else {
        throw NSError(domain: "python3", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.stderr])
    }
    return r.stdout
}

/// Files people drop into an inbox by mistake, made the way their programs make them.
enum NotSpreadsheetFiles {
    /// A Word document: a zip package with the parts Word writes.
    static func docx(_ path: String) throws {
        try runPython(#"""
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Please invite alice@tech.gov.sg</w:t></w:r></w:p></w:body></w:document>')
"""#, [path])
    }

    /// A 2×2 PNG picture.
    static func png(_ path: String) throws {
        try runPython(#"""
import sys, zlib, struct
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
"""#, [path])
    }

    /// A one-page PDF, as a scanner or "print to PDF" writes one.
    static func pdf(_ path: String) throws {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
        var text = "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
