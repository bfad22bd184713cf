import Foundation
import ForumDeskCore

extension DataStore {
    /// Writes many new meetings as one step, all or nothing, also across a crash or power cut:
    ///
    /// 1. every file is written to a temp file beside its place (`.<name>.tmp-<pid>-<batch>-<n>`), on every core;
    /// 2. the file system is flushed once (`syncfs`), not each file (an fsync per file costs milliseconds each);
    /// 3. the commit record `.forumdesk-batch-<pid>-<batch>` is written durably in the data folder;
    /// 4. each temp file is renamed into place, each folder flushed, and the record removed.
    ///
    /// A crash before 3 leaves only temp files, which the next command that takes the lock removes; a crash after
    /// it is finished by `finishInterruptedBatches` (run by `recoverNotices`), which renames the rest. A failure
    /// reported before the renames leaves no trace; one during them removes the record and the meetings already
    /// renamed, so the folder is as it was (a crash in the middle of that undo, a second fault, can leave some). A new meeting's place must be free (no file, none loaded with that
    /// id), as for `save`. Linear: the data set's meetings are sorted once at the end. `progress` hears how many
    /// files are written so far.
    public func saveNew(_ meetings: [Meeting], in data: inout DataSet, progress: (Int) -> Void = { _ in }) throws(SaveError) {
        guard !meetings.isEmpty else { return }
        // Places, checked one by one (folders made once each); then the temp files written on every core, in
        // batches so that progress can be told between them.
        var placed: [String] = []
        placed.reserveCapacity(meetings.count)
        var folders: Set<String> = []
        let modes = self.modes, fileMode = modes.file
        for meeting in meetings {
            let path = try checked { () throws(PathError) in try folder.meetingFile(for: meeting) }
            if meeting.isSummary { throw .incomplete(path: path) }
            let folderPath = (path as NSString).deletingLastPathComponent
            let exists: Bool
            do {
                if folders.insert(folderPath).inserted { try DurableFile.makeFolders(folderPath, fs: fs, mode: modes.folder) }
                exists = try fs.status(path) != nil
            } catch {
                throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
            }
            if exists || data.meetingPaths[meeting.id] != nil || data.fingerprints[path]?.hash != nil { throw .changedOnDisk(path: path) }
            placed.append(path)
        }
        let batch = "\(getpid())-b\(UInt32.random(in: 0...UInt32.max))"
        let paths = placed
        let temps = paths.enumerated().map { n, path in
            "\((path as NSString).deletingLastPathComponent)/.\((path as NSString).lastPathComponent)\(DurableFile.tempMarker)\(batch)-\(n)"
        }
        let fs = self.fs
        func undo(_ paths: ArraySlice<String>) { for path in paths { fs.remove(path) } }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(meetings.count)
        let chunk = 50_000
        for start in stride(from: 0, to: meetings.count, by: chunk) {
            progress(start / 2)
            let range = start..<min(start + chunk, meetings.count)
            let written = Parallel.map(range.count) { k -> Result<UInt64, SaveError> in
                let i = range.lowerBound + k
                let bytes = DataStore.encoded(meetings[i])
                var stage = WriteStage.prepare
                do throws(SystemCallError) {
                    let fd = try fs.openForCreate(temps[i], mode: fileMode)
                    defer { fs.close(fd) }
                    stage = .write
                    try fs.write(fd, bytes, path: temps[i])
                } catch {
                    if stage == .write { fs.remove(temps[i]) }
                    return .failure(.failed(path: paths[i], DurableWriteError(stage: stage, cause: error)))
                }
                return .success(ContentHash.of(bytes))
            }
            for (k, result) in written.enumerated() {
                switch result {
                case .success(let hash): hashes.append(hash)
                case .failure(let error):
                    for (j, other) in written.enumerated() where j != k { if case .success = other { fs.remove(temps[range.lowerBound + j]) } }
                    undo(temps[..<range.lowerBound])
                    throw error
                }
            }
        }
        do {
            try fs.syncFileSystem(folder.root)
        } catch {
            undo(temps[...])
            throw .failed(path: folder.root, DurableWriteError(stage: .fsync, cause: error))
        }
        // The commit point: from here a crash is finished forwards, not rolled back.
        let record = folder.path(Self.batchRecordPrefix + batch)
        do {
            try DurableFile.write(Array("\(meetings.count) meeting file(s), written as .<name>.tmp-\(batch)-<n>\n".utf8), to: record, fs: fs, modes: modes)
        } catch {
            fs.remove(record)
            undo(temps[...])
            throw .failed(path: record, error)
        }
        func dropRecord() {
            fs.remove(record)
            try? fs.fsyncDirectory(folder.root)
        }
        for n in paths.indices {
            if n % 10_000 == 0 { progress((meetings.count + n) / 2) }
            do throws(SystemCallError) {
                try fs.rename(temps[n], paths[n])
            } catch {
                dropRecord()
                undo(paths[..<n])
                undo(temps[n...])
                throw .failed(path: paths[n], DurableWriteError(stage: .rename, cause: error))
            }
        }
        for path in folders {
            do {
                try fs.fsyncDirectory(path)
            } catch {
                throw .failed(path: path, DurableWriteError(stage: .fsyncFolder, cause: error))
            }
        }
        dropRecord()
        progress(meetings.count)
        for (n, meeting) in meetings.enumerated() {
            data.fingerprints[paths[n]] = FileFingerprint(hash: hashes[n])
            data.meetingPaths[meeting.id] = paths[n]
            data.starts[meeting.id] = meeting.start
        }
        data.meetings += meetings
        data.meetings.sort { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}

extension DataStore {
    /// The commit record of a batch of new files (`saveNew`), in the data folder: `.forumdesk-batch-<pid>-b<n>`.
    static let batchRecordPrefix = ".forumdesk-batch-"

    /// The batches whose commit record is in the data folder: their temp files are kept for
    /// `finishInterruptedBatches`, not removed as abandoned. Each as `<pid>-b<n>` and the pid.
    func committedBatches() -> [(batch: String, pid: Int32)] {
        ((try? fs.list(folder.root)) ?? []).compactMap { name in
            guard name.hasPrefix(Self.batchRecordPrefix), !name.contains(DurableFile.tempMarker) else { return nil }
            let batch = String(name.dropFirst(Self.batchRecordPrefix.count))
            guard let dash = batch.firstIndex(of: "-"), let pid = Int32(batch[..<dash]) else { return nil }
            return (batch, pid)
        }
    }

    /// Finishes a batch write (`saveNew`) that a crash interrupted after its commit record: renames each of its temp
    /// files still left into place, flushes the folders, and removes the record. A batch whose process still runs
    /// is left alone. Call with the editing lock held. Returns what it did, to tell the user.
    public func finishInterruptedBatches() -> [String] {
        var report: [String] = []
        for (batch, pid) in committedBatches() where pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
            let marker = DurableFile.tempMarker + batch + "-"
            var renamed = 0, failed: [String] = []
            let years = ((try? fs.list(folder.meetingsFolder)) ?? []).map { "\(folder.meetingsFolder)/\($0)" }
            for dir in years where !fs.isSymbolicLink(dir) {
                var touched = false
                for name in (try? fs.list(dir)) ?? [] where name.hasPrefix(".") {
                    guard let range = name.range(of: marker) else { continue }
                    let final = String(name[name.index(after: name.startIndex)..<range.lowerBound])
                    do {
                        try fs.rename("\(dir)/\(name)", "\(dir)/\(final)")
                        renamed += 1
                        touched = true
                    } catch {
                        failed.append(error.description)
                    }
                }
                if touched { try? fs.fsyncDirectory(dir) }
            }
            guard failed.isEmpty else {
                report.append("an interrupted import (\(Self.batchRecordPrefix)\(batch)) could not be finished: \(failed[0])")
                continue
            }
            fs.remove(folder.path(Self.batchRecordPrefix + batch))
            try? fs.fsyncDirectory(folder.root)
            report.append("finished an import a crash interrupted: \(renamed) more meeting file(s) put in place")
        }
        return report
    }
}
