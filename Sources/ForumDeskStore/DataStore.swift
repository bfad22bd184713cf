#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Why a save did not happen. In every case the file on disk is as it was before (or, for
/// `notDurable`, already the new content), and the caller still holds the change in memory.
public enum SaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The last three parts of a path (`meetings/2026/x.json`): enough to find it, short enough for a status line.
    public static func short(_ path: String) -> String {
        path.split(separator: "/").suffix(3).joined(separator: "/")
    }

    /// Someone else changed (or created, or deleted) the file since it was read.
    case changedOnDisk(path: String)
    /// The file could not be read at load; overwriting it would lose what is in it.
    case unreadableOnDisk(path: String)
    case failed(path: String, DurableWriteError)
    /// Only the summary of the meeting was loaded, and the change reached beyond it (a defect, never the user's).
    case incomplete(path: String)
    /// The change records an e-mail notice to `person` whose e-mail was never written: saving it would record a
    /// notice nobody receives. Notices are written with `n` (or `forumdesk notify`), which writes both.
    case noticeNotWritten(path: String, person: String)
    /// The meeting was saved, but moving its e-mails into (or out of) the outbox failed; they wait in
    /// `outbox-pending/` and the next save of the meeting or the next start finishes the move.
    case outboxNotUpdated(path: String, SystemCallError)
    /// The path would leave the data folder, or pass through a symbolic link: nothing is written or deleted there.
    case refused(PathError)

    public var description: String {
        switch self {
        case .changedOnDisk(let path):
            "\(path) was changed by someone else since it was read; nothing was written"
        case .unreadableOnDisk(let path):
            "\(path) could not be read when the data was opened, so it is not overwritten; fix or move it first"
        case .incomplete(let path):
            "NOT SAVED: \(Self.short(path)) was not fully loaded; open the meeting and make the change there"
        case .noticeNotWritten(let path, let person):
            "NOT SAVED: \(Self.short(path)) would record an e-mail notice to \(person) that is not in the outbox; notify again (n) to write both"
        case .outboxNotUpdated(let path, let error):
            "saved, but the outbox could not be updated (\(error.reason), \(Self.short(path))): the next save or start finishes it"
        case .refused(let error):
            "NOT SAVED, nothing was written: \(error.description)"
        case .failed(let path, let error) where error.replaced:
            "saved, but the folder could not be synced (\(error.cause.reason)): \(Self.short(path)) may not survive a power cut"
        case .failed(let path, let error):
            // The reason first: a status line may have room for little else.
            "NOT SAVED, nothing was written: \(error.cause.reason) (\(error.stage.rawValue), \(Self.short(path)))"
        }
    }
}

/// Reads and writes a data folder. Value type: holds only the folder and the file system.
public struct DataStore: Sendable {
    public let folder: DataFolder
    let fs: FileSystem

    public init(folder: DataFolder, fs: FileSystem = PosixFileSystem()) {
        self.folder = folder
        self.fs = fs
    }

    /// The modes of every file and folder written in the data folder: group-readable when the folder is shared
    /// (`FileModes.of`). Asked at each write, so a setting changed while the app runs is followed.
    public var modes: FileModes { FileModes.of(folder, fs: fs) }

    // MARK: loading

    enum ReadOutcome {
        case missing
        case failed(Diagnostic)
        case parsed(JSONNode, hash: UInt64)
    }

    func readJSON(_ path: String) -> ReadOutcome {
        let bytes: [UInt8]
        do {
            guard try fs.status(path) != nil else { return .missing }
            if fs.isSymbolicLink(path) {
                return .failed(Diagnostic(path: path, position: nil, message: Self.linkRefusal))
            }
            bytes = try fs.read(path)
        } catch {
            return .failed(Diagnostic(path: path, position: nil, message: "cannot read: \(error.reason)"))
        }
        do {
            return .parsed(try JSONParser.parse(bytes), hash: ContentHash.of(bytes))
        } catch {
            if let line = RecordFileCheck.conflictMarkerLine(bytes) {
                return .failed(
                    Diagnostic(
                        path: path, position: SourcePosition(line: line, column: 1),
                        message:
                            "git's conflict markers (<<<<<<<): a merge by lines (plain `git pull` without ForumDesk's merge driver) left it unfinished; put back a version with `git checkout`, or remove the markers keeping one side"
                    ))
            }
            return .failed(Diagnostic(path: path, position: error.position, message: error.reason))
        }
    }

    /// Loads one file with `decode`; on any failure records the diagnostic and marks the file unreadable.
    func load<T>(
        _ path: String, required: Bool, into data: inout DataSet,
        _ decode: (JSONNode) throws(DecodeError) -> T
    ) -> T? {
        switch readJSON(path) {
        case .missing:
            data.fingerprints[path] = FileFingerprint(hash: nil)
            if required { data.loadErrors.append(Diagnostic(path: path, position: nil, message: "file is missing")) }
            return nil
        case .failed(let diagnostic):
            data.fingerprints[path] = FileFingerprint(hash: nil, unreadable: true)
            data.loadErrors.append(diagnostic)
            return nil
        case .parsed(let node, let hash):
            do {
                let value = try decode(node)
                data.fingerprints[path] = FileFingerprint(hash: hash)
                return value
            } catch {
                data.fingerprints[path] = FileFingerprint(hash: hash, unreadable: true)
                data.loadErrors.append(Diagnostic(path: path, position: error.position, message: error.reason))
                return nil
            }
        }
    }

    /// The settings file alone (e.g. to know the clock before loading), nil when it cannot be read.
    public func readSettings() -> Settings? {
        var scratch = DataSet.empty()
        return load(folder.settings, required: true, into: &scratch, Codec.settings)
    }

    /// Reads the whole folder, every meeting in full. Never fails as a whole: each file that cannot be read is
    /// reported and skipped.
    public func load() -> DataSet {
        load { files in readMeetings(files, index: nil, now: Date(), progress: nil).0 }
    }

    /// Reads the folder, meetings through `readMeetings` (in full, or from the index): every meeting file
    /// (`meetingFiles()` unless `files` gives them), or only those `files` lists when `partial` (`isPartial`).
    func load(
        partial: Bool = false, files: (() -> [MeetingFile])? = nil, readMeetings: ([MeetingFile]) -> [MeetingRead]
    ) -> DataSet {
        var data = DataSet.empty(council: "Unnamed council")
        if (try? fs.status(folder.root))??.isDirectory != true {
            data.loadErrors.append(Diagnostic(path: folder.root, position: nil, message: "no such data folder"))
            return data
        }
        if let settings = load(folder.settings, required: true, into: &data, Codec.settings) {
            data.settings = settings
        }
        if let areas = load(folder.areas, required: true, into: &data, Codec.areasFile) {
            data.directory.areas = areas.areas
            data.directory.coverageRules = areas.coverageRules
            data.areasFileExtra = areas.extra
        }
        if let people = load(folder.people, required: true, into: &data, Codec.peopleFile) {
            data.directory.people = people.people
            data.peopleFileExtra = people.extra
        }
        if let orgs = load(folder.organisations, required: true, into: &data, Codec.organisationsFile) {
            data.directory.organisations = orgs.organisations
            data.organisationsFileExtra = orgs.extra
        }
        loadTemplates(into: &data)
        loadVenues(into: &data)
        data.isPartial = partial
        let files = files?() ?? meetingFiles()
        data.meetings.reserveCapacity(files.count)
        data.meetingPaths.reserveCapacity(files.count)
        data.starts.reserveCapacity(files.count)
        data.fingerprints.reserveCapacity(files.count + 8)
        var yearSpan: (name: String, span: Range<Date>?) = ("", nil)
        /// The instants of a year in London, for a folder named by it (`2026`); nil for a name that is not a year.
        func spanOfYear(_ name: String) -> Range<Date>? {
            guard name.utf8.count == 4, let year = Int(name), String(year) == name else {
                return nil
            }
            return LondonTime.instant(
                date: CalendarDate(year: year, month: 1, day: 1), hour: 0, minute: 0)..<LondonTime.instant(
                    date: CalendarDate(year: year + 1, month: 1, day: 1), hour: 0, minute: 0)
        }
        for (file, read) in zip(files, readMeetings(files)) {
            let path = file.path
            let meeting: Meeting
            switch read {
            case .failed(let diagnostic, let fingerprint):
                data.fingerprints[path] = fingerprint
                data.loadErrors.append(diagnostic)
                continue
            case .read(let m, let hash, _):
                data.fingerprints[path] = FileFingerprint(hash: hash)
                meeting = m
            }
            // One lookup: put in, and taken back out when the id was there already.
            if let other = data.meetingPaths.updateValue(path, forKey: meeting.id) {
                data.meetingPaths[meeting.id] = other
                data.fingerprints[path]?.unreadable = true
                data.loadErrors.append(
                    Diagnostic(
                        path: path, position: nil,
                        message: "duplicate meeting id `\(meeting.id)`, already in \(other); not loaded"))
                continue
            }
            if file.stem != meeting.id {
                data.fileProblems.append(
                    Diagnostic(
                        path: path, position: SourcePosition(line: 1, column: 1),
                        message: "the file is named `\(file.stem).json` but its id is `\(meeting.id)`; they must match")
                )
            }
            // Against the folder's year, worked out once per folder (the files come folder by folder): a time-zone
            // lookup per meeting cost more.
            if file.year != yearSpan.name { yearSpan = (file.year, spanOfYear(file.year)) }
            if yearSpan.span?.contains(meeting.start) != true {
                let year = LondonTime.date(meeting.start).year
                data.fileProblems.append(
                    Diagnostic(
                        path: path, position: nil,
                        message: "the meeting starts in \(year) but is filed under meetings/\(file.year)/"))
            }
            data.meetings.append(meeting)
            data.starts[meeting.id] = meeting.start
        }
        Self.putInOrder(&data.meetings)
        for topic in loadRecords(in: folder.topicsFolder, into: &data, Codec.topic, id: \.id) { data.place(topic) }
        loadConsultations(into: &data)
        return data
    }

    /// Reads a folder of one record per file (`topics/`, `consultations/`, `venues/`): a file that cannot be read is
    /// reported (path, line, column, reason) and marked unreadable so nothing overwrites it; a file named other than
    /// its record's id is reported, marked the same and not loaded. Gives the records read, in file order.
    func loadRecords<T>(
        in folderPath: String, into data: inout DataSet, _ decode: (JSONNode) throws(DecodeError) -> T,
        id: (T) -> String
    ) -> [T] {
        var records: [T] = []
        for path in jsonFiles(in: folderPath) {
            guard let record = load(path, required: true, into: &data, decode) else { continue }
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard stem == id(record) else {
                data.fingerprints[path]?.unreadable = true
                data.loadErrors.append(
                    Diagnostic(
                        path: path, position: SourcePosition(line: 1, column: 1),
                        message:
                            "the file is named `\(stem).json` but its id is `\(id(record))`; they must match; not loaded"
                    ))
                continue
            }
            records.append(record)
        }
        return records
    }

    /// Sorts meetings by start, then id. Files are named by date, so the list comes nearly in order, out of it only
    /// where a day holds several meetings (a name sorts by area, not time): an insertion sort moves those few in
    /// one pass; a list far from order (ids not named by date) is sorted outright once the moves pass a budget.
    static func putInOrder(_ meetings: inout [Meeting]) {
        var budget = meetings.count * 2
        var i = 1
        while i < meetings.count {
            let m = meetings[i]
            var j = i
            while j > 0, (m.start, m.id) < (meetings[j - 1].start, meetings[j - 1].id) {
                j -= 1
                budget -= 1
            }
            if j < i {
                guard budget > 0 else {
                    meetings.sort { ($0.start, $0.id) < ($1.start, $1.id) }
                    return
                }
                for k in stride(from: i, to: j, by: -1) { meetings[k] = meetings[k - 1] }
                meetings[j] = m
            }
            i += 1
        }
    }

    /// The `.json` files of one folder, skipping hidden files (our temp files among them).
    func jsonFiles(in folder: String) -> [String] {
        ((try? fs.list(folder)) ?? []).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
            "\(folder)/\($0)"
        }
    }

    /// `meetings/YYYY/*.json`, skipping hidden files (our temp files among them) and the files of an import not
    /// yet committed (`saveNew`).
    func meetingFiles() -> [MeetingFile] { meetingFiles(listing: nil).files }

    /// The meeting files, as `meetingFiles()`, each year folder listed, or, with `index`, taken from it when the
    /// folder is as it was listed for the index (`MeetingIndex.folders`): the same modification time and as many
    /// entries as it held files. Such a file comes with its entry's place (`MeetingFile.indexed`).
    ///
    /// Why a folder's time is enough: creating, deleting or renaming a file in a folder sets the folder's
    /// modification time (POSIX), on local disks and on NFS and SMB servers alike, and every ForumDesk save
    /// is a rename. A file rewritten in place does not change it; that is the files' own check
    /// (`readMeetings`, `stillAsIndexed`). A folder whose time is less than 2 seconds old when it is listed
    /// is not stamped: a change in the same clock tick would leave the time as it was (git's "racily clean"
    /// files).
    func meetingFiles(listing index: MeetingIndex?) -> MeetingListing {
        meetingFiles(stamps: index?.folders ?? [:], indexedPaths: (index?.asRead ?? []).lazy.map(\.path))
    }

    /// `meetingFiles(listing:)` from the year folders' stamps and the indexed files' paths (relative, in order);
    /// `MeetingFile.indexed` is a place in `indexedPaths`.
    func meetingFiles<Paths: RandomAccessCollection<String>>(
        stamps: [String: MeetingIndex.FolderStamp], indexedPaths: Paths
    ) -> MeetingListing
    where Paths.Index == Int {
        let unfinished = filesOfUnfinishedBatches()
        let settled = Date().timeIntervalSince1970 - 2
        var listing = MeetingListing()
        for year in (try? fs.list(folder.meetingsFolder)) ?? [] where !year.hasPrefix(".") {
            let yearFolder = "\(folder.meetingsFolder)/\(year)"
            // A year folder that is a link is not followed (`validate` lists it).
            if fs.isSymbolicLink(yearFolder) { continue }
            let status = try? fs.status(yearFolder)
            if let status, let stamp = stamps[year], stamp.modified == status.modified,
                let range = MeetingIndex.range(ofFolder: year, in: indexedPaths), range.count == stamp.files
            {
                listing.files.reserveCapacity(listing.files.count + range.count)
                for k in range {
                    let path = "\(folder.meetingsFolder)/\(indexedPaths[k])"
                    if !unfinished.isEmpty, unfinished.contains(path) { continue }
                    listing.files.append(MeetingFile(path: path, year: year, indexed: k))
                }
                listing.folders[year] = stamp
                listing.foldersFromIndex += 1
                continue
            }
            let names = (try? fs.list(yearFolder)) ?? []
            listing.files.reserveCapacity(listing.files.count + names.count)
            var count = 0
            // Byte comparisons: names are ASCII by the identifier rule, and a name that is not is skipped all the same.
            for name in names
            where name.utf8.count > 5 && name.utf8.first != UInt8(ascii: ".")
                && name.utf8.suffix(5).elementsEqual(".json".utf8)
            {
                count += 1
                let path = "\(yearFolder)/\(name)"
                if !unfinished.isEmpty, unfinished.contains(path) { continue }
                listing.files.append(MeetingFile(path: path, year: year))
            }
            if let status, status.isDirectory, status.modified < settled {
                listing.folders[year] = MeetingIndex.FolderStamp(modified: status.modified, files: count)
            }
        }
        return listing
    }

    /// The meeting files, and the year folders' stamps for the next index.
    struct MeetingListing {
        var files: [MeetingFile] = []
        var folders: [String: MeetingIndex.FolderStamp] = [:]
        /// How many year folders were taken from the index, not listed.
        var foldersFromIndex = 0
    }

    /// A file under `meetings/YYYY/`, with its folder's year; `indexed`: its entry's place in the index's
    /// `asRead` when its folder was taken from the index.
    struct MeetingFile {
        var path: String
        var year: String
        var indexed: Int? = nil

        /// The file's name without `.json`.
        var stem: Substring {
            let name =
                path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.utf8.startIndex
            let end =
                path.utf8.count >= 5 && path.utf8.suffix(5).elementsEqual(".json".utf8)
                ? path.utf8.index(path.utf8.endIndex, offsetBy: -5) : path.utf8.endIndex
            return Substring(path.utf8[name..<max(name, end)])
        }
    }

    /// Removes temp files left by a process that died mid-save (same host, pid gone), in every folder ForumDesk
    /// writes to: outbox e-mails, exports and conflict copies too. They never hold the only copy of anything: the
    /// rename is what commits a save. Nothing is removed through a symbolic link.
    public func removeAbandonedTempFiles() -> Int {
        var folders = [
            folder.root, "\(folder.root)/directory", folder.topicsFolder, folder.consultationsFolder,
            folder.path("conflicts"), folder.path("exports"),
            folder.path("outbox"),
        ]
        for parent in [folder.meetingsFolder, folder.path("outbox")] where !fs.isSymbolicLink(parent) {
            for name in (try? fs.list(parent)) ?? [] where !fs.isSymbolicLink("\(parent)/\(name)") {
                folders.append("\(parent)/\(name)")
            }
        }
        var removed = 0
        for dir in folders where !fs.isSymbolicLink(dir) {
            for name in (try? fs.list(dir)) ?? [] {
                guard let pid = DurableFile.tempFileOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
                else { continue }
                fs.remove("\(dir)/\(name)")
                removed += 1
            }
        }
        return removed
    }

    /// Seconds a save waits for a sync that is merging into the folder (`SyncJournal.mergeInProgress`).
    static let syncWait: TimeInterval = 15

    /// Waits while a sync merges the team's changes into the folder; after `syncWait` the save is refused (kept in
    /// memory by the app, Ctrl-S retries), never written where git may write next. One stat when no sync runs.
    func waitForSync(_ path: String) throws(SaveError) {
        guard fs.isSymbolicLink(folder.path(".git")) == false,
            (try? fs.status(folder.path(".git/forumdesk-sync.json"))) != nil
        else { return }
        let deadline = Date().addingTimeInterval(Self.syncWait)
        while SyncJournal.mergeInProgress(folder) {
            guard Date() < deadline else {
                throw .failed(
                    path: path,
                    DurableWriteError(
                        stage: .prepare,
                        cause: SystemCallError(
                            operation: "wait for the sync merging into the folder", path: path, code: EBUSY)))
            }
            usleep(50_000)
        }
    }

    /// Why a symbolic link in the data folder is not read.
    static let linkRefusal =
        "a symbolic link: ForumDesk never reads or writes through one (it could point anywhere); replace it with the real file"

    /// Every symbolic link in the data folder (its `.git` aside), as problems: git stores links, so a teammate's
    /// commit can bring one, and what is read or written through it could be anywhere.
    public func symbolicLinks() -> [Diagnostic] {
        var found: [Diagnostic] = []
        var pending = [folder.root]
        while let dir = pending.popLast() {
            for name in ((try? fs.list(dir)) ?? []).sorted() where !(dir == folder.root && name == ".git") {
                let path = "\(dir)/\(name)"
                if fs.isSymbolicLink(path) {
                    found.append(Diagnostic(path: path, position: nil, message: Self.linkRefusal))
                } else if (try? fs.status(path))??.isDirectory == true {
                    pending.append(path)
                }
            }
        }
        return found
    }

    // MARK: validation with positions

    /// Rule problems and filing problems, each with the line and column of the field at fault.
    public func problems(in data: DataSet, now: Date) -> [Diagnostic] {
        let problems =
            Validator.validate(directory: data.directory, meetings: data.meetings, topics: data.topics, now: now)
            + ConsultationRules.problems(
                data.consultations, directory: data.directory, meetings: data.meetings, topics: data.topics,
                unreadableMeetings: Set(
                    data.loadErrors.filter { $0.path.contains("/meetings/") }
                        .map { String(($0.path as NSString).lastPathComponent.dropLast(".json".count)) }))
        var trees: [String: JSONNode] = [:]
        var result = data.fileProblems
        for problem in problems {
            let path: String? =
                switch problem.file {
                case .meeting(let id): data.meetingPaths[id]
                default: folder.file(for: problem.file)
                }
            guard let path else {
                result.append(Diagnostic(path: folder.root, position: nil, message: problem.message))
                continue
            }
            if trees[path] == nil, case .parsed(let node, _) = readJSON(path) { trees[path] = node }
            result.append(
                Diagnostic(path: path, position: trees[path]?.position(of: problem.path), message: problem.message))
        }
        return result
    }

    // MARK: saving

    /// Writes one meeting to its file, after checking nobody else changed that file since it was read, as one
    /// notice transaction with the outbox (see `NoticeTransaction.swift`): `mails` holds the e-mails of notices the
    /// meeting newly records, by notice file name. A meeting moved to another year moves to that year's folder,
    /// and the old file too must be as it was read, else `changedOnDisk` names it and nothing is written.
    /// On success the data set records the new content; on failure it is unchanged and the error says why.
    public func save(_ meeting: Meeting, in data: inout DataSet, mails: [String: String] = [:]) throws(SaveError) {
        let oldPath = data.meetingPaths[meeting.id]
        // A summary is never written as it is (see `completing`).
        if meeting.isSummary { throw .incomplete(path: oldPath ?? meeting.id) }
        let newPath = try checked { () throws(PathError) in try folder.meetingFile(for: meeting) }
        let moving = oldPath.map { $0 != newPath } ?? false
        if let oldPath, moving {
            try checkNoLinks(oldPath)
            try checkUnchanged(oldPath, in: data)
        }
        var meeting = meeting
        let digest = startDigestBeforeChange(data)
        let old = data.meeting(meeting.id).flatMap { m in oldPath.map { (m, $0) } }
        // Kept up to date when the save went through; a save that failed may have left the file changed: refused.
        var placed = false
        defer {
            if placed {
                startDigestAfterChange(
                    digest, old: old, new: data.meeting(meeting.id).map { ($0, newPath) }, directory: data.directory)
            } else if digest != nil {
                fs.remove(startDigestPath)
            }
        }
        let notices = try noticeChanges(&meeting, oldPath: oldPath, mails: mails)
        if let notices { try stage(notices, meetingID: meeting.id) }
        do {
            try write(Codec.encode(meeting), to: newPath, in: &data)
        } catch {
            // Replaced but the folder not synced: the record is committed, so its e-mails go out.
            if notices != nil, case .failed(_, let cause) = error, cause.replaced {
                finishSave(meeting, oldPath: oldPath, newPath: newPath, moving: moving, in: &data)
                placed = true
                _ = try? reconcile(meeting.id, notices: meeting.notifications)
            } else if notices != nil {
                discardPending(meeting.id)
            }
            throw error
        }
        finishSave(meeting, oldPath: oldPath, newPath: newPath, moving: moving, in: &data)
        placed = true
        guard notices != nil else { return }
        do {
            try reconcile(meeting.id, notices: meeting.notifications)
        } catch {
            throw .outboxNotUpdated(path: pendingFolder(meeting.id), error)
        }
    }

    private func finishSave(_ meeting: Meeting, oldPath: String?, newPath: String, moving: Bool, in data: inout DataSet)
    {
        if let oldPath, moving {
            // Checked above, and the editing lock keeps it so.
            fs.remove(oldPath)
            try? fs.fsyncDirectory((oldPath as NSString).deletingLastPathComponent)
            data.fingerprints[oldPath] = FileFingerprint(hash: nil)
        }
        data.meetingPaths[meeting.id] = newPath
        data.place(meeting)
    }

    /// Turns an edit made to a summary into the same edit on the meeting read from its file, which replaces the
    /// summary in `data`. The file must still be what was indexed, as for any save: otherwise `changedOnDisk`.
    public func completing(_ meeting: Meeting, in data: inout DataSet) throws(SaveError) -> Meeting {
        guard meeting.isSummary else { return meeting }
        guard let path = data.meetingPaths[meeting.id], let before = data.meeting(meeting.id), before.isSummary else {
            throw .incomplete(path: data.meetingPaths[meeting.id] ?? meeting.id)
        }
        try checkUnchanged(path, in: data)
        if hydrate(meetingID: meeting.id, in: &data) != nil { throw .changedOnDisk(path: path) }
        guard let full = data.meeting(meeting.id), !full.isSummary,
            let merged = MeetingSummary.merge(before: before, after: meeting, into: full)
        else { throw .incomplete(path: path) }
        return merged
    }

    /// Writes one topic request to `topics/<id>.json`, with the same check as a meeting.
    public func save(_ topic: TopicRequest, in data: inout DataSet) throws(SaveError) {
        try write(
            Codec.encode(topic), to: try checked { () throws(PathError) in try folder.topicFile(topic.id) }, in: &data)
        data.place(topic)
    }

    public func delete(topicID: String, in data: inout DataSet) throws(SaveError) {
        let path = try checked { () throws(PathError) in try folder.topicFile(topicID) }
        try remove(path, in: &data)
        data.topics.removeAll { $0.id == topicID }
    }

    public func saveDirectory(_ directory: Directory, in data: inout DataSet) throws(SaveError) {
        let areas = Codec.encode(
            Codec.AreasFile(
                areas: directory.areas, coverageRules: directory.coverageRules,
                extra: data.areasFileExtra))
        let people = Codec.encode(Codec.PeopleFile(people: directory.people, extra: data.peopleFileExtra))
        let orgs = Codec.encode(
            Codec.OrganisationsFile(
                organisations: directory.organisations,
                extra: data.organisationsFileExtra))
        if directory.areas != data.directory.areas || directory.coverageRules != data.directory.coverageRules {
            try write(areas, to: folder.areas, in: &data)
            data.directory.areas = directory.areas
            data.directory.coverageRules = directory.coverageRules
        }
        if directory.people != data.directory.people {
            try write(people, to: folder.people, in: &data)
            data.directory.people = directory.people
        }
        if directory.organisations != data.directory.organisations {
            try write(orgs, to: folder.organisations, in: &data)
            data.directory.organisations = directory.organisations
        }
    }

    public func saveSettings(_ settings: Settings, in data: inout DataSet) throws(SaveError) {
        try write(Codec.encode(settings), to: folder.settings, in: &data)
        data.settings = settings
    }

    /// Refuses when the file on disk is not what was read: changed, created or deleted by someone else,
    /// or unreadable when loaded.
    func checkUnchanged(_ path: String, in data: DataSet) throws(SaveError) {
        let known = data.fingerprints[path] ?? FileFingerprint(hash: nil)
        if known.unreadable { throw .unreadableOnDisk(path: path) }
        let current: UInt64?
        do {
            current = try fs.status(path) == nil ? nil : ContentHash.of(try fs.read(path))
        } catch {
            throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
        }
        if current != known.hash { throw .changedOnDisk(path: path) }
    }

    /// The check-then-write at the heart of every save.
    func write(_ json: OrderedJSON, to path: String, in data: inout DataSet) throws(SaveError) {
        try checkNoLinks(path)
        try waitForSync(path)
        try checkUnchanged(path, in: data)
        let bytes = JSONWriter.write(json)
        do {
            try DurableFile.write(bytes, to: path, fs: fs, modes: modes)
        } catch {
            if error.replaced { data.fingerprints[path] = FileFingerprint(hash: ContentHash.of(bytes)) }
            throw .failed(path: path, error)
        }
        data.fingerprints[path] = FileFingerprint(hash: ContentHash.of(bytes))
    }

    /// Deletes a meeting's file, after the same check as a save; the folder entry is made durable.
    public func delete(meetingID: String, in data: inout DataSet) throws(SaveError) {
        guard let path = data.meetingPaths[meetingID] else {
            data.meetings.removeAll { $0.id == meetingID }
            return
        }
        let digest = startDigestBeforeChange(data)
        let old = data.meeting(meetingID).map { ($0, path) }
        do {
            try remove(path, in: &data)
        } catch {
            if digest != nil { fs.remove(startDigestPath) }
            throw error
        }
        defer { startDigestAfterChange(digest, old: old, new: nil, directory: data.directory) }
        data.meetingPaths[meetingID] = nil
        data.meetings.removeAll { $0.id == meetingID }
    }

    /// Deletes a file after the same check as a save; the folder entry is made durable.
    func remove(_ path: String, in data: inout DataSet) throws(SaveError) {
        try checkNoLinks(path)
        try checkUnchanged(path, in: data)
        if unlink(path) != 0, errno != ENOENT {
            throw .failed(
                path: path,
                DurableWriteError(stage: .rename, cause: SystemCallError(operation: "delete", path: path, code: errno)))
        }
        try? fs.fsyncDirectory((path as NSString).deletingLastPathComponent)
        data.fingerprints[path] = FileFingerprint(hash: nil)
    }

    /// Reads one meeting's file again (after someone else changed it), replacing what is in memory.
    /// Returns the problem if it cannot be read; the meeting then leaves the data set until it can.
    @discardableResult
    public func reload(meetingID: String, in data: inout DataSet) -> Diagnostic? {
        guard let path = data.meetingPaths[meetingID] else { return nil }
        data.meetings.removeAll { $0.id == meetingID }
        data.loadErrors.removeAll { $0.path == path }
        guard let meeting = load(path, required: true, into: &data, Codec.meeting) else {
            data.meetingPaths[meetingID] = nil
            return data.loadErrors.last { $0.path == path }
        }
        data.meetingPaths[meeting.id] = path
        data.place(meeting)
        return nil
    }

    /// The text of a meeting's file as it is on disk now, to show beside the version in memory.
    public func textOnDisk(meetingID: String, in data: DataSet) -> String? {
        guard let path = data.meetingPaths[meetingID], let bytes = try? fs.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Keeps a version that could not be saved over someone else's change: `conflicts/<id>-<time>.json`,
    /// outside `meetings/` so it is never loaded as a second meeting with the same id.
    public func saveConflictCopy(_ meeting: Meeting, now: Date) throws(SaveError) -> String {
        let stamp = LondonTime.iso(now).prefix(19).replacingOccurrences(of: ":", with: "")
        let path = try checked { () throws(PathError) in
            try folder.inside(["conflicts", try folder.meetingFileName(meeting.id, "-\(stamp).json")])
        }
        try checkNoLinks(path)
        do {
            try DurableFile.write(Self.encoded(meeting), to: path, fs: fs, modes: modes)
        } catch {
            throw .failed(path: path, error)
        }
        return path
    }

    /// Writes a generated file (an outbox e-mail, an export) under the data folder, durably. Never overwrites:
    /// when the name is taken, `-2`, `-3`… is added before the extension. Returns the path written.
    public func writeGenerated(_ text: String, to relativePath: String) throws(SaveError) -> String {
        let base = try checked { () throws(PathError) in try folder.inside(relativePath) }
        try checkNoLinks(base)
        let stem = (base as NSString).deletingPathExtension, ext = (base as NSString).pathExtension
        var path = base
        var n = 2
        while true {
            let exists: Bool
            do {
                exists = try fs.status(path) != nil
            } catch {
                throw .failed(path: path, DurableWriteError(stage: .prepare, cause: error))
            }
            if !exists { break }
            path = "\(stem)-\(n).\(ext)"
            n += 1
        }
        do {
            try DurableFile.write(Array(text.utf8), to: path, fs: fs, modes: modes)
        } catch {
            throw .failed(path: path, error)
        }
        return path
    }

    /// A path made by `DataFolder.inside`, its error as a `SaveError`.
    func checked(_ make: () throws(PathError) -> String) throws(SaveError) -> String {
        do {
            return try make()
        } catch {
            throw .refused(error)
        }
    }

    /// Refuses a path under the data folder when it, or any folder between it and the data folder, is a symbolic
    /// link: a write or a delete through one could reach anywhere. (The data folder itself may be a link: the user
    /// chose it.) Parts not yet made are made as real folders.
    public func checkNoLinks(_ path: String) throws(SaveError) {
        guard path.hasPrefix(folder.root + "/") else {
            throw .refused(PathError(path: path, reason: "outside the data folder \(folder.root)"))
        }
        var current = folder.root
        for part in path.dropFirst(folder.root.count + 1).split(separator: "/") {
            if part == ".." { throw .refused(PathError(path: path, reason: "`..` leaves the data folder")) }
            current += "/" + part
            if fs.isSymbolicLink(current) {
                throw .refused(
                    PathError(
                        path: path,
                        reason: "\(current) is a symbolic link; ForumDesk does not write or delete through one"))
            }
        }
    }

    /// `checkNoLinks` for several paths, as the first reason found (nil: none is or passes through a link).
    public func linkProblem(_ paths: [String]) -> PathError? {
        for path in paths {
            do throws(SaveError) {
                try checkNoLinks(path)
            } catch {
                if case .refused(let problem) = error { return problem }
            }
        }
        return nil
    }

    /// Encodes a meeting exactly as `save` would write it.
    public static func encoded(_ meeting: Meeting) -> [UInt8] { JSONWriter.write(Codec.encode(meeting)) }

    /// Decodes a meeting file's bytes, reporting the first problem with its position.
    public static func decodeMeeting(_ bytes: [UInt8]) throws -> Meeting {
        try Codec.meeting(try JSONParser.parse(bytes))
    }
}
