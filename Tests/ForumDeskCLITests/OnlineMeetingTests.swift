import Foundation
import ForumDeskTestSupport
import Testing

/// Online and hybrid meetings through the real binary: the notice's text and calendar carry the joining link
/// (`URL`, RFC 7986 `CONFERENCE`), read back by Python's `email` and `icalendar` (scripts/check-invites.py); the
/// public page and calendars carry it only when the officer marked it public.
@Suite(.serialized) struct OnlineMeetingTests {
    let now = ["--now", "2026-11-23T12:00"]
    let sandy = "2026-12-17-sandy-biggleswade-ltt"
    let teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_SandyExample%40thread.v2/0"

    /// The sample's Sandy meeting made hybrid over Teams, its link public or not.
    func makeHybrid(_ copy: SampleCopy, published: Bool) throws {
        let path = copy.path + "/meetings/2026/\(sandy).json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let online = """
            "residentsPresent": null,
              "online": {"kind": "teams", "url": "\(teams)", "dialIn": "020 7946 0122, conference ID 300 411 982#",
                         "instructions": "Join from 18:50; questions in the chat.", "published": \(published)},
            """
        #expect(text.contains("\"residentsPresent\": null,"))
        try text.replacingOccurrences(of: "\"residentsPresent\": null,", with: online).write(
            toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func test_notify_ofAHybridMeeting_carriesTheTeamsLinkInTextAndCalendar() throws {
        let copy = try SampleCopy()
        try makeHybrid(copy, published: false)
        let run = try forumdesk(["notify", sandy, "--data", copy.path] + now)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = copy.path + "/outbox/" + sandy
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(!files.isEmpty)
        let (status, json) = try checkWithPython(files)
        #expect(status == 0, "\(json)")
        for notice in json {
            let text = try #require(notice["text"] as? String)
            #expect(text.contains("You can also join this meeting online (Microsoft Teams)."))
            #expect(text.contains("Join online: \(teams)"))
            #expect(text.contains("Join by phone: 020 7946 0122, conference ID 300 411 982#"))
            let event = try #require(((notice["calendar"] as? [String: Any])?["events"] as? [[String: Any]])?.first)
            #expect(event["url"] as? String == teams)
            let conferences = try #require(event["conferences"] as? [[String: Any]])
            #expect(conferences.count == 2, "\(conferences)")
            #expect(conferences.allSatisfy { $0["value"] as? String == "URI" })
            let web = try #require(conferences.first { $0["uri"] as? String == teams })
            #expect((web["feature"] as? String)?.contains("VIDEO") == true)
            #expect(web["label"] as? String == "Join online (Microsoft Teams)")
            let phone = try #require(conferences.first { ($0["uri"] as? String)?.hasPrefix("tel:") == true })
            #expect(phone["uri"] as? String == "tel:+442079460122")
            #expect(phone["feature"] as? String == "PHONE")
        }
    }

    @Test func test_publish_showsTheLinkOnlyWhenMarkedPublic() throws {
        for published in [false, true] {
            let copy = try SampleCopy()
            try makeHybrid(copy, published: published)
            let out = copy.folder + "/site"
            let run = try forumdesk(["publish", "--data", copy.path, "--out", out] + now)
            #expect(run.status == 0, "\(run.stderr)")
            let page = try String(contentsOfFile: out + "/meetings/2026/\(sandy).html", encoding: .utf8)
            #expect(page.contains("Hybrid: in the room or online (Microsoft Teams)."))
            #expect(page.contains(teams) == published, "\(published)")
            #expect(page.contains("please ask the community engagement team for it") == !published)
            let calendar = try String(contentsOfFile: out + "/areas/sandy-biggleswade.ics", encoding: .utf8)
                .replacingOccurrences(of: "\r\n ", with: "")
            #expect(calendar.contains("CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO,CHAT,SCREEN;") == published)
            #expect(calendar.contains(teams) == published)
            if published {
                let (status, json) = try checkWithPython(["--ics", out + "/areas/sandy-biggleswade.ics"])
                #expect(status == 0, "\(json)")
            }
        }
    }

    @Test func test_validate_reportsAJoiningLinkThatIsNotHTTPS_andNeverPublishesIt() throws {
        let copy = try SampleCopy()
        let path = copy.path + "/meetings/2026/\(sandy).json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"residentsPresent\": null,",
            with: """
                "residentsPresent": null, "online": {"kind": "web", "url": "javascript:alert(1)", "published": true},
                """
        ).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try forumdesk(["validate", "--data", copy.path] + now)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("\(sandy).json"))
        #expect((run.stdout + run.stderr).contains("a link starts with https://"))
        let out = copy.folder + "/site"
        #expect(try forumdesk(["publish", "--data", copy.path, "--out", out] + now).status == 0)
        let page = try String(contentsOfFile: out + "/meetings/2026/\(sandy).html", encoding: .utf8)
        #expect(!page.contains("javascript:"))
    }
}
