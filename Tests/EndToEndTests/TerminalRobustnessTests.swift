import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The terminal comes back after every way out, and odd terminals and inputs are handled.
@Suite(.serialized) struct TerminalRobustnessTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test(arguments: [
        (SIGHUP, 129), (SIGINT, 130), (SIGTERM, 143), (SIGQUIT, 131), (SIGILL, 132), (SIGTRAP, 133), (SIGABRT, 134),
    ])
    func test_signal_leavesTheTerminalSane_andTheLockGone(signal: Int32, status: Int) throws {
        let data = try SampleCopy()
        // The shell ignores SIGINT itself, or it would give up the rest of the line when the app dies of one.
        let result = try terminalSettingsAfter(data, shellPrefix: "trap '' INT; ") { tmux in
            let pid = try #require(try tmux.childOfShell())
            kill(pid, signal)
        }
        expectSane(result.stty)
        #expect(result.status.contains("status \(status)"), "\(result.status)")
        #expect(!FileManager.default.fileExists(atPath: data.path + "/.forumdesk.lock"))
    }

    @Test func test_tinyTerminal_andAResizeStorm_endWithTheRightLayout() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        for size in [(2, 2), (1, 1), (10, 3)] {
            try tmux.resize(width: size.0, height: size.1)
            Thread.sleep(forTimeInterval: 0.1)
        }
        // Fifty resizes inside a second.
        let start = Date()
        for n in 0..<50 {
            try tmux.resize(width: 40 + (n * 7) % 100, height: 10 + (n * 3) % 30)
        }
        #expect(Date().timeIntervalSince(start) < 5)
        try tmux.resize(width: 90, height: 26)
        // The app may still be drawing the sizes of the storm: the layout for 90x26 must come within the wait.
        func settled(_ screen: String) -> Bool {
            let lines = screen.components(separatedBy: "\n")
            return lines.first?.contains("1 Dashboard") == true
                && lines.contains { $0.contains("Next meeting in each area") }
                && lines.prefix(26).last { !$0.isEmpty }?.contains("help") == true
        }
        let deadline = Date().addingTimeInterval(15)
        var screen = try tmux.screen()
        while !settled(screen), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            screen = try tmux.screen()
        }
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.first?.contains("1 Dashboard") == true, "\(screen)")
        #expect(lines.prefix(26).last { !$0.isEmpty }?.contains("help") == true, "\(screen)")
        try tmux.send("2")
        try tmux.wait(for: "Venue")  // still answering keys
    }

    /// 100 KB pasted into the live-notes entry line (bracketed paste, newlines folded) becomes one action.
    @Test func test_pasting100KB_makesOneEntry() throws {
        let data = try SampleCopy()
        let id = "2026-12-17-sandy-biggleswade-ltt"
        let tmux = try Tmux(width: 100, height: 30, command: data.command + " --live \(id)")
        try tmux.wait(for: "LIVE")
        let line = "Pasted minute line with several words in it\n"
        let text = String(repeating: line, count: 100_000 / line.utf8.count + 1)
        let file = data.folder + "/paste.txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try tmux.send("a")
        try tmux.run(["load-buffer", "-b", "p", file])
        try tmux.run(["paste-buffer", "-p", "-b", "p", "-t", "main"])
        try tmux.send("Enter")
        try tmux.wait(for: "Saved: A-", timeout: 30)
        let actions = try #require(try meetingJSON(data, id)["actions"] as? [[String: Any]])
        let pasted = actions.filter { ($0["description"] as? String)?.hasPrefix("Pasted minute line") == true }
        #expect(pasted.count == 1)
        #expect(((pasted.first?["description"] as? String)?.utf8.count ?? 0) > 99_000)
    }

    @Test func test_dumbTerminal_saysWhy_andPointsToTheCommands() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile")
        try tmux.type("TERM=dumb \(data.command); echo \"status\"\" $?\"")
        try tmux.send("Enter")
        let screen = try tmux.wait(for: "status 2")
        #expect(screen.contains("TERM=dumb cannot move the cursor"))
        #expect(screen.contains("forumdesk dashboard"))
        #expect(screen.contains("status 2"))
    }

    @Test func test_unknownTerminal_isRefusedClearly_butAnUnknownXtermFallsBack() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile")
        try tmux.type("TERM=no-such-terminal \(data.command); echo \"status\"\" $?\"")
        try tmux.send("Enter")
        let screen = try tmux.wait(for: "status 2")
        #expect(screen.contains("unknown terminal type TERM=no-such-terminal"))
        #expect(screen.contains("status 2"))
        let xterm = try Tmux(width: 100, height: 30, command: "env TERM=xterm-no-such-variant " + data.command)
        try xterm.wait(for: "What needs attention")
    }
}
