import Foundation
import ForumDeskCore

extension DataStore {
    /// Writes many new meetings as one step, all or nothing, also across a crash or power cut:
    ///
    /// 1. the batch's journal `.forumdesk-batch-<pid>-b<n>` (its owner and the path of every file it will create)
    ///    is written durably in the data folder;
    /// 2. each file is created under its final name (`O_EXCL`: nothing is ever overwritten) by one writer, while
    ///    another core encodes the next meetings;
    /// 3. the file system is flushed once (`syncfs`) and each folder fsynced, not each file (a fsync per file
    ///    costs milliseconds each);
    /// 4. the journal is removed, durably: the commit point.
    ///
    /// Until 4, loads leave the journal's files out (`meetingFiles`), so nobody sees half an import. A failure
    /// removes what was created and the journal; a crash leaves the journal, and the next command that writes
    /// (or the app's start) removes its files (`undoInterruptedBatches`), so every meeting is imported or none is.
    /// One writer because file creation in one folder is serialised by the kernel anyway: two writers there were
    /// measured five times slower (a 1M-file run, ext4: 41 s with one, 198 s with two).
    /// A new meeting's place must be free (no file, none loaded with that id), as for `save`; folders are listed
    /// once, not each place stat-ed. Linear: the data set's meetings are sorted once at the end. `progress` hears
    /// how many files are written so far.
    public func saveNew(
        _ meetings: [Meeting], in data: inout DataSet, progress: (Int) -> Void = { _ in }
    ) throws(SaveError) {
        guard !meetings.isEmpty else { return }
        let modes = self.modes
        let (paths, folders) = try places(of: meetings, in: data, folderMode: modes.folder)
        let batch = "\(getpid())-b\(UInt32.random(in: 0...UInt32.max))"
        let journal = folder.path(Self.batchRecordPrefix + batch)
        do {
            try DurableFile.write(
                Self.journal(owner: ProcessOwner.current(now: Date()), paths: paths.map(relativeMeetingPath)),
                to: journal, fs: fs, modes: modes)
        } catch {
            fs.remove(journal)
            for dir in folders { rmdir(dir) }  // only those left empty: a year folder made for the batch
            throw .failed(path: journal, error)
        }
        let fs = self.fs
        var created = 0
        func undo() {
            for path in paths[..<created] { fs.remove(path) }
            for dir in folders { rmdir(dir) }  // only those left empty: a year folder made for the batch
            fs.remove(journal)
            try? fs.fsyncDirectory(folder.root)
        }
        // Encoded a chunk ahead of the writer, on another thread.
        let chunk = 4096
        let encoder = ChunkPipe<(bytes: [UInt8], hash: UInt64)>(count: meetings.count, chunk: chunk, ahead: 4) {
            range in
            range.map { i in
                let bytes = DataStore.encoded(meetings[i])
                return (bytes, ContentHash.of(bytes))
            }
        }
        defer { encoder.cancel() }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(meetings.count)
        for start in stride(from: 0, to: meetings.count, by: chunk) {
            if start % (chunk * 8) == 0 { progress(start) }
            for (k, file) in encoder.take(start / chunk).enumerated() {
                let path = paths[start + k]
                var stage = WriteStage.prepare
                do throws(SystemCallError) {
                    let fd = try fs.openForCreate(path, mode: modes.file)
                    created += 1
                    defer { fs.close(fd) }
                    stage = .write
                    try fs.write(fd, file.bytes, path: path)
                } catch {
                    undo()
                    throw .failed(path: path, DurableWriteError(stage: stage, cause: error))
                }
                hashes.append(file.hash)
            }
        }
        var stage = WriteStage.fsync
        do throws(SystemCallError) {
            try fs.syncFileSystem(folder.root)
            stage = .fsyncFolder
            for path in folders { try fs.fsyncDirectory(path) }
        } catch {
            undo()
            throw .failed(path: folder.root, DurableWriteError(stage: stage, cause: error))
        }
        // The commit point.
        fs.remove(journal)
        let committed: SaveError?
        do {
            try fs.fsyncDirectory(folder.root)
            committed = nil
        } catch {
            // In place, but a power cut now could bring the journal back and, with it, the undo.
            committed = .failed(path: folder.root, DurableWriteError(stage: .fsyncFolder, cause: error))
        }
        progress(meetings.count)
        data.fingerprints.reserveCapacity(data.fingerprints.count + meetings.count)
        data.meetingPaths.reserveCapacity(data.meetingPaths.count + meetings.count)
        data.starts.reserveCapacity(data.starts.count + meetings.count)
        for (n, meeting) in meetings.enumerated() {
            data.fingerprints[paths[n]] = FileFingerprint(hash: hashes[n])
            data.meetingPaths[meeting.id] = paths[n]
            data.starts[meeting.id] = meeting.start
        }
        data.meetings += meetings
        // A sheet is usually in date order after the meetings already there: sorted only when it is not.
        if zip(data.meetings, data.meetings.dropFirst()).contains(where: { ($0.start, $0.id) > ($1.start, $1.id) }) {
            data.meetings.sort { ($0.start, $0.id) < ($1.start, $1.id) }
        }
        if let committed { throw committed }
    }

    /// Each new meeting's file, checked free: not on disk (each folder made and listed once), not loaded, not
    /// twice in the batch; and the folders they are in.
    func places(
        of meetings: [Meeting], in data: DataSet, folderMode: mode_t
    ) throws(SaveError) -> (paths: [String], folders: [String]) {
        var paths: [String] = []
        paths.reserveCapacity(meetings.count)
        var taken: [String: Set<String>] = [:]
        for meeting in meetings {
            let path = try checked { () throws(PathError) in try folder.meetingFile(for: meeting) }
            if meeting.isSummary { throw .incomplete(path: path) }
            // By bytes: the path is made of checked names, `/` only between them.
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))!
            let folderPath = String(Substring(path.utf8[..<slash])),
                name = String(Substring(path.utf8[path.utf8.index(after: slash)...]))
            if taken[folderPath] == nil {
                do {
                    try DurableFile.makeFolders(folderPath, fs: fs, mode: folderMode)
                    taken[folderPath] = Set(try fs.list(folderPath))
                } catch {
                    throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
                }
            }
            let fresh = taken[folderPath]!.insert(name).inserted
            if !fresh || data.meetingPaths[meeting.id] != nil || data.fingerprints[path]?.hash != nil {
                throw .changedOnDisk(path: path)
            }
            paths.append(path)
        }
        return (paths, Array(taken.keys))
    }
}

extension DataStore {
    /// The journal of a batch of new files (`saveNew`), in the data folder: `.forumdesk-batch-<pid>-b<n>`.
    static let batchRecordPrefix = ".forumdesk-batch-"

    /// A journal's text: a line saying what it is, its owner (JSON, one line), then one meeting file per line,
    /// relative to `meetings/`.
    static func journal(owner: ProcessOwner, paths: [String]) -> [UInt8] {
        var bytes = Array(
            "ForumDesk import in progress: \(paths.count) meeting file(s); after a crash they are removed\n".utf8)
        // inside strings, a newline is escaped
        bytes += JSONWriter.write(owner.json).filter { $0 != UInt8(ascii: "\n") }
        bytes.append(UInt8(ascii: "\n"))
        bytes.reserveCapacity(bytes.count + paths.count * 48)
        for path in paths {
            bytes += path.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The journals in the data folder: each file name, its owner (nil when unreadable) and its files (absolute).
    func batchJournals() -> [(name: String, owner: ProcessOwner?, paths: [String])] {
        ((try? fs.list(folder.root)) ?? []).filter {
            $0.hasPrefix(Self.batchRecordPrefix) && !$0.contains(DurableFile.tempMarker)
        }.sorted().map { name in
            guard let bytes = try? fs.read(folder.path(name)) else { return (name, nil, []) }
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            let owner = lines.count > 1 ? ProcessOwner.from(Array(lines[1])) : nil
            let meetings = folder.meetingsFolder
            // Only names a batch could have made: `YYYY/<id>.json`, never a way out of meetings/.
            let paths = lines.dropFirst(2).compactMap { line -> String? in
                let parts = line.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
                guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.first != UInt8(ascii: ".") }),
                    line.suffix(5).elementsEqual(".json".utf8),
                    let relative = String(validating: line, as: UTF8.self)
                else { return nil }
                return "\(meetings)/\(relative)"
            }
            return (name, owner, paths)
        }
    }

    /// The files of imports not yet committed (running now, or interrupted): left out of every load.
    func filesOfUnfinishedBatches() -> Set<String> {
        var files: Set<String> = []
        for journal in batchJournals() { files.formUnion(journal.paths) }
        return files
    }

    /// Undoes each batch write (`saveNew`) a crash interrupted: removes the files its journal lists, flushes their
    /// folders, then removes the journal. A batch whose process still runs is left alone; so is a journal that
    /// cannot be read (said, never guessed at). Call with the commands' turn held. Returns what it did.
    public func undoInterruptedBatches() -> [String] {
        var report: [String] = []
        for journal in batchJournals() {
            guard let owner = journal.owner else {
                report.append("\(journal.name) left as it is: it cannot be read, so its import's files are unknown")
                continue
            }
            guard !owner.isThisProcess, owner.isGone(now: Date()) else { continue }
            var removed = 0
            var folders: Set<String> = []
            for path in journal.paths where (try? fs.status(path)) != nil {
                fs.remove(path)
                removed += 1
                folders.insert((path as NSString).deletingLastPathComponent)
            }
            for dir in folders where rmdir(dir) != 0 { try? fs.fsyncDirectory(dir) }  // a folder left empty goes
            fs.remove(folder.path(journal.name))
            try? fs.fsyncDirectory(folder.root)
            report.append(
                "undid an import a crash interrupted (\(owner.description)): removed the \(removed) meeting file(s) it had "
                    + "begun of \(journal.paths.count); none of it was kept, so run the import again")
        }
        return report
    }
}

/// Work done a chunk at a time on a thread of its own, at most `ahead` chunks before the one taking them.
final class ChunkPipe<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: [T]] = [:]
    private var taken = 0
    private var cancelled = false

    init(count: Int, chunk: Int, ahead: Int, _ work: @escaping @Sendable (Range<Int>) -> [T]) {
        let chunks = (count + chunk - 1) / chunk
        let thread = Thread { [self] in
            for c in 0..<chunks {
                let result = work((c * chunk)..<min(count, (c + 1) * chunk))
                condition.lock()
                while c - taken >= ahead && !cancelled { condition.wait() }
                if cancelled {
                    condition.unlock()
                    return
                }
                ready[c] = result
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    /// Chunk `c`, in order from 0, waiting for it.
    func take(_ c: Int) -> [T] {
        condition.lock()
        defer { condition.unlock() }
        while ready[c] == nil { condition.wait() }
        taken = c + 1
        condition.broadcast()
        return ready.removeValue(forKey: c)!
    }

    /// Stops the work after its current chunk.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
