#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer hands over bytes; SheetIO reads files. Each input is written to one file per process
/// (under /dev/shm when there is one, so a run does not wear the disk), then read back by path.
enum FuzzFile {
    static let path: String = {
        let dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        return "\(dir)/invitesheet-fuzz-\(getpid())"
    }()

    /// Writes `data` to `path + suffix` and returns that path.
    static func write(_ data: UnsafePointer<UInt8>, _ size: Int, suffix: String) -> String {
        let p = path + suffix
        let fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        precondition(fd >= 0, "cannot create \(p)")
        var done = 0
        while done < size {
            let n = Glibc.write(fd, data + done, size - done)
            precondition(n > 0, "cannot write \(p)")
            done += n
        }
        close(fd)
        return p
    }
}
