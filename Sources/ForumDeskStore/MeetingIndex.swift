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
    }

    var entries: [String: Entry] = [:]

    static let fileName = ".forumdesk-index"
    /// Changes whenever the layout or what a summary keeps changes: an older index is then rebuilt.
    static let header: [UInt8] = Array("FORUMDESK-INDEX 6\n".utf8)

    /// Layout: header, string table, entry count, the entries, then where each entry starts (8 bytes each,
    /// from the start of the count) and where that list starts (8 bytes), so the entries decode on every core.
    func encoded() -> [UInt8] {
        var w = IndexWriter()
        w.int(entries.count)
        var starts: [Int] = []
        starts.reserveCapacity(entries.count)
        for entry in entries.values.sorted(by: { $0.path < $1.path }) {
            starts.append(w.body.count)
            w.string(entry.path)
            w.int(entry.size)
            w.double(entry.modified)
            w.bits(entry.hash)
            Self.write(entry.summary, &w)
        }
        let table = w.body.count
        for start in starts { w.bits(UInt64(start)) }
        w.bits(UInt64(table))
        return w.finished(header: Self.header)
    }

    /// The entries, each summary with its head and facts read and its lists left for their first use
    /// (`Meeting.Lazy`). Every entry's place is checked now (the lists' length leads exactly to the next entry); a
    /// list that then fails to read, which only damage inside it can cause, is read from the file instead:
    /// `reread` gives the summary of the file at an entry's path (nil: the lists stay empty).
    static func decode(_ bytes: [UInt8], reread: @escaping @Sendable (String) -> Meeting? = { _ in nil }) throws(IndexCorrupt) -> MeetingIndex {
        let (reader, starts) = try entryStarts(bytes)
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
                    let length = try r.bits32()
                    let listsAt = r.offset
                    guard listsAt + length == entryStarts[i + 1] else { return nil }
                    let indexReader = reader
                    let summary = Meeting(head: head, facts: facts, rest: Meeting.Lazy { lists in
                        var r = indexReader.listsReader(at: listsAt)
                        if let read = try? readLists(&r), r.offset == listsAt + length {
                            lists = read
                        } else if let fromFile = reread(path) {
                            lists = fromFile.lists
                        }
                    })
                    result.append(Entry(path: path, size: size, modified: modified, hash: hash, summary: summary))
                }
            } catch {
                return nil
            }
            return result
        }
        var index = MeetingIndex()
        index.entries.reserveCapacity(count)
        for chunk in decoded {
            guard let chunk else { throw IndexCorrupt() }
            for entry in chunk { index.entries[entry.path] = entry }
        }
        guard index.entries.count == count else { throw IndexCorrupt() }
        return index
    }

    /// The string table read, and where each entry starts (with the end of the last), checked: in order, inside
    /// the entries, the first right after the count. The reader stands just after the count.
    static func entryStarts(_ bytes: [UInt8]) throws(IndexCorrupt) -> (IndexReader, [Int]) {
        guard bytes.starts(with: header) else { throw IndexCorrupt() }
        var r = try IndexReader(bytes, offset: header.count)
        let base = r.offset
        let count = try r.count()
        // The list of entry starts, checked: in order, inside the entries, the first right after the count.
        guard bytes.count - base >= 8 * (count + 1) else { throw IndexCorrupt() }
        var tail = r
        tail.offset = bytes.count - 8
        // Every number is bounded before any arithmetic: a damaged index must fail, not overflow.
        let table = Int(clamping: try tail.bits())
        guard table >= r.offset - base, table <= bytes.count - base, base + table + 8 * (count + 1) == bytes.count else {
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
        guard starts.first.map({ $0 == r.offset }) ?? true, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw IndexCorrupt()
        }
        return (r, starts)
    }

    // MARK: a summary, field by field

    static func write(_ m: Meeting, _ w: inout IndexWriter) {
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
            }
            w.optional(a.feedback)
            w.list(a.reminders) { w, reminder in
                w.date(reminder.at)
                w.string(reminder.to)
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

    /// A summary's head (every field but the lists) and the facts of its lists; the reader is left at the lists'
    /// length.
    static func readHead(_ r: inout IndexReader) throws(IndexCorrupt) -> (Meeting, SummaryFacts) {
        var m = Meeting(id: try r.string(), kind: try r.choice(MeetingKind.self), title: try r.string(), area: try r.string(),
                        wards: try r.stringList(), start: try r.date(), end: try r.date(), venue: Venue(name: try r.string()),
                        status: try r.choice(MeetingStatus.self), chair: try r.optionalString())
        guard MeetingID(m.id) != nil else { throw IndexCorrupt() }
        m.sequence = try r.int(in: Limits.sequence)
        m.residentsPresent = try r.optionalInt(in: Limits.headCount)
        m.isSummary = true
        let facts = SummaryFacts(openActions: try r.int(in: 0...Int(Int32.max)), earliestOpenDue: try r.optional { CalendarDate(iso: $0) },
                                 carriesTopics: try r.bool())
        return (m, facts)
    }

    /// The lists: agenda, invitations, attendance, actions, issues.
    static func readLists(_ r: inout IndexReader) throws(IndexCorrupt) -> Meeting.Lists {
        let agenda = try r.list { r throws(IndexCorrupt) in
            var item = AgendaItem(number: try r.int(in: Limits.itemNumber), title: try r.string(), tags: try r.stringList(),
                                  minutes: try r.optionalInt(in: Limits.itemMinutes),
                                  outcome: try r.optionalString())
            item.topic = try r.optionalString()
            return item
        }
        let invitations = try r.list { r throws(IndexCorrupt) in Invitation(organisation: try r.string(), reply: try r.choice(Reply.self)) }
        let attendance = try r.list { r throws(IndexCorrupt) in
            Attendance(person: try r.optionalString(), organisation: try r.optionalString(),
                       role: try r.choice(AttendanceRole.self), status: try r.choice(AttendanceStatus.self))
        }
        let actions = try r.list { r throws(IndexCorrupt) in
            let id = try r.string(), item = try r.optionalInt(in: Limits.itemNumber), description = try r.string()
            let owner = try r.optionalString(), organisation = try r.optionalString()
            let due = try r.optional { CalendarDate(iso: $0) }
            let status = try r.choice(ActionStatus.self), tags = try r.stringList()
            let updates = try r.list { r throws(IndexCorrupt) in
                ActionUpdate(at: try r.date(), text: try r.string(), status: try r.optionalChoice(ActionStatus.self))
            }
            let feedback = try r.optionalString()
            let reminders = try r.list { r throws(IndexCorrupt) in ActionReminder(at: try r.date(), to: try r.string()) }
            return Action(id: id, item: item, description: description, owner: owner, organisation: organisation,
                          due: due, status: status, tags: tags, updates: updates, feedback: feedback, reminders: reminders)
        }
        let issues = try r.list { r throws(IndexCorrupt) in
            ResidentIssue(id: try r.string(), text: "", tags: try r.stringList(), item: try r.optionalInt(in: Limits.itemNumber),
                          status: try r.choice(IssueStatus.self), action: try r.optionalString(), topic: try r.optionalString())
        }
        return Meeting.Lists(agenda: agenda, invitations: invitations, attendance: attendance, actions: actions, issues: issues)
    }

}
