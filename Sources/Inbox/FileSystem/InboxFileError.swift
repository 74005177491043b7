#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system call that failed: what was being done, to which path (escaped for display), and
/// the system's own message.
public struct InboxFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var systemMessage: String { String(cString: strerror(code)) }

    public var description: String { "cannot \(operation) \(path): \(systemMessage)" }
}
