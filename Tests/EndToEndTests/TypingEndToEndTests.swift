import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Residents' names in the four languages the council most wants at its meetings.
let indicNames = ["রুমানা বেগম", "अनुष्का शर्मा", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "પ્રિયંકા પટેલ"]

extension Tmux {
    /// Types text as a keyboard does: one code point per key event, so a vowel sign or virama arrives on
    /// its own after its consonant.
    func typeKeyByKey(_ text: String) throws {
        for scalar in text.unicodeScalars { try type(String(scalar)) }
    }

    /// From the dashboard: a new meeting in Sandy and Biggleswade for Potton and Northill on 3 Dec 7pm
    /// (2026-12-03-sandy-biggleswade-ltt), the cursor left in the venue field.
    func fillNewMeetingUpToTheVenue() throws {
        try send("2", "n", "Enter")
        try type("sandy")
        try send("Enter", "Tab", "Tab")
        try type("potton, northill")
        try send("Tab")
        try type("3 Dec 7pm")
        try send("Tab", "Tab")
    }

    /// The column where tmux put the first occurrence of `text` (found with copy mode's search, which
    /// leaves the cursor just after the match), as tmux itself measured the row.
    func column(of text: String) throws -> Int? {
        try run(["copy-mode", "-t", "main"])
        try run(["send-keys", "-t", "main", "-X", "history-top"])
        try run(["send-keys", "-t", "main", "-X", "search-forward-text", text])
        let x = Int(
            try run(["display-message", "-p", "-t", "main", "#{copy_cursor_x}"]).trimmingCharacters(
                in: .whitespacesAndNewlines))
        try run(["send-keys", "-t", "main", "-X", "cancel"])
        return x.map { $0 - text.count }
    }
}

@Suite(.serialized) struct TypingEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    @Test func test_indicNames_typedKeyByKey_intoAForm_andSearch_areSavedAndShown() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 140, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.fillNewMeetingUpToTheVenue()
        let venue = indicNames.joined(separator: " / ")
        try tmux.typeKeyByKey(venue)
        try tmux.wait(for: venue)
        try tmux.send("C-s")
        try tmux.wait(for: "Saved: new meeting")
        let m = try meetingJSON(data, "2026-12-03-sandy-biggleswade-ltt")
        #expect((m["venue"] as? [String: Any])?["name"] as? String == venue)
        for name in indicNames {
            try tmux.send("2", "c", "/")
            try tmux.typeKeyByKey(name)
            // The first word alone already finds the row: wait for the whole name in the field.
            let screen = try tmux.wait(for: "Search: \(name)")
            #expect(screen.contains("1/1 (of 59)") && screen.contains(indicNames[0]), "\(screen)")
            try tmux.send("Enter")
        }
    }

    @Test func test_indicNames_typedKeyByKey_intoTheLiveNotesIssueLine_areSaved() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let tmux = try Tmux(width: 140, height: 30, command: data.command + " --live \(id)")
        try tmux.wait(for: "LIVE")
        for name in indicNames {
            try tmux.send("i")
            try tmux.typeKeyByKey("\(name) asked about the bus shelter")
            try tmux.wait(for: "\(name) asked")
            try tmux.send("Enter")
            try tmux.wait(for: "Saved")
        }
        let issues = try #require(try meetingJSON(data, id)["issues"] as? [[String: Any]]).compactMap {
            $0["text"] as? String
        }
        for name in indicNames { #expect(issues.contains("\(name) asked about the bus shelter"), "\(issues)") }
    }

    /// Emoji sequences on which terminals disagree (a ZWJ family, a skin tone, VS16) are drawn as every
    /// terminal measures them: tmux places the text after them where the app counted, and a full redraw
    /// (Ctrl-L) gives the same screen row by row.
    @Test func test_emojiSequences_keepTheLayout_andCtrlLRedrawsTheSameRows() throws {
        let data = try SampleCopy()
        let file = "\(data.path)/meetings/2026/2026-12-17-sandy-biggleswade-ltt.json"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let venue = "Hall ক্ষি রু 👨\u{200D}👩\u{200D}👧👍🏽🇬🇧❤\u{FE0F}⌚\u{FE0E} Zq"
        try text.replacingOccurrences(of: "Biggleswade Community Centre", with: venue).write(
            toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(width: 160, height: 40, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("2", "G")
        try tmux.wait(for: "Zq")
        // Moving the selection over the row repaints only the cells that changed.
        for _ in 0..<12 { try tmux.send("Up") }
        for _ in 0..<6 { try tmux.send("Down") }
        let before = try tmux.wait(for: "52/58")
        // "Hall ", a Bengali conjunct with its vowel sign (3 columns: ক্, ষ, ি) and a space, রু and a space,
        // the family drawn as its three people (2 columns each), 👍, the flag, ❤ (text style), ⌚, a space.
        let venueColumn = try #require(try tmux.column(of: "Venue"))
        #expect(try tmux.column(of: "Zq") == venueColumn + 5 + 4 + 2 + 6 + 2 + 2 + 1 + 2 + 1)
        try tmux.send("C-l")
        Thread.sleep(forTimeInterval: 0.5)
        let after = try tmux.wait(for: "52/58")
        let rowsBefore = before.components(separatedBy: "\n"), rowsAfter = after.components(separatedBy: "\n")
        #expect(rowsBefore.count == rowsAfter.count)
        for (i, (a, b)) in zip(rowsBefore, rowsAfter).enumerated() { #expect(a == b, "row \(i): \(a) | \(b)") }
    }

    @Test func test_ctrlZ_suspendsToTheShell_keepsTheLock_andFgRedraws() throws {
        let data = try SampleCopy()
        let out = NSTemporaryDirectory() + "forumdesk-ctrlz-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let tmux = try Tmux(width: 100, height: 30, command: "bash --norc --noprofile")
        try tmux.type(data.command)
        try tmux.send("Enter")
        let first = try tmux.wait(for: "What needs attention")
        try tmux.send("C-z")
        try tmux.wait(for: "Stopped")
        try tmux.type("stty -a > \(out); ls -a \(data.path) >> \(out)")
        try tmux.send("Enter")
        var written = ""
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !written.contains("meetings") {
            Thread.sleep(forTimeInterval: 0.05)
            written = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        }
        expectSane(written)
        #expect(written.contains("meetings"), "the folder is listed while suspended: \(written)")
        try tmux.type("fg")
        try tmux.send("Enter")
        let back = try tmux.wait(for: "What needs attention")
        #expect(back == first, "\(back)")
        try tmux.send("q")
    }

    @Test func test_escOnADashboard_staysOpen_andCtrlCInAFormAsks() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("Escape")
        try tmux.wait(for: "q quits")
        try tmux.send("2", "n", "Tab", "Tab", "Tab")
        try tmux.typeKeyByKey("রুমানা")
        try tmux.send("C-c")
        try tmux.wait(for: "Quit without saving?")
        try tmux.send("k")
        let screen = try tmux.wait(for: "রুমানা")
        #expect(!screen.contains("Quit without saving?"))
    }

    @Test func test_palette_fromTheDashboard_opensTheNewMeetingForm() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 100, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send(":")
        try tmux.type("new meeting")
        try tmux.wait(for: "Meetings · n")
        try tmux.send("Enter")
        try tmux.wait(for: "New meeting")
    }
}
