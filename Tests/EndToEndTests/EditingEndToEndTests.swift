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
        for line in ["Check the bus shelter @Yusuf Ambridge-Cole due:+14d #highways", "Publish the gritting map #highways",
                     "Invite the youth club @Leighton Buzzard Youth Forum"] {
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
        #expect(actions.map { $0["description"] as? String } == ["Check the bus shelter", "Publish the gritting map", "Invite the youth club"])
        #expect(actions[0]["due"] as? String == "2026-12-07")
    }
}


/// Several officers on one folder at once: no lock, both editable; who has a meeting open is shown and cleared;
/// each sees the other's saves, and a command's, within a second or so.
@Suite(.serialized) struct TeamEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    let minuted = "2026-11-26-leighton-rural-ltt"

    @Test func test_twoEditorsAndACommand_atOnce() throws {
        let data = try SampleCopy()
        let first = try Tmux(width: 120, height: 30, command: data.command + " --live \(minuted)")
        try first.wait(for: "Item 1 of")
        let presence = data.path + "/.presence"
        #expect(try FileManager.default.contentsOfDirectory(atPath: presence).contains { $0.hasPrefix(minuted + ".") })
        // The second officer is not read-only, and sees who has the meeting open.
        let second = try Tmux(width: 120, height: 30, command: data.command + " --live \(minuted)")
        let screen = try second.wait(for: "has this open since")
        #expect(!screen.contains("READ-ONLY"))
        try second.send("Escape", "Escape")
        try second.wait(for: "What needs attention")
        // The first saves in live notes: the second is told within a second (inotify, read between keys).
        try first.send("r")
        try first.type("23")
        try first.send("Enter")
        try first.wait(for: "23 residents")
        try second.wait(for: "Changed by someone else: \(minuted)", timeout: 3)
        // A command writes while both are open: it does not wait for anyone.
        let other = "2026-12-17-sandy-biggleswade-ltt"
        let started = Date()
        let notify = try spawn([binary, "notify", other, "--data", data.path, "--now", "2026-11-23T12:00"])
        #expect(Date().timeIntervalSince(started) < 5, "\(notify)")
        try second.wait(for: "Changed by someone else: \(other)", timeout: 3)
        // The first quits: its presence file goes.
        try first.send("Escape", "Escape", "q")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: presence).isEmpty)
    }
}

@Suite(.serialized) struct CouncillorViewEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    /// Every file of the folder with its content, to compare before and after.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        return files
    }

    @Test func test_councillorView_listsOnlyTheirWards_andNoKeyChangesTheDisk() throws {
        let data = try SampleCopy()
        let before = try snapshot(data.path)
        let tmux = try Tmux(width: 120, height: 40, command: data.command + " --councillor 'tamsin lanternby'")
        try tmux.wait(for: "Tamsin Lanternby's wards")
        #expect(!FileManager.default.fileExists(atPath: data.path + "/.forumdesk.lock"))
        try tmux.send("2")
        let list = try tmux.wait(for: "Date ▲")  // the Meetings table, not the dashboard
        let rows = list.split(separator: "\n").dropFirst(3).filter { $0.contains(" 202") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("Sandy and Biggleswade") }, "\(list)")
        // Every editing key of every screen, pressed.
        for keys in [["n"], ["Enter", "E", "P", "X", "D", "L"], ["Tab", "a", "e", "d", "K", "J"], ["Tab", "i", "x"],
                     ["Tab", "n", "l", "t", "r", "Enter"], ["u", "C-r", "C-s"], ["3", "Enter", "m"], ["4", "Tab", "n", "Enter"]] {
            for key in keys { try tmux.send(key) }
            try tmux.send("Escape")
        }
        try tmux.send("q", "q", "q", "q")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try snapshot(data.path) == before)
    }
}

@Suite(.serialized) struct TopicsEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    /// Every meeting file of the copy, parsed as plain JSON.
    func meetingFiles(_ data: SampleCopy) throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        let root = "\(data.path)/meetings"
        for year in try FileManager.default.contentsOfDirectory(atPath: root) where !year.hasPrefix(".") {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(year)") where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let url = URL(fileURLWithPath: "\(root)/\(year)/\(name)")
                result.append(try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]))
            }
        }
        return result
    }

    @Test func test_scheduleARequestOntoAllSevenAreas_putsAnItemInSevenMeetingFiles() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 80, height: 24, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("6")
        try tmux.wait(for: "Roll-out")
        try tmux.send("/")
        try tmux.type("gritting")
        try tmux.send("Enter", "S")
        let screen = try tmux.wait(for: "Saved: “Winter gritting routes” scheduled")
        #expect(!(screen.split(separator: "\n").first { $0.contains("Winter gritting routes") } ?? "").contains("to do"))

        let carrying = try meetingFiles(data).filter { meeting in
            ((meeting["agenda"] as? [[String: Any]]) ?? []).contains { $0["topic"] as? String == "winter-gritting-routes" }
        }
        #expect(carrying.count == 7)
        #expect(Set(carrying.compactMap { $0["area"] as? String }).count == 7)
        for meeting in carrying {
            let item = try #require((meeting["agenda"] as? [[String: Any]])?.first { $0["topic"] as? String == "winter-gritting-routes" })
            #expect(item["title"] as? String == "Winter gritting routes")
            #expect(item["minutes"] as? Int == 20)
            #expect(item["engagementLevel"] as? String == "consult")
        }
        let topic = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(data.path)/topics/winter-gritting-routes.json"))) as? [String: Any])
        #expect(topic["status"] as? String == "scheduled")
    }

    @Test func test_issueFromTheFloor_inLiveNotes_isInTheMeetingFile() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let tmux = try Tmux(width: 80, height: 24, command: data.command + " --live \(id)")
        try tmux.wait(for: "LIVE")
        try tmux.send("i")
        try tmux.type("Lorries using the village as a cut-through #highways")
        try tmux.send("Enter")
        try tmux.wait(for: "Saved: R-2026-")
        let issues = try #require(try meetingJSON(data, id)["issues"] as? [[String: Any]])
        #expect(issues.last?["text"] as? String == "Lorries using the village as a cut-through")
        #expect(issues.last?["tags"] as? [String] == ["highways"])
        #expect(issues.last?["status"] as? String == "open")
    }
}
