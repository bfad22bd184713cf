import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
