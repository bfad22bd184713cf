import Foundation
import ForumDeskTestSupport
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Runs scripts/check-invites.py (Python's email and icalendar packages) on files; returns its JSON.
func checkWithPython(_ arguments: [String]) throws -> (status: Int32, json: [[String: Any]]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/check-invites.py").path] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = readAll(out.fileHandleForReading)
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
        #expect(
            try forumdesk(["list", "meetings", "--data", copy.path, "--json"] + now).stdout.contains("stale notice"))
        let second = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(second.status == 0)
        let updates = outbox(copy, id).filter { !files.contains($0) }
        // The invitation the update supersedes is withdrawn from the outbox (moved aside, recorded): the mail
        // system must not send both.
        #expect(outbox(copy, id).allSatisfy { !files.contains($0) })
        let withdrawn =
            (try? FileManager.default.contentsOfDirectory(atPath: copy.path + "/outbox-withdrawn/" + id)) ?? []
        #expect(withdrawn == files.map { ($0 as NSString).lastPathComponent })
        #expect(
            try String(contentsOfFile: path, encoding: .utf8).contains("\"withdrawn\": \"2026-11-23T12:00:00+00:00\""))
        #expect(second.stdout.contains("withdrew 1 superseded e-mail(s) from the outbox to outbox-withdrawn/\(id)/"))
        // Every councillor gets the update: by e-mail, or listed for a letter or a call.
        let lines = second.stdout.split(separator: "\n").filter { !$0.hasPrefix("withdrew ") }
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.contains("invitation, SEQUENCE 1") || $0.hasPrefix("by hand: ") })
        #expect(updates.count == lines.filter { $0.contains("SEQUENCE 1") }.count)
        let (updateStatus, updateJSON) = try checkWithPython(updates)
        #expect(updateStatus == 0)
        let sequences = updateJSON.compactMap {
            (($0["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["sequence"] as? Int
        }
        #expect(Set(sequences) == [1])
        let uids = Set(
            updateJSON.compactMap {
                (($0["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["uid"] as? String
            })
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
        #expect(
            (((json.first?["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first?["status"] as? String)
                == "CANCELLED")
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
        try "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let refused = try forumdesk(["import", "reply", bad, "--data", copy.path] + now)
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("not a calendar reply (METHOD:REPLY is missing)"))
    }

    /// The shapes Google Calendar (extra parameters, lower-case mailto, unquoted CN) and Thunderbird
    /// (PARTSTAT last, a long folded ATTENDEE line) send.
    @Test(arguments: [
        (
            "google",
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=tamsin.lanternby@councillors.example.org;X-NUM-GUESTS=0:mailto:tamsin.lanternby@councillors.example.org",
            "accepted"
        ),
        (
            "thunderbird",
            "ATTENDEE;RSVP=TRUE;CN=Cllr Tamsin Lanternby;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE:m\r\n ailto:tamsin.lanternby@councillors.example.org",
            "tentative"
        ),
    ])
    func test_importReply_fromOtherClients(client: String, attendee: String, expected: String) throws {
        let copy = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let text =
            "BEGIN:VCALENDAR\r\nPRODID:\(client)\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:\(id)@forumdesk\r\n"
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
        try owner.write(
            toFile: copy.path + "/.presence/\(id).\(host).\(getppid()).json", atomically: true, encoding: .utf8)
        let run = try forumdesk(["notify", id, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
    }
}
