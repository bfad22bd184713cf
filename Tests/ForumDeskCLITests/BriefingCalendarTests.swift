import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 36: a briefing never replaces an invitation already in the councillor's calendar (khal imports the
/// invitation, then the briefing's calendar: the invitation, with its ORGANIZER and ATTENDEE to answer, stays),
/// and a briefing with nothing to attach attaches no calendar.
@Suite(.serialized) struct BriefingCalendarTests {
    let id = "2026-12-17-sandy-biggleswade-ltt"
    let now = ["--now", "2026-11-23T12:00"]

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String) {
        try runProgram(arguments, environment: environment)
    }

    /// The text/calendar part of an e-mail, or nil when it has none (Python's email library decodes it).
    func calendar(of eml: String, to ics: String) throws -> Bool {
        let script =
            "import email,sys\nfrom email import policy\nm=email.message_from_bytes(open(sys.argv[1],'rb').read(),policy=policy.default)\n"
            + "p=[p for p in m.walk() if p.get_content_type()=='text/calendar']\n"
            + "sys.exit(3) if not p else open(sys.argv[2],'wb').write(p[0].get_payload(decode=True))\n"
        let status = try run(["python3", "-c", script, eml, ics]).status
        #expect(status == 0 || status == 3)
        return status == 0
    }

    @Test func test_khal_invitationThenBriefing_theInvitationStays() throws {
        let copy = try SampleCopy()
        let (home, env) = try khalHome(in: copy.folder)
        func khalImport(_ ics: String) throws {
            let imported = try run(
                ["khal", "-c", home + "/config", "import", "--batch", "-a", "forumdesk", ics], environment: env)
            #expect(imported.status == 0, "\(imported.out)")
        }
        /// What khal keeps of the meeting's event.
        func stored() throws -> String {
            let files = try FileManager.default.contentsOfDirectory(atPath: home + "/cal").filter {
                $0.hasSuffix(".ics")
            }
            return try files.map { try String(contentsOfFile: home + "/cal/" + $0, encoding: .utf8) }
                .first { $0.contains("UID:\(id)@forumdesk") } ?? ""
        }
        // The invitation to Otis Rookwood (the sample has notified him already under another id: make him owed one).
        let path = copy.path + "/meetings/2026/\(id).json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"cllr-otis-rookwood\"", with: "\"cllr-otis-rookwood-old\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try forumdesk(["notify", id, "--data", copy.path] + now).status == 0)
        let outbox = copy.path + "/outbox/" + id
        let invitation = try #require(
            try FileManager.default.contentsOfDirectory(atPath: outbox).first { $0.contains("cllr-otis-rookwood") })
        #expect(try calendar(of: outbox + "/" + invitation, to: home + "/invitation.ics"))
        try khalImport(home + "/invitation.ics")
        let invited = try stored()
        #expect(invited.contains("ATTENDEE"), "\(invited)")

        let brief = try forumdesk(
            ["brief", "--councillor", "Otis Rookwood", "--weeks", "13", "--data", copy.path] + now)
        #expect(brief.status == 0, "\(brief.stderr)")
        let folder = copy.path + "/outbox/briefings"
        let mail = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        if try calendar(of: folder + "/" + mail, to: home + "/briefing.ics") {
            let attached = try String(contentsOfFile: home + "/briefing.ics", encoding: .utf8)
            #expect(!attached.contains("UID:\(id)@forumdesk"), "the invited meeting is not attached again")
            #expect(attached.contains("BEGIN:VEVENT"), "a calendar attached holds a meeting")
            try khalImport(home + "/briefing.ics")
        }
        let kept = try stored()
        #expect(
            kept.contains("ATTENDEE") && kept.contains("ORGANIZER"), "the invitation to answer is still there: \(kept)")
    }

    @Test func test_briefing_withNoMeetingToAttach_attachesNoCalendar() throws {
        let copy = try SampleCopy()
        // One week ahead from a Monday with no Sandy meeting in it: nothing to attach.
        let brief = try forumdesk(
            ["brief", "--councillor", "Otis Rookwood", "--weeks", "1", "--data", copy.path] + now)
        #expect(brief.status == 0, "\(brief.stderr)")
        let folder = copy.path + "/outbox/briefings"
        let mail = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(try !calendar(of: folder + "/" + mail, to: copy.folder + "/none.ics"))
        let (status, json) = try checkDigests([folder + "/" + mail], htmlDir: copy.folder + "/html")
        #expect(status == 0, "\(json)")
        let text = try #require(json.first?["text"] as? String)
        #expect(!text.contains("attached"), "\(text)")
        #expect(text.contains("No meeting covering your wards is planned in these weeks."))
    }
}
