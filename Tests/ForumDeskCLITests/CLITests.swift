import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs the real `forumdesk` binary, as a user or a script would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = TestPaths.repositoryRoot
let binary = TestPaths.binary

/// With `viaShell`, `arguments` is a whole command line starting with the program (e.g. `sh -c …`).
func forumdesk(_ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
               viaShell: Bool = false) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: viaShell ? "/bin/sh" : binary)
    process.arguments = viaShell ? Array(arguments.dropFirst()) : arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    env.removeValue(forKey: "FORUMDESK_DATA")
    // The machine configuration beside the data folder (`SampleCopy.machineConfig`), never the developer's own.
    if let flag = arguments.firstIndex(of: "--data"), flag + 1 < arguments.count {
        env["FORUMDESK_CONFIG"] = (arguments[flag + 1] as NSString).deletingLastPathComponent + "/machine-config.json"
    } else {
        env["FORUMDESK_CONFIG"] = "/nonexistent/forumdesk-config.json"
    }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
               stderr: String(decoding: stderr, as: UTF8.self))
}

func withBrokenCopy<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("forumdesk-cli-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("data"), to: folder.appendingPathComponent("data"))
    func edit(_ name: String, _ old: String, _ new: String) throws {
        let url = folder.appendingPathComponent("data/meetings/2026/\(name).json")
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "fixture text not found in \(name)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
    // A missing comma, a date in the wrong format, an unknown ward: three kinds of mistake a hand edit makes.
    try edit("2026-10-06-cranfield-marston-woburn-ltt", "\"kind\": \"lets-talk-together\",", "\"kind\": \"lets-talk-together\"")
    try edit("2026-08-13-sandy-biggleswade-ltt", "\"end\": \"2026-08-13T21:00:00+01:00\"", "\"end\": \"13/08/2026 21:00\"")
    try edit("2026-10-15-sandy-biggleswade-ltt", "\"potton\",", "\"pottonn\",")
    return try body(folder)
}

@Suite struct ValidateCommandTests {
    @Test func test_validate_sampleData_exitsZero() throws {
        let run = try forumdesk(["validate"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no problems"))
    }

    @Test func test_validate_brokenCopy_namesEachFileLineColumnAndReason_andExitsOne() throws {
        try withBrokenCopy { folder in
            let run = try forumdesk(["validate", "--data", "data"], in: folder)
            #expect(run.status == 1)
            #expect(run.stdout.split(separator: "\n").map(String.init) == [
                "data/meetings/2026/2026-08-13-sandy-biggleswade-ltt.json:15:10: field `end` must be a date like 2026-11-24T19:00",
                "data/meetings/2026/2026-10-06-cranfield-marston-woburn-ltt.json:5:3: expected ',' or '}' but found `\"`",
                "data/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json:11:5: unknown ward `pottonn`",
            ])
            #expect(run.stderr.contains("3 problem(s) in 3 file(s); 2 file(s) could not be read"))
        }
    }

    @Test func test_list_brokenCopy_stillListsTheOtherMeetings() throws {
        try withBrokenCopy { folder in
            let all = try forumdesk(["list", "meetings", "--json"])
            let run = try forumdesk(["list", "meetings", "--json"], in: folder, environment: ["FORUMDESK_DATA": "data"])
            #expect(run.status == 3)
            let listed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
            let total = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
            #expect(listed?.count == (total?.count ?? 0) - 2)
            #expect(listed?.contains { $0["id"] as? String == "2026-10-15-sandy-biggleswade-ltt" } == true)
            #expect(run.stderr.contains("2 file(s) could not be read and were skipped"))
        }
    }

    @Test func test_missingDataFolder_exitsThree_withAHint() throws {
        let run = try forumdesk(["validate", "--data", "/nonexistent/data"])
        #expect(run.status == 3)
        #expect(run.stderr == "forumdesk: /nonexistent/data: no such data folder (give one with --data DIR or FORUMDESK_DATA)\n")
    }
}

@Suite struct ListCommandTests {
    let now = ["--now", "2026-11-23T12:00"]

    @Test func test_listMeetings_filtersByAreaPrefixAnyCase_andDateRange() throws {
        let run = try forumdesk(["list", "meetings", "--area", "SANDY", "--from", "2026-06-01", "--to", "2026-06-30"] + now)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("DATE") == true)
        #expect(lines.dropFirst(2).dropLast().allSatisfy { $0.contains("Sandy and Biggleswade") && $0.contains("2026-06-") })
        #expect(lines.last == "2 meetings")
    }

    @Test func test_listMeetings_byWard_json_hasWarnings() throws {
        let run = try forumdesk(["list", "meetings", "--ward", "linslade", "--status", "confirmed", "--json"] + now)
        #expect(run.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["2026-12-01-leighton-buzzard-linslade-ltt"])
        #expect((items[0]["warnings"] as? [String])?.first?.hasPrefix("stale notice") == true)
    }

    @Test func test_listTopics_filtersByAreaAndStatus_json_showsTheRollOut() throws {
        let run = try forumdesk(["list", "topics", "--area", "leighton b", "--json"] + now)
        #expect(run.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(items.contains { $0["id"] as? String == "local-plan-housing-sites" })
        #expect(!items.contains { $0["id"] as? String == "winter-vaccinations" })  // not wanted in Leighton Buzzard
        let budget = try #require(items.first { $0["id"] as? String == "budget-2027-28" })
        let areas = try #require(budget["areas"] as? [String: [String: String]])
        #expect(areas["sandy-biggleswade"]?["state"] == "presented" && areas["sandy-biggleswade"]?["meeting"] == "2026-10-15-sandy-biggleswade-ltt")
        #expect(areas["leighton-rural"]?["state"] == "scheduled")
        #expect(areas["leighton-buzzard-linslade"]?["state"] == "to-schedule")

        let declined = try forumdesk(["list", "topics", "--status", "declined"] + now)
        #expect(declined.stdout.contains("library-opening-hours") && !declined.stdout.contains("budget-2027-28"))
        #expect(declined.stdout.contains("1 topic request."))
        let bad = try forumdesk(["list", "topics", "--status", "maybe"] + now)
        #expect(bad.status == 2)
    }

    @Test func test_exportTopicsCSV_oneRowPerTopicAndArea() throws {
        let run = try forumdesk(["export", "csv", "topics", "--area", "sandy"] + now)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("topic,title,organisation") == true)
        let budget = try #require(lines.first { $0.hasPrefix("budget-2027-28,") })
        #expect(budget.contains(",sandy-biggleswade,presented,2026-10-15-sandy-biggleswade-ltt,"))
        #expect(budget.contains("protect adult social care"))
        #expect(lines.dropFirst().allSatisfy { $0.contains(",sandy-biggleswade,") })
    }

    @Test func test_listActions_overdueForAnOwner() throws {
        let all = try forumdesk(["list", "actions", "--overdue", "--json"] + now)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["overdue"] as? Bool == true })
        let owner = try #require(items[0]["ownerName"] as? String)
        let mine = try forumdesk(["list", "actions", "--overdue", "--owner", owner.lowercased()] + now)
        #expect(mine.status == 0)
        #expect(mine.stdout.split(separator: "\n").dropFirst(2).dropLast().allSatisfy { $0.contains(owner) && $0.contains(" !") })
    }

    @Test func test_usageErrors_exitTwo_withAClearMessage() throws {
        let ambiguous = try forumdesk(["list", "meetings", "--area", "leighton"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("`leighton` matches more than one area: Leighton Rural, Leighton Buzzard and Linslade"))
        let badStatus = try forumdesk(["list", "meetings", "--status", "helld"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.contains("helld"))
        let badDate = try forumdesk(["list", "meetings", "--from", "24/11/2026"])
        #expect(badDate.status == 2)
        let unknownCommand = try forumdesk(["lsit"])
        #expect(unknownCommand.status == 2)
    }

    @Test func test_noArguments_printsTheDashboard() throws {
        let run = try forumdesk(now)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Central Bedfordshire Council: "))
        #expect(run.stdout.contains("cancellation notice owed"))
        #expect(run.stdout.contains("Overdue actions ("))
    }

    @Test func test_hostileText_neverReachesTheTerminalRaw() throws {
        try withBrokenCopy { folder in
            let path = folder.appendingPathComponent("data/meetings/2026/2026-11-05-shefford-stotfold-arlesey-ltt.json")
            let text = try String(contentsOf: path, encoding: .utf8)
            try #require(text.contains("\"name\": \"Arlesey Village Hall\""))
            try text.replacingOccurrences(of: "\"name\": \"Arlesey Village Hall\"",
                                          with: "\"name\": \"Hall\\u001b]0;pwned\\u0007\\u001b[2J\\u202e\"")
                .write(to: path, atomically: true, encoding: .utf8)
            let run = try forumdesk(["list", "meetings", "--data", "data", "--area", "shefford"], in: folder)
            #expect(!run.stdout.contains("\u{1B}"))
            #expect(!run.stdout.contains("\u{07}"))
            #expect(!run.stdout.contains("\u{202E}"))
            #expect(run.stdout.contains("Hall\u{241B}]0;pwned\u{2407}\u{241B}[2J\u{FFFD}"))
        }
    }
}

/// Runs scripts/check-invites.py (Python's email and icalendar packages) on files; returns its JSON.
func checkWithPython(_ arguments: [String]) throws -> (status: Int32, json: [[String: Any]]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/check-invites.py").path] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let json = (try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    return (process.terminationStatus, json)
}

@Suite(.serialized) struct NotifyCommandTests {
    let now = ["--now", "2026-11-23T12:00"]

    func outbox(_ copy: SampleCopy, _ id: String) -> [String] {
        let folder = copy.path + "/outbox/" + id
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test func test_notify_writesValidInvitations_clearsTheWarning_andUpdatesFollowAChange() throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let before = try forumdesk(["list", "meetings", "--data", copy.path, "--json"] + now)
        #expect(before.stdout.contains("not notified: Cllr Tamsin Lanternby"))
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        let files = outbox(copy, id)
        #expect(files.count == 1)
        let (status, json) = try checkWithPython(files)
        #expect(status == 0, "\(json)")
        let event = try #require(((json.first?["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first)
        #expect(event["uid"] as? String == "\(id)@forumdesk")
        #expect(event["sequence"] as? Int == 0)
        #expect(event["tz"] as? String == "Europe/London")
        #expect((event["attendees"] as? [[String: Any]])?.first?["rsvp"] as? String == "TRUE")
        let after = try forumdesk(["list", "meetings", "--data", copy.path, "--json"] + now)
        #expect(!after.stdout.contains("not notified: Cllr Tamsin Lanternby"))

        // Move the meeting half an hour: every notice is stale, and the next notify sends SEQUENCE 1 to all.
        let path = copy.path + "/meetings/2026/\(id).json"
        // Only the meeting's own start (the first one): the notices keep what they announced.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "\"start\": \"2026-12-17T19:00:00+00:00\""))
        text.replaceSubrange(start, with: "\"start\": \"2026-12-17T19:30:00+00:00\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["list", "meetings", "--data", copy.path, "--json"] + now).stdout.contains("stale notice"))
        let second = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(second.status == 0)
        let updates = outbox(copy, id).filter { !files.contains($0) }
        // The invitation the update supersedes is withdrawn from the outbox (moved aside, recorded): the mail
        // system must not send both.
        #expect(outbox(copy, id).allSatisfy { !files.contains($0) })
        let withdrawn = (try? FileManager.default.contentsOfDirectory(atPath: copy.path + "/outbox-withdrawn/" + id)) ?? []
        #expect(withdrawn == files.map { ($0 as NSString).lastPathComponent })
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"withdrawn\": \"2026-11-23T12:00:00+00:00\""))
        #expect(second.stdout.contains("withdrew 1 superseded e-mail(s) from the outbox to outbox-withdrawn/\(id)/"))
        // Every councillor gets the update: by e-mail, or listed for a letter or a call.
        let lines = second.stdout.split(separator: "\n").filter { !$0.hasPrefix("withdrew ") }
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.contains("invitation, SEQUENCE 1") || $0.hasPrefix("by hand: ") })
        #expect(updates.count == lines.filter { $0.contains("SEQUENCE 1") }.count)
        let (updateStatus, updateJSON) = try checkWithPython(updates)
        #expect(updateStatus == 0)
        let sequences = updateJSON.compactMap { (($0["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["sequence"] as? Int }
        #expect(Set(sequences) == [1])
        let uids = Set(updateJSON.compactMap { (($0["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["uid"] as? String })
        #expect(uids == ["\(id)@forumdesk"])
    }

    @Test func test_cancelledMeeting_sendsCancel() throws {
        let copy = try SampleCopy()
        let id = "2026-12-10-flitwick-ward-forum"
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.stdout.contains("cancellation, SEQUENCE 1"))
        #expect(run.stdout.contains("by hand: Cllr Orla Hollowell (prefers letter"))
        let (status, json) = try checkWithPython(outbox(copy, id))
        #expect(status == 0)
        #expect(json.first?["content_method"] as? String == "CANCEL")
        #expect((((json.first?["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["status"] as? String) == "CANCELLED")
    }

    @Test func test_importReply_recordsTheAnswer() throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        // As Outlook sends it: METHOD:REPLY, folded lines, quoted CN, upper-case MAILTO.
        let reply = """
        BEGIN:VCALENDAR\r
        METHOD:REPLY\r
        PRODID:Microsoft Exchange Server 2010\r
        VERSION:2.0\r
        BEGIN:VEVENT\r
        ATTENDEE;PARTSTAT=DECLINED;CN="Cllr Tamsin Lanternby":MAILTO:tamsin.lanternby@councillors.exa\r
         mple.org\r
        UID:\(id)@forumdesk\r
        SEQUENCE:0\r
        DTSTAMP:20261124T090000Z\r
        END:VEVENT\r
        END:VCALENDAR\r

        """
        let file = copy.folder + "/reply.ics"
        try reply.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "reply", file, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Cllr Tamsin Lanternby: declined"))
        let meeting = try String(contentsOfFile: copy.path + "/meetings/2026/\(id).json", encoding: .utf8)
        #expect(meeting.contains("\"reply\": \"declined\""))
        let bad = copy.folder + "/bad.ics"
        try "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try forumdesk(["import", "reply", bad, "--data", copy.path] + now)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("not a calendar reply (METHOD:REPLY is missing)"))
    }

    /// The shapes Google Calendar (extra parameters, lower-case mailto, unquoted CN) and Thunderbird
    /// (PARTSTAT last, a long folded ATTENDEE line) send.
    @Test(arguments: [
        ("google", "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=tamsin.lanternby@councillors.example.org;X-NUM-GUESTS=0:mailto:tamsin.lanternby@councillors.example.org", "accepted"),
        ("thunderbird", "ATTENDEE;RSVP=TRUE;CN=Cllr Tamsin Lanternby;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE:m\r\n ailto:tamsin.lanternby@councillors.example.org", "tentative"),
    ])
    func test_importReply_fromOtherClients(client: String, attendee: String, expected: String) throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let text = "BEGIN:VCALENDAR\r\nPRODID:\(client)\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:\(id)@forumdesk\r\n"
            + attendee.replacingOccurrences(of: "\\r\\n", with: "\r\n") + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let file = copy.folder + "/\(client).ics"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try forumdesk(["import", "reply", file, "--data", copy.path] + now)
        #expect(run.stdout.contains("Cllr Tamsin Lanternby: \(expected)"), "\(client): \(run.stdout) \(run.stderr)")
    }

    @Test func test_publicCalendar_isValid_andHasNoPersonalDetails() throws {
        let copy = try SampleCopy()
        let file = copy.folder + "/public.ics"
        let run = try forumdesk(["export", "ics", "--area", "dunstable", "-o", file, "--data", copy.path] + now)
        #expect(run.status == 0)
        let (status, json) = try checkWithPython(["--ics", file])
        #expect(status == 0, "\(json)")
        let events = try #require((json.first?["calendar"] as? [String: Any])?["events"] as? [[String: Any]])
        #expect(!events.isEmpty)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("@councillors.example.org") && !text.contains("01632"))
        #expect(text.contains("METHOD:PUBLISH"))
    }

    /// No folder-wide lock: notify works while someone has the app open (even on that meeting), and an
    /// old-style lock file left by an earlier version changes nothing.
    @Test func test_notify_worksWhileSomeoneHasTheMeetingOpen() throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let host = ProcessInfo.processInfo.hostName
        let owner = "{\"pid\": \(getppid()), \"host\": \"\(host)\", \"user\": \"ana\", \"since\": \"2026-11-23T09:00\"}"
        try owner.write(toFile: copy.path + "/.forumdesk.lock", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: copy.path + "/.presence", withIntermediateDirectories: true)
        try owner.write(toFile: copy.path + "/.presence/\(id).\(host).\(getppid()).json", atomically: true, encoding: .utf8)
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
    }
}

@Suite struct TextTableAlignmentTests {
    @Test func test_listAlignsCommunityLanguageText() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/2026-11-17-dunstable-houghton-regis-ltt.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"name\": \"Grove House\"",
                                                                                      with: "\"name\": \"গ্রোভ হাউস 中文\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try forumdesk(["list", "meetings", "--area", "dunstable", "--data", copy.path, "--now", "2026-11-23T12:00"])
        let lines = run.stdout.split(separator: "\n").map(String.init).filter { $0.contains("-dunstable-") }
        #expect(lines.contains { $0.contains("গ্রোভ হাউস 中文") })
        // The ID column (the last) starts at the same display column on every row.
        let starts = lines.compactMap { line -> Int? in
            guard let r = line.range(of: "  20", options: .backwards) else { return nil }
            return DisplayWidthProbe.of(String(line[..<r.upperBound]))
        }
        #expect(starts.count == lines.count && Set(starts).count == 1, "\(lines)")
    }
}

/// Columns as a terminal counts them (CJK two, combining marks none), for checking CLI output.
enum DisplayWidthProbe {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, s in
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: return total + ((0x4E00...0x9FFF).contains(s.value) ? 2 : 1)
            }
        }
    }
}

@Suite struct CSVExportTests {
    /// Python's csv module reads the file back: rows, and the fields of one record by column name.
    func readWithPython(_ file: String) throws -> [[String: String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c",
                             "import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))",
                             file]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
    }

    @Test func test_everyTable_parsesWithPython_oneRowPerRecord() throws {
        let copy = try SampleCopy()
        let data = copy.path
        let expected = [
            "meetings": 58,
            "actions": try forumdesk(["list", "actions", "--json", "--data", data]).stdout.components(separatedBy: "\"id\"").count - 1,
        ]
        for table in ["meetings", "actions", "attendance", "notifications", "issues", "topics"] {
            let file = copy.folder + "/\(table).csv"
            let run = try forumdesk(["export", "csv", table, "-o", file, "--data", data, "--now", "2026-11-23T12:00"])
            #expect(run.status == 0)
            let rows = try readWithPython(file)
            #expect(!rows.isEmpty, "\(table)")
            if let count = expected[table] { #expect(rows.count == count, "\(table)") }
        }
    }

    @Test func test_hostileTitle_isDefused_rawKeepsIt_andImportGivesItBack() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json"
        let title = "=cmd|' /C calc'!A0, \"quoted\"\nsecond line"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let old = try #require(text.range(of: "\"title\": \"Let's Talk Together: Sandy and Biggleswade\""))
        text.replaceSubrange(old, with: "\"title\": \"=cmd|' /C calc'!A0, \\\"quoted\\\"\\nsecond line\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let raw = copy.folder + "/raw.csv", excel = copy.folder + "/excel.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "--raw", "-o", raw, "--data", copy.path]).status == 0)
        #expect(try forumdesk(["export", "csv", "meetings", "--excel", "-o", excel, "--data", copy.path]).status == 0)
        #expect(try readWithPython(raw).first { $0["id"] == "2026-10-15-sandy-biggleswade-ltt" }?["title"] == title)
        #expect(try readWithPython(excel).first { $0["id"] == "2026-10-15-sandy-biggleswade-ltt" }?["title"] == "'" + title)
        #expect(try Data(contentsOf: URL(fileURLWithPath: excel)).starts(with: [0xEF, 0xBB, 0xBF]))
        // Imported into an empty folder, the defused export gives back the title as it was.
        let empty = copy.folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/directory", withIntermediateDirectories: true)
        for file in ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"] {
            try FileManager.default.copyItem(atPath: copy.path + "/" + file, toPath: empty + "/" + file)
        }
        #expect(try forumdesk(["import", "csv", "meetings", excel, "--data", empty]).status == 0)
        let imported = try String(contentsOfFile: empty + "/meetings/2026/2026-10-15-sandy-biggleswade-ltt.json", encoding: .utf8)
        #expect(imported.contains("\"title\": \"=cmd|' /C calc'!A0, \\\"quoted\\\"\\nsecond line\""))
    }
}

@Suite struct CSVImportTests {
    func write(_ text: String, _ copy: SampleCopy, _ name: String = "import.csv") throws -> String {
        let path = copy.folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func test_people_withLooseColumnNames_areAdded_andNotDuplicatedOnASecondImport() throws {
        let copy = try SampleCopy()
        // As a spreadsheet saves it: a BOM, CRLF, quoted fields, a name with an apostrophe and a comma inside quotes.
        let csv = "\u{FEFF}Full name,E-mail address,Organisation,Job title,Telephone,Ward\r\n"
            + "Seán O'Brien,sean.obrien@example.org,Sandy Town Council,\"Deputy Clerk, Finance\",01632 960901,\r\n"
            + "Cllr Rukhsana Begum,rukhsana.begum@councillors.example.org,,,01632 960902,Parkside\r\n"
        let file = try write(csv, copy)
        let dry = try forumdesk(["import", "csv", "people", file, "--dry-run", "--data", copy.path])
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("would add: Seán O'Brien (Sandy Town Council)"))
        #expect(!(try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)).contains("Seán"))
        let run = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let people = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        #expect(people.contains("\"title\": \"Deputy Clerk, Finance\""))
        #expect(people.contains("\"id\": \"cllr-rukhsana-begum\""))
        #expect(try forumdesk(["validate", "--data", copy.path]).status == 0)
        let again = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(again.stdout.contains("skipped: Seán O'Brien (already present as sean-o-brien)"))
        #expect(!again.stdout.contains("added:"))
    }

    @Test func test_problemRows_areReportedByRow_andNothingIsImported() throws {
        let copy = try SampleCopy()
        let before = try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8)
        let csv = "Name,Email,Organisation,Ward\n"
            + "Good Person,good@example.org,Sandy Town Council,\n"
            + "Bad Email,not-an-address,,\n"
            + "Nobody's Org,x@example.org,Acme Widgets,\n"
            + "Wrong Ward,w@example.org,,Atlantis\n"
            + "Too,many,fields,here,extra\n"
        let file = try write(csv, copy)
        let run = try forumdesk(["import", "csv", "people", file, "--data", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            "\(file):3: Email: “not-an-address” is not an address like name@example.org (exactly one @)",
            "\(file):4: Organisation: no organisation matches `Acme Widgets` (import organisations first, or add it in the Directory)",
            "\(file):5: Ward: no ward matches `Atlantis`",
            "\(file):6: 5 fields, but the header has 4",
        ])
        #expect(run.stderr.contains("nothing was imported"))
        #expect(try String(contentsOfFile: copy.path + "/directory/people.json", encoding: .utf8) == before)
    }

    @Test func test_organisations_sectorWordsAndAreas() throws {
        let copy = try SampleCopy()
        let csv = "Organisation,Type,Serves,Email\n"
            + "Potton Residents' Forum,Community group,Sandy,forum@example.org\n"
            + "Bedfordshire Fire and Rescue Service,Fire,,\n"
        let run = try forumdesk(["import", "csv", "organisations", try write(csv, copy), "--data", copy.path])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("added: Potton Residents' Forum"))
        #expect(run.stdout.contains("skipped: Bedfordshire Fire and Rescue Service (already present as bedfordshire-fire-rescue)"))
        let orgs = try String(contentsOfFile: copy.path + "/directory/organisations.json", encoding: .utf8)
        #expect(orgs.contains("\"id\": \"potton-residents-forum\""))
        #expect(orgs.contains("\"sector\": \"voluntary-and-community\""))
    }

    @Test func test_unclosedQuote_isReportedWithItsRow() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["import", "csv", "people", try write("Name,Email\n\"Broken,x@example.org\n", copy), "--data", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix(":2: a quoted field is not closed before the end of the file\n"))
    }
}

@Suite struct MeetingImportTests {
    @Test func test_roundTrip_exportThenImportIntoAnEmptyFolder_givesTheSameMeetings() throws {
        let copy = try SampleCopy()
        let csv = copy.folder + "/meetings.csv"
        #expect(try forumdesk(["export", "csv", "meetings", "-o", csv, "--data", copy.path]).status == 0)
        // A folder with the same directory but no meetings.
        let empty = copy.folder + "/empty"
        try FileManager.default.createDirectory(atPath: empty + "/directory", withIntermediateDirectories: true)
        for file in ["forumdesk.json", "directory/areas.json", "directory/people.json", "directory/organisations.json"] {
            try FileManager.default.copyItem(atPath: copy.path + "/" + file, toPath: empty + "/" + file)
        }
        let run = try forumdesk(["import", "csv", "meetings", csv, "--data", empty])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let original = try #require(try JSONSerialization.jsonObject(with: Data(try forumdesk(["list", "meetings", "--json", "--data", copy.path]).stdout.utf8)) as? [[String: Any]])
        let imported = try #require(try JSONSerialization.jsonObject(with: Data(try forumdesk(["list", "meetings", "--json", "--data", empty]).stdout.utf8)) as? [[String: Any]])
        #expect(imported.count == original.count)
        for (a, b) in zip(original, imported) {
            for key in ["id", "title", "kind", "area", "wards", "start", "end", "venue", "status"] {
                #expect(String(describing: a[key]) == String(describing: b[key]), "\(a["id"] ?? "") \(key)")
            }
        }
        // Importing again duplicates nothing.
        let again = try forumdesk(["import", "csv", "meetings", csv, "--data", empty])
        #expect(!again.stdout.contains("added:"))
        // The export's counts are reported as worked out by ForumDesk; every meeting is skipped.
        #expect(again.stdout.split(separator: "\n").filter { !$0.hasPrefix("skipped: ") } == [
            "\(csv):1: agenda_items: ignored, ForumDesk works this out itself",
            "\(csv):1: actions: ignored, ForumDesk works this out itself",
            "\(csv):1: invitations: ignored, ForumDesk works this out itself",
        ])
    }

    @Test func test_problemRows_areReportedByRow_andNothingIsImported() throws {
        let copy = try SampleCopy()
        let csv = "Date,Area,Venue,Wards,Status\n"
            + "3 Dec 2026 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
            + "31 Feb 2027 7pm,Sandy and Biggleswade,Hall,,\n"
            + "4 Dec 2026 7pm,Atlantis,Hall,,\n"
            + "5 Dec 2026 7pm,Leighton Rural,Hall,Sandy,\n"
            + "6 Dec 2026 7pm,Leighton Rural,Hall,,someday\n"
        let file = copy.folder + "/bad.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count
        let run = try forumdesk(["import", "csv", "meetings", file, "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").map(String.init) == [
            "\(file):3: Date: 31 Feb 2027 is not a day of the calendar",
            "\(file):4: Area: no area matches `Atlantis`; known: Cranfield, Marston and Woburn, Sandy and Biggleswade, Ampthill and Flitwick, "
                + "Shefford, Stotfold and Arlesey, Dunstable, Houghton Regis and Rural, Leighton Rural, Leighton Buzzard and Linslade",
            "\(file):5: Wards: no ward of Leighton Rural matches `Sandy`; known: Heath and Reach, Eaton Bray, Toddington",
            "\(file):6: Status: no status matches `someday`; known: Planned, Confirmed, Held, Postponed, Cancelled",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path + "/meetings/2026").count == before)
    }
}

/// Several `forumdesk` processes writing one data folder at once: they take turns (flock), and every change is
/// in the files afterwards.
@Suite struct ConcurrentWritersTests {
    func reply(_ meeting: String, _ name: String, _ email: String, _ answer: String) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:\(meeting)@forumdesk\r\n"
            + "ATTENDEE;PARTSTAT=\(answer);CN=\(name):mailto:\(email)\r\nSEQUENCE:1\r\nDTSTAMP:20261123T120000Z\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, err)
    }

    @Test func test_fiveWritersAtOnce_onDifferentAndTheSameMeeting_loseNothing() throws {
        let copy = try SampleCopy()
        let now = ["--now", "2026-11-23T12:00", "--data", copy.path]
        let shared = "2026-12-01-leighton-buzzard-linslade-ltt"
        #expect(try forumdesk(["notify", shared] + now).status == 0)
        let replyA = copy.folder + "/a.ics", replyB = copy.folder + "/b.ics", csv = copy.folder + "/new.csv"
        try reply(shared, "Cllr Marisol Yewdale", "marisol.yewdale@councillors.example.org", "ACCEPTED")
            .write(toFile: replyA, atomically: true, encoding: .utf8)
        try reply(shared, "Cllr Leon Emberton", "leon.emberton@councillors.example.org", "DECLINED")
            .write(toFile: replyB, atomically: true, encoding: .utf8)
        try "Date,Area,Venue,Wards,Status\n14 Jan 2027 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let writers = try [
            ["notify", "2026-12-17-sandy-biggleswade-ltt"],   // a different meeting
            ["notify", "2026-12-10-flitwick-ward-forum"],     // another one (a cancellation)
            ["import", "reply", replyA],                      // the same meeting, twice
            ["import", "reply", replyB],
            ["import", "csv", "meetings", csv],               // a new meeting file
        ].map { try start($0 + now) }
        for (process, err) in writers {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(process.arguments ?? []): \(stderr)")
        }
        func notifications(_ id: String) throws -> [[String: Any]] {
            let url = URL(fileURLWithPath: "\(copy.path)/meetings/\(id.prefix(4))/\(id).json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            return json["notifications"] as? [[String: Any]] ?? []
        }
        let replies = try notifications(shared).compactMap { n in (n["councillor"] as? String).map { ($0, n["reply"] as? String) } }
        #expect(replies.contains { $0 == ("cllr-marisol-yewdale", "accepted") })
        #expect(replies.contains { $0 == ("cllr-leon-emberton", "declined") })
        #expect(try notifications("2026-12-17-sandy-biggleswade-ltt").contains { $0["councillor"] as? String == "cllr-tamsin-lanternby" })
        #expect(try notifications("2026-12-10-flitwick-ward-forum").contains { $0["kind"] as? String == "cancellation" })
        #expect(FileManager.default.fileExists(atPath: copy.path + "/meetings/2027/2027-01-14-sandy-biggleswade-ltt.json"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/.forumdesk.lock"))
        // Every file is still valid.
        #expect(try forumdesk(["validate"] + now).status == 0)
    }
}

/// Whatever the umask, what ForumDesk writes is private to the user: files 0600, folders 0700.
@Suite struct PermissionsTests {
    func modes(_ root: String) -> [String: (mode: mode_t, bytes: Data)] {
        var result: [String: (mode_t, Data)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let name = enumerator?.nextObject() as? String {
            var info = stat()
            stat(root + "/" + name, &info)
            let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            result[name] = (info.st_mode & 0o777, isFolder ? Data() : (try? Data(contentsOf: URL(fileURLWithPath: root + "/" + name))) ?? Data())
        }
        return result
    }

    /// Every file and folder a command writes has the data folder's modes, whatever the umask: private (0600,
    /// 0700), or readable by the group (0640, 2750) when the folder is shared by the setting. Every writer is run:
    /// a saved meeting, a notice's e-mail, an import's batch, an e-mail sent, letters, the index, a purge, and (outside
    /// the data folder, where the user's own -o path and `generate` stay private) exports.
    @Test(arguments: [("000", false), ("022", false), ("077", false), ("000", true), ("077", true)])
    func test_everyFileWritten_hasTheFoldersModes(umask: String, sharedWithGroup: Bool) throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        var text = try String(contentsOfFile: settings, encoding: .utf8)
        // A mail program that accepts everything, so that `send` moves e-mails to sent/ and writes their logs.
        try copy.setMailProgram(["/bin/sh", "-c", "cat >/dev/null"])
        text = text.replacingOccurrences(of: "\"schema\": 1,", with: "\"schema\": 1," + (sharedWithGroup ? "\n  \"sharedWithGroup\": true," : ""))
        try text.write(toFile: settings, atomically: true, encoding: .utf8)
        let before = modes(copy.folder)
        let csv = copy.folder + "/new.csv"
        var sheet = "Date,Area,Venue,Wards,Status\n8 Jan 2031 7pm,Sandy and Biggleswade,Potton Community Centre,Potton,planned\n"
        for day in 1...3 { sheet += "\(day) Mar 2032 7pm,Leighton Rural,Hall \(day),,planned\n" }  // a batch, in a new year folder
        try sheet.write(toFile: csv, atomically: true, encoding: .utf8)
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        for arguments in [
            ["notify", "2026-12-17-sandy-biggleswade-ltt"],          // outbox folder and e-mail, meeting saved
            ["send"],                                                // sent/ folder, the e-mails moved and their logs
            ["letters", "2027-01-12-ampthill-flitwick-ltt"],         // letters/ folder, the letters (HTML, PDF), meeting saved
            ["remind"],                                              // outbox/reminders/, actions saved with their reminders
            ["brief"],                                               // outbox/briefings/
            ["import", "csv", "meetings", csv],                      // new year folders and meeting files
            ["list", "meetings"],                                    // the start-up index
            ["export", "csv", "actions", "-o", copy.folder + "/exports/actions.csv"],
            ["export", "minutes", "2026-10-15-sandy-biggleswade-ltt", "-o", copy.folder + "/exports/minutes.html"],
            ["generate", "--meetings", "20", "--out", copy.folder + "/generated"],
            ["purge", "--before", "2026-01-01"],
        ] {
            let run = try forumdesk(["sh", "-c", "umask \(umask); exec \"$0\" \"$@\"", binary] + arguments + (arguments[0] == "generate" ? [] : data),
                                    viaShell: true)
            // `remind` says 1 when an owner has no e-mail address (the sample has one).
            #expect(run.status == 0 || (arguments[0] == "remind" && run.status == 1), "\(arguments): \(run.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: copy.path + "/sent/2026-12-17-sandy-biggleswade-ltt"))
        #expect(FileManager.default.fileExists(atPath: copy.path + "/outbox/reminders") && FileManager.default.fileExists(atPath: copy.path + "/outbox/briefings"))
        let after = modes(copy.folder)
        var checked = 0
        for (name, now) in after where name != "new.csv" {
            let old = before[name]
            guard old == nil || old?.bytes != now.bytes else { continue }  // untouched sample files keep their mode
            let isFolder = now.bytes.isEmpty && (try? FileManager.default.contentsOfDirectory(atPath: copy.folder + "/" + name)) != nil
            if old != nil && isFolder { continue }
            let shared = sharedWithGroup && name.hasPrefix("data/")
            let expected: mode_t = isFolder ? (shared ? 0o750 : 0o700) : (shared ? 0o640 : 0o600)
            #expect(now.mode == expected, "umask \(umask), shared \(sharedWithGroup): \(name) is \(String(now.mode, radix: 8))")
            checked += 1
        }
        #expect(checked > 30)
    }
}

/// `forumdesk purge`: personal data out of old meetings, counts, outcomes and actions kept.
@Suite struct PurgeTests {
    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func files(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) where name.hasSuffix(".json") || name.hasSuffix(".eml") {
            result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return result
    }

    @Test func test_purge_removesNames_keepsCounts_outcomesAndActions_andOnlyTouchesOldMeetings() throws {
        let copy = try SampleCopy()
        let data = ["--data", copy.path, "--now", "2026-11-23T12:00"]
        let old = "2025-12-04-sandy-biggleswade-ltt"
        let path = copy.path + "/meetings/2025/\(old).json"
        // An outbox e-mail of the old meeting, which names a councillor and her address.
        try FileManager.default.createDirectory(atPath: copy.path + "/outbox/\(old)", withIntermediateDirectories: true)
        try "To: Cllr X <x@example.org>".write(toFile: copy.path + "/outbox/\(old)/a.eml", atomically: true, encoding: .utf8)
        let before = try json(path)
        let untouched = try files(copy.path).filter { !$0.key.contains("2025") }

        let dry = try forumdesk(["purge", "--before", "2026-01-01", "--dry-run"] + data)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("\(old): would remove 19 attendee names, 4 reasons for absence"))
        #expect(NSDictionary(dictionary: try json(path)).isEqual(to: before), "a dry run changes nothing")

        let run = try forumdesk(["purge", "--before", "2026-01-01"] + data)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Removed personal data from 3 meetings that ended before 2026-01-01"))
        let after = try json(path)
        let attendance = try #require(after["attendance"] as? [[String: Any]])
        let oldAttendance = try #require(before["attendance"] as? [[String: Any]])
        #expect(attendance.allSatisfy { $0["person"] == nil && $0["reason"] == nil && $0["name"] as? String == "(name removed)" })
        // The counts by role and status are what they were; organisations are kept.
        func counts(_ lines: [[String: Any]]) -> [String: Int] {
            Dictionary(lines.map { ("\($0["role"] ?? "member")/\($0["status"] ?? "")", 1) }, uniquingKeysWith: +)
        }
        #expect(counts(attendance) == counts(oldAttendance))
        #expect(attendance.contains { $0["organisation"] as? String == "sandy-town-council" })
        #expect((after["declarations"] as? [Any])?.isEmpty ?? true)
        #expect(((after["invitations"] as? [[String: Any]]) ?? []).allSatisfy { $0["person"] == nil })
        #expect(after["residentsPresent"] as? Int == before["residentsPresent"] as? Int)
        #expect(NSArray(array: after["actions"] as? [Any] ?? []).isEqual(to: before["actions"] as? [Any] ?? [1]))
        #expect((after["agenda"] as? [[String: Any]])?.map { $0["outcome"] as? String }
                == (before["agenda"] as? [[String: Any]])?.map { $0["outcome"] as? String })
        #expect(after["personalDataRemoved"] as? String == "2026-11-23")
        #expect(!FileManager.default.fileExists(atPath: copy.path + "/outbox/\(old)"))
        // Nothing newer changed, the folder still validates, and a second run has nothing to do.
        #expect(try files(copy.path).filter { !$0.key.contains("2025") } == untouched)
        #expect(try forumdesk(["validate"] + data).status == 0)
        #expect(try forumdesk(["purge", "--before", "2026-01-01"] + data).stdout.contains("No meeting that ended before 2026-01-01 holds personal data."))
        let minutes = try forumdesk(["export", "minutes", old, "--format", "text"] + data)
        #expect(minutes.stdout.contains("(name removed) – Sandy Town Council"))
    }

    @Test func test_purge_refusesAFutureDate() throws {
        let run = try forumdesk(["purge", "--before", "2027-01-01", "--data", TestPaths.sampleData, "--now", "2026-11-23T12:00"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is in the future"))
    }

    /// Equality monitoring is counts only: a file that records it per person is refused, with its position.
    @Test func test_equalityMonitoring_isCountsOnly() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2025/2025-12-04-sandy-biggleswade-ltt.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"residentsPresent\":", with: "\"equality\": {\"age\": {\"Ann Example\": \"18-24\"}},\n  \"residentsPresent\":")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try forumdesk(["validate", "--data", copy.path, "--now", "2026-11-23T12:00"])
        #expect(run.status != 0)
        #expect(run.stdout.contains("2025-12-04-sandy-biggleswade-ltt.json:") || run.stderr.contains("2025-12-04-sandy-biggleswade-ltt.json:"))
    }
}

/// `--councillor` matches a name as every command does, a surname alone included, and lists the candidates
/// of an ambiguous one (issue 20).
@Suite struct CouncillorOptionTests {
    @Test func test_surnameAlone_matches_andAmbiguityListsTheCandidates() throws {
        let one = try forumdesk(["tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Wychbold"])
        #expect(one.status == 0, "\(one.stderr)")
        let two = try forumdesk(["tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Lanternby"])
        #expect(two.status == 2)
        #expect(two.stderr.contains("`Lanternby` matches more than one councillor: Cllr Tamsin Lanternby, Cllr Dev Lanternby"))
        let none = try forumdesk(["tui", "--data", TestPaths.sampleData, "--now", "2026-11-23", "--councillor", "Wilf Lanternby"])
        #expect(none.status == 2 && none.stderr.contains("no councillor matches `Wilf Lanternby`"), "\(none.stderr)")
    }
}

/// The sample folder says which day it was written for (`sampleToday`): without `--now` ForumDesk runs on
/// that day, so whenever the sample is opened its meetings to come are still to come.
@Suite struct SampleClockTests {
    @Test func test_sampleRunsOnItsOwnDay_withoutNow() throws {
        let pinned = try forumdesk(["list", "actions", "--overdue", "--data", TestPaths.sampleData, "--now", "2026-11-23"])
        let unpinned = try forumdesk(["list", "actions", "--overdue", "--data", TestPaths.sampleData])
        #expect(unpinned.status == 0 && unpinned.stdout == pinned.stdout)
        let upcoming = try forumdesk(["list", "meetings", "--status", "confirmed", "--from", "2026-11-23", "--data", TestPaths.sampleData])
        #expect(upcoming.stdout.contains("2026-11-26"))
    }

    /// A folder without `sampleToday` (a council's own) runs on the real clock.
    @Test func test_aRealFolder_runsOnTheRealClock() throws {
        let copy = try SampleCopy()
        let settings = copy.path + "/forumdesk.json"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
            .replacingOccurrences(of: ",\n  \"sampleToday\": \"2026-11-23\"", with: "")
        try text.write(toFile: settings, atomically: true, encoding: .utf8)
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd"
        let today = formatter.string(from: Date())
        let real = try forumdesk(["list", "actions", "--overdue", "--data", copy.path])
        let pinnedToToday = try forumdesk(["list", "actions", "--overdue", "--data", copy.path, "--now", today])
        #expect(real.status == 0 && real.stdout == pinnedToToday.stdout)
    }
}
