#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// The record of an erasure that names nobody, and the rule it enforces after every merge.
///
/// `forumdesk.json`'s `erasures` holds, for each erasure, keyed fingerprints (HMAC-SHA-256) of the person's id
/// and e-mail address: ids are made from names, so a plain hash of either could be tested against a guessed name
/// by anyone holding the file. The key is random (256 bits), kept in `.forumdesk-erasure-keys` (0600, never
/// committed) and shared with the team only through the repository's `refs/forumdesk/keys`, never through a data
/// file: a copy of `forumdesk.json` (a backup, an attachment, a published copy) cannot be tested; only someone
/// holding the team's repository can, and they hold the data itself.
public enum ErasureRecord {
    /// The local key file, one key (64 hex digits) a line; several when two laptops each made one offline.
    public static let keyFile = ".forumdesk-erasure-keys"

    /// The keys this folder knows.
    public static func keys(_ folder: DataFolder) -> [[UInt8]] {
        guard let text = try? String(contentsOfFile: folder.path(keyFile), encoding: .utf8) else { return [] }
        return parse(text)
    }

    static func parse(_ text: String) -> [[UInt8]] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let hex = Array(line.trimmingCharacters(in: .whitespaces).utf8)
            guard hex.count == 64 else { return nil }
            var bytes: [UInt8] = []
            for i in stride(from: 0, to: 64, by: 2) {
                guard let byte = UInt8(String(decoding: hex[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
    }

    /// Writes the union of the known keys and `more` (durably, 0600); returns the keys.
    @discardableResult
    public static func store(_ folder: DataFolder, adding more: [[UInt8]]) throws(SaveError) -> [[UInt8]] {
        var all = keys(folder)
        for key in more where !all.contains(key) { all.append(key) }
        let text = all.map { SHA256.hex($0) + "\n" }.joined()
        do {
            try DurableFile.write(Array(text.utf8), to: folder.path(keyFile), fs: PosixFileSystem(), modes: .personal)
        } catch {
            throw .failed(path: folder.path(keyFile), error)
        }
        return all
    }

    /// The key to fingerprint a new erasure with: the first known, else a new random one (kept).
    public static func currentKey(_ folder: DataFolder) throws(SaveError) -> [UInt8] {
        if let first = keys(folder).first { return first }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return try store(folder, adding: [key]).first ?? key
    }

    /// What is fingerprinted: the id, and the e-mail address in lower case.
    static func facts(_ person: Person) -> [String] {
        ["id:" + person.id] + (person.email.map { ["email:" + $0.lowercased()] } ?? [])
    }

    public static func fingerprints(_ person: Person, key: [UInt8]) -> [String] {
        facts(person).map { SHA256.hex(SHA256.hmac(key: key, Array($0.utf8))) }
    }

    /// Every fingerprint in `forumdesk.json`'s erasures, with the day of its erasure.
    public static func recorded(_ settings: Settings) -> [String: String] {
        guard case .array(let log) = settings.extra["erasures"] else { return [:] }
        var out: [String: String] = [:]
        for case .object(let entry) in log {
            guard case .array(let prints) = entry["fingerprints"] else { continue }
            let day: String
            if case .string(let d) = entry["date"] { day = d } else { day = "" }
            for case .string(let print) in prints { out[print] = day }
        }
        return out
    }

    /// The day `person` was erased, if a recorded fingerprint matches them under a known key.
    public static func erasedOn(_ person: Person, recorded: [String: String], keys: [[UInt8]]) -> String? {
        guard !recorded.isEmpty else { return nil }
        for key in keys {
            for print in fingerprints(person, key: key) { if let day = recorded[print] { return day } }
        }
        return nil
    }
}

/// After a merge: whatever another laptop did offline, an erased person does not come back, and a purged meeting
/// does not get its names back. Run by `sync` after every merge (and after taking over a rewritten history).
public struct ErasureRule: Sendable {
    public let folder: DataFolder

    public init(folder: DataFolder) { self.folder = folder }

    /// What enforcing did.
    public struct Outcome: Sendable {
        public var lines: [String] = []
        public var errors: [String] = []
        /// Records (meetings, topics, the directory) changed.
        public var records = 0
        /// Local files removed or scrubbed (exports, outbox, letters, conflict copies).
        public var files = 0
        public var days: Set<String> = []
    }

    /// People in a `directory/people.json` text (any version of it: before the merge, last synced).
    public static func people(in bytes: [UInt8]?) -> [Person] {
        guard let bytes, let node = try? JSONParser.parse(bytes), let file = try? Codec.peopleFile(node) else {
            return []
        }
        return file.people
    }

    /// Erases again every person among the merged directory and `earlier` (people as other versions held them)
    /// whose fingerprint is recorded, from every record and every local file, without a new line in `erasures`;
    /// then purges again any meeting marked `personalDataRemoved` that holds names.
    /// `meetings`: the ids a merge changed (only those can have got names back), nil for every meeting.
    public func enforce(earlier: [Person], today: CalendarDate, meetings: [String]? = nil) -> Outcome {
        var outcome = Outcome()
        let store = DataStore(folder: folder)
        var data = meetings.map { store.load(meetingIDs: $0) } ?? store.load()
        let recorded = ErasureRecord.recorded(data.settings)
        let keys = ErasureRecord.keys(folder)
        // An erasure reaches every meeting: read them all only when someone is to be erased again.
        if data.isPartial,
            (data.directory.people + earlier).contains(where: {
                ErasureRecord.erasedOn($0, recorded: recorded, keys: keys) != nil
            })
        {
            data = store.load()
        }
        var seen: Set<String> = []
        for person in data.directory.people + earlier where !recorded.isEmpty {
            guard let day = ErasureRecord.erasedOn(person, recorded: recorded, keys: keys) else { continue }
            // Each version once (an edit offline may have changed their phone number: both are looked for).
            guard seen.insert(DataStore.summary(person)).inserted else { continue }
            let plan = store.erasurePlan(of: person, newOwner: nil, today: today, in: data)
            let inDirectory = data.directory.person(person.id) != nil
            let (done, errors) = store.apply(plan, today: today, in: &data, record: false)
            let files = done.filter { $0.hasPrefix("deleted ") || $0.hasPrefix("removed them from ") }.count
            outcome.records += plan.meetings.count + plan.topics.count + (inDirectory ? 1 : 0)
            outcome.files += files
            outcome.errors += errors
            outcome.days.insert(day)
            for line in done where line.hasPrefix("deleted ") || line.hasPrefix("removed them from ") {
                outcome.lines.append("\(line): it named a person erased on \(day)")
            }
            if !done.isEmpty || inDirectory { data = store.load() }
        }
        // A meeting purged elsewhere and given names again here (attendance minuted offline): purged again.
        for meeting in data.meetings where meeting.extra[Retention.marker] != nil {
            let settled = Self.settlingPurgedConflicts(meeting) ?? meeting
            let (purged, removed) = Retention.purge(settled, directory: data.directory, today: today)
            guard !removed.isEmpty || settled != meeting else { continue }
            var kept = purged
            kept.extra[Retention.marker] = meeting.extra[Retention.marker]
            do throws(SaveError) {
                try store.save(kept, in: &data)
                outcome.records += 1
                outcome.lines.append(
                    "\(meeting.id): its personal data had been removed; removed again \(removed.description)")
            } catch {
                outcome.errors.append("\(meeting.id): not purged again: \(error.description)")
            }
        }
        return outcome
    }

    /// A purged meeting merged with a version that still had names: its lines lost their person, so the merge
    /// could not match them and kept one side's list, recording the other whole in `conflicts` (names and all).
    /// The longer attendance list is kept (it has the lines added meanwhile; it is purged next) and the conflicts
    /// over lists purge empties or strips go. nil when there is nothing to settle.
    static func settlingPurgedConflicts(_ meeting: Meeting) -> Meeting? {
        guard case .array(let entries) = meeting.extra[MergeConflict.key] else { return nil }
        var json = Codec.encode(meeting)
        var kept: [JSONValue] = []
        for entry in entries {
            guard case .object(let fields) = entry, case .array(let path)? = fields["path"],
                case .string(let first)? = path.first,
                ["attendance", "declarations", "invitations"].contains(first)
            else {
                kept.append(entry)
                continue
            }
            if first == "attendance", path.count == 1, case .array(let theirs)? = fields["theirs"],
                theirs.count > meeting.attendance.count
            {
                json = replacing(json, "attendance", with: OrderedJSON(.array(theirs)))
            }
        }
        guard kept.count < entries.count else { return nil }
        json = replacing(json, MergeConflict.key, with: kept.isEmpty ? nil : OrderedJSON(.array(kept)))
        return try? Codec.meeting(try JSONParser.parse(JSONWriter.write(json)))
    }

    static func replacing(_ json: OrderedJSON, _ key: String, with value: OrderedJSON?) -> OrderedJSON {
        guard case .object(var members) = json else { return json }
        if let i = members.firstIndex(where: { $0.0 == key }) {
            if let value { members[i].1 = value } else { members.remove(at: i) }
        } else if let value {
            members.append((key, value))
        }
        return .object(members)
    }

    /// Erased people back in the directory (for `validate`), each at their entry in `directory/people.json`.
    public static func problems(_ data: DataSet, folder: DataFolder) -> [Diagnostic] {
        let recorded = ErasureRecord.recorded(data.settings)
        let keys = ErasureRecord.keys(folder)
        func line(of index: Int) -> SourcePosition? {
            guard case .parsed(let tree, _) = DataStore(folder: folder).readJSON(folder.people) else { return nil }
            return tree.position(of: [.key("people"), .index(index)])
        }
        return data.directory.people.enumerated().compactMap { index, person in
            ErasureRecord.erasedOn(person, recorded: recorded, keys: keys).map {
                Diagnostic(
                    path: folder.people, position: line(of: index),
                    message:
                        "\(person.id) was erased on \($0) and is back (a merge brought them back: `forumdesk sync` removes them again)"
                )
            }
        }
    }
}
