import Foundation
import ForumDeskCore

/// The start-up index, `.forumdesk-index` in the data folder: each meeting file's size, modification time
/// and content hash with its summary. A cache, never the source of truth: an entry is used only while its
/// file's size and time still match, the file is read again before the meeting is shown in full or saved,
/// and a missing, damaged or foreign index is simply rebuilt.
struct MeetingIndex: Sendable {
    struct Entry: Sendable {
        /// Relative to the meetings folder, e.g. `2026/2026-11-24-sandy-biggleswade-ltt.json`.
        var path: String
        var size: Int
        var modified: TimeInterval
        var hash: UInt64
        var summary: Meeting
        /// `Warnings.warnings(for:)` of the summary, judged against the directory `MeetingIndex.directory` names;
        /// nil when not judged: only a settled meeting's (`Warnings.isSettled`) hold whatever the time.
        var warnings: [Warning]? = nil {
            didSet { raw = nil }
        }
        /// Where the entry was read from in `MeetingIndex.source`, while it is as read: written again by copying
        /// those bytes, its lists never decoded.
        var raw: Range<Int>? = nil
    }

    /// The entries by path. An index as decoded holds them only in `asRead` (filing 100,000 paths in a
    /// dictionary was a third of decoding the index); the dictionary is made at the first change through
    /// `entries`. Reading `entries` of such an index makes a dictionary each time: a loop looks up with
    /// `entry(atPath:)` and walks `allEntries`.
    var entries: [String: Entry] {
        get { byPath ?? Dictionary(asRead.lazy.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last }) }
        _modify {
            makeDictionary()
            yield &byPath!
        }
        set {
            byPath = newValue
            asRead = []
        }
    }
    private var byPath: [String: Entry]? = [:]
    /// The entries as decoded, in path order (so a year folder's are together, in its listing's order), while
    /// no entry was changed; empty after.
    private(set) var asRead: [Entry] = []

    private mutating func makeDictionary() {
        guard byPath == nil else { return }
        byPath = Dictionary(asRead.lazy.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        asRead = []
    }

    /// How many entries.
    var count: Int { byPath?.count ?? asRead.count }
    /// Every entry, in no particular order.
    var allEntries: [Entry] { byPath.map { Array($0.values) } ?? asRead }

    /// The entry of a file (its path relative to the meetings folder): looked up, or found by halving `asRead`.
    func entry(atPath path: String) -> Entry? {
        if let byPath { return byPath[path] }
        return Self.place(of: path, in: asRead.lazy.map(\.path)).map { asRead[$0] }
    }

    /// Where `path` is in `paths` (in order), found by halving; nil when it is not there.
    static func place<Paths: RandomAccessCollection<String>>(of path: String, in paths: Paths) -> Int?
    where Paths.Index == Int {
        let k = lowerBound(path, in: paths)
        return k < paths.endIndex && paths[k] == path ? k : nil
    }

    /// The first place in `paths` (in order) not before `key`.
    static func lowerBound<Paths: RandomAccessCollection<String>>(_ key: String, in paths: Paths) -> Int
    where Paths.Index == Int {
        var low = paths.startIndex, high = paths.endIndex
        while low < high {
            let mid = (low + high) / 2
            if paths[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A year folder as listed for this index: the folder's own modification time then (`stat`), and how many
    /// meeting files (`*.json`, not hidden) it held, those of an unfinished import included.
    struct FolderStamp: Sendable, Equatable {
        var modified: TimeInterval
        var files: Int
    }
    /// By year folder name (`2026`). A folder is taken as listed here, not listed again, while its time is the
    /// same and its entries are `files` many (`DataStore.meetingFiles(listing:)`).
    var folders: [String: FolderStamp] = [:]
    /// The index the entries were read from, if any: its bytes and string tables, which a rewrite starts from.
    var source: Source?

    /// An index as read: what `encoded` needs to copy unchanged entries. Their strings are numbers in these
    /// tables, so the new index starts with the same tables, new strings added after.
    final class Source: Sendable {
        let bytes: [UInt8]
        let headStrings: [String]
        /// The lists' string table, its strings' bytes without the count.
        let listTable: Range<Int>
        let listCount: Int
        /// How many entries it held: when fewer than half are copied, most of its strings would be dead weight.
        let entryCount: Int
        init(bytes: [UInt8], headStrings: [String], listTable: Range<Int>, listCount: Int, entryCount: Int) {
            self.entryCount = entryCount
            self.bytes = bytes
            self.headStrings = headStrings
            self.listTable = listTable
            self.listCount = listCount
        }
    }
    /// The directory files the entries' warnings were judged against (`DataStore.directoryFingerprint`); nil
    /// when none were judged.
    var directory: UInt64?

    static let fileName = ".forumdesk-index"
    /// Changes whenever the layout, what a summary keeps or the wording of the warnings stored with it changes:
    /// an older index is then rebuilt.
    static let header: [UInt8] = Array("FORUMDESK-INDEX 10\n".utf8)
    /// After the header: whether the directory fingerprint is known (1 byte), then the fingerprint (8 bytes).
    static let directoryBytes = 9

    /// Layout: header, directory fingerprint, year folders' stamps (`folderBlock`), string tables, entry count, the entries, then where each entry starts
    /// (8 bytes each, from the start of the count) and where that list starts (8 bytes), so the entries decode on
    /// every core. An entry is its path, size, time, hash and summary, its warnings between the summary's facts
    /// and its lists (`write`).
    ///
    /// An entry unchanged since it was read is copied as it was, in the tables of the index it came from, which
    /// the new one continues (a save of one meeting does not decode every summary's lists to write the index
    /// again). Strings of entries gone or changed stay in the tables until fewer than half the entries read are
    /// copied; then every entry is written afresh.
    func encoded() -> [UInt8] {
        let inOrder = byPath.map { $0.values.sorted(by: { $0.path < $1.path }) } ?? asRead
        let copied = source == nil ? 0 : inOrder.lazy.filter { $0.raw != nil }.count
        let source = copied * 2 >= (self.source?.entryCount ?? 0) ? self.source : nil
        var w = source.map { IndexWriter(continuing: $0) } ?? IndexWriter()
        w.int(inOrder.count)
        var starts: [Int] = []
        starts.reserveCapacity(inOrder.count)
        for entry in inOrder {
            starts.append(w.body.count)
            if let source, let raw = entry.raw {
                w.append(source.bytes[raw])
                continue
            }
            w.string(entry.path)
            w.int(entry.size)
            w.double(entry.modified)
            w.bits(entry.hash)
            Self.write(entry.summary, warnings: entry.warnings, &w)
        }
        let table = w.body.count
        for start in starts { w.bits(UInt64(start)) }
        w.bits(UInt64(table))
        var fingerprint = IndexWriter()
        fingerprint.bool(directory != nil)
        fingerprint.bits(directory ?? 0)
        return w.finished(header: Self.header + fingerprint.body + folderBlock())
    }

    /// The year folders' stamps, after the directory fingerprint: their length (4 bytes), then a count and, for
    /// each folder in name order, its name's length and bytes, its time (8 bytes) and its file count.
    func folderBlock() -> [UInt8] {
        var w = IndexWriter()
        w.int(folders.count)
        for (name, stamp) in folders.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(name.utf8)
            w.int(utf8.count)
            w.append(utf8[...])
            w.double(stamp.modified)
            w.int(stamp.files)
        }
        var length = IndexWriter()
        length.fill32(at: length.placeholder32(), w.body.count)
        return length.body + w.body
    }

    /// Where the files of a year folder are in `paths` (relative, in order: `2026/` up to `20260`, `0` being the
    /// character after `/`); nil when one of them is not a meeting file right in that folder.
    static func range<Paths: RandomAccessCollection<String>>(ofFolder year: String, in paths: Paths) -> Range<Int>?
    where Paths.Index == Int {
        let range = lowerBound("\(year)/", in: paths)..<lowerBound("\(year)0", in: paths)
        let prefix = year.utf8.count + 1
        for k in range {
            let name = paths[k].utf8.dropFirst(prefix)
            guard name.count > 5, name.first != UInt8(ascii: "."), !name.contains(UInt8(ascii: "/")),
                name.suffix(5).elementsEqual(".json".utf8)
            else { return nil }
        }
        return range
    }

    /// Where the string tables start: after the header, the fingerprint and the folder block.
    static func bodyStart(_ bytes: [UInt8]) throws(IndexCorrupt) -> Int {
        var r = IndexReader(unchecked: bytes, offset: header.count + directoryBytes)
        let length = try r.bits32()
        guard r.offset + length <= bytes.count else { throw IndexCorrupt() }
        return r.offset + length
    }

    /// The year folders' stamps (`folderBlock`), every bound checked.
    static func folderStamps(_ bytes: [UInt8]) throws(IndexCorrupt) -> [String: FolderStamp] {
        guard bytes.starts(with: header) else { throw IndexCorrupt() }
        let end = try bodyStart(bytes)
        var r = IndexReader(unchecked: bytes, offset: header.count + directoryBytes + 4)
        let count = try r.count()
        var folders: [String: FolderStamp] = [:]
        for _ in 0..<count {
            let length = try r.count()
            guard r.offset + length <= end else { throw IndexCorrupt() }
            let name = String(decoding: bytes[r.offset..<r.offset + length], as: UTF8.self)
            r.offset += length
            folders[name] = FolderStamp(modified: try r.double(), files: try r.count())
        }
        guard r.offset == end else { throw IndexCorrupt() }
        return folders
    }

    /// Brings the entries' warnings in line with `directory` (whose fingerprint is `fingerprint`): all of them
    /// dropped when it is another directory's, then those of settled meetings not judged yet judged, on every
    /// core. A meeting not settled keeps none: its warnings change with the time.
    mutating func judgeWarnings(directory: Directory, fingerprint: UInt64, now: Date) {
        let stale = self.directory != fingerprint
        self.directory = fingerprint
        // In place, in path order, when the entries are as read or as `init(inPathOrder:)` made them.
        var all = allEntries
        let unjudged = all.indices.filter {
            (stale || all[$0].warnings == nil) && Warnings.isSettled(all[$0].summary, now: now)
        }
        let before = all
        let judged = DataStore.parallelMap(unjudged.count) {
            Warnings.warnings(for: before[unjudged[$0]].summary, directory: directory, now: now)
        }
        if stale { for k in all.indices { all[k].warnings = nil } }
        for (k, warnings) in zip(unjudged, judged) { all[k].warnings = warnings }
        if byPath == nil {
            asRead = all
        } else {
            byPath = Dictionary(all.lazy.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        }
    }

    /// An index of these entries (each path once), kept in path order as an index read is, with no dictionary
    /// made (`readMeetings`, after a file was added, changed or removed: at 100,000 meetings filing them by path
    /// took longer than the rest of the start).
    init() {}

    init(inPathOrder entries: [Entry]) {
        byPath = nil
        let ordered = zip(entries, entries.dropFirst()).allSatisfy { $0.path < $1.path }
        asRead = ordered ? entries : entries.sorted { $0.path < $1.path }
    }

    /// The entries, each summary with its head and facts read and its lists left for their first use
    /// (`Meeting.Lazy`). Every entry's place is checked now (the lists' length leads exactly to the next entry); a
    /// list that then fails to read, which only damage inside it can cause, is read from the file instead:
    /// `reread` gives the summary of the file at an entry's path (nil: the lists stay empty).
    static func decode(
        _ bytes: [UInt8], reread: @escaping @Sendable (String) -> Meeting? = { _ in nil }
    ) throws(IndexCorrupt) -> MeetingIndex {
        let (reader, starts) = try entryStarts(bytes)
        let directory = try directoryFingerprint(bytes)
        let count = starts.count - 1
        // Heads decoded in chunks on every core; each entry must end exactly where the next begins.
        let entryStarts = starts
        let chunks = min(count, 64)
        let decoded: [[Entry]?] = DataStore.parallelMap(chunks) { c in
            let range = (count * c / chunks)..<(count * (c + 1) / chunks)
            var r = reader
            r.offset = entryStarts[range.lowerBound]
            var result: [Entry] = []
            result.reserveCapacity(range.count)
            do {
                for i in range {
                    r.offset = entryStarts[i]
                    let path = try r.string(), size = try r.int(), modified = try r.double(), hash = try r.bits()
                    let (head, facts) = try readHead(&r)
                    let warnings = try readWarnings(&r, meetingID: head.id)
                    let length = try r.bits32()
                    let listsAt = r.offset
                    guard listsAt + length == entryStarts[i + 1] else { return nil }
                    let indexReader = reader
                    let summary = Meeting(
                        head: head, facts: facts,
                        rest: Meeting.Lazy { lists in
                            var r = indexReader.listsReader(at: listsAt)
                            if let read = try? readLists(&r), r.offset == listsAt + length {
                                lists = read
                            } else if let fromFile = reread(path) {
                                lists = fromFile.lists
                            }
                        })
                    result.append(
                        Entry(
                            path: path, size: size, modified: modified, hash: hash, summary: summary,
                            warnings: warnings,
                            raw: entryStarts[i]..<entryStarts[i + 1]))
                }
            } catch {
                return nil
            }
            return result
        }
        var index = MeetingIndex()
        index.directory = directory
        index.folders = try folderStamps(bytes)
        index.source = Source(
            bytes: bytes, headStrings: reader.strings, listTable: reader.listTable, listCount: reader.listCount,
            entryCount: count)
        index.byPath = nil
        index.asRead.reserveCapacity(count)
        for chunk in decoded {
            guard let chunk else { throw IndexCorrupt() }
            index.asRead += chunk
        }
        // In path order, each path once: what finding an entry by halving needs.
        let all = index.asRead
        let ordered = DataStore.parallelMap(chunks) { c in
            let range = (count * c / chunks)..<min(all.count, count * (c + 1) / chunks + 1)
            return zip(all[range], all[range].dropFirst()).allSatisfy { $0.path < $1.path }
        }
        guard index.asRead.count == count, !ordered.contains(false) else { throw IndexCorrupt() }
        return index
    }

    /// The string table read, and where each entry starts (with the end of the last), checked: in order, inside
    /// the entries, the first right after the count. The reader stands just after the count.
    static func entryStarts(_ bytes: [UInt8]) throws(IndexCorrupt) -> (IndexReader, [Int]) {
        guard bytes.starts(with: header), bytes.count >= header.count + directoryBytes else { throw IndexCorrupt() }
        var r = try IndexReader(bytes, offset: try bodyStart(bytes))
        let base = r.offset
        let count = try r.count()
        // The list of entry starts, checked: in order, inside the entries, the first right after the count.
        guard bytes.count - base >= 8 * (count + 1) else { throw IndexCorrupt() }
        var tail = r
        tail.offset = bytes.count - 8
        // Every number is bounded before any arithmetic: a damaged index must fail, not overflow.
        let table = Int(clamping: try tail.bits())
        guard table >= r.offset - base, table <= bytes.count - base, base + table + 8 * (count + 1) == bytes.count
        else {
            throw IndexCorrupt()
        }
        tail.offset = base + table
        var starts: [Int] = []
        starts.reserveCapacity(count + 1)
        for _ in 0..<count {
            let start = Int(clamping: try tail.bits())
            guard start < table else { throw IndexCorrupt() }
            starts.append(base + start)
        }
        starts.append(base + table)
        guard starts.first.map({ $0 == r.offset }) ?? true, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw IndexCorrupt()
        }
        return (r, starts)
    }

    /// The fingerprint written after the header, read without a string table.
    static func directoryFingerprint(_ bytes: [UInt8]) throws(IndexCorrupt) -> UInt64? {
        let at = header.count
        guard bytes.count >= at + directoryBytes, bytes[at] <= 1 else { throw IndexCorrupt() }
        var fingerprint: UInt64 = 0
        for k in 0..<8 { fingerprint |= UInt64(bytes[at + 1 + k]) << UInt64(8 * k) }
        return bytes[at] == 1 ? fingerprint : nil
    }

    // MARK: a summary, field by field, and its warnings

    /// nil is written as 0, a list as its count plus one. The meeting id is the summary's, not written again.
    static func write(_ warnings: [Warning]?, _ w: inout IndexWriter) {
        guard let warnings else { return w.int(0) }
        w.int(warnings.count + 1)
        for warning in warnings {
            w.string(warning.kind.rawValue)
            w.optional(warning.actionID)
            w.date(warning.date)
            w.string(warning.message)
        }
    }

    static func readWarnings(_ r: inout IndexReader, meetingID: String) throws(IndexCorrupt) -> [Warning]? {
        let n = try r.count()
        if n == 0 { return nil }
        var result: [Warning] = []
        result.reserveCapacity(n - 1)
        for _ in 1..<n {
            guard let kind = Warning.Kind(rawValue: try r.string()) else { throw IndexCorrupt() }
            result.append(
                Warning(
                    kind: kind, meetingID: meetingID, actionID: try r.optionalString(), date: try r.date(),
                    message: try r.string()))
        }
        return result
    }

    /// The head and the facts, then `warnings` (read at load, with the head), then the lists behind their length.
    static func write(_ m: Meeting, warnings: [Warning]? = nil, _ w: inout IndexWriter) {
        w.string(m.id)
        w.choice(m.kind)
        w.string(m.title)
        w.string(m.area)
        w.strings(m.wards)
        w.date(m.start)
        w.date(m.end)
        w.string(m.venue.name)
        w.choice(m.status)
        w.optional(m.chair)
        w.int(m.sequence)
        w.optional(m.residentsPresent)
        // The facts, then the lists behind their length: a load reads the head and the facts, and the lists only
        // when a screen first asks for them (`Meeting.Lazy`).
        let facts = m.facts
        w.int(facts.openActions)
        w.optional(facts.earliestOpenDue?.description)
        w.bool(facts.carriesTopics)
        w.list(facts.highestNumbers.pairs) { w, pair in
            w.string(pair.prefix)
            w.int(pair.number)
        }
        write(warnings, &w)
        let length = w.placeholder32()
        let listsStart = w.body.count
        w.inLists = true
        defer { w.inLists = false }
        w.list(m.agenda) { w, item in
            w.int(item.number)
            w.string(item.title)
            w.strings(item.tags)
            w.optional(item.minutes)
            w.optional(item.outcome)
            w.optional(item.topic)
        }
        w.list(m.invitations) { w, invitation in
            w.string(invitation.organisation)
            w.choice(invitation.reply)
        }
        w.list(m.attendance) { w, entry in
            w.optional(entry.person)
            w.optional(entry.organisation)
            w.choice(entry.role)
            w.choice(entry.status)
        }
        w.list(m.actions) { w, a in
            w.string(a.id)
            w.optional(a.item)
            w.string(a.description)
            w.optional(a.owner)
            w.optional(a.organisation)
            w.optional(a.due?.description)
            w.choice(a.status)
            w.strings(a.tags)
            w.list(a.updates) { w, u in
                w.date(u.at)
                w.string(u.text)
                w.optional(u.status)
                w.optional(u.by)
                w.optional(u.messageID)
            }
            w.optional(a.feedback)
            w.list(a.reminders) { w, reminder in
                w.date(reminder.at)
                w.string(reminder.to)
                w.bool(reminder.raised)
            }
        }
        w.list(m.issues) { w, issue in
            w.string(issue.id)
            w.strings(issue.tags)
            w.optional(issue.item)
            w.choice(issue.status)
            w.optional(issue.action)
            w.optional(issue.topic)
        }
        w.fill32(at: length, w.body.count - listsStart)
    }

    /// A summary's head (every field but the lists) and the facts of its lists; the reader is left at the entry's
    /// warnings (`readWarnings`), which the lists' length follows.
    static func readHead(_ r: inout IndexReader) throws(IndexCorrupt) -> (Meeting, SummaryFacts) {
        var m = Meeting(
            id: try r.string(), kind: try r.choice(MeetingKind.self), title: try r.string(), area: try r.string(),
            wards: try r.stringList(), start: try r.date(), end: try r.date(), venue: Venue(name: try r.string()),
            status: try r.choice(MeetingStatus.self), chair: try r.optionalString())
        guard MeetingID(m.id) != nil else { throw IndexCorrupt() }
        m.sequence = try r.int(in: Limits.sequence)
        m.residentsPresent = try r.optionalInt(in: Limits.headCount)
        m.isSummary = true
        var facts = SummaryFacts(
            openActions: try r.int(in: 0...Int(Int32.max)), earliestOpenDue: try r.optional { CalendarDate(iso: $0) },
            carriesTopics: try r.bool())
        let numbers = try r.list { r throws(IndexCorrupt) in
            HighestNumbers.Pair(prefix: try r.string(), number: try r.int(in: Limits.idNumber))
        }
        facts.highestNumbers = HighestNumbers(pairs: numbers)
        return (m, facts)
    }

    /// The lists: agenda, invitations, attendance, actions, issues.
    static func readLists(_ r: inout IndexReader) throws(IndexCorrupt) -> Meeting.Lists {
        let agenda = try r.list { r throws(IndexCorrupt) in
            var item = AgendaItem(
                number: try r.int(in: Limits.itemNumber), title: try r.string(), tags: try r.stringList(),
                minutes: try r.optionalInt(in: Limits.itemMinutes),
                outcome: try r.optionalString())
            item.topic = try r.optionalString()
            return item
        }
        let invitations = try r.list { r throws(IndexCorrupt) in
            Invitation(organisation: try r.string(), reply: try r.choice(Reply.self))
        }
        let attendance = try r.list { r throws(IndexCorrupt) in
            Attendance(
                person: try r.optionalString(), organisation: try r.optionalString(),
                role: try r.choice(AttendanceRole.self), status: try r.choice(AttendanceStatus.self))
        }
        let actions = try r.list { r throws(IndexCorrupt) in
            let id = try r.string(), item = try r.optionalInt(in: Limits.itemNumber), description = try r.string()
            let owner = try r.optionalString(), organisation = try r.optionalString()
            let due = try r.optional { CalendarDate(iso: $0) }
            let status = try r.choice(ActionStatus.self), tags = try r.stringList()
            let updates = try r.list { r throws(IndexCorrupt) in
                var update = ActionUpdate(
                    at: try r.date(), text: try r.string(), status: try r.optionalChoice(ActionStatus.self))
                update.by = try r.optionalString()
                update.messageID = try r.optionalString()
                return update
            }
            let feedback = try r.optionalString()
            let reminders = try r.list { r throws(IndexCorrupt) in
                var reminder = ActionReminder(at: try r.date(), to: try r.string())
                reminder.raised = try r.bool()
                return reminder
            }
            return Action(
                id: id, item: item, description: description, owner: owner, organisation: organisation,
                due: due, status: status, tags: tags, updates: updates, feedback: feedback, reminders: reminders)
        }
        let issues = try r.list { r throws(IndexCorrupt) in
            ResidentIssue(
                id: try r.string(), text: "", tags: try r.stringList(), item: try r.optionalInt(in: Limits.itemNumber),
                status: try r.choice(IssueStatus.self), action: try r.optionalString(), topic: try r.optionalString())
        }
        return Meeting.Lists(
            agenda: agenda, invitations: invitations, attendance: attendance, actions: actions, issues: issues)
    }

}
