import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct TopicsEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    /// Every meeting file of the copy, parsed as plain JSON.
    func meetingFiles(_ data: SampleCopy) throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        let root = "\(data.path)/meetings"
        for year in try FileManager.default.contentsOfDirectory(atPath: root) where !year.hasPrefix(".") {
            for name in try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(year)")
            where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let url = URL(fileURLWithPath: "\(root)/\(year)/\(name)")
                result.append(
                    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]))
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
        #expect(
            !(screen.split(separator: "\n").first { $0.contains("Winter gritting routes") } ?? "").contains("to do"))

        let carrying = try meetingFiles(data).filter { meeting in
            ((meeting["agenda"] as? [[String: Any]]) ?? []).contains {
                $0["topic"] as? String == "winter-gritting-routes"
            }
        }
        #expect(carrying.count == 7)
        #expect(Set(carrying.compactMap { $0["area"] as? String }).count == 7)
        for meeting in carrying {
            let item = try #require(
                (meeting["agenda"] as? [[String: Any]])?.first { $0["topic"] as? String == "winter-gritting-routes" })
            #expect(item["title"] as? String == "Winter gritting routes")
            #expect(item["minutes"] as? Int == 20)
            #expect(item["engagementLevel"] as? String == "consult")
        }
        let topic = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(data.path)/topics/winter-gritting-routes.json")))
                as? [String: Any])
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
