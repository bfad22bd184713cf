#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ForumDeskCore

/// One place in the data folder that names a person: a record of a data file (with its line), or a whole file
/// ForumDesk wrote (an e-mail, an export, a conflict copy, the start-up index) or did not write.
public struct PersonPlace: Sendable, Equatable {
    /// Relative to the data folder: `meetings/2026/2026-11-24-sandy-biggleswade-ltt.json`.
    public var file: String
    /// The record's line in the file; nil for a whole file.
    public var line: Int?
    /// The record in the file, as a JSON path (`attendance[3]`); empty for a whole file.
    public var record: String
    /// `attendance`, `apologies`, `councillor notice`, … or, for a whole file, `e-mail in the outbox`, `export`…
    public var kind: String
    public var text: String
}

/// What erasure does (or did) to one file outside the records.
public struct PersonFileStep: Sendable, Equatable {
    public enum Step: String, Sendable {
        /// An e-mail, an export, a copy being written or the index (a cache): it goes.
        case delete = "delete"
        /// A conflict copy (someone's unsaved version of a meeting): kept, without the person.
        case scrub = "scrub"
        /// Not a file ForumDesk wrote (or in git's history): left for the council to deal with.
        case leave = "leave"
    }
    public var file: String
    public var kind: String
    public var step: Step
}

/// Everything `erase` would change, worked out without writing anything.
public struct ErasurePlan: Sendable {
    public var person: Person
    /// Meetings to save, each with what leaves it.
    public var meetings: [(meeting: Meeting, erased: PersonalData.Erased)]
    public var topics: [TopicRequest]
    /// Consultations whose contact they are.
    public var consultations: [Consultation] = []
    public var directory: Directory
    /// Files as they are now (the meeting saves may move an e-mail into `outbox-withdrawn/`; applying looks again).
    public var files: [PersonFileStep]
    /// Actions (by meeting) that would have neither owner nor organisation: a new owner is needed.
    public var ownerless: [(meeting: String, actions: [String])]
    public var total: PersonalData.Erased
}

extension DataStore {
    /// The folders ForumDesk writes generated files to, each with what is in it: their files are ForumDesk's.
    static let generatedFolders: [(folder: String, kind: String)] = [
        (NoticeOutbox.outbox, "e-mail in the outbox"), (NoticeOutbox.withdrawn, "e-mail withdrawn unsent"),
        (NoticeOutbox.pending, "e-mail being written"), (NoticeOutbox.sending, "e-mail being sent"),
        (NoticeOutbox.sent, "sent e-mail"), (LetterFiles.folder, "letter"), ("exports", "export"),
        ("conflicts", "conflict copy"),
    ]

    /// Every place in the data folder that names `person`, each once: records of the data files first (directory,
    /// meetings in date order, topics), then every other file under the folder that holds their id, name, e-mail
    /// address or phone number (git's own folder is not read; a symbolic link is not followed). `data` must hold
    /// whole meetings (`load()`, or summaries hydrated).
    public func places(of person: Person, in data: DataSet) -> [PersonPlace] {
        let who = PersonalData.Identity(person)
        var out: [PersonPlace] = []
        // The directory: the person's entry, then any other record naming them.
        if let index = data.directory.people.firstIndex(where: { $0.id == person.id }) {
            let entry = Codec.encode(Codec.PeopleFile(people: data.directory.people, extra: data.peopleFileExtra))
            var found = [
                PersonalData.Finding(
                    kind: .directory, path: [.key("people"), .index(index)], text: Self.summary(person))
            ]
            found += Self.mentions(who, in: entry, skipping: found.map(\.path))
            out += placed(found, file: folder.people)
        }
        let orgs = Codec.encode(
            Codec.OrganisationsFile(organisations: data.directory.organisations, extra: data.organisationsFileExtra))
        out += placed(Self.mentions(who, in: orgs, skipping: []), file: folder.organisations)
        out += placed(Self.mentions(who, in: Codec.encode(data.settings), skipping: []), file: folder.settings)
        for meeting in data.meetings {
            let found = PersonalData.findings(who, in: meeting, directory: data.directory)
            let all = found + Self.mentions(who, in: Codec.encode(meeting), skipping: found.map(\.path))
            if let path = data.meetingPaths[meeting.id] { out += placed(all, file: path) }
        }
        for topic in data.topics {
            let found = PersonalData.findings(who, in: topic)
            let all = found + Self.mentions(who, in: Codec.encode(topic), skipping: found.map(\.path))
            if let path = try? folder.topicFile(topic.id) { out += placed(all, file: path) }
        }
        for consultation in data.consultations {
            let found = PersonalData.findings(who, in: consultation)
            let all = found + Self.mentions(who, in: Codec.encode(consultation), skipping: found.map(\.path))
            if let path = try? folder.consultationFile(consultation.id) { out += placed(all, file: path) }
        }
        for file in personalFiles(who, in: data) {
            out.append(
                PersonPlace(
                    file: file.file, line: nil, record: "", kind: file.kind,
                    text: file.file == ".git"
                        ? "earlier versions of the records, kept by `forumdesk sync`"
                        : file.step == .leave ? "not written by ForumDesk" : "the whole file"))
        }
        return out
    }

    /// A directory entry in one line: name, kind, wards or organisation, title, e-mail, phone, other fields.
    static func summary(_ p: Person) -> String {
        var parts = [p.name, p.kind.rawValue]
        if !p.wards.isEmpty { parts.append("wards: " + p.wards.joined(separator: ", ")) }
        parts += [
            p.organisation.map { "organisation: \($0)" }, p.title, p.email, p.phone,
            p.preferredContact.map { "prefers \($0.rawValue)" },
            p.postalAddress.isEmpty ? nil : "postal address: " + PostalAddress.oneLine(p.postalAddress),
        ].compactMap { $0 }
        for (key, value) in p.extra.sorted(by: { $0.key < $1.key }) {
            if case .string(let text) = value { parts.append("\(key): \(text)") }
        }
        return parts.joined(separator: "; ")
    }

    /// Findings in the file at `path`, with their lines read from the file as it is on disk.
    func placed(_ found: [PersonalData.Finding], file path: String) -> [PersonPlace] {
        guard !found.isEmpty else { return [] }
        var node: JSONNode?
        if case .parsed(let tree, _) = readJSON(path) { node = tree }
        return found.map { f in
            PersonPlace(
                file: relative(path), line: node?.position(of: f.path).line, record: Self.describe(f.path),
                kind: f.kind.rawValue, text: f.text)
        }
    }

    /// `attendance[3]`, `agenda[1].discussion`.
    static func describe(_ path: FieldPath) -> String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key): out += (out.isEmpty ? "" : ".") + key
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    public func relative(_ path: String) -> String {
        path.hasPrefix(folder.root + "/") ? String(path.dropFirst(folder.root.count + 1)) : path
    }

    /// Text fields of a file naming the person, outside the records already found (`skipping` and below).
    static func mentions(
        _ who: PersonalData.Identity, in json: OrderedJSON, skipping: [FieldPath]
    ) -> [PersonalData.Finding] {
        var out: [PersonalData.Finding] = []
        func walk(_ value: OrderedJSON, _ path: FieldPath) {
            if skipping.contains(where: { path.starts(with: $0) }) { return }
            switch value {
            case .string(let text) where who.isNamed(in: text):
                out.append(
                    PersonalData.Finding(
                        kind: .mention, path: path, text: text.count > 200 ? String(text.prefix(200)) + "…" : text))
            case .array(let items): for (i, item) in items.enumerated() { walk(item, path + [.index(i)]) }
            case .object(let members): for (key, member) in members { walk(member, path + [.key(key)]) }
            default: break
            }
        }
        walk(json, [])
        return out
    }

    /// Every string of a JSON value with the person's mentions replaced; keys are not touched.
    static func scrubbed(_ json: OrderedJSON, _ who: PersonalData.Identity) -> OrderedJSON {
        switch json {
        case .string(let text): .string(who.scrubbed(text))
        case .array(let items): .array(items.map { scrubbed($0, who) })
        case .object(let members): .object(members.map { ($0.0, scrubbed($0.1, who)) })
        default: json
        }
    }

    /// A meeting with every text field scrubbed, read back through the same decoder as a file; nil if the
    /// scrubbed record would not read (it then is not written).
    static func scrubbed(_ meeting: Meeting, _ who: PersonalData.Identity) -> Meeting? {
        let bytes = JSONWriter.write(scrubbed(Codec.encode(meeting), who))
        return try? Codec.meeting(try JSONParser.parse(bytes))
    }

    static func scrubbed(_ topic: TopicRequest, _ who: PersonalData.Identity) -> TopicRequest? {
        let bytes = JSONWriter.write(scrubbed(Codec.encode(topic), who))
        return try? Codec.topic(try JSONParser.parse(bytes))
    }

    /// Files under the data folder, other than the data files read into `data`, that name the person: by a file
    /// name holding their id, or by content. What erasure does with each (see `PersonFileStep`).
    func personalFiles(_ who: PersonalData.Identity, in data: DataSet) -> [PersonFileStep] {
        var out: [PersonFileStep] = []
        func visit(_ dir: String, depth: Int) {
            guard depth < 8 else { return }
            for name in ((try? fs.list(dir)) ?? []).sorted() {
                let path = "\(dir)/\(name)"
                guard !fs.isSymbolicLink(path), let status = (try? fs.status(path)) ?? nil else { continue }
                let rel = relative(path)
                if status.isDirectory {
                    if rel == ".git" {
                        out.append(
                            PersonFileStep(
                                file: ".git", kind: "git history (earlier versions, shared with the team)", step: .leave
                            ))
                        continue
                    }
                    visit(path, depth: depth + 1)
                    continue
                }
                // The data files are records, handled field by field.
                if let known = data.fingerprints[path], !known.unreadable, known.hash != nil { continue }
                // A letter is named after its recipient (its PDF's text is compressed, so its name tells).
                let named =
                    !PersonalData.Identity.wordRanges(of: who.id, in: name).isEmpty
                    || (rel.hasPrefix(LetterFiles.folder + "/") && LetterFiles.isLetterFile(name, of: who.id))
                    || ((try? fs.read(path)).map { who.isNamed(in: String(decoding: $0, as: UTF8.self)) } ?? false)
                guard named else { continue }
                out.append(step(for: rel, name: name))
            }
        }
        visit(folder.root, depth: 0)
        return out
    }

    func step(for rel: String, name: String) -> PersonFileStep {
        if rel == MeetingIndex.fileName {
            return PersonFileStep(file: rel, kind: "start-up index (a cache)", step: .delete)
        }
        let top = rel.split(separator: "/").first.map(String.init) ?? ""
        guard let generated = Self.generatedFolders.first(where: { $0.folder == top }),
            !name.hasPrefix(".") || name.contains(DurableFile.tempMarker)
        else {
            return PersonFileStep(file: rel, kind: "file not written by ForumDesk", step: .leave)
        }
        let keep = top == "conflicts" && name.hasSuffix(".json")
        return PersonFileStep(file: rel, kind: generated.kind, step: keep ? .scrub : .delete)
    }

    /// Works out the erasure of `person` from `data` (whole meetings): nothing is written.
    public func erasurePlan(of person: Person, newOwner: String?, today: CalendarDate, in data: DataSet) -> ErasurePlan
    {
        let who = PersonalData.Identity(person)
        var plan = ErasurePlan(
            person: person, meetings: [], topics: [], directory: PersonalData.erase(who, from: data.directory),
            files: personalFiles(who, in: data), ownerless: [], total: PersonalData.Erased())
        for meeting in data.meetings {
            if newOwner == nil {
                let ids = PersonalData.ownerless(who, personOrganisation: person.organisation, in: meeting)
                if !ids.isEmpty { plan.ownerless.append((meeting.id, ids)) }
            }
            var (m, erased) = PersonalData.erase(
                who, personOrganisation: person.organisation, newOwner: newOwner, from: meeting,
                directory: data.directory, today: today)
            // A merge conflict over one of their records goes with it (the merged record stays, without them).
            if let conflicts = m.extra[MergeConflict.key] {
                m.extra[MergeConflict.key] =
                    Self.withoutMentions([MergeConflict.key: conflicts], who)[MergeConflict.key]
            }
            let mentions = Self.mentions(who, in: Codec.encode(m), skipping: []).count
            if mentions > 0, let clean = Self.scrubbed(m, who) {
                m = clean
                erased.counts[.mention, default: 0] += mentions
                m.extra[PersonalData.marker] = .string(today.description)
            }
            if m != meeting {
                plan.meetings.append((m, erased))
                plan.total.add(erased)
            }
        }
        for topic in data.topics {
            var t = PersonalData.erase(who, from: topic)
            if Self.mentions(who, in: Codec.encode(t), skipping: []).count > 0, let clean = Self.scrubbed(t, who) {
                t = clean
            }
            if t != topic { plan.topics.append(t) }
        }
        for consultation in data.consultations {
            let k = PersonalData.erase(who, from: consultation)
            if k != consultation { plan.consultations.append(k) }
        }
        return plan
    }

    /// Does the erasure: meetings, then topics, then the directory (last, so a run cut short leaves every
    /// reference valid and can simply be run again), then the files that name the person (looked for again, as
    /// a save may have moved an e-mail), then one line in `forumdesk.json`'s `erasures` (the day and how many
    /// records and files, never who), then the start-up index is deleted (rebuilt by the next start). Each write
    /// is the usual checked, durable save: a file someone else changed meanwhile is not written, and named.
    /// Returns what was done, one line each, and the errors.
    /// With `record: false` (a sync enforcing an erasure made elsewhere) nothing is added to `erasures`.
    public func apply(
        _ plan: ErasurePlan, today: CalendarDate, in data: inout DataSet, record: Bool = true
    ) -> (done: [String], errors: [String]) {
        let who = PersonalData.Identity(plan.person)
        var done: [String] = [], errors: [String] = []
        for (meeting, erased) in plan.meetings {
            do throws(SaveError) {
                try save(meeting, in: &data)
                done.append("\(meeting.id): removed \(erased.description)")
            } catch {
                errors.append("\(meeting.id): not changed: \(error.description)")
            }
        }
        for topic in plan.topics {
            do throws(SaveError) {
                try save(topic, in: &data)
                done.append("topic \(topic.id): removed the contact")
            } catch {
                errors.append("topic \(topic.id): not changed: \(error.description)")
            }
        }
        for consultation in plan.consultations {
            do throws(SaveError) {
                try save(consultation, in: &data)
                done.append("consultation \(consultation.id): removed the contact")
            } catch {
                errors.append("consultation \(consultation.id): not changed: \(error.description)")
            }
        }
        guard errors.isEmpty else {
            errors.append("the directory entry was kept so that the erasure can be run again to finish")
            return (done, errors)
        }
        var files = 0
        var emptied: Set<String> = []
        for file in personalFiles(who, in: data) {
            let path = folder.path(file.file)
            do throws(SaveError) {
                switch file.step {
                case .leave:
                    if file.file == ".git" { continue }  // said by the command: the council's to deal with
                    errors.append("\(file.file): \(file.kind), still names them: remove it yourself")
                    continue
                case .delete:
                    try deleteGenerated(path)
                    emptied.insert((path as NSString).deletingLastPathComponent)
                case .scrub:
                    try checkNoLinks(path)
                    let bytes: [UInt8]
                    if let read = try? fs.read(path), let copy = try? Self.decodeMeeting(read) {
                        let erased = PersonalData.erase(
                            who, personOrganisation: plan.person.organisation, newOwner: nil, from: copy,
                            directory: data.directory, today: today
                        ).0
                        bytes = Self.encoded(Self.scrubbed(erased, who) ?? erased)
                    } else {
                        bytes = Array(who.scrubbed(String(decoding: (try? fs.read(path)) ?? [], as: UTF8.self)).utf8)
                    }
                    do {
                        try DurableFile.write(bytes, to: path, fs: fs, modes: modes)
                    } catch {
                        throw .failed(path: path, error)
                    }
                }
                files += 1
                done.append("\(file.step == .delete ? "deleted" : "removed them from") \(file.file)")
            } catch {
                errors.append("\(file.file): \(error.description)")
            }
        }
        // The index is a cache of summaries made before the erasure: it goes, and the next start rebuilds it.
        if (try? fs.status(indexPath)) ?? nil != nil { try? deleteGenerated(indexPath) }
        // An outbox folder left empty goes, as retention does.
        for dir in emptied
        where dir != folder.root && (try? fs.list(dir))?.isEmpty == true && !Self.isTopFolder(relative(dir)) {
            try? deleteGenerated(dir)
        }
        // Keyed fingerprints, never the name or the id (see `ErasureRecord`): what stops a merge bringing them back.
        var fingerprints: [JSONValue] = []
        if record {
            do throws(SaveError) {
                fingerprints = ErasureRecord.fingerprints(plan.person, key: try ErasureRecord.currentKey(folder)).map {
                    .string($0)
                }
            } catch {
                errors.append(
                    "\(ErasureRecord.keyFile): \(error.description); the erasure is recorded without fingerprints")
            }
        }
        // The directory entry goes last: until then a rerun after a kill finds the person and finishes the rest.
        // Its record is written aside first, so a kill between the two files is finished by the next command.
        let token = "e" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let entry = JSONValue.object([
            "date": .string(today.description), "records": .number(String(plan.meetings.count + plan.topics.count + 1)),
            "files": .number(String(files)), "erasure": .string(token), "fingerprints": .array(fingerprints),
        ])
        do throws(SaveError) {
            if record { try writeErasureRecord(token: token, person: plan.person.id, entry: entry) }
            // A merge may have left a copy of them in the file's own `conflicts` list: it goes too.
            let listed = data.directory.person(plan.person.id) != nil
            let extra = Self.withoutMentions(data.peopleFileExtra, who)
            if extra != data.peopleFileExtra {
                data.peopleFileExtra = extra
                try write(
                    Codec.encode(Codec.PeopleFile(people: plan.directory.people, extra: extra)), to: folder.people,
                    in: &data)
                data.directory.people = plan.directory.people
                done.append("directory/people.json: removed them from the file's merge conflicts")
            }
            try saveDirectory(plan.directory, in: &data)
            if listed { done.append("directory/people.json: removed \(plan.person.id)") }
        } catch {
            removeErasureRecord(token: token)
            errors.append("directory: not changed: \(error.description)")
            return (done, errors)
        }
        guard record else { return (done, errors) }
        var settings = data.settings
        var log: [JSONValue] = []
        if case .array(let earlier) = settings.extra["erasures"] { log = earlier }
        log.append(entry)
        settings.extra["erasures"] = .array(log)
        do throws(SaveError) {
            try saveSettings(settings, in: &data)
            removeErasureRecord(token: token)
        } catch {
            errors.append(
                "forumdesk.json: the erasure was not recorded yet: \(error.description) (the next command records it)")
        }
        // The next sync takes the person out of git's history too, here, on the remote and on every laptop.
        HistoryRewrite.requestRewrite(folder, reason: "an erasure made on \(HistoryRewrite.spoken(today))")
        return (done, errors)
    }

    /// File-level fields without what names the person: entries of a `conflicts` list that do go whole, other
    /// strings are scrubbed.
    static func withoutMentions(_ fields: UnknownFields, _ who: PersonalData.Identity) -> UnknownFields {
        func names(_ value: JSONValue) -> Bool {
            switch value {
            case .string(let text): who.isNamed(in: text)
            case .array(let items): items.contains(where: names)
            case .object(let members): members.values.contains(where: names)
            default: false
            }
        }
        func scrub(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): .string(who.scrubbed(text))
            case .array(let items): .array(items.map(scrub))
            case .object(let members): .object(members.mapValues(scrub))
            default: value
            }
        }
        var out = fields
        for (key, value) in fields {
            if key == MergeConflict.key, case .array(let items) = value {
                let kept = items.filter { !names($0) }
                out[key] = kept.isEmpty ? nil : .array(kept)
            } else {
                out[key] = scrub(value)
            }
        }
        return out
    }

    static func isTopFolder(_ rel: String) -> Bool { !rel.contains("/") }
}
