import Foundation
import ForumDeskCore

/// What reading files again after others changed them did to a data set.
public struct RefreshOutcome: Sendable, Equatable {
    /// Meetings read again, added or removed.
    public var meetingIDs: Set<String> = []
    /// A file other than a meeting's changed (the directory, a topic, the settings): the whole folder must be read.
    public var needsFullReload = false
    public init() {}
}

extension DataStore {
    /// Brings `data` up to date with files someone else changed (`paths`, as `FolderWatcher` reports them). A file
    /// whose content is what was last read or written here (our own save) is left alone, and so are the meetings
    /// in `keeping` (open in a form or with a change waiting to be saved: a real clash there is found by the
    /// checked save and asked about). A meeting file that is gone takes its meeting out; a new one is added.
    public func refresh(changedPaths paths: [String], in data: inout DataSet, keeping: Set<String>) -> RefreshOutcome {
        var outcome = RefreshOutcome()
        for path in Set(paths).sorted() {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { continue }
            let bytes = try? fs.read(path)
            let hash = bytes.map(ContentHash.of)
            if let known = data.fingerprints[path], known.hash == hash, !known.unreadable { continue }
            guard path.hasPrefix(folder.meetingsFolder + "/") else {
                outcome.needsFullReload = true
                continue
            }
            let id = String(name.dropLast(5))
            if keeping.contains(id) { continue }
            if bytes == nil {
                guard data.meetingPaths[id] == path else { data.fingerprints[path] = nil; continue }
                data.meetings.removeAll { $0.id == id }
                data.meetingPaths[id] = nil
                data.fingerprints[path] = FileFingerprint(hash: nil)
                outcome.meetingIDs.insert(id)
                continue
            }
            data.meetingPaths[id] = path
            reload(meetingID: id, in: &data)
            outcome.meetingIDs.insert(id)
        }
        return outcome
    }
}
