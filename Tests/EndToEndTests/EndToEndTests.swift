import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux), as a user meets it.
@Suite(.serialized) struct EndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_opensOnTheDashboard_andEveryScreenIsReachable() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 120, height: 40, command: data.command)
        var screen = try tmux.wait(for: "What needs attention")
        #expect(screen.contains("Next meeting in each area"))
        #expect(screen.contains("stale notice"))
        #expect(screen.contains("cancellation notice owed"))

        try tmux.send("2")
        screen = try tmux.wait(for: "Venue")
        #expect(screen.contains("Grove House") || screen.contains("Sandy Village Hall"))

        try tmux.send("/")
        try tmux.type("2026-10-15 sandy")
        try tmux.send("Enter", "Enter")
        try tmux.wait(for: "Thu 15 Oct 2026 19:00–21:00")
        for (tab, expected) in [
            ("Agenda", "Presenter"), ("Attendance", "Organisation"), ("Councillors", "Notice"),
            ("Actions", "Raised"), ("Issues", "Home"), ("Minutes", "APOLOGIES FOR ABSENCE"),
        ] {
            try tmux.send("Tab")
            screen = try tmux.wait(for: expected)
            #expect(screen.contains(tab))
        }
        try tmux.send("3")
        try tmux.wait(for: "A-2025-001")
        try tmux.send("o")
        try tmux.wait(for: "overdue only")
        try tmux.send("4")
        try tmux.wait(for: "Required at Let's Talk Together")
        try tmux.send("Tab")
        try tmux.wait(for: "Prefers")
        try tmux.send("?")
        screen = try tmux.wait(for: "Help: Directory")
        #expect(screen.contains("Command palette"))
        try tmux.send("Escape")
        try tmux.send(":")
        try tmux.type("meetings")
        try tmux.send("Enter")
        try tmux.wait(for: "Warnings")
    }

    @Test func test_communityLanguages_lineUp() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 120, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("2", "/")
        try tmux.type("2026-11-17 dunstable")
        try tmux.send("Enter", "Enter")
        let screen = try tmux.wait(for: "Bengali")
        let lines = screen.split(separator: "\n").map(String.init)
        let titles = ["আসুন", "آئیے", "ચાલો", "ਆਓ"].compactMap { word in lines.first { $0.contains(word) } }
        #expect(titles.count == 4, "\(screen)")
        // Each notice title starts in the same column as the English values above it.
        let column = try #require(
            lines.first { $0.contains("Area ") }.flatMap { $0.range(of: "Dunstable") }.map {
                lines.first { $0.contains("Area ") }!.distance(
                    from: lines.first { $0.contains("Area ") }!.startIndex, to: $0.lowerBound)
            })
        for line in titles {
            let prefix = line.prefix(column)
            #expect(prefix.allSatisfy { $0.isASCII }, "\(line)")
        }
    }

    @Test func test_resize_relaysOut_andATinyTerminalGetsAMessage() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 120, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.resize(width: 50, height: 12)
        try tmux.wait(for: "Enlarge the terminal")
        try tmux.resize(width: 80, height: 24)
        let screen = try tmux.wait(for: "Next meeting in each area")
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!screen.contains("Enlarge"))
    }

    @Test func test_q_quitsAndLeavesTheTerminalSane() throws {
        let result = try terminalSettingsAfter { try $0.send("q") }
        expectSane(result.stty)
        #expect(result.status.contains("status 0"))
    }

    @Test func test_ctrlC_quitsAndLeavesTheTerminalSane() throws {
        let result = try terminalSettingsAfter { try $0.send("C-c") }
        expectSane(result.stty)
    }

    @Test func test_crash_leavesTheTerminalSane() throws {
        // SIGSEGV stands in for any crash, a Swift runtime trap (SIGILL/SIGTRAP) included.
        let result = try terminalSettingsAfter { tmux in
            let pid = try #require(try tmux.childOfShell())
            kill(pid, SIGSEGV)
        }
        expectSane(result.stty)
        #expect(result.status.contains("status 139"))
    }
}
