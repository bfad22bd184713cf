import Foundation
import ForumDeskTestSupport
import Testing

/// Issue 39 end to end: a consultation typed into the real app in tmux (linked to a topic and two agenda items,
/// its results and what changed recorded), saved to its own file, then published: its page passes the Nu HTML
/// Checker, the area calendar (read by Python's icalendar) and the feed (read by feedparser) carry it.
@Suite(.serialized) struct ConsultationEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_consultationTypedInTheApp_isPublished_andInTheFeeds() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("6")
        try tmux.wait(for: "Roll-out")
        try tmux.send("C")
        try tmux.wait(for: "Policing priorities for 2027")
        try tmux.send("n")
        try tmux.wait(for: "New consultation")
        // title, lead, contact, level, areas, wards, opens, closes, methods, link, topics, items, summary, responses, results, what we did
        try tmux.type("Play areas in Sandy")
        try tmux.send("Tab", "Tab", "Tab", "Tab", "C-u")
        try tmux.type("Sandy and Biggleswade")
        try tmux.send("Tab", "Tab")
        try tmux.type("2026-09-01")
        try tmux.send("Tab")
        try tmux.type("2026-11-15")
        try tmux.send("Tab", "C-u")
        try tmux.type("survey, meeting-item")
        try tmux.send("Tab", "Tab")
        try tmux.type("policing-priorities-2027")
        try tmux.send("Tab")
        try tmux.type("2026-08-13-sandy-biggleswade-ltt#6, 2026-10-15-sandy-biggleswade-ltt#6")
        try tmux.send("Tab")
        try tmux.type("Which play areas need new equipment first.")
        try tmux.send("Tab")
        try tmux.type("96")
        try tmux.send("Tab")
        try tmux.type("Most asked for Sandy Jubilee Park first.")
        try tmux.send("Tab")
        try tmux.type("New swings at Jubilee Park from March.")
        try tmux.send("C-s")
        try tmux.wait(for: "Saved: new consultation play-areas-in-sandy")
        try tmux.send("q", "q", "q")

        let file = data.path + "/consultations/play-areas-in-sandy.json"
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(json["results"] as? String == "Most asked for Sandy Jubilee Park first.")
        #expect((json["items"] as? [[String: Any]])?.count == 2)
        #expect(json["topics"] as? [String] == ["policing-priorities-2027"])

        let out = data.folder + "/site"
        let publish = Process()
        publish.executableURL = URL(fileURLWithPath: TestPaths.binary)
        publish.arguments = [
            "publish", "--data", data.path, "--out", out, "--now", "2026-11-23T12:00",
            "--base-url", "https://www.example.gov.uk/meetings/",
        ]
        publish.standardOutput = Pipe()
        try publish.run()
        publish.waitUntilExit()
        #expect(publish.terminationStatus == 0)
        let page = try String(contentsOfFile: out + "/consultations/play-areas-in-sandy.html", encoding: .utf8)
        #expect(page.contains("New swings at Jubilee Park from March."))
        #expect(page.contains("2026-08-13-sandy-biggleswade-ltt.html"))
        let checked = data.folder + "/checked"
        try FileManager.default.createDirectory(atPath: checked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: out + "/consultations/play-areas-in-sandy.html", toPath: checked + "/page.html")
        #expect(try html5Problems(folder: checked).isEmpty)
        let script = """
            import json, sys, icalendar, feedparser
            site = sys.argv[1]
            cal = icalendar.Calendar.from_ical(open(site + '/areas/sandy-biggleswade.ics', 'rb').read())
            uids = [str(e['UID']) for e in cal.walk('VEVENT')]
            f = feedparser.parse(site + '/papers.atom')
            print(json.dumps({'uids': uids, 'titles': [e.title for e in f.entries], 'bozo': bool(f.bozo)}))
            """
        let output = try runPython(["-c", script, out])
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        #expect((result["uids"] as? [String] ?? []).contains("consultation-play-areas-in-sandy@forumdesk"))
        #expect((result["titles"] as? [String] ?? []).contains("Consultation results: Play areas in Sandy"))
        #expect(result["bozo"] as? Bool == false)
    }
}
