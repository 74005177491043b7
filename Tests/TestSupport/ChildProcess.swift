import Foundation

/// The `invitesheet` executable built beside this test bundle.
public enum InvitesheetBinary {
    public static func locate() throws -> String {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["INVITESHEET_BIN"], !env.isEmpty {
            guard fm.isExecutableFile(atPath: env) else {
                throw Failure("INVITESHEET_BIN=\(env) is not an executable file")
            }
            return env
        }
        var candidates: [URL] = []
        // The test runner (…/debug/invitesheetPackageTests.xctest) lives in the build products folder.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(runner.deletingLastPathComponent())
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for dir in candidates {
            let path = dir.appendingPathComponent("invitesheet").path
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: path) {
                return path
            }
        }
        throw Failure("""
            the invitesheet executable was not found beside the test bundle (looked in \
            \(candidates.map(\.path).joined(separator: ", "))); run `swift build` with the same \
            --scratch-path first, or set INVITESHEET_BIN
            """)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ d: String) { description = d }
    }
}

/// A finished child process: exit status and what it wrote.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data

    /// Runs `executable`; `environment` adds to (or, with an empty value, removes from) this
    /// process's environment, and `directory` is the child's working folder.
    public static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 120,
                           environment: [String: String] = [:], directory: String? = nil) throws -> ProcessResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = "80"
        for (key, value) in environment { env[key] = value.isEmpty ? nil : value }
        p.environment = env
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Files, not pipes: a child that writes a lot can never block on a full pipe.
        let outURL = dir.appendingPathComponent("stdout"), errURL = dir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inURL = dir.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            p.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                p.waitUntilExit()
                throw InvitesheetBinary.Failure("\(executable) \(arguments.joined(separator: " ")) ran over \(Int(timeout)) s")
            }
            usleep(10_000)
        }
        p.waitUntilExit()
        try out.close()
        try err.close()
        let o = try Data(contentsOf: outURL), e = try Data(contentsOf: errURL)
        return ProcessResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                             stderr: String(decoding: e, as: UTF8.self), stdoutData: o)
    }
}
