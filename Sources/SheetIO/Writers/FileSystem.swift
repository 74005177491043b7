#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates a folder and its parents; succeeds when it already exists.
public func makeDirectory(_ path: String) throws {
    var partial = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
        partial += component
        if mkdir(partial, 0o755) != 0 && errno != EEXIST {
            throw SheetIOError(.write, "cannot create folder: \(String(cString: strerror(errno)))", file: partial)
        }
        partial += "/"
    }
}
