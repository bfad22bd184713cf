import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Reads a meeting file of the copy as JSON (independently of the app's own parser).
func meetingJSON(_ data: SampleCopy, _ id: String) throws -> [String: Any] {
    let year = id.prefix(4)
    let url = URL(fileURLWithPath: "\(data.path)/meetings/\(year)/\(id).json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

@Suite(.serialized) struct EditingEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_newMeetingThroughTheForm_isAFileOnDisk() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 80, height: 24, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.fillNewMeetingUpToTheVenue()
        try tmux.type("Potton Community Centre")
        try tmux.send("C-s")
        try tmux.wait(for: "Saved: new meeting")
        let m = try meetingJSON(data, "2026-12-03-sandy-biggleswade-ltt")
        #expect(m["start"] as? String == "2026-12-03T19:00:00+00:00")
        #expect(m["wards"] as? [String] == ["potton", "northill"])
        #expect((m["venue"] as? [String: Any])?["name"] as? String == "Potton Community Centre")
    }

    @Test func test_minuteAMeetingLive_fromTheCommandLine() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let tmux = try Tmux(width: 80, height: 24, command: data.command + " --live \(id)")
        try tmux.wait(for: "LIVE")
        try tmux.send("p", "p", "o")  // each mark moves on to the next person
        try tmux.type("unwell")
        try tmux.send("Enter")
        try tmux.wait(for: "apologies")
        try tmux.send("Tab", "Enter", "C-u")
        try tmux.type("Resolved: That the apologies be noted.")
        try tmux.send("Enter")
        try tmux.wait(for: "Saved: outcome of item 1")
        try tmux.send("j", "Enter", "C-u")
        try tmux.type("Resolved: That the minutes be approved.")
        try tmux.send("Enter")
        try tmux.wait(for: "Saved: outcome of item 2")
        for line in [
            "Check the bus shelter @Yusuf Ambridge-Cole due:+14d #highways", "Publish the gritting map #highways",
            "Invite the youth club @Leighton Buzzard Youth Forum",
        ] {
            try tmux.send("a")
            try tmux.type(line)
            try tmux.send("Enter")
            try tmux.wait(for: "Saved: A-")
        }
        try tmux.wait(for: "Invite the youth club")
        let m = try meetingJSON(data, id)
        let attendance = try #require(m["attendance"] as? [[String: Any]])
        #expect(attendance.filter { $0["status"] as? String == "present" }.count == 2)
        #expect(attendance.contains { $0["status"] as? String == "apologies" && $0["reason"] as? String == "unwell" })
        let agenda = try #require(m["agenda"] as? [[String: Any]])
        #expect(agenda[0]["outcome"] as? String == "Resolved: That the apologies be noted.")
        #expect(agenda[1]["outcome"] as? String == "Resolved: That the minutes be approved.")
        let actions = try #require(m["actions"] as? [[String: Any]])
        #expect(
            actions.map { $0["description"] as? String } == [
                "Check the bus shelter", "Publish the gritting map", "Invite the youth club",
            ])
        #expect(actions[0]["due"] as? String == "2026-12-07")
    }
}
