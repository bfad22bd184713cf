import Foundation
import ForumDeskCore

/// Loads for commands that touch one or a few meetings (`notify`, `import reply`, `import csv meetings`): they
/// read the settings, the directory and the topics, and of the history only what they need, so their time does
/// not grow with the number of meetings kept.
extension DataStore {
    /// Settings, directory, topics, and the meetings with these ids, each read in full from its file: the one file
    /// per id in any year folder (`meetings/YYYY/<id>.json`), found without listing the year folders. An id that
    /// is not a valid meeting id, or that has no file, is simply not loaded; a file that cannot be read is in
    /// `loadErrors`, and one id in two year folders is reported as a full load reports it. The result is partial
    /// (`isPartial`): it saves those meetings as any load does, and holds nothing else of the history.
    public func load(meetingIDs: some Sequence<String>) -> DataSet {
        let wanted = Set(meetingIDs.filter { MeetingID($0) != nil })
        return load(partial: true, files: { meetingFiles(named: wanted) }) { files in
            Self.parallelMap(files.count) { readMeetingFile(files[$0].path) }
        }
    }

    /// The files of these ids, in year order, leaving out the files of an import not yet committed.
    func meetingFiles(named ids: Set<String>) -> [MeetingFile] {
        guard !ids.isEmpty else { return [] }
        let unfinished = filesOfUnfinishedBatches()
        var files: [MeetingFile] = []
        for year in (try? fs.list(folder.meetingsFolder)) ?? [] where !year.hasPrefix(".") {
            for id in ids.sorted() {
                let path = "\(folder.meetingsFolder)/\(year)/\(id).json"
                guard !unfinished.contains(path), let status = try? fs.status(path), !status.isDirectory else {
                    continue
                }
                files.append(MeetingFile(path: path, year: year))
            }
        }
        return files
    }

    /// For adding meetings without reading the history: settings, directory and topics (no meetings; the result is
    /// partial), and the key (id, area, start) of every meeting file. A key comes from the start-up index while
    /// its file's size and modification time are those indexed (what `loadIndexed` trusts), and from the file
    /// otherwise; only the key is decoded from the index, not the summary. Files that cannot be read are in
    /// `loadErrors` and have no key.
    public func loadKeys() -> (DataSet, [MeetingKey]) {
        var data = load(partial: true, files: { [] }) { _ in [] }
        let bytes = try? fs.read(indexPath)
        let indexed = bytes.flatMap { try? MeetingIndex.keys($0) } ?? []
        // Year folders unchanged since the index are taken from it, not listed (`meetingFiles(listing:)`).
        let stamps = indexed.isEmpty ? [:] : bytes.flatMap { try? MeetingIndex.folderStamps($0) } ?? [:]
        let files = meetingFiles(stamps: stamps, indexedPaths: indexed.lazy.map(\.path)).files
        let statuses = indexed.isEmpty ? [] : self.statuses(files.map(\.path))
        let reads: [KeyRead] = Self.parallelMap(files.count) { i in
            let path = files[i].path
            let known =
                files[i].indexed.map { indexed[$0] } ?? MeetingIndex.key(atPath: relativeMeetingPath(path), in: indexed)
            if let known, statuses[i]?.isAsIndexed(size: known.size, modified: known.modified) == true {
                return .key(known.key)
            }
            switch readMeetingFile(path) {
            case .read(let meeting, _, _): return .key(meeting.key)
            case .failed(let diagnostic, _): return .failed(diagnostic)
            }
        }
        var keys: [MeetingKey] = []
        keys.reserveCapacity(files.count)
        for read in reads {
            switch read {
            case .key(let key): keys.append(key)
            case .failed(let diagnostic): data.loadErrors.append(diagnostic)
            }
        }
        return (data, keys)
    }

    enum KeyRead: Sendable {
        case key(MeetingKey)
        case failed(Diagnostic)
    }
}

extension MeetingIndex {
    /// What `keys` reads of an entry: the file's path (relative to the meetings folder), size and time as
    /// indexed, and the meeting's key.
    struct KeyEntry: Sendable {
        var path: String
        var size: Int
        var modified: TimeInterval
        var key: MeetingKey
    }

    /// The key of a file (its path relative to the meetings folder), found by halving `keys`.
    static func key(atPath path: String, in keys: [KeyEntry]) -> KeyEntry? {
        place(of: path, in: keys.lazy.map(\.path)).map { keys[$0] }
    }

    /// Each entry's key, in path order (each path once), without decoding the summaries: per entry, the fields
    /// up to the start, the rest skipped by the list of entry starts.
    static func keys(_ bytes: [UInt8]) throws(IndexCorrupt) -> [KeyEntry] {
        var (r, starts) = try entryStarts(bytes)
        var result: [KeyEntry] = []
        result.reserveCapacity(starts.count - 1)
        for i in 0..<(starts.count - 1) {
            r.offset = starts[i]
            let path = try r.string(), size = try r.int(), modified = try r.double()
            _ = try r.bits()
            // The summary's head, as `write` puts it: id, kind, title, area, wards, start.
            let id = try r.string()
            _ = try r.choice(MeetingKind.self)
            _ = try r.string()
            let area = try r.string()
            _ = try r.stringList()
            let start = try r.date()
            guard MeetingID(id) != nil else { throw IndexCorrupt() }
            guard result.last.map({ $0.path < path }) ?? true else { throw IndexCorrupt() }
            result.append(
                KeyEntry(path: path, size: size, modified: modified, key: MeetingKey(id: id, area: area, start: start)))
        }
        return result
    }
}
