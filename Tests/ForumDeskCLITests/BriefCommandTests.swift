import Foundation
import ForumDeskTestSupport
import Testing

@Suite(.serialized) struct BriefCommandTests {
    let monday = ["--now", "2026-11-23T09:00"]

    @Test func test_brief_oneCouncillor_textHTMLAndTheMeetingsAttached() throws {
        let copy = try SampleCopy()
        // Notified and not yet replied: the briefing lists the notice as awaiting their reply.
        #expect(
            try forumdesk(["notify", "2026-12-17-sandy-biggleswade-ltt", "--data", copy.path] + monday).status == 0)
        let run = try forumdesk(
            ["brief", "--councillor", "Tamsin Lanternby", "--weeks", "13", "--data", copy.path] + monday)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = copy.path + "/outbox/briefings"
        #expect(listing(folder) == ["cllr-tamsin-lanternby-briefing-20261123T090000.eml"])
        let html = copy.folder + "/html"
        let (status, json) = try checkDigests(listing(folder).map { folder + "/" + $0 }, htmlDir: html)
        #expect(status == 0, "\(json.map { $0["problems"] ?? "" })")
        let mail = try #require(json.first)
        #expect(mail["content_type"] as? String == "multipart/mixed")
        #expect(mail["attachment"] as? String == "meetings.ics")
        #expect(mail["to"] as? String == "Cllr Tamsin Lanternby <tamsin.lanternby@councillors.example.org>")
        let text = try #require(mail["text"] as? String)
        #expect(text.contains("NOTICES AWAITING YOUR REPLY"))
        #expect(
            text.contains(
                "Let's Talk Together: Sandy and Biggleswade, Thursday 17 December 2026\r\n  Notice sent: Monday 23 November 2026"
            ))
        #expect(text.contains("A-2026-069: Map the streets that flooded in the autumn"))
        let events = try #require((mail["calendar"] as? [String: Any])?["events"] as? [[String: Any]])
        // Notified of 17 December, she has it in her calendar as the invitation: only February is attached (issue 36).
        #expect(events.map { $0["uid"] as? String } == ["2027-02-18-sandy-biggleswade-ltt@forumdesk"])
        #expect(text.contains("Calendar: in your calendar from its invitation: please answer that"))
        #expect(events.allSatisfy { $0["tz"] as? String == "Europe/London" })
        #expect(try html5Problems(folder: html) == "")

        // Briefed again before sending: the new briefing replaces the unsent one.
        let again = try forumdesk([
            "brief", "--councillor", "cllr-tamsin-lanternby", "--data", copy.path, "--now", "2026-11-24T09:00",
        ])
        #expect(again.status == 0)
        #expect(listing(folder) == ["cllr-tamsin-lanternby-briefing-20261124T090000.eml"])
        #expect(
            listing(copy.path + "/outbox-withdrawn/briefings") == ["cllr-tamsin-lanternby-briefing-20261123T090000.eml"]
        )
    }

    @Test func test_brief_everyCouncillor_thoseWhoPreferALetterListed() throws {
        let copy = try SampleCopy()
        let run = try forumdesk(["brief", "--data", copy.path] + monday)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("by hand: Cllr Parveen Vantwood (prefers letter"))
        #expect(run.stdout.contains("by hand: Cllr Jago Pennywhistle (prefers phone"))
        let written = listing(copy.path + "/outbox/briefings")
        #expect(run.stdout.contains("\(written.count) briefing(s) written for `forumdesk send`."))
        #expect(written.count == 48)  // 59 councillors, 6 prefer a letter and 5 a call
        let (status, json) = try checkDigests(
            written.map { copy.path + "/outbox/briefings/" + $0 }, htmlDir: copy.folder + "/html")
        #expect(status == 0, "\(json.compactMap { ($0["problems"] as? [String]).flatMap { $0.isEmpty ? nil : $0 } })")
    }

    @Test func test_brief_unknownOrAmbiguousName_saysWhichItCouldBe() throws {
        let copy = try SampleCopy()
        let unknown = try forumdesk(["brief", "--councillor", "Tamsin Lanternbee", "--data", copy.path] + monday)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no councillor matches `Tamsin Lanternbee`"))
        #expect(unknown.stderr.contains("Cllr Tamsin Lanternby"))
        let ambiguous = try forumdesk(["brief", "--councillor", "Lanternby", "--data", copy.path] + monday)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("Cllr Tamsin Lanternby, Cllr Dev Lanternby"))
        #expect(listing(copy.path + "/outbox/briefings").isEmpty)
        #expect(try forumdesk(["brief", "--weeks", "0", "--data", copy.path] + monday).status == 2)
    }
}
