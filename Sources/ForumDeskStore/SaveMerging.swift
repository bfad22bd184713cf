import Foundation
import ForumDeskCore

/// Saving over a meeting someone else changed since it was read (another ForumDesk on the same folder, a sync):
/// the two versions are merged by record against the version this one started from, with the merge sync uses
/// (`JSONMerge`), so an officer adding an agenda item while a note-taker minutes never refuses either of them.
/// Only a value changed on both sides is left for the user to choose.
extension DataStore {
    public enum MergedSave: Sendable {
        /// Written: the meeting as merged (ours with theirs), and theirs as it was on disk (what undo goes back to).
        case merged(Meeting, theirs: Meeting)
        /// Not written: the same values changed on both sides (a choice for the user), described one per line.
        case conflicts([String])
    }

    /// Merges `mine` (made from `base`, the version read) with the meeting's file on disk and saves the result
    /// with the usual checked, durable write. Throws `unreadableOnDisk` when the file on disk cannot be read as a
    /// meeting (nothing is written over it), and the save's own errors.
    public func saveMerging(_ mine: Meeting, base: Meeting, in data: inout DataSet) throws(SaveError) -> MergedSave {
        guard let path = data.meetingPaths[mine.id] else { throw .changedOnDisk(path: mine.id) }
        try checkNoLinks(path)
        let bytes: [UInt8]
        do {
            bytes = try fs.read(path)
        } catch {
            throw .changedOnDisk(path: path)
        }
        guard let node = try? JSONParser.parse(bytes), let theirs = try? Codec.meeting(node) else {
            throw .unreadableOnDisk(path: path)
        }
        let result = JSONMerge.merge(
            base: Codec.encode(base), ours: Codec.encode(mine), theirs: JSONMerge.ordered(node))
        guard result.conflicts.isEmpty else { return .conflicts(result.conflicts.map(\.place)) }
        guard let mergedNode = try? JSONParser.parse(JSONWriter.write(result.merged)),
            let merged = try? Codec.meeting(mergedNode)
        else {
            return .conflicts(["the merged meeting could not be read back"])
        }
        // Theirs is now the version this save replaces.
        data.fingerprints[path] = FileFingerprint(hash: ContentHash.of(bytes))
        data.place(theirs)
        try save(merged, in: &data)
        return .merged(merged, theirs: theirs)
    }
}
