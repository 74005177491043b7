#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat` says an entry is; links are never followed.
public enum EntryKind: Sendable, Equatable {
    case regular, directory, symlink, fifo, other
}

/// The facts about a file the inbox compares between scans.
public struct EntryStatus: Sendable, Equatable, Hashable {
    public var kind: EntryKind
    public var size: Int
    public var device: UInt64
    public var inode: UInt64
    /// Modification time in nanoseconds since the epoch.
    public var modified: Int64
}

/// An open directory: the one place the inbox calls the C file-system API. Every operation is
/// relative to the directory's descriptor (`openat`, `renameat`, `fstatat`), names are raw bytes,
/// and links are never followed.
public final class Directory: @unchecked Sendable {
    /// The path this directory was opened with, for messages and for building paths for the runner.
    public let path: String
    let fd: Int32

    /// Opens an existing directory; a symlink or anything but a directory is refused.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw InboxFileError("open folder", path: Self.shown(path)) }
        self.path = path
        self.fd = fd
    }

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// The subdirectory `name`, created (mode 0755) when missing. A symlink there is refused.
    public func subdirectory(_ name: String, create: Bool = true) throws -> Directory {
        try subdirectory(FileName(name), create: create)
    }

    func subdirectory(_ name: FileName, create: Bool) throws -> Directory {
        if create && name.withCString({ mkdirat(fd, $0, 0o755) }) != 0 && errno != EEXIST {
            throw InboxFileError("create folder", path: display(name))
        }
        let sub = name.withCString { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
        guard sub >= 0 else { throw InboxFileError("open folder", path: display(name)) }
        let text = String(decoding: name.bytes, as: UTF8.self)
        return Directory(fd: sub, path: path.hasSuffix("/") ? path + text : path + "/" + text)
    }

    /// Creates the subdirectory `name`; false when something of that name already exists.
    public func makeDirectory(_ name: FileName) throws -> Bool {
        let r = name.withCString { mkdirat(fd, $0, 0o755) }
        if r == 0 { return true }
        if errno == EEXIST { return false }
        throw InboxFileError("create folder", path: display(name))
    }

    /// The entries of the directory (not `.` and `..`), in no particular order.
    public func names() throws -> [FileName] {
        let dupFD = dup(fd)
        guard dupFD >= 0, let dir = fdopendir(dupFD) else {
            if dupFD >= 0 { close(dupFD) }
            throw InboxFileError("list folder", path: Self.shown(path))
        }
        defer { closedir(dir) }
        rewinddir(dir)
        var out: [FileName] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw InboxFileError("list folder", path: Self.shown(path)) }
                return out
            }
            let name: [UInt8] = withUnsafePointer(to: &entry.pointee.d_name) { p in
                p.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { b in
                    Array(UnsafeBufferPointer(start: b, count: strlen(UnsafeRawPointer(b).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            out.append(FileName(bytes: name))
        }
    }

    /// What `name` is, without following a link; nil when it does not exist.
    public func status(_ name: FileName) throws -> EntryStatus? {
        var st = stat()
        let r = name.withCString { fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }
        if r != 0 {
            if errno == ENOENT { return nil }
            throw InboxFileError("examine", path: display(name))
        }
        return Self.status(st)
    }

    static func status(_ st: stat) -> EntryStatus {
        let kind: EntryKind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        default: kind = .other
        }
        #if canImport(Darwin)
        let mtime = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
        return EntryStatus(kind: kind, size: Int(st.st_size), device: UInt64(st.st_dev), inode: UInt64(st.st_ino), modified: mtime)
    }

    /// This directory's own status.
    public func ownStatus() throws -> EntryStatus {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InboxFileError("examine", path: Self.shown(path)) }
        return Self.status(st)
    }

    /// The outcome of a rename that must not replace anything.
    public enum RenameResult: Equatable {
        case moved
        /// Something already has the destination name; nothing was changed.
        case destinationExists
        /// The source is gone (another watcher took it first).
        case sourceMissing
    }

    /// Renames `name` here to `newName` in `destination` (same file system) atomically, never
    /// replacing an existing entry.
    public func rename(_ name: FileName, to destination: Directory, as newName: FileName) throws -> RenameResult {
        let r = name.withCString { from in newName.withCString { to in Self.renameNoReplace(fd, from, destination.fd, to) } }
        if r == 0 { return .moved }
        switch errno {
        case EEXIST, ENOTEMPTY: return .destinationExists
        case ENOENT: return .sourceMissing
        default: throw InboxFileError("move", path: display(name) + " to " + destination.display(newName))
        }
    }

    /// Moves `name` into `destination` under its own name, or the first free ` (n)` variant.
    /// Returns the name it got there, or nil when the source is gone.
    public func move(_ name: FileName, to destination: Directory, preferring preferred: FileName? = nil) throws -> FileName? {
        let base = preferred ?? name
        var candidate = base
        var n = 1
        while true {
            switch try rename(name, to: destination, as: candidate) {
            case .moved: return candidate
            case .sourceMissing: return nil
            case .destinationExists:
                n += 1
                candidate = base.numbered(n)
            }
        }
    }

    /// `name` if nothing here has it, else the first free ` (n)` variant (for recording where a file
    /// will go before it is moved; `move` still refuses to replace anything that appears meanwhile).
    public func firstFreeName(_ name: FileName) throws -> FileName {
        var candidate = name
        var n = 1
        while try status(candidate) != nil {
            n += 1
            candidate = name.numbered(n)
        }
        return candidate
    }

    /// Opens `name` for reading without following a link; the caller closes the descriptor.
    public func openForReading(_ name: FileName) throws -> Int32 {
        let f = name.withCString { openat(fd, $0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard f >= 0 else { throw InboxFileError("open", path: display(name)) }
        return f
    }

    /// Flushes the directory's entries (renames, new files) to disk.
    public func sync() throws {
        guard fsync(fd) == 0 || errno == EINVAL || errno == EROFS else {
            throw InboxFileError("flush folder", path: Self.shown(path))
        }
    }

    /// Removes `name` and, if it is a directory, everything under it (links removed, never followed).
    /// Used only for the watcher's own unfinished report folders.
    public func removeTree(_ name: FileName) throws {
        guard let st = try status(name) else { return }
        if st.kind == .directory {
            let sub = try subdirectory(name, create: false)
            for child in try sub.names() { try sub.removeTree(child) }
            let r = name.withCString { unlinkat(fd, $0, AT_REMOVEDIR) }
            if r != 0 && errno != ENOENT { throw InboxFileError("remove folder", path: display(name)) }
        } else {
            let r = name.withCString { unlinkat(fd, $0, 0) }
            if r != 0 && errno != ENOENT { throw InboxFileError("remove", path: display(name)) }
        }
    }

    /// Flushes the file `name` (used for files the runner wrote into a report folder).
    public func syncFile(_ name: FileName) throws {
        let f = name.withCString { openat(fd, $0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard f >= 0 else { throw InboxFileError("open", path: display(name)) }
        defer { close(f) }
        guard fsync(f) == 0 else { throw InboxFileError("flush", path: display(name)) }
    }

    /// Path of `name` inside this directory, escaped for display.
    public func display(_ name: FileName) -> String { Self.shown(path) + "/" + name.display }

    /// The path of `name` here as text, or nil when the name is not UTF-8 (so no String path exists).
    public func textPath(_ name: FileName) -> String? {
        guard let s = name.exactString else { return nil }
        return path.hasSuffix("/") ? path + s : path + "/" + s
    }

    static func shown(_ path: String) -> String { FileName(path).display }

    // MARK: rename without replacing

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// `renameat2(…, RENAME_NOREPLACE)` looked up at run time (glibc does not export it to Swift);
    /// nil when the C library lacks it.
    private static let renameAt2: RenameAt2? = {
        #if os(Linux)
        guard let sym = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(sym, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    private static func renameNoReplace(_ fromFD: Int32, _ from: UnsafePointer<CChar>, _ toFD: Int32, _ to: UnsafePointer<CChar>) -> Int32 {
        #if canImport(Darwin)
        return renameatx_np(fromFD, from, toFD, to, UInt32(RENAME_EXCL))
        #else
        if let renameAt2 {
            let r = renameAt2(fromFD, from, toFD, to, 1 /* RENAME_NOREPLACE */)
            if r == 0 || (errno != EINVAL && errno != ENOSYS) { return r }
        }
        // The file system cannot refuse to replace (some network shares): check, then rename.
        // Only the watcher holding the inbox lock renames into these folders, so the gap is safe.
        var st = stat()
        if fstatat(toFD, to, &st, AT_SYMLINK_NOFOLLOW) == 0 {
            errno = EEXIST
            return -1
        }
        return renameat(fromFD, from, toFD, to)
        #endif
    }
}

extension FileName {
    /// Calls `body` with the name as a NUL-terminated C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        var z = bytes
        z.append(0)
        return try z.withUnsafeBufferPointer { b in
            try b.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
