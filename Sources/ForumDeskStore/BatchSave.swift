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
        var planned: [(meeting: Meeting, path: String, temp: String, hash: UInt64)] = []
        planned.reserveCapacity(meetings.count)
        var folders: Set<String> = []
        var temps: [String] = []
        func undo(_ paths: [String]) { for path in paths { fs.remove(path) } }
        for (n, meeting) in meetings.enumerated() {
            if n % 10_000 == 0 { progress(n / 2) }
            let path = folder.meetingFile(for: meeting)
            if meeting.isSummary { undo(temps); throw .incomplete(path: path) }
            let folderPath = (path as NSString).deletingLastPathComponent
            let exists: Bool
            do {
                if folders.insert(folderPath).inserted { try DurableFile.makeFolders(folderPath, fs: fs) }
                exists = try fs.status(path) != nil
            } catch {
                undo(temps)
                throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
            }
            if exists || data.meetingPaths[meeting.id] != nil || data.fingerprints[path]?.hash != nil {
                undo(temps)
                throw .changedOnDisk(path: path)
            }
            let temp = "\(folderPath)/.\((path as NSString).lastPathComponent)\(DurableFile.tempMarker)\(getpid())-\(n)"
            let bytes = DataStore.encoded(meeting)
            var stage = WriteStage.prepare
            do {
                let fd = try fs.openForCreate(temp, mode: DurableFile.fileMode)
                temps.append(temp)
                stage = .write
                defer { fs.close(fd) }
                try fs.write(fd, bytes, path: temp)
            } catch {
                undo(temps)
                throw .failed(path: path, DurableWriteError(stage: stage, cause: error))
            }
            planned.append((meeting, path, temp, ContentHash.of(bytes)))
        }
        do {
            try fs.syncFileSystem(folder.root)
        } catch {
            undo(temps)
            throw .failed(path: folder.root, DurableWriteError(stage: .fsync, cause: error))
        }
        var renamed: [String] = []
        for (n, p) in planned.enumerated() {
            if n % 10_000 == 0 { progress((meetings.count + n) / 2) }
            do {
                try fs.rename(p.temp, p.path)
                renamed.append(p.path)
            } catch {
                undo(renamed)
                undo(Array(temps[n...]))
                throw .failed(path: p.path, DurableWriteError(stage: .rename, cause: error))
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
        for p in planned {
            data.fingerprints[p.path] = FileFingerprint(hash: p.hash)
            data.meetingPaths[p.meeting.id] = p.path
            data.starts[p.meeting.id] = p.meeting.start
        }
        data.meetings += meetings
        data.meetings.sort { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}
