import CSystem
import Foundation
import ForumDeskCore

/// The merge conflicts recorded in every file of the record (`MergeConflict`: the settings, the directory's three
/// files, topic requests, meetings), found by reading the files themselves, and their resolution: what
/// `forumdesk conflicts` lists and resolves, and the dashboard shows.
public struct OpenConflict: Sendable, Equatable {
    /// The file, relative to the data folder (`directory/people.json`).
    public var file: String
    /// Its place in the file's `conflicts` list, from 1 (what `forumdesk conflicts FILE N` names).
    public var number: Int
    public var conflict: MergeConflict

    /// "directory/people.json #1: person cllr-ana-b: phone: ours "01632 960001", theirs "01632 960002" (note)".
    public var description: String {
        func shown(_ v: OrderedJSON) -> String {
            let text = JSONMerge.key(v)
            return text.count > 60 ? String(text.prefix(57)) + "…" : text
        }
        let what: String
        switch conflict.kind {
        case .bothChanged: what = "ours \(shown(conflict.ours)), theirs \(shown(conflict.theirs))"
        case .deletedHere: what = "deleted here, changed there (their change kept)"
        case .deletedThere: what = "deleted there, changed here (our change kept)"
        case .renumbered: what = conflict.note ?? "renumbered"
        }
        let place = conflict.place.isEmpty ? "the whole file" : conflict.place
        return "\(file) #\(number): \(place): \(what)"
            + (conflict.note.map { conflict.kind == .renumbered ? "" : " (\($0))" } ?? "")
    }
}

extension DataStore {
    /// Every record file that may hold conflicts, relative to the folder.
    func recordFiles() -> [String] {
        var files = ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"]
        for name in ((try? fs.list(folder.topicsFolder)) ?? []).sorted()
        where name.hasSuffix(".json") && !name.hasPrefix(".") {
            files.append("topics/\(name)")
        }
        for year in ((try? fs.list(folder.meetingsFolder)) ?? []).sorted() where !year.hasPrefix(".") {
            let yearFolder = "\(folder.meetingsFolder)/\(year)"
            guard !fs.isSymbolicLink(yearFolder) else { continue }
            for name in ((try? fs.list(yearFolder)) ?? []).sorted()
            where name.hasSuffix(".json") && !name.hasPrefix(".") {
                files.append("meetings/\(year)/\(name)")
            }
        }
        return files
    }

    /// The open conflicts of every file, in file order. A file is parsed only when its bytes hold `"conflicts"`.
    public func openConflicts() -> [OpenConflict] {
        let marker = Array("\"\(MergeConflict.key)\"".utf8)
        var found: [OpenConflict] = []
        for file in recordFiles() {
            let path = folder.path(file)
            guard !fs.isSymbolicLink(path), let bytes = try? fs.read(path), Self.contains(bytes, marker),
                let node = try? JSONParser.parse(bytes)
            else { continue }
            for (i, conflict) in MergeConflict.all(in: JSONMerge.ordered(node)).enumerated() {
                found.append(OpenConflict(file: file, number: i + 1, conflict: conflict))
            }
        }
        return found
    }

    /// Whether `needle` occurs in `bytes`: the C library's memmem, as the Meetings search uses it.
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in forumdesk_memmem(b.baseAddress, b.count, n.baseAddress, n.count) != nil }
        }
    }

    /// Resolves conflict `number` (from 1) of `file`: theirs replaces ours, or ours is kept; the conflict leaves the
    /// list. An ordinary checked save (refused when the file changes between its reading and the write, or when the
    /// result would not be a file ForumDesk reads). Returns the conflict resolved.
    public func resolveConflict(file: String, number: Int, takeTheirs: Bool) throws(SaveError) -> MergeConflict {
        var data = DataSet.empty()
        let path = folder.path(file)
        guard RecordFileCheck.kind(of: file) != nil else {
            throw .refused(
                PathError(
                    path: path, reason: "not a file of the record (forumdesk.json, directory/, topics/, meetings/)"))
        }
        try checkNoLinks(path)
        guard let bytes = try? fs.read(path), let node = try? JSONParser.parse(bytes) else {
            throw .unreadableOnDisk(path: path)
        }
        data.fingerprints[path] = FileFingerprint(hash: ContentHash.of(bytes))
        let tree = JSONMerge.ordered(node)
        let all = MergeConflict.all(in: tree)
        guard all.indices.contains(number - 1),
            let resolved = MergeConflict.resolve(tree, index: number - 1, takeTheirs: takeTheirs)
        else {
            throw .refused(
                PathError(
                    path: path,
                    reason: "has no conflict #\(number) (it has \(all.count)); `forumdesk conflicts` lists them"))
        }
        if let problem = RecordFileCheck.problem(path: file, bytes: JSONWriter.write(resolved)) {
            throw .refused(
                PathError(
                    path: path,
                    reason: "taking that side would leave a file ForumDesk cannot read (\(problem)); edit it in the app"
                ))
        }
        try write(resolved, to: path, in: &data)
        return all[number - 1]
    }
}

extension DataSet {
    /// The open conflicts of what this data set holds in full: its files' `conflicts` lists (the settings, the
    /// directory's files, topic requests, meetings read in full). `DataStore.openConflicts` reads every file.
    public var openConflicts: [OpenConflict] {
        func list(_ extra: UnknownFields, _ file: String) -> [OpenConflict] {
            guard case .array(let items)? = extra[MergeConflict.key] else { return [] }
            return items.enumerated().compactMap { i, item in
                MergeConflict(OrderedJSON(item)).map { OpenConflict(file: file, number: i + 1, conflict: $0) }
            }
        }
        var found =
            list(settings.extra, "forumdesk.json") + list(areasFileExtra, "directory/areas.json")
            + list(peopleFileExtra, "directory/people.json")
            + list(organisationsFileExtra, "directory/organisations.json")
        for topic in topics { found += list(topic.extra, "topics/\(topic.id).json") }
        for meeting in meetings where !meeting.extra.isEmpty {
            let file =
                meetingPaths[meeting.id].map { path in
                    String(path.split(separator: "/").suffix(3).joined(separator: "/"))
                } ?? "meetings/\(meeting.id.prefix(4))/\(meeting.id).json"
            found += list(meeting.extra, file)
        }
        return found
    }
}
