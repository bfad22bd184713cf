import Foundation
import ForumDeskCore

/// The first screen at the cost of what it shows: the start digest (`StartDigest`) read, the live meetings read
/// in full, the cold history taken as its sums. Written after every load that writes the start-up index, and
/// brought up to date by every save and deletion of a meeting (`save`, `delete(meetingID:)`).
extension DataStore {
    var startDigestPath: String { folder.path(StartDigest.fileName) }

    /// The modification time of the meetings folder (key "") and of each year folder in it (by name), links not
    /// followed; nil when the meetings folder cannot be listed.
    func meetingFolderStamps() -> [String: TimeInterval]? {
        guard !fs.isSymbolicLink(folder.meetingsFolder), let top = try? fs.status(folder.meetingsFolder),
            top.isDirectory,
            let names = try? fs.list(folder.meetingsFolder)
        else { return nil }
        var stamps: [String: TimeInterval] = ["": top.modified]
        for year in names where !year.hasPrefix(".") {
            let path = "\(folder.meetingsFolder)/\(year)"
            guard !fs.isSymbolicLink(path), let status = try? fs.status(path) else { continue }
            stamps[year] = status.modified
        }
        return stamps
    }

    /// The digest on disk, while it still describes the folder: the same folders' times, no import unfinished.
    func currentStartDigest() -> StartDigest? {
        guard !fs.isSymbolicLink(startDigestPath), let bytes = try? fs.read(startDigestPath),
            let digest = StartDigest.decode(bytes), let stamps = meetingFolderStamps(), stamps == digest.folders,
            filesOfUnfinishedBatches().isEmpty
        else { return nil }
        return digest
    }

    /// For the first screen: settings, directory, topics and the live meetings in full (the result is partial,
    /// `isPartial`), with the cold history's sums; nil when there is no digest, or it no longer holds (a folder
    /// changed, the directory changed, `now` is before it was built, a live file cannot be read): then load as
    /// ever. The app loads the whole folder after this first screen, and that load is what it edits.
    public func loadStart(now: Date) -> (DataSet, ColdHistory)? {
        guard let digest = currentStartDigest(), digest.builtAt <= now else { return nil }
        let files = digest.live.map {
            MeetingFile(path: "\(folder.meetingsFolder)/\($0)", year: String($0.prefix { $0 != "/" }))
        }
        let data = load(partial: true, files: { files }) { files in
            Self.parallelMap(files.count) { readMeetingFile(files[$0].path) }
        }
        guard data.loadErrors.isEmpty, data.fileProblems.isEmpty, data.meetings.count == files.count,
            directoryFingerprint(data) == digest.directory
        else { return nil }
        return (data, digest.cold)
    }

    /// The digest of a whole folder as loaded through the index (`loadIndexed`), `folders` as stamped before
    /// the load; nil when the load is not one a digest can describe (partial, files that could not be read, the
    /// stored warnings not those of its directory).
    func startDigest(of data: DataSet, builtAt: Date, folders: [String: TimeInterval]) -> StartDigest? {
        guard !data.isPartial, data.loadErrors.isEmpty, data.fileProblems.isEmpty, let stored = data.indexWarnings,
            stored.directory == data.directory
        else { return nil }
        var digest = StartDigest(builtAt: builtAt, directory: directoryFingerprint(data), folders: folders)
        var live: [String] = []
        for meeting in data.meetings {
            guard let path = data.meetingPaths[meeting.id] else { return nil }
            let warnings: [Warning]
            if DataSet.takesStoredWarnings(meeting, now: builtAt) {
                warnings = stored.byMeeting[meeting.id] ?? []
            } else {
                warnings = judgedForDigest(meeting, directory: data.directory, builtAt: builtAt)
            }
            if StartDigest.isCold(meeting, warnings: warnings, builtAt: builtAt) {
                digest.cold.add(meeting, warnings: warnings.count, sign: 1)
            } else {
                live.append(relativeMeetingPath(path))
            }
        }
        digest.live = live.sorted()
        return digest
    }

    /// A meeting's own warnings as far as `StartDigest.isCold` needs them: only a meeting over and settled can be
    /// cold, and its warnings do not move with the time.
    func judgedForDigest(_ meeting: Meeting, directory: Directory, builtAt: Date) -> [Warning] {
        MeetingSummary.suits(meeting, now: builtAt)
            ? Warnings.warnings(for: meeting, directory: directory, now: builtAt) : []
    }

    /// After a load through the index that may write: writes the digest unless the one on disk still holds and
    /// is less than `rebuildAfter` old (live meetings that have since gone cold are then made cold).
    func refreshStartDigest(_ data: DataSet, now: Date, folders: [String: TimeInterval]?) {
        if let current = currentStartDigest(), current.builtAt <= now,
            now.timeIntervalSince(current.builtAt) < Self.startDigestRebuildAfter,
            current.directory == directoryFingerprint(data)
        {
            return
        }
        guard let folders, filesOfUnfinishedBatches().isEmpty,
            let digest = startDigest(of: data, builtAt: now, folders: folders)
        else {
            fs.remove(startDigestPath)
            return
        }
        writeStartDigest(digest)
    }

    static let startDigestRebuildAfter: TimeInterval = 7 * 86_400

    func writeStartDigest(_ digest: StartDigest) {
        if (try? DurableFile.write(
            digest.encoded(), to: startDigestPath, fs: fs, durable: false, modes: FileModes.of(folder, fs: fs))) == nil
        {
            fs.remove(startDigestPath)
        }
    }

    /// Before a meeting file is written or removed: the digest when it still describes the folder and the
    /// directory of `data` (so that the change can be applied to it); nil otherwise, and it stays refused.
    func startDigestBeforeChange(_ data: DataSet) -> StartDigest? {
        guard let digest = currentStartDigest(), digest.directory == directoryFingerprint(data) else { return nil }
        return digest
    }

    /// After a meeting file was written or removed: the change applied to the digest read before it (`old`: the
    /// meeting as it was and its file; `new`: as it is now and its file), the folders stamped again.
    func startDigestAfterChange(
        _ digest: StartDigest?, old: (Meeting, String)?, new: (Meeting, String)?, directory: Directory
    ) {
        guard var digest else { return }
        if let (meeting, path) = old {
            digest.remove(
                meeting, path: relativeMeetingPath(path),
                warnings: judgedForDigest(meeting, directory: directory, builtAt: digest.builtAt))
        }
        if let (meeting, path) = new {
            digest.add(
                meeting, path: relativeMeetingPath(path),
                warnings: judgedForDigest(meeting, directory: directory, builtAt: digest.builtAt))
        }
        guard let stamps = meetingFolderStamps() else { return fs.remove(startDigestPath) }
        digest.folders = stamps
        writeStartDigest(digest)
    }

    /// The digest as it is on disk (tests, `forumdesk bench`): nil when missing or not readable.
    public func startDigestOnDisk() -> StartDigest? {
        (try? fs.read(startDigestPath)).flatMap(StartDigest.decode)
    }

    /// The digest a load of the whole folder through the index gives now, at `builtAt` (tests: what a save kept
    /// up to date must equal).
    public func rebuiltStartDigest(builtAt: Date) -> StartDigest? {
        let folders = meetingFolderStamps()
        let (data, _) = loadIndexed(now: builtAt, updateIndex: false)
        guard let folders else { return nil }
        return startDigest(of: data, builtAt: builtAt, folders: folders)
    }
}
