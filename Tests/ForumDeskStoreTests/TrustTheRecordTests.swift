import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Ids no way in may take: each would climb out of a folder, hide a file, end a line or pass for another id.
let hostileIdentifiers: [(String, String)] = [
    ("traversal", "../meetings/2026"), ("deep traversal", "../../../elsewhere/x"), ("absolute", "/etc/passwd"),
    ("slash", "a/b"), ("backslash", "a\\b"), ("NUL", "2026-10-15-x\u{0}y"), ("dot", "."), ("dot dot", ".."),
    ("leading dot", ".hidden"), ("leading hyphen", "-rf"), ("line break", "x\nATTENDEE:mailto:evil@example.org"),
    ("carriage return", "x\r"), ("escape", "x\u{1B}[2J"), ("tab", "a\tb"), ("space", "a b"), ("empty", ""),
    ("300 characters", String(repeating: "a", count: 300)), ("Cyrillic look-alike", "2026-10-15-sаndy"),
    ("full-width look-alike", "ｓａｎｄｙ"), ("bidi override", "a\u{202E}b"), ("zero-width space", "a\u{200B}b"),
    ("accented", "sean-o-brién"), ("underscore", "a_b"), ("percent", "a%2e%2e"),
]

/// The text as a JSON string literal (what a hand edit could put in a file).
func jsonLiteral(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

@Suite struct IdentifierRuleTests {
    @Test(arguments: hostileIdentifiers)
    func test_hostileIdentifier_isRefused_forEveryKind(name: String, id: String) {
        #expect(MeetingID(id) == nil, "\(name)")
        #expect(PersonID(id) == nil, "\(name)")
        #expect(OrganisationID(id) == nil, "\(name)")
        #expect(TopicID(id) == nil, "\(name)")
        #expect(ActionID(id) == nil, "\(name)")
        #expect(IssueID(id) == nil, "\(name)")
        #expect(throws: IdentifierError.self) { try MeetingID(validating: id) }
    }

    @Test func test_idsForumDeskGenerates_areValid() throws {
        #expect(MeetingID("2026-11-24-sandy-biggleswade-ltt") != nil)
        #expect(PersonID("cllr-ada-bellweather") != nil)
        #expect(ActionID("A-2026-042") != nil)
        #expect(IssueID("R-2026-004") != nil)
        // Capitals only where ForumDesk makes them.
        #expect(MeetingID("2026-11-24-Sandy") == nil)
        #expect(MeetingID(String(repeating: "a", count: 100)) != nil)
        #expect(MeetingID(String(repeating: "a", count: 101)) == nil)
        #expect(ActionID(String(repeating: "A", count: 41)) == nil)
        // A slug of a very long name is still a valid id, with room for "-2".
        let long = Identifier.slug(String(repeating: "Wordy Name ", count: 40), prefix: "cllr-") { _ in false }
        #expect(PersonID(long) != nil && long.count <= 90)
        let taken = Identifier.slug(String(repeating: "Wordy Name ", count: 40), prefix: "cllr-") { $0 == long }
        #expect(PersonID(taken) != nil)
        let meeting = Identifier.meetingID(day: CalendarDate(year: 2026, month: 11, day: 24),
                                           area: String(repeating: "long area ", count: 30), kind: .wardForum) { _ in false }
        #expect(MeetingID(meeting) != nil)
    }

    /// Forms and imports make ids from names: whatever the name, the id is valid for its kind.
    @Test(arguments: hostileIdentifiers)
    func test_idsMadeFromHostileNames_areValid(name: String, text: String) {
        let person = Identifier.slug(text, prefix: "cllr-") { _ in false }
        #expect(PersonID(person) != nil, "\(name): \(person)")
        let topic = Identifier.slug(text) { _ in false }
        #expect(TopicID(topic) != nil && OrganisationID(topic) != nil, "\(name): \(topic)")
        let meeting = Identifier.meetingID(day: CalendarDate(year: 2026, month: 11, day: 24), area: text, kind: .other) { _ in false }
        #expect(MeetingID(meeting) != nil, "\(name): \(meeting)")
    }

    @Test(arguments: hostileIdentifiers)
    func test_calendarReplyUID_withHostileMeetingID_namesNoMeeting(name: String, id: String) {
        #expect(ICalendarUID.meetingID("\(id)@forumdesk") == nil, "\(name)")
    }
}

/// What a calendar reply's UID names, through the same constructor (the export module is not a dependency here).
enum ICalendarUID {
    static func meetingID(_ uid: String) -> String? {
        uid.hasSuffix("@forumdesk") ? MeetingID(String(uid.dropLast(10)))?.rawValue : nil
    }
}

@Suite struct HostileIdentifierLoadTests {
    let meetingFile = "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"

    /// Puts `replacement` where `original` was in one sample file; returns the file's path.
    func edit(_ root: String, _ file: String, _ original: String, _ replacement: String) throws -> String {
        let path = root + file
        let text = try readText(path)
        #expect(text.contains(original), "fixture text not found: \(original)")
        try text.replacingOccurrences(of: original, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Each id field of a meeting file, with a hostile value: the file is kept out with `path:line:column`, and a
    /// save over it is refused (never overwritten).
    @Test(arguments: hostileIdentifiers)
    func test_hostileIDInMeetingFile_isAPositionedError_andTheFileIsNeverOverwritten(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            for (original, field) in [("\"id\": \"2026-10-15-sandy-biggleswade-ltt\"", "id"),
                                      ("\"person\": \"harpreet-zephyrine\"", "person")] {
                let key = original.split(separator: ":")[0]
                let path = try edit(root, meetingFile, original, "\(key): \(jsonLiteral(id))")
                let store = DataStore(folder: DataFolder(root))
                var data = store.load()
                let error = try #require(data.loadErrors.first { $0.path == path }, "\(name) in `\(field)`")
                #expect(error.position != nil)
                #expect(error.message.contains("field `\(field)` is not a valid"), "\(error.message)")
                #expect(error.description.hasPrefix("\(path):\(error.position!.line):\(error.position!.column): "))
                #expect(data.meeting("2026-10-15-sandy-biggleswade-ltt") == nil)
                // The message shows the id without its controls or overrides.
                #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
                // Never overwritten: a meeting with the same id may not be saved over the file.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                var m = try #require(DataStore(folder: DataFolder(sampleData)).load().meeting("2026-10-15-sandy-biggleswade-ltt"))
                m.title = "Overwritten"
                #expect(throws: SaveError.self) { try store.save(m, in: &data) }
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
                try FileManager.default.removeItem(atPath: path)
                try FileManager.default.copyItem(atPath: sampleData + meetingFile, toPath: path)
            }
        }
    }

    @Test(arguments: hostileIdentifiers)
    func test_hostileIDInPeopleFile_orTopic_orAction_isAPositionedError(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let people = try edit(root, "/directory/people.json", "\"id\": \"cllr-harpreet-vantwood\"", "\"id\": \(jsonLiteral(id))")
            let topic = try edit(root, "/topics/winter-gritting-routes.json", "\"id\": \"winter-gritting-routes\"", "\"id\": \(jsonLiteral(id))")
            let meeting = try edit(root, "/meetings/2025/2025-11-25-cranfield-marston-woburn-ltt.json", "\"id\": \"A-2025-001\"",
                                   "\"id\": \(jsonLiteral(id))")
            let data = DataStore(folder: DataFolder(root)).load()
            for path in [people, topic, meeting] {
                let error = try #require(data.loadErrors.first { $0.path == path }, "\(name): \(path)")
                #expect(error.position != nil && error.message.contains("is not a valid"), "\(error.description)")
            }
            #expect(data.directory.people.isEmpty, "people.json stays out as a whole")
        }
    }
}

/// Every integer field of every file, at and beyond its bounds: beyond is a positioned error, never a trap.
@Suite struct IntegerRangeTests {
    /// (file, text in the sample, replacement with NUMBER in place of the value, the field's bounds)
    static let fields: [(String, String, String, ClosedRange<Int>)] = [
        ("/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"minutes\": 5,", "\"minutes\": NUMBER,", Limits.itemMinutes),
        ("/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"number\": 1,", "\"number\": NUMBER,", Limits.itemNumber),
        ("/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"sequence\": 0,", "\"sequence\": NUMBER,", Limits.sequence),
        ("/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"residentsPresent\": 57,", "\"residentsPresent\": NUMBER,", Limits.headCount),
        ("/meetings/2026/2026-01-27-cranfield-marston-woburn-ltt.json", "\"16-24\": 6,", "\"16-24\": NUMBER,", Limits.headCount),
        ("/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", "\"schema\": 1,", "\"schema\": NUMBER,", Limits.schema),
        ("/topics/winter-gritting-routes.json", "\"minutes\": 20,", "\"minutes\": NUMBER,", Limits.topicMinutes),
    ]

    @Test(arguments: 0..<fields.count)
    func test_integerField_atItsExtremes(index: Int) throws {
        let (file, original, pattern, range) = Self.fields[index]
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + file
            let text = try readText(path)
            #expect(text.contains(original))
            let refused = ["9223372036854775807", "-9223372036854775808", "99999999999999999999999", "\(range.upperBound + 1)",
                           "\(range.lowerBound - 1)", "1e3", "2.5"]
            // The schema's upper end is refused as "newer", which is right; every other bound loads.
            let accepted = file.hasSuffix(".json") && pattern.contains("schema") ? [range.lowerBound] : [range.lowerBound, range.upperBound]
            for value in refused + accepted.map(String.init) {
                try text.replacingOccurrences(of: original, with: pattern.replacingOccurrences(of: "NUMBER", with: value))
                    .write(toFile: path, atomically: true, encoding: .utf8)
                let data = DataStore(folder: DataFolder(root)).load()
                let error = data.loadErrors.first { $0.path == path }
                if refused.contains(value) {
                    #expect(error?.position != nil, "\(file) \(pattern) = \(value) must be refused")
                } else {
                    #expect(error == nil, "\(file) \(pattern) = \(value): \(error?.description ?? "")")
                    // The rules add, count and compare these numbers: none of that may trap at the bounds.
                    _ = Validator.validate(directory: data.directory, meetings: data.meetings, topics: data.topics, now: Date())
                    _ = Warnings.all(directory: data.directory, meetings: data.meetings, now: Date())
                }
            }
        }
    }

    @Test func test_minutesAtIntMax_wasATrap_isNowARefusedFile() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let path = root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
            try readText(path).replacingOccurrences(of: "\"minutes\": 5,", with: "\"minutes\": 9223372036854775807,")
                .write(toFile: path, atomically: true, encoding: .utf8)
            let data = DataStore(folder: DataFolder(root)).load()
            let error = try #require(data.loadErrors.first { $0.path == path })
            #expect(error.message == "field `minutes` must be a whole number from 0 to 1440, not 9223372036854775807")
            #expect(error.position?.line == 47)
        }
    }

    @Test func test_nextActionID_afterAnIDAtIntMax_doesNotTrap() {
        var m = Meeting(id: "2026-01-01-x", kind: .letsTalkTogether, title: "x", area: "a", wards: [], start: Date(), end: Date(),
                        venue: Venue(name: "v"), status: .planned)
        m.actions = [Action(id: "A-2026-9223372036854775807", description: "x"), Action(id: "A-2026-041", description: "y")]
        #expect(QuickEntry.nextActionID(year: 2026, existing: [m]) == "A-2026-042")
    }
}

@Suite struct SafePathTests {
    @Test func test_pathFromAnyStrings_neverLeavesTheDataFolder() async {
        let alphabet: [String] = ["a", "Z", "0", "-", ".", "..", "/", "\\", "\u{0}", "\n", "~", " ", "é", "\u{202E}", "%2e", ":", "*"]
        let parts = Gen.int(in: 0...1_000).array(of: 0...12).map { choices -> [String] in
            var parts: [String] = [""]
            for c in choices {
                if c % 7 == 0 { parts.append("") } else { parts[parts.count - 1] += alphabet[c % alphabet.count] }
            }
            return parts
        }
        let folder = DataFolder("/srv/forumdesk/data")
        await propertyCheck(count: 2_000, input: parts) { parts in
            for candidate in [parts, [parts.joined(separator: "/")]] {
                guard let path = try? folder.inside(candidate) else { continue }
                let standard = (path as NSString).standardizingPath
                #expect(standard.hasPrefix("/srv/forumdesk/data/"), "\(candidate) made \(path)")
                #expect(path.split(separator: "/").allSatisfy { $0 != ".." && $0 != "." }, "\(candidate) made \(path)")
                #expect(!path.unicodeScalars.contains { $0.value < 0x20 }, "\(candidate)")
            }
            if let path = try? folder.inside(parts.joined(separator: "/")) {
                #expect((path as NSString).standardizingPath.hasPrefix("/srv/forumdesk/data/"))
            }
        }
    }

    @Test(arguments: hostileIdentifiers)
    func test_conflictCopy_export_andOutbox_refuseAHostileID(name: String, id: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let store = DataStore(folder: DataFolder(root))
            var m = try #require(store.load().meeting("2026-10-15-sandy-biggleswade-ltt"))
            m.id = id
            #expect(throws: SaveError.self) { _ = try store.saveConflictCopy(m, now: Date()) }
            // The app's `e` export names its files so; notify's outbox folder is `outbox/<id>/`.
            #expect(throws: PathError.self) { _ = try store.folder.meetingFileName(id, "-minutes.md") }
            if id.contains("..") || id.hasPrefix("/") || id.contains("\u{0}") || id.hasPrefix(".") || id.isEmpty || id.contains("\n") {
                #expect(throws: SaveError.self) { _ = try store.writeGenerated("x", to: "outbox/\(id)/a.eml") }
            }
            var data = store.load()
            #expect(throws: SaveError.self) { try store.save(m, in: &data) }
            // Nothing was written anywhere in or above the folder.
            #expect(listing(folder) == ["data"])
            #expect(!FileManager.default.fileExists(atPath: root + "/conflicts"))
        }
    }

    @Test func test_writes_andDeletes_neverGoThroughASymbolicLink() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let elsewhere = folder + "/elsewhere"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/exports", withDestinationPath: elsewhere)
            try FileManager.default.createSymbolicLink(atPath: root + "/conflicts", withDestinationPath: elsewhere)
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            let m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
            #expect(throws: SaveError.self) { _ = try store.writeGenerated("minutes", to: "exports/\(m.id)-minutes.md") }
            #expect(throws: SaveError.self) { _ = try store.saveConflictCopy(m, now: Date()) }
            #expect(listing(elsewhere).isEmpty)
            // A year folder that is a link: its meetings are not read through it (issue 33), and a meeting of that
            // year is not written (nor deleted) through it.
            let inLink = try #require(data.meetings.first { LondonTime.date($0.start).year == 2027 })
            let year = root + "/meetings/2027"
            try FileManager.default.moveItem(atPath: year, toPath: elsewhere + "/2027")
            try FileManager.default.createSymbolicLink(atPath: year, withDestinationPath: elsewhere + "/2027")
            data = store.load()
            #expect(!data.meetings.contains { LondonTime.date($0.start).year == 2027 })
            data = store.load()
            data.place(inLink)
            data.meetingPaths[inLink.id] = year + "/\(inLink.id).json"
            var changed = inLink
            changed.title = "Changed"
            let before = listing(elsewhere + "/2027").map { try? readText(elsewhere + "/2027/" + $0) }
            #expect(throws: SaveError.self) { try store.save(changed, in: &data) }
            #expect(throws: SaveError.self) { try store.delete(meetingID: inLink.id, in: &data) }
            #expect(listing(elsewhere + "/2027").map { try? readText(elsewhere + "/2027/" + $0) } == before)
        }
    }
}

@Suite struct HousekeepingTests {
    @Test func test_abandonedTempFiles_inOutboxExportsAndConflicts_areRemoved() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            // A pid that cannot be running (above the kernel's pid_max).
            let dead = "99999999"
            let temps = ["outbox/2026-10-15-sandy-biggleswade-ltt/.20261001T100000-x-request-0.eml.tmp-\(dead)-1",
                         "exports/.a-minutes.md.tmp-\(dead)-2", "conflicts/.a-2026-01-01T000000.json.tmp-\(dead)-3"]
            for t in temps { try writeText("half", to: root + "/" + t) }
            try writeText("kept", to: root + "/outbox/2026-10-15-sandy-biggleswade-ltt/20261001T100000-x-request-0.eml")
            #expect(DataStore(folder: DataFolder(root)).removeAbandonedTempFiles() == 3)
            for t in temps { #expect(!FileManager.default.fileExists(atPath: root + "/" + t)) }
            #expect(FileManager.default.fileExists(atPath: root + "/outbox/2026-10-15-sandy-biggleswade-ltt/20261001T100000-x-request-0.eml"))
        }
    }

    @Test func test_purgeFiles_areOnlyThoseForumDeskNames() throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            let id = "2025-12-04-sandy-biggleswade-ltt"
            let ours = ["outbox/\(id)/20251101T100000-cllr-x-request-0.eml", "conflicts/\(id)-2025-12-05T101500.json",
                        "exports/\(id)-minutes.md", "exports/\(id)-agenda-2.html", "exports/\(id)-minutes.txt",
                        // Withdrawn unsent (superseded, or undone and redone): they name their recipients too.
                        "outbox-withdrawn/\(id)/cllr-x-request-0.eml", "outbox-withdrawn/\(id)/cllr-x-request-0~2.eml",
                        "outbox-withdrawn/\(id)",
                        // Sent (with the mail program's log) and handed over but not yet confirmed: the same.
                        "sent/\(id)/cllr-x-request-0.eml", "sent/\(id)/cllr-x-request-0.eml.log", "sent/\(id)",
                        "outbox-sending/\(id)/cllr-y-request-0.eml", "outbox-sending/\(id)"]
            let theirs = ["outbox/\(id)/notes.txt", "conflicts/\(id)-2-2025-12-05T101500.json", "exports/\(id)-minutes-final.docx",
                          "exports/\(id)-2-minutes.md", "exports/budget.md"]
            for f in ours + theirs where !f.hasSuffix(id) { try writeText("x", to: root + "/" + f) }
            let store = DataStore(folder: DataFolder(root))
            let found = store.generatedFiles(ofMeeting: id).map { String($0.dropFirst(root.count + 1)) }
            #expect(Set(found) == Set(ours), "the outbox folder stays: it holds a file ForumDesk did not write")
            for path in store.generatedFiles(ofMeeting: id) { try store.deleteGenerated(path) }
            for f in theirs { #expect(FileManager.default.fileExists(atPath: root + "/" + f)) }
            #expect(store.generatedFiles(ofMeeting: "../meetings/2026").isEmpty)
        }
    }
}

@Suite struct ProcessOwnerAndSharingTests {
    /// Left before a reboot: its pid (1) is running, but it is another process now.
    @Test func test_ownerWhosePidNowBelongsToAnotherProcess_isGone() throws {
        guard let running = ProcessOwner.processStart(1) else { return }  // no /proc: the start time cannot be known
        let host = ProcessOwner.hostName
        #expect(ProcessOwner(pid: 1, host: host, user: "ana", since: Date(), started: "another-boot/12345").isGone(now: Date()))
        #expect(!ProcessOwner(pid: 1, host: host, user: "ana", since: Date(), started: running).isGone(now: Date()))
        #expect(!ProcessOwner(pid: 1, host: host, user: "ana", since: Date()).isGone(now: Date()))
    }

    /// kill(-1, 0) asks about every process: a file saying pid -1 is unreadable, never a live owner.
    @Test(arguments: ["-1", "0", "-2147483648", "99999999999"])
    func test_ownerWithAPidOutOfRange_isUnreadable(pid: String) {
        let text = "{\"pid\": \(pid), \"host\": \"h\", \"user\": \"someone-else\", \"since\": \"2026-11-29T10:00\"}"
        #expect(ProcessOwner.from(Array(text.utf8)) == nil)
    }

    /// Shared by the folder's setgid bit, or by the setting: files colleagues can read, the lock among them.
    @Test(arguments: ["setgid", "setting"])
    func test_groupSharedFolder_writesGroupReadableFiles_andPresence(sharedBy: String) throws {
        try withTemporaryFolder { folder in
            let root = try copyOfSampleData(into: folder)
            if sharedBy == "setgid" {
                #expect(chmod(root, 0o2770) == 0)
            } else {
                let settings = root + "/forumdesk.json"
                try readText(settings).replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1,\n  \"sharedWithGroup\": true,")
                    .write(toFile: settings, atomically: true, encoding: .utf8)
            }
            let store = DataStore(folder: DataFolder(root))
            var data = store.load()
            var m = try #require(data.meeting("2026-10-15-sandy-biggleswade-ltt"))
            m.title = "Shared"
            try store.save(m, in: &data)
            #expect(mode(of: root + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json") == 0o640)
            let outbox = try store.writeGenerated("x", to: "outbox/\(m.id)/a.eml")
            #expect(mode(of: outbox) == 0o640)
            #expect(mode(of: root + "/outbox/\(m.id)") & 0o750 == 0o750)
            try store.writeDigest("x", named: "nikhil-kestrel-reminder-20261123T090000.eml", in: "reminders")
            #expect(mode(of: root + "/outbox/reminders/nikhil-kestrel-reminder-20261123T090000.eml") == 0o640)
            let me = ProcessOwner.current(now: Date())
            Presence(folder: DataFolder(root)).announce(meetingID: m.id, owner: me)
            #expect(mode(of: root + "/.presence/\(m.id).\(me.host).\(me.pid).json") == 0o640)
        }
    }
}
