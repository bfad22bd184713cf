import Foundation
import ForumDeskTestSupport
import Testing

/// Two note-takers and an officer on one folder, all in the real binary, each in live notes on the same meeting
/// (issue 33): every entry is saved, merged by record with the others' saves, and none is refused.
@Suite(.serialized) struct SideBySideEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_twoNoteTakersAndAnOfficer_onOneMeeting_noEntryRefused() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let command =
            "SWIFT_BACKTRACE=enable=no \(TestPaths.binary) tui --data \(data.path) --live \(id) --now 2026-11-26T18:35"
        let ana = try Tmux(width: 120, height: 40, command: command)
        let ben = try Tmux(width: 120, height: 40, command: command)
        let cleo = try Tmux(width: 120, height: 40, command: command)
        for session in [ana, ben, cleo] { try session.wait(for: "Item 1 of 8") }
        func entry(_ session: Tmux, _ key: String, _ text: String, then shown: String) throws {
            try session.send(key)
            try session.type(text)
            try session.send("Enter")
            try session.wait(for: shown)
        }
        try entry(ana, "a", "Clear the drain on Mill Lane @Lysander Nightingale-Rao due:+14d", then: "Actions (1)")
        try entry(ben, "i", "Bins not collected on Station Road #waste", then: "Saved")
        try entry(cleo, "r", "23", then: "23 residents")
        try entry(ana, "a", "Report the broken bench @Lysander Nightingale-Rao due:+7d", then: "Actions (2)")
        try entry(ben, "i", "Speeding on the High Street #highways", then: "Saved")
        let file = data.path + "/meetings/2026/\(id).json"
        let expected = [
            "Clear the drain on Mill Lane", "Report the broken bench", "Bins not collected on Station Road",
            "Speeding on the High Street", "\"residentsPresent\": 23",
        ]
        // The last save may still be on its way to the disk when its screen has moved on: wait for it, not a time.
        var meeting = ""
        let deadline = Date().addingTimeInterval(20)
        repeat {
            meeting = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            if expected.allSatisfy(meeting.contains) { break }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        for text in expected {
            #expect(meeting.contains(text), "\(text) missing from the meeting file")
        }
        for session in [ana, ben, cleo] {
            let screen = try session.screen()
            // "Changed by someone else: …" in the footer only says a teammate's save was read in; a refusal is the
            // question whose first choice is "Reload theirs", or "was not saved".
            #expect(!screen.contains("Reload theirs") && !screen.contains("was not saved"), "\(screen)")
        }
        for session in [ana, ben, cleo] { try session.send("q", "q") }
    }
}
