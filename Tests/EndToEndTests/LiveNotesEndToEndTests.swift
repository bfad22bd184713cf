import Foundation
import ForumDeskTestSupport
import Testing

/// A meeting minuted live from start to finish in the real binary, and the minutes it exports: compared with
/// a golden file in the structure of the seed's minutes (PRESENT by role, APOLOGIES, MATTERS ARISING with what
/// was closed, DISCLOSURES against their item, numbered items with discussion and "Resolved:", actions under
/// their item with owner and due date, the time the meeting ended); the Markdown read by a CommonMark
/// implementation and the HTML by an HTML5 validator.
@Suite(.serialized) struct LiveNotesEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/live-notes-minutes.txt").path

    @Test func test_aMeetingMinutedLive_exportsMinutesInTheSeedsStructure() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let command =
            "SWIFT_BACKTRACE=enable=no \(TestPaths.binary) tui --data \(data.path) --live \(id) --now 2026-11-26T18:35"
        let tmux = try Tmux(width: 120, height: 40, command: command)
        try tmux.wait(for: "Item 1 of 8")
        /// A key that opens a line, the text typed into it, Enter, and what the screen shows once it is saved.
        func entry(_ key: String?, _ text: String, then shown: String) throws {
            if let key { try tmux.send(key) }
            try tmux.type(text)
            try tmux.send("Enter")
            try tmux.wait(for: shown)
        }
        // Attendance: present, apologies with a reason, a walk-in observer and the note-taker as support officer.
        // Each mark moves on to the next person.
        try tmux.send("p", "p")
        try entry("o", "annual leave", then: "annual leave")
        try tmux.send("p", "p", "p")
        try tmux.wait(for: "5 in")
        try entry("w", "Dan Reed, Bedfordshire Police, observer", then: "observer")
        try entry("w", "Wilf Lanternby, , support officer", then: "support officer present")
        try entry("r", "23", then: "23 residents")
        // n n Enter: the outcome goes to item 3, the item in progress.
        try tmux.send("Tab", "n", "n")
        try entry("Enter", "the matters arising report be noted.", then: "Saved: outcome of item 3")
        // A declaration made under item 3 about item 6.
        try entry("d", "Xavier", then: "an interest in which item?")
        try entry(nil, "budget", then: "Interest in item 6:")
        try entry(nil, "member of the parish council budget group", then: "1 declaration(s)")
        try tmux.send("n", "n", "n")
        try entry(
            "m",
            "Residents asked whether the library hours would be cut? Several asked for road repairs to be protected.",
            then: "Saved: discussion of item 6")
        try entry("Enter", "residents' views be fed into the consultation response.", then: "Saved: outcome of item 6")
        // Actions under item 6: one owned by an organisation, one by a person.
        try entry(
            "a", "Publish the consultation dates @Central Bedfordshire Council: Community Engagement due:2026-12-10",
            then: "Actions (1)")
        try entry("a", "Send the speedwatch sign-up form @Lysander Nightingale-Rao due:+14d", then: "Actions (2)")
        // Matters arising: one done, one carried forward to a new due date.
        try tmux.send("Tab", "Tab")
        try tmux.wait(for: "A-2026-020")
        try tmux.send("c")
        try tmux.wait(for: "done")
        try tmux.send("j", "f")
        try tmux.wait(for: "carried forward, due: 2027-01-28")
        try tmux.send("Enter")
        // Finish: the time it ended, held, what is still empty, then the minutes.
        try tmux.send("F")
        try tmux.wait(for: "Ended at: 18:35")
        try tmux.send("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
        try tmux.type("20:25")
        try tmux.send("Enter")
        let dialog = try tmux.wait(for: "Meeting held")
        #expect(dialog.contains("no outcome for items 1,"))
        try tmux.send("Enter")
        try tmux.wait(for: "Wrote the minutes to exports/")

        let base = data.path + "/exports/\(id)-minutes"
        let text = try String(contentsOfFile: base + ".txt", encoding: .utf8)
        if !FileManager.default.fileExists(atPath: Self.golden) {
            try text.write(toFile: Self.golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.golden): check it and run again")
        }
        #expect(text == (try String(contentsOfFile: Self.golden, encoding: .utf8)))

        // Reopened, live notes carry on at the item in progress.
        try tmux.send("q", "q")
        let reopened = try Tmux(width: 120, height: 40, command: command)
        try reopened.wait(for: "Item 6 of 8")

        let markdown = try String(contentsOfFile: base + ".md", encoding: .utf8)
        let rendered = try commonMarkHTML(markdown)
        #expect(
            rendered.contains(
                "<p><strong>Resolved:</strong> That residents' views be fed into the consultation response.</p>"))
        #expect(
            !rendered.contains("<li>A-2026-064")
                || !rendered.contains("Resolved:</strong> That the matters arising report be noted.</li>"))
        #expect(!rendered.contains("</strong> That the matters arising report be noted.\n</li>"))
        #expect(try html5Problems(base + ".html") == "")
    }
}
