import Foundation
import ForumDeskCore

extension DataStore {
    /// Writes many new meetings as one step, all or nothing: every file is first written to a temp file beside
    /// its place, then the file system is flushed once, then each temp file is renamed into place and each
    /// folder flushed. A failure before the renames leaves no trace; one during them removes the meetings
    /// already renamed, so the folder is as it was. A new meeting's place must be free (no file, none loaded
    /// with that id), as for `save`. Linear: one flush for the batch instead of two per file, and the data set's
    /// meetings sorted once at the end. `progress` hears how many files are written so far.
    public func saveNew(_ meetings: [Meeting], in data: inout DataSet, progress: (Int) -> Void = { _ in }) throws(SaveError) {
        guard !meetings.isEmpty else { return }
        // Places, checked one by one (folders made once each); then the temp files written on every core, in
        // batches so that progress can be told between them.
        var placed: [String] = []
        placed.reserveCapacity(meetings.count)
        var folders: Set<String> = []
        for meeting in meetings {
            let path = try checked { () throws(PathError) in try folder.meetingFile(for: meeting) }
            if meeting.isSummary { throw .incomplete(path: path) }
            let folderPath = (path as NSString).deletingLastPathComponent
            let exists: Bool
            do {
                if folders.insert(folderPath).inserted { try DurableFile.makeFolders(folderPath, fs: fs) }
                exists = try fs.status(path) != nil
            } catch {
                throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
            }
            if exists || data.meetingPaths[meeting.id] != nil || data.fingerprints[path]?.hash != nil { throw .changedOnDisk(path: path) }
            placed.append(path)
        }
        let pid = getpid()
        let paths = placed
        let temps = paths.enumerated().map { n, path in
            "\((path as NSString).deletingLastPathComponent)/.\((path as NSString).lastPathComponent)\(DurableFile.tempMarker)\(pid)-\(n)"
        }
        let fs = self.fs
        func undo(_ paths: ArraySlice<String>) { for path in paths { fs.remove(path) } }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(meetings.count)
        let batch = 50_000
        for start in stride(from: 0, to: meetings.count, by: batch) {
            progress(start / 2)
            let range = start..<min(start + batch, meetings.count)
            let written = Parallel.map(range.count) { k -> Result<UInt64, SaveError> in
                let i = range.lowerBound + k
                let bytes = DataStore.encoded(meetings[i])
                var stage = WriteStage.prepare
                do throws(SystemCallError) {
                    let fd = try fs.openForCreate(temps[i], mode: DurableFile.fileMode)
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
        for n in paths.indices {
            if n % 10_000 == 0 { progress((meetings.count + n) / 2) }
            do throws(SystemCallError) {
                try fs.rename(temps[n], paths[n])
            } catch {
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
