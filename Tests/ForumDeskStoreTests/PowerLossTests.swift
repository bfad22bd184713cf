import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ForumDeskCore
@testable import ForumDeskStore

/// An in-memory disk that keeps apart what a program has written and what has reached the platter, so a
/// test can cut the power after any system call. Names in a folder become durable when the folder is
/// fsynced; a file's bytes when the file is. After `crashAt` calls the program is dead: nothing more happens.
final class SimulatedDisk: FileSystem, @unchecked Sendable {
    final class Inode {
        var bytes: [UInt8]
        var synced: [UInt8]
        var modified: TimeInterval
        init(bytes: [UInt8], synced: [UInt8], modified: TimeInterval) {
            self.bytes = bytes
            self.synced = synced
            self.modified = modified
        }
    }

    /// What survives a power cut. `metadataFlushed`: the file system happened to write its folder entries
    /// (renames included) but only fsynced file data, the case that empties files on ext4 without fsync.
    enum PowerCut: CaseIterable { case onlySynced, metadataFlushed }

    private let lock = NSLock()
    private var files: [String: Inode] = [:]
    private var durableFiles: [String: Inode] = [:]
    private var folders: Set<String> = []
    private var durableFolders: Set<String> = []
    private var open: [Int32: Inode] = [:]
    private var nextFD: Int32 = 100
    private var clock: TimeInterval = 1_000_000
    /// Mutating calls made so far, and the one at which the program dies (nil: never).
    private(set) var calls = 0
    var crashAt: Int?

    init() {}

    /// A durable copy of a real folder tree under `root`.
    convenience init(copying real: String, to root: String) throws {
        self.init()
        var parts = ""
        for part in root.split(separator: "/") {
            parts += "/\(part)"
            folders.insert(parts)
        }
        let enumerator = FileManager.default.enumerator(atPath: real)
        while let name = enumerator?.nextObject() as? String {
            guard !name.hasPrefix(".") && !name.contains("/.") else { continue }
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(real)/\(name)", isDirectory: &isFolder)
            if isFolder.boolValue {
                folders.insert("\(root)/\(name)")
            } else {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(real)/\(name)")))
                files["\(root)/\(name)"] = Inode(bytes: bytes, synced: bytes, modified: clock)
            }
        }
        durableFiles = files
        durableFolders = folders
    }

    /// The disk as it is found after the power comes back.
    func afterPowerCut(_ cut: PowerCut) -> SimulatedDisk {
        lock.withLock {
            let disk = SimulatedDisk()
            let names = cut == .onlySynced ? durableFiles : files
            disk.folders = cut == .onlySynced ? durableFolders : folders
            for (path, inode) in names where disk.folders.contains(parent(path)) {
                disk.files[path] = Inode(bytes: inode.synced, synced: inode.synced, modified: inode.modified)
            }
            disk.durableFiles = disk.files
            disk.durableFolders = disk.folders
            return disk
        }
    }

    /// A copy with the same written and durable state (inodes shared where they are shared here).
    func copy() -> SimulatedDisk {
        lock.withLock {
            let disk = SimulatedDisk()
            var clones: [ObjectIdentifier: Inode] = [:]
            func clone(_ inode: Inode) -> Inode {
                if let done = clones[ObjectIdentifier(inode)] { return done }
                let fresh = Inode(bytes: inode.bytes, synced: inode.synced, modified: inode.modified)
                clones[ObjectIdentifier(inode)] = fresh
                return fresh
            }
            disk.files = files.mapValues(clone)
            disk.durableFiles = durableFiles.mapValues(clone)
            disk.folders = folders
            disk.durableFolders = durableFolders
            return disk
        }
    }

    private func parent(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    /// Counts a mutating call; throws (and changes nothing) once the program is dead.
    private func step(_ operation: String, _ path: String) throws(SystemCallError) {
        calls += 1
        if let crashAt, calls >= crashAt { throw SystemCallError(operation: operation, path: path, code: EIO) }
    }

    func openForCreate(_ path: String, mode: mode_t) throws(SystemCallError) -> Int32 {
        lock.lock(); defer { lock.unlock() }
        try step("create", path)
        guard folders.contains(parent(path)) else {
            throw SystemCallError(operation: "create", path: path, code: ENOENT)
        }
        guard files[path] == nil else { throw SystemCallError(operation: "create", path: path, code: EEXIST) }
        clock += 1
        let inode = Inode(bytes: [], synced: [], modified: clock)
        files[path] = inode
        nextFD += 1
        open[nextFD] = inode
        return nextFD
    }

    func write(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("write", path)
        clock += 1
        open[fd]?.bytes.append(contentsOf: bytes)
        open[fd]?.modified = clock
    }

    func fsync(_ fd: Int32, path: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("fsync", path)
        if let inode = open[fd] { inode.synced = inode.bytes }
    }

    func close(_ fd: Int32) {
        lock.lock(); defer { lock.unlock() }
        open[fd] = nil
    }

    func rename(_ from: String, _ to: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("rename", to)
        guard let inode = files.removeValue(forKey: from) else {
            throw SystemCallError(operation: "rename", path: to, code: ENOENT)
        }
        files[to] = inode
    }

    func link(_ from: String, _ to: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("link", to)
        guard files[to] == nil else { throw SystemCallError(operation: "link", path: to, code: EEXIST) }
        guard let inode = files[from] else { throw SystemCallError(operation: "link", path: to, code: ENOENT) }
        files[to] = inode
    }

    func fsyncDirectory(_ path: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("fsync", path)
        for name in durableFiles.keys where parent(name) == path && files[name] == nil { durableFiles[name] = nil }
        for (name, inode) in files where parent(name) == path { durableFiles[name] = inode }
        for folder in folders where parent(folder) == path { durableFolders.insert(folder) }
    }

    /// syncfs(2): the data of every file reaches the disk; folder entries still need their own fsync.
    func syncFileSystem(_ path: String) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("syncfs", path)
        for inode in files.values { inode.synced = inode.bytes }
    }

    func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        lock.lock(); defer { lock.unlock() }
        try step("create folder", path)
        folders.insert(path)
    }

    func remove(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        guard (try? step("unlink", path)) != nil else { return }
        files[path] = nil
    }

    func read(_ path: String) throws(SystemCallError) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        guard let inode = files[path] else { throw SystemCallError(operation: "read", path: path, code: ENOENT) }
        return inode.bytes
    }

    func status(_ path: String) throws(SystemCallError) -> FileStatus? {
        lock.lock(); defer { lock.unlock() }
        if folders.contains(path) { return FileStatus(size: 0, modified: 0, isDirectory: true) }
        return files[path].map { FileStatus(size: $0.bytes.count, modified: $0.modified, isDirectory: false) }
    }

    func list(_ directory: String) throws(SystemCallError) -> [String] {
        lock.lock(); defer { lock.unlock() }
        let names = files.keys.filter { parent($0) == directory } + folders.filter { parent($0) == directory }
        return names.map { ($0 as NSString).lastPathComponent }.sorted()
    }
}

/// Cuts the power after every system call of a save, in both ways a file system may have left things, and
/// checks that the meeting on disk is then the old version or the new one, complete, and that the folder
/// still loads without a problem.
@Suite struct PowerLossTests {
    let root = "/sim/data"
    let id = "2026-12-17-sandy-biggleswade-ltt"

    struct Outcome {
        var trials = 0
        var old = 0
        var new = 0
    }

    /// Runs `save` on a copy of `base` dying at each call in turn, then checks `path` after each power cut.
    @discardableResult
    func cutEverywhere(
        base: SimulatedDisk, paths: [String], old: [String: [UInt8]], new: [String: [UInt8]],
        save: (DataStore) -> Void
    ) -> Outcome {
        let probe = base.copy()
        save(DataStore(folder: DataFolder(root), fs: probe))
        let total = probe.calls
        var outcome = Outcome()
        for crash in 1...(total + 1) {
            for cut in SimulatedDisk.PowerCut.allCases {
                let disk = base.copy()
                disk.crashAt = crash
                save(DataStore(folder: DataFolder(root), fs: disk))
                let after = disk.afterPowerCut(cut)
                let found = Dictionary(uniqueKeysWithValues: paths.map { ($0, try? after.read($0)) })
                let isOld = paths.allSatisfy { found[$0] ?? nil == old[$0] }
                let isNew = paths.allSatisfy { found[$0] ?? nil == new[$0] }
                #expect(
                    isOld || isNew, "power cut \(cut) at call \(crash) of \(total): neither the old nor the new files")
                outcome.trials += 1
                if isOld { outcome.old += 1 } else if isNew { outcome.new += 1 }
                let reloaded = DataStore(folder: DataFolder(root), fs: after).load()
                #expect(reloaded.fileProblems.isEmpty, "power cut \(cut) at call \(crash): \(reloaded.fileProblems)")
            }
        }
        // Both ends were reached: the harness did cut before and after the commit point.
        #expect(outcome.old > 0 && outcome.new > 0)
        return outcome
    }

    @Test func test_editedMeeting_isOldOrNew_afterAPowerCutAtAnyCall() throws {
        let base = try SimulatedDisk(copying: sampleData, to: root)
        let data = DataStore(folder: DataFolder(root), fs: base).load()
        var meeting = try #require(data.meeting(id))
        meeting.actions.append(Action(id: "A-2026-999", description: "Check the crossing", owner: "Highways"))
        let path = "\(root)/meetings/2026/\(id).json"
        let old = try base.read(path)
        cutEverywhere(base: base, paths: [path], old: [path: old], new: [path: DataStore.encoded(meeting)]) { store in
            var copy = data
            try? store.save(meeting, in: &copy)
        }
    }

    @Test func test_newMeetingInANewYearFolder_isAbsentOrComplete_afterAPowerCutAtAnyCall() throws {
        let base = try SimulatedDisk(copying: sampleData, to: root)
        let data = DataStore(folder: DataFolder(root), fs: base).load()
        var meeting = try #require(data.meeting(id))
        meeting.id = "2031-01-09-sandy-biggleswade-ltt"
        meeting.start = LondonTime.parse("2031-01-09T19:00")!
        meeting.end = LondonTime.parse("2031-01-09T21:00")!
        meeting.notifications = []
        let path = "\(root)/meetings/2031/\(meeting.id).json"
        let outcome = cutEverywhere(base: base, paths: [path], old: [:], new: [path: DataStore.encoded(meeting)]) {
            store in
            var copy = data
            try? store.save(meeting, in: &copy)
        }
        #expect(outcome.trials > 10)
    }

    /// A save without the fsyncs (as a cache is written) does leave an empty file in some power cut: the
    /// simulation can tell a safe save from an unsafe one.
    @Test func test_theSimulation_catchesAWriteWithoutFsync() throws {
        let base = try SimulatedDisk(copying: sampleData, to: root)
        let path = "\(root)/meetings/2026/\(id).json"
        let old = try base.read(path)
        var torn = false
        for crash in 1...6 {
            let disk = base.copy()
            disk.crashAt = crash
            try? DurableFile.write(Array("{}\n".utf8), to: path, fs: disk, durable: false, modes: .personal)
            let found = try? disk.afterPowerCut(.metadataFlushed).read(path)
            if found != old && found != Array("{}\n".utf8) { torn = true }
        }
        #expect(torn)
    }
}
