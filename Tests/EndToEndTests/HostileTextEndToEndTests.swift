import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile text in the data, seen through a real terminal: tmux's `capture-pane -e` gives back exactly
/// the cells and attributes the app drew, as escape sequences of tmux's own making.
@Suite(.serialized) struct HostileTextEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    static let hostile = [
        "\u{1B}[31mRED\u{1B}[0m", "\u{1B}[2J\u{1B}[H", "\u{1B}]0;PWNED\u{07}", "\u{1B}]2;PWNED\u{1B}\\",
        "\u{1B}P1$r0m\u{1B}\\",
        "\u{1B}]52;c;cm0gLXJmIH4=\u{07}", "\u{9B}31m", "\u{9D}0;PWNED\u{9C}", "\u{07}\u{08}\u{7F}",
        "evil\u{202E}txt.exe",
        "\u{2066}iso\u{2069}", "zero\u{200B}width\u{FEFF}", "e\u{0301}\u{0301}", "\r\nnext", "長い名前", "\t|tab",
    ]

    /// What may remain of a captured screen once tmux's own colour sequences (SGR) are taken out: no ESC, no
    /// C1 control, no other control but the line ends.
    func rawControls(_ captured: String) -> [UInt32] {
        let withoutSGR = captured.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*m", with: "", options: .regularExpression)
        return withoutSGR.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A) || (0x7F..<0xA0).contains($0) }
    }

    @Test func test_hostileData_neverReachesTheTerminal_titleUnchanged_layoutKept() throws {
        let data = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let all = Self.hostile.joined(separator: " ")
        // A 10 MB field, and every hostile string in the fields the screens show.
        let huge = String(repeating: "ten megabytes of feedback ", count: 400_000) + all
        try editJSON("\(data.path)/meetings/2026/\(id).json") { m in
            m["title"] = "Hostile " + all
            m["venue"] = ["name": "Hall " + all, "address": all]
            var actions = m["actions"] as? [[String: Any]] ?? []
            // Not in `owner`: that is a person id, and a file with a hostile id is kept out (TrustTheRecordTests).
            actions.append(["id": "A-2026-901", "description": "Fix " + all, "status": "open", "feedback": all])
            actions.append(["id": "A-2026-902", "description": huge, "status": "open"])
            m["actions"] = actions
        }
        try editJSON("\(data.path)/directory/people.json") { file in
            var people = file["people"] as? [[String: Any]] ?? []
            for i in people.indices where (people[i]["id"] as? String)?.hasPrefix("cllr-") == true {
                people[i]["name"] = "Cllr " + all
            }
            file["people"] = people
        }
        let width = 100, height = 30
        let tmux = try Tmux(width: width, height: height, command: data.command)
        let titleBefore = try tmux.run(["display-message", "-p", "-t", "main", "#{pane_title}"])
        // A debug build reading 10 MB on a busy CI machine takes its time.
        try tmux.wait(for: "What needs attention", timeout: 90)
        var screens = 0
        func check(_ step: String) throws {
            // The screen once the app has caught up with the keys (a debug build searches 10 MB slowly).
            var captured = try tmux.run(["capture-pane", "-e", "-p", "-t", "main"])
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                Thread.sleep(forTimeInterval: 0.4)
                let again = try tmux.run(["capture-pane", "-e", "-p", "-t", "main"])
                if again == captured { break }
                captured = again
            }
            #expect(rawControls(captured).isEmpty, "\(step): raw controls \(rawControls(captured)) in\n\(captured)")
            let plain = try tmux.screen().components(separatedBy: "\n")
            // Nothing wrapped or scrolled: the tab bar is still the first line, the key bar the last.
            #expect(plain.first?.contains("1 Dashboard") == true, "\(step):\n\(plain.joined(separator: "\n"))")
            #expect(
                plain.count >= height && !plain[height - 1].trimmingCharacters(in: .whitespaces).isEmpty,
                "\(step):\n\(plain.joined(separator: "\n"))")
            #expect(
                !plain.contains { $0.contains("PWNED") && !$0.contains("␛") && !$0.contains("\u{FFFD}") }, "\(step)")
            screens += 1
        }
        try check("dashboard")
        try tmux.send("2")
        try tmux.wait(for: "Venue", timeout: 60)
        try check("meetings")
        try tmux.send("/")
        try tmux.type("hostile")
        try tmux.send("Enter", "Enter")
        try tmux.wait(for: "Hostile", timeout: 60)
        try check("meeting")
        for pane in 1...6 {
            try tmux.send("Tab")
            try check("meeting tab \(pane)")
        }
        try tmux.send("3")
        try check("actions")
        try tmux.send("/")
        try tmux.type("fix")
        try tmux.send("Enter", "Enter")
        try check("action")
        try tmux.send("Escape", "4")
        try check("directory")
        try tmux.send("Tab")
        try check("people")
        try tmux.send("5")
        try check("reports")
        try tmux.send("6")
        try check("topics")
        let titleAfter = try tmux.run(["display-message", "-p", "-t", "main", "#{pane_title}"])
        #expect(titleAfter == titleBefore)
        #expect(!titleAfter.contains("PWNED"))
        #expect(screens == 15)
        print("hostile text: \(Self.hostile.count) strings and a 10 MB field on \(screens) screens, 0 raw controls")
    }
}
