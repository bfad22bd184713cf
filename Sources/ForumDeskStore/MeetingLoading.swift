#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// Reading the meetings folder: on every core, and with the start-up index when asked.
extension DataStore {
    /// One meeting file as read, before it is filed into the data set.
    enum MeetingRead: Sendable {
        case failed(Diagnostic, FileFingerprint)
        /// `entry`: what the index should now hold for the file (nil when the file could not be indexed).
        case read(Meeting, hash: UInt64, entry: MeetingIndex.Entry?)
    }

    /// How a load went, for the index and for `forumdesk bench`.
    public struct LoadReport: Sendable {
        public var files = 0
        /// Files decoded from JSON (the rest came from the index).
        public var decoded = 0
        public var indexRebuilt = false
        public var indexWritten = false
        /// Year folders taken from the index as listed for it, not listed again (`meetingFiles(listing:)`).
        public var foldersFromIndex = 0
        /// Where the time went, in order: each phase's name and milliseconds (`forumdesk bench`).
        public var phases: [(name: String, ms: Double)] = []
        /// Summaries taken from the index without a look at their files (`loadIndexed(verify: false)`).
        public var unverified: [FileCheck] = []

        /// Runs `work`, adding its time as a phase.
        mutating func time<T>(_ name: String, _ work: () -> T) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { phases.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)) }
            return work()
        }
    }

    var indexPath: String { folder.path(MeetingIndex.fileName) }

    /// By bytes, not characters: paths are compared and hashed byte for byte anyway.
    func relativeMeetingPath(_ path: String) -> String {
        String(Substring(path.utf8.dropFirst(folder.meetingsFolder.utf8.count + 1)))
    }

    /// Reads one meeting file in full. The file is examined before it is read, so an entry made from it can only
    /// be older than the content it describes (and is then found stale), never newer.
    func readMeetingFile(_ path: String) -> MeetingRead {
        let status: FileStatus?
        do {
            status = try fs.status(path)
        } catch {
            return .failed(
                Diagnostic(path: path, position: nil, message: "cannot read: \(error.reason)"),
                FileFingerprint(hash: nil, unreadable: true))
        }
        switch readJSON(path) {
        case .missing:
            return .failed(
                Diagnostic(path: path, position: nil, message: "file is missing"), FileFingerprint(hash: nil))
        case .failed(let diagnostic):
            return .failed(diagnostic, FileFingerprint(hash: nil, unreadable: true))
        case .parsed(let node, let hash):
            do {
                let meeting = try Codec.meeting(node)
                let entry = status.map {
                    MeetingIndex.Entry(
                        path: relativeMeetingPath(path), size: $0.size, modified: $0.modified, hash: hash,
                        summary: MeetingSummary.of(meeting))
                }
                return .read(meeting, hash: hash, entry: entry)
            } catch {
                return .failed(
                    Diagnostic(path: path, position: error.position, message: error.reason),
                    FileFingerprint(hash: hash, unreadable: true))
            }
        }
    }

    /// The status of each path (nil: missing or unreadable), on every core, each core a run of paths.
    func statuses(_ paths: [String]) -> [FileStatus?] {
        let runs = paths.isEmpty ? 0 : min(16, (paths.count + 255) / 256)
        let fs = self.fs
        return Self.parallelMap(runs) { k in
            fs.statuses(paths[(paths.count * k / runs)..<(paths.count * (k + 1) / runs)])
        }.flatMap { $0 }
    }

    /// What the index holds of one file (`entry`: looked up by path; nil too for a file that comes with its place
    /// in `asRead`), and whether it still holds (`current`) and may stand for it (`summary`).
    struct Known: Sendable {
        var entry: MeetingIndex.Entry?
        var current: Bool
        var summary: Bool
    }

    /// Runs `work` for 0..<count on every core (`Parallel.map`; a file's decoding is worth a thread from 16 files).
    static func parallelMap<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        Parallel.map(count, minimumPerCore: 16, work)
    }

    /// Decodes every meeting file; with `index`, takes closed meetings whose file is unchanged from it (`verify`),
    /// or, without `verify`, whose file is still there, listing them in the report's `unverified` for a check
    /// after the first screen (`stillAsIndexed`).
    /// Returns the reads in path order and the index the files now call for.
    func readMeetings(
        _ files: [MeetingFile], index: MeetingIndex?, now: Date, verify: Bool = true,
        progress: (@Sendable (Int, Int) -> Void)?
    )
        -> ([MeetingRead], LoadReport, MeetingIndex?)
    {
        let paths = files.map(\.path)
        var report = LoadReport(files: paths.count)
        guard let index else {
            let reads = Self.parallelMap(paths.count) { readMeetingFile(paths[$0]) }
            report.decoded = paths.count
            return (reads, report, nil)
        }
        // First the cheap pass: which files the index still describes, and which of those may stay summaries.
        // Each path looked up once (at 100,000 files, lookups by path were most of a load).
        let known: [Known] = report.time(
            verify ? "files checked against the index (stat)" : "files matched to the index"
        ) {
            let statuses = verify ? self.statuses(paths) : []
            return Self.parallelMap(paths.count) { i in
                // A file of a folder taken from the index comes with its entry's place (`meetingFiles(listing:)`):
                // no lookup, and no copy of the entry.
                let place = files[i].indexed
                guard let entry = place.map({ index.asRead[$0] }) ?? index.entry(atPath: relativeMeetingPath(paths[i]))
                else {
                    return Known(entry: nil, current: false, summary: false)
                }
                let kept = place == nil ? entry : nil
                if verify {
                    guard statuses[i]?.isAsIndexed(size: entry.size, modified: entry.modified) == true else {
                        return Known(entry: kept, current: false, summary: false)
                    }
                }
                return Known(entry: kept, current: true, summary: MeetingSummary.suits(entry.summary, now: now))
            }
        }
        /// A file's entry: its place in `asRead`, or the one looked up by path.
        func entry(_ i: Int) -> MeetingIndex.Entry? { files[i].indexed.map { index.asRead[$0] } ?? known[i].entry }
        if !verify {
            report.unverified = paths.indices.compactMap { i in
                guard known[i].summary, let entry = entry(i) else { return nil }
                return FileCheck(path: paths[i], size: entry.size, modified: entry.modified)
            }
        }
        let toDecode = paths.indices.filter { !known[$0].summary }
        report.decoded = toDecode.count
        let done = Counter()
        let decoded = report.time("files decoded from JSON") {
            Self.parallelMap(toDecode.count) { k in
                var read = readMeetingFile(paths[toDecode[k]])
                // A closed meeting is kept as the summary the index would give, the full one dropped at once: a
                // rebuild (no index, or a file changed) holds one full meeting per core, not the whole history.
                // (Only with its entry: the index must hold it, and the warnings judged for it.)
                if case .read(let meeting, let hash, let entry?) = read, MeetingSummary.suits(meeting, now: now) {
                    read = .read(entry.summary, hash: hash, entry: entry)
                }
                if let progress {
                    let n = done.increment()
                    if n % 1000 == 0 { progress(n, toDecode.count) }
                }
                return read
            }
        }
        var reads: [MeetingRead] = []
        reads.reserveCapacity(paths.count)
        var k = 0
        for i in paths.indices {
            if k < toDecode.count, toDecode[k] == i {
                reads.append(decoded[k])
                k += 1
            } else if let entry = entry(i) {
                reads.append(.read(entry.summary, hash: entry.hash, entry: nil))
            }
        }
        // Rewritten only when a file was added, changed or removed since it was written. A file that cannot be
        // read is in no index, and does not make every start rewrite it.
        let changedFile = toDecode.indices.contains { k in
            guard !known[toDecode[k]].current, case .read(_, _, _?) = decoded[k] else { return false }
            return true
        }
        let stillDescribed = known.lazy.filter(\.current).count
        guard changedFile || stillDescribed != index.count else { return (reads, report, nil) }
        var kept: [MeetingIndex.Entry] = []
        kept.reserveCapacity(paths.count)
        for (i, read) in reads.enumerated() {
            guard case .read(_, _, let fresh) = read else { continue }
            if let entry = fresh ?? entry(i) { kept.append(entry) }
        }
        var next = MeetingIndex(inPathOrder: kept)
        next.directory = index.directory
        next.source = index.source  // unchanged entries are copied from it when the index is written
        return (reads, report, next)
    }

    /// Loads the folder for a screen or a listing: closed meetings (`MeetingSummary.suits`) come as summaries,
    /// from the start-up index when their file is unchanged, else summarised as soon as their file is decoded;
    /// everything else is read from its file. The index is brought up to date (rebuilt when missing, damaged or
    /// stale). The summaries' own warnings come stored with the index (`DataSet.storedWarnings`), judged again
    /// when the directory changed. `progress` hears how many files are left to decode.
    /// `updateIndex: false` (a read-only view) leaves the folder exactly as it was.
    ///
    /// `verify: false` (the full-screen app's start) skips the look at each closed meeting's file (its size and
    /// modification time, a `stat` each: most of a start at 10,000 meetings): a summary is taken from the index
    /// while its file is listed, and `LoadReport.unverified` lists them for `stillAsIndexed`, which the app runs
    /// after its first screen, loading again if a file was changed in place meanwhile. Files added or removed
    /// are seen either way (a year folder is listed unless its own time shows nothing was added, removed or
    /// renamed in it since the index was written: `meetingFiles(listing:)`), and a save is checked against the
    /// file's content whatever the load (`checkUnchanged`), so an unverified summary can be shown briefly,
    /// never saved over a change.
    public func loadIndexed(
        now: Date, updateIndex: Bool = true, verify: Bool = true,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> (DataSet, LoadReport) {
        var clock = LoadReport()
        let start = DispatchTime.now().uptimeNanoseconds
        // Stamped before anything is read: a change made during the load makes the start digest refused.
        let folderStamps = updateIndex ? meetingFolderStamps() : nil
        let bytes = clock.time("index read") { try? fs.read(indexPath) }
        let stored = clock.time("index decoded (heads and facts)") {
            // A summary's lists that cannot be read from the index (damage inside them) are read from its file.
            bytes.flatMap { bytes in
                try? MeetingIndex.decode(bytes) { relative in
                    guard case .read(let meeting, _, _) = readMeetingFile("\(folder.meetingsFolder)/\(relative)") else {
                        return nil
                    }
                    return MeetingSummary.of(meeting)
                }
            }
        }
        let index = stored ?? MeetingIndex()
        var report = LoadReport()
        var changed: MeetingIndex?
        var folders: [String: MeetingIndex.FolderStamp] = [:]
        var foldersFromIndex = 0
        var data = load(files: {
            let listing = meetingFiles(listing: stored)
            folders = listing.folders
            foldersFromIndex = listing.foldersFromIndex
            return listing.files
        }) { files in
            let listed =
                Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 - clock.phases.reduce(0) { $0 + $1.ms }
            clock.phases.append(("settings, directory and folders read", listed))
            let (reads, r, next) = readMeetings(files, index: index, now: now, verify: verify, progress: progress)
            report = r
            changed = next
            return reads
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        report.phases = clock.phases + report.phases
        report.phases.append(("meetings filed, topics read", total - report.phases.reduce(0) { $0 + $1.ms }))
        report.indexRebuilt = stored == nil
        report.foldersFromIndex = foldersFromIndex
        // The directory is known only now: the warnings are judged, and the index written, after the load.
        // Judged again: every entry when the directory changed, else those never judged (new or changed files,
        // and a summary whose meeting was not yet settled when the index was written).
        let directory = directoryFingerprint(data)
        var next = changed ?? index
        let mustJudge = changed != nil || (index.directory != directory && index.count > 0)
        var warnings = mustJudge ? nil : storedWarnings(of: next, for: data, now: now)
        // Written again when a warning had to be judged, or a year folder's stamp changed (so it is not listed
        // at every start).
        var rewrite = folders != index.folders
        if warnings?.complete != true {
            next.judgeWarnings(directory: data.directory, fingerprint: directory, now: now)
            warnings = storedWarnings(of: next, for: data, now: now)
            rewrite = true
        }
        if rewrite, updateIndex {
            next.folders = folders
            report.indexWritten = report.time("warnings judged, index written") {
                (try? DurableFile.write(
                    next.encoded(), to: indexPath, fs: fs, durable: false, modes: FileModes.of(folder, fs: fs))) != nil
            }
        }
        data.indexWarnings = DataSet.IndexWarnings(directory: data.directory, byMeeting: warnings?.byMeeting ?? [:])
        if updateIndex { report.time("start digest") { refreshStartDigest(data, now: now, folders: folderStamps) } }
        return (data, report)
    }

    /// Whether every file is still as indexed (same size and modification time), looked at on every core: false
    /// when one changed or went, so the load should be done again.
    public func stillAsIndexed(_ checks: [FileCheck]) -> Bool {
        let statuses = self.statuses(checks.map(\.path))
        return zip(checks, statuses).allSatisfy { check, status in
            status?.isAsIndexed(size: check.size, modified: check.modified) == true
        }
    }

    /// The entries' warnings by meeting id, those that have any, each checked to be the meeting loaded from that
    /// file (a file with a duplicate id is not loaded); `complete` when every entry a summary is taken from was
    /// judged. One pass over the entries, no lookup for the many without warnings.
    func storedWarnings(
        of index: MeetingIndex, for data: DataSet, now: Date
    ) -> (byMeeting: [String: [Warning]], complete: Bool) {
        var byMeeting: [String: [Warning]] = [:]
        var complete = true
        for entry in index.allEntries {
            guard let warnings = entry.warnings else {
                if MeetingSummary.suits(entry.summary, now: now) { complete = false }
                continue
            }
            if !warnings.isEmpty, data.meetingPaths[entry.summary.id] == "\(folder.meetingsFolder)/\(entry.path)" {
                byMeeting[entry.summary.id] = warnings
            }
        }
        return (byMeeting, complete)
    }

    /// What the warnings stored in the index depend on besides the meeting: the three directory files (coverage
    /// rules, people's organisations, organisations' roles), by their content hashes taken at load, a missing or
    /// unreadable file counting as such. Their bytes, not what a warning reads of them: any edit of the directory
    /// judges the history again once, and no part a warning may come to read can be forgotten here.
    func directoryFingerprint(_ data: DataSet) -> UInt64 {
        var bytes: [UInt8] = []
        for path in [folder.areas, folder.people, folder.organisations] {
            let known = data.fingerprints[path]
            bytes.append(known == nil ? 0 : known?.unreadable == true ? 1 : known?.hash == nil ? 2 : 3)
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: (known?.hash ?? 0) >> UInt64(shift)))
            }
        }
        return ContentHash.of(bytes)
    }

    /// Reads a summary's file in full, replacing the summary (a no-op for a meeting read in full already).
    /// Returns the problem when the file can no longer be read.
    @discardableResult
    public func hydrate(meetingID: String, in data: inout DataSet) -> Diagnostic? {
        guard data.meeting(meetingID)?.isSummary == true else { return nil }
        return reload(meetingID: meetingID, in: &data)
    }

    /// Reads the files of these meetings in full where only their summary is loaded, on every core.
    public func hydrate(meetingIDs: [String], in data: inout DataSet) {
        let wanted = meetingIDs.filter { data.meeting($0)?.isSummary == true }.compactMap { id in
            data.meetingPaths[id].map { (id, $0) }
        }
        guard !wanted.isEmpty else { return }
        let reads = Self.parallelMap(wanted.count) { readMeetingFile(wanted[$0].1) }
        for ((id, path), read) in zip(wanted, reads) {
            switch read {
            case .read(let meeting, let hash, _) where meeting.id == id:
                data.fingerprints[path] = FileFingerprint(hash: hash)
                data.place(meeting)
            default:
                reload(meetingID: id, in: &data)
            }
        }
    }
}

/// A file as the index describes it: what `stillAsIndexed` compares.
public struct FileCheck: Sendable {
    public var path: String
    public var size: Int
    public var modified: TimeInterval
}

/// A count shared by parallel workers.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
    var value: Int { lock.withLock { count } }
}
