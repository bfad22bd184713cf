import CSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A failed system call: which one, on which path, and errno.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var reason: String {
        let text = String(cString: strerror(code))
        let name: String =
            switch code {
            case ENOSPC: " (disk full)"
            case EACCES, EPERM: " (permission denied)"
            case EROFS: " (read-only file system)"
            case EIO: " (I/O error)"
            case EDQUOT: " (quota exceeded)"
            default: ""
            }
        return text + name
    }

    public var description: String { "\(operation) \(path): \(reason)" }
}

/// The system calls the store uses, behind a protocol so tests can inject a failing disk.
public protocol FileSystem: Sendable {
    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError)
    func fsync(_ fd: Int32, path: String) throws(SystemCallError)
    func close(_ fd: Int32)
    func rename(_ from: String, _ to: String) throws(SystemCallError)
    func link(_ from: String, _ to: String) throws(SystemCallError)
    func fsyncDirectory(_ path: String) throws(SystemCallError)
    /// Flushes every file written on the file system holding `path` (one call for a batch of files, where an
    /// fsync of each would take minutes).
    func syncFileSystem(_ path: String) throws(SystemCallError)
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError)
    func remove(_ path: String)
    func read(_ path: String) throws(SystemCallError) -> [UInt8]
    /// nil when the path does not exist.
    func status(_ path: String) throws(SystemCallError) -> FileStatus?
    /// `status` of many paths (nil: missing or not to be examined), in order.
    func statuses(_ paths: ArraySlice<String>) -> [FileStatus?]
    func list(_ directory: String) throws(SystemCallError) -> [String]
    /// Whether the path itself is a symbolic link (not followed): nothing is written or deleted through one.
    func isSymbolicLink(_ path: String) -> Bool
}

extension FileSystem {
    public func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}

extension FileSystem {
    /// For disks that do not say otherwise (test doubles): sync(2), every file system.
    public func syncFileSystem(_ path: String) throws(SystemCallError) { sync() }

    /// `status` of each path (nil: missing or not to be examined), for disks that do not say otherwise.
    public func statuses(_ paths: ArraySlice<String>) -> [FileStatus?] { paths.map { try? status($0) } }
}

public struct FileStatus: Sendable, Equatable {
    public var size: Int
    public var modified: TimeInterval
    public var isDirectory: Bool

    public init(size: Int, modified: TimeInterval, isDirectory: Bool) {
        self.size = size
        self.modified = modified
        self.isDirectory = isDirectory
    }

    init(_ info: stat) {
        self.init(
            size: Int(info.st_size),
            modified: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9,
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Whether the file still has the size and modification time the start-up index took for it: the index's
    /// one test that a file is unchanged.
    func isAsIndexed(size: Int, modified: TimeInterval) -> Bool { self.size == size && self.modified == modified }
}

/// The real disk.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemCallError(operation: "create", path: path, code: errno) }
        // The umask or a default ACL may have removed bits; the mode asked for is the mode wanted. Looked at
        // first: a chmod dirties the inode, a stat does not (an import creates a million files).
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o7777 == mode & 0o7777 { return fd }
        if fchmod(fd, mode) != 0 {
            let code = errno
            Glibc.close(fd)
            throw SystemCallError(operation: "chmod", path: path, code: code)
        }
        return fd
    }

    public func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "write", path: path, code: errno)
            }
            offset += n
        }
    }

    public func fsync(_ fd: Int32, path: String) throws(SystemCallError) {
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { throw SystemCallError(operation: "fsync", path: path, code: errno) }
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func rename(_ from: String, _ to: String) throws(SystemCallError) {
        if Glibc.rename(from, to) != 0 { throw SystemCallError(operation: "rename", path: to, code: errno) }
    }

    public func link(_ from: String, _ to: String) throws(SystemCallError) {
        if Glibc.link(from, to) != 0 { throw SystemCallError(operation: "link", path: to, code: errno) }
    }

    public func fsyncDirectory(_ path: String) throws(SystemCallError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(operation: "open folder", path: path, code: errno) }
        defer { Glibc.close(fd) }
        try fsync(fd, path: path)
    }

    public func syncFileSystem(_ path: String) throws(SystemCallError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(operation: "open folder", path: path, code: errno) }
        defer { Glibc.close(fd) }
        if forumdesk_syncfs(fd) != 0 { throw SystemCallError(operation: "syncfs", path: path, code: errno) }
    }

    public func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        if mkdir(path, mode) != 0 {
            if errno == EEXIST { return }
            throw SystemCallError(operation: "create folder", path: path, code: errno)
        }
        if chmod(path, mode) != 0 { throw SystemCallError(operation: "chmod", path: path, code: errno) }
    }

    public func remove(_ path: String) { unlink(path) }

    public func read(_ path: String) throws(SystemCallError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(operation: "read", path: path, code: errno) }
        defer { Glibc.close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        // One byte more than the size, so the read that finds the end needs no second, doubled buffer.
        var result = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var filled = 0
        while true {
            if filled == result.count { result.append(contentsOf: repeatElement(0, count: max(4096, result.count))) }
            let n = result.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "read", path: path, code: errno)
            }
            if n == 0 { break }
            filled += n
        }
        result.removeSubrange(filled...)
        return result
    }

    public func status(_ path: String) throws(SystemCallError) -> FileStatus? {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw SystemCallError(operation: "stat", path: path, code: errno)
        }
        return FileStatus(info)
    }

    /// Each path's status relative to its folder, opened once for a run of paths in it: a `stat` of a full path
    /// walks every folder of the path again, which was most of its cost for 10,000 files.
    public func statuses(_ paths: ArraySlice<String>) -> [FileStatus?] {
        var result: [FileStatus?] = []
        result.reserveCapacity(paths.count)
        var folder: (path: Substring.UTF8View, fd: Int32)?
        defer { if let folder, folder.fd >= 0 { Glibc.close(folder.fd) } }
        for path in paths {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
                result.append(try? status(path))
                continue
            }
            let parent = path.utf8[..<slash]
            if folder.map({ !$0.path.elementsEqual(parent) }) ?? true {
                if let folder, folder.fd >= 0 { Glibc.close(folder.fd) }
                folder = (parent, open(String(Substring(parent)), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
            }
            guard let fd = folder?.fd, fd >= 0 else {
                result.append(nil)
                continue
            }
            var info = stat()
            let name = String(Substring(path.utf8[path.utf8.index(after: slash)...]))
            guard fstatat(fd, name, &info, 0) == 0 else {
                result.append(nil)
                continue
            }
            result.append(FileStatus(info))
        }
        return result
    }

    public func list(_ directory: String) throws(SystemCallError) -> [String] {
        guard let dir = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw SystemCallError(operation: "list", path: directory, code: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
