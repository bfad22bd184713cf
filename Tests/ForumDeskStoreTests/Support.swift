import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskStore
import ForumDeskTestSupport

/// A fresh folder under the system temp folder, removed afterwards.
func withTemporaryFolder<T>(_ body: (String) throws -> T) rethrows -> T {
    let path = NSTemporaryDirectory() + "forumdesk-test-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// The repository's sample data folder.
let sampleData = TestPaths.sampleData

/// A copy of the sample data, to break or change freely.
func copyOfSampleData(into folder: String) throws -> String {
    let target = folder + "/data"
    try FileManager.default.copyItem(atPath: sampleData, toPath: target)
    // The start-up index a local run may have left in the sample folder: each test starts without one.
    try? FileManager.default.removeItem(atPath: target + "/.forumdesk-index")
    return target
}

func readText(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

func writeText(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
}

func mode(of path: String) -> mode_t {
    var info = stat()
    stat(path, &info)
    return info.st_mode & 0o777
}

func listing(_ folder: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
}

/// A disk that fails one chosen operation with a chosen errno, and otherwise is the real one.
struct FaultyFileSystem: FileSystem {
    enum Operation: Sendable { case create, write, fsync, rename, link, fsyncFolder }
    var failing: Operation
    var code: Int32
    let real = PosixFileSystem()

    func fail(_ op: Operation, _ name: String, _ path: String) throws(SystemCallError) {
        if op == failing { throw SystemCallError(operation: name, path: path, code: code) }
    }
    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        try fail(.create, "create", path)
        return try real.openForCreate(path, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        try fail(.write, "write", path)
        try real.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(SystemCallError) {
        try fail(.fsync, "fsync", path)
        try real.fsync(fd, path: path)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, _ to: String) throws(SystemCallError) {
        try fail(.rename, "rename", to)
        try real.rename(from, to)
    }
    func link(_ from: String, _ to: String) throws(SystemCallError) {
        try fail(.link, "link", to)
        try real.link(from, to)
    }
    func fsyncDirectory(_ path: String) throws(SystemCallError) {
        try fail(.fsyncFolder, "fsync", path)
        try real.fsyncDirectory(path)
    }
    func syncFileSystem(_ path: String) throws(SystemCallError) {
        try fail(.fsync, "syncfs", path)
        try real.syncFileSystem(path)
    }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        try real.makeDirectory(path, mode: mode)
    }
    func remove(_ path: String) { real.remove(path) }
    func read(_ path: String) throws(SystemCallError) -> [UInt8] { try real.read(path) }
    func status(_ path: String) throws(SystemCallError) -> FileStatus? { try real.status(path) }
    func list(_ directory: String) throws(SystemCallError) -> [String] { try real.list(directory) }
}

/// The real disk, noting every file read (not stat-ed or listed): what a load touched.
final class ReadRecordingFileSystem: FileSystem, @unchecked Sendable {
    let real = PosixFileSystem()
    private let lock = NSLock()
    private var paths: [String] = []
    /// Every path read so far, in no particular order.
    var read: [String] { lock.withLock { paths } }

    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        try real.openForCreate(path, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        try real.write(fd, bytes, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(SystemCallError) { try real.fsync(fd, path: path) }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, _ to: String) throws(SystemCallError) { try real.rename(from, to) }
    func link(_ from: String, _ to: String) throws(SystemCallError) { try real.link(from, to) }
    func fsyncDirectory(_ path: String) throws(SystemCallError) { try real.fsyncDirectory(path) }
    func syncFileSystem(_ path: String) throws(SystemCallError) { try real.syncFileSystem(path) }
    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        try real.makeDirectory(path, mode: mode)
    }
    func remove(_ path: String) { real.remove(path) }
    func read(_ path: String) throws(SystemCallError) -> [UInt8] {
        lock.withLock { paths.append(path) }
        return try real.read(path)
    }
    func status(_ path: String) throws(SystemCallError) -> FileStatus? { try real.status(path) }
    private var folders: [String] = []
    /// Every folder listed so far.
    var listed: [String] { lock.withLock { folders } }
    func list(_ directory: String) throws(SystemCallError) -> [String] {
        lock.withLock { folders.append(directory) }
        return try real.list(directory)
    }
}

/// A copy of the sample data with its start-up index written, and the index's bytes.
func indexedSampleCopy(into tmp: String, now: Date) throws -> (root: String, bytes: [UInt8]) {
    let root = try copyOfSampleData(into: tmp)
    _ = DataStore(folder: DataFolder(root)).loadIndexed(now: now)
    return (root, [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + MeetingIndex.fileName))))
}

/// Sets every year folder's time an hour back, so a load stamps it in the index (a folder changed in the last 2
/// seconds is never stamped: `DataStore.meetingFiles(listing:)`).
func settleYearFolders(_ root: String) throws {
    for year in try FileManager.default.contentsOfDirectory(atPath: root + "/meetings") where !year.hasPrefix(".") {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: root + "/meetings/" + year)
    }
}
