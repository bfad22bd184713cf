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
        let command = "SWIFT_BACKTRACE=enable=no \(TestPaths.binary) tui --data \(data.path) --live \(id) --now 2026-11-26T18:35"
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
        for session in [ana, ben, cleo] {
            let screen = try session.screen()
            #expect(!screen.contains("Changed by someone else") && !screen.contains("not saved"), "\(screen)")
        }
        let file = data.path + "/meetings/2026/\(id).json"
        let meeting = try String(contentsOfFile: file, encoding: .utf8)
        for text in ["Clear the drain on Mill Lane", "Report the broken bench", "Bins not collected on Station Road",
                     "Speeding on the High Street", "\"residentsPresent\": 23"] {
            #expect(meeting.contains(text), "\(text) missing from the meeting file")
        }
        for session in [ana, ben, cleo] { try session.send("q", "q") }
    }
}
