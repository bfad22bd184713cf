import Foundation
import ForumDeskTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Text in the four scripts the council most wants, in Urdu (right to left), and a Welsh name with accents.
let textInEveryScript = ["রুমানা বেগম", "عائشہ خان", "પ્રિયંકા પટેલ", "ਗੁਰਪ੍ਰੀਤ ਕੌਰ", "Siân Café"]

/// The locales an ssh session or a minimal container leaves, as a shell prefix; nil when this system cannot
/// provide the locale (ISO-8859-1 is generated with localedef into a private folder).
func localePrefix(_ name: String) -> String? {
    switch name {
    case "C": return "LANG=C LC_ALL=C"
    case "POSIX": return "LANG= LC_ALL=POSIX"
    default:
        let folder = NSTemporaryDirectory() + "forumdesk-locales"
        let made = "\(folder)/en_GB.ISO-8859-1"
        if !FileManager.default.fileExists(atPath: made) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = try? spawn(["localedef", "-i", "en_GB", "-f", "ISO-8859-1", made])
        }
        guard FileManager.default.fileExists(atPath: made) else { return nil }
        return "LOCPATH=\(folder) LANG=en_GB.ISO-8859-1 LC_ALL=en_GB.ISO-8859-1"
    }
}

@Suite(.serialized) struct InputEndToEndTests {
    init() throws {
        try #require(tmuxIsInstalled(), "tmux is needed for the end-to-end tests (apt-get install tmux)")
    }

    static let locales = ["C", "POSIX", "en_GB.ISO-8859-1"]

    @Test(arguments: locales)
    func test_everyScript_typedUnderANonUTF8Locale_isShownAndSavedWhole_inLiveNotes(locale: String) throws {
        guard let prefix = localePrefix(locale) else {
            print("skipped \(locale): localedef could not make it here (apt-get install locales)")
            return
        }
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let tmux = try Tmux(width: 160, height: 30, command: "\(prefix) \(data.command) --live \(id)")
        let first = try tmux.wait(for: "LIVE")
        #expect(first.contains("is not UTF-8"), "the switch is said once: \(first)")
        for text in textInEveryScript {
            let line = "Lights out by \(text)'s house #highways"
            try tmux.send("i")
            try tmux.typeKeyByKey(line)
            try tmux.wait(for: "\(text)'s house")
            try tmux.send("Enter")
            try tmux.wait(for: "Saved")
        }
        let issues = try #require(try meetingJSON(data, id)["issues"] as? [[String: Any]]).compactMap {
            $0["text"] as? String
        }
        for text in textInEveryScript {
            // The tag is kept apart from the text.
            #expect(issues.contains("Lights out by \(text)'s house"), "\(issues)")
        }
    }

    @Test(arguments: locales)
    func test_everyScript_typedUnderANonUTF8Locale_isShownAndSavedWhole_inAForm(locale: String) throws {
        guard let prefix = localePrefix(locale) else {
            print("skipped \(locale): localedef could not make it here (apt-get install locales)")
            return
        }
        let data = try SampleCopy()
        let tmux = try Tmux(width: 200, height: 30, command: "\(prefix) \(data.command)")
        try tmux.wait(for: "is not UTF-8")
        try tmux.fillNewMeetingUpToTheVenue()
        let venue = textInEveryScript.joined(separator: " · ")
        try tmux.typeKeyByKey(venue)
        let screen = try tmux.wait(for: venue)
        #expect(screen.contains(venue))
        try tmux.send("C-s")
        try tmux.wait(for: "Saved: new meeting")
        let m = try meetingJSON(data, "2026-12-03-sandy-biggleswade-ltt")
        #expect((m["venue"] as? [String: Any])?["name"] as? String == venue)
    }

    // MARK: pastes without bracketed paste (tmux send-keys writes them as keys, all in one go)

    static let threeLines = "Bins not collected on Mill Lane\ronce three weeks\rresidents angry"

    @Test func test_unbracketedPaste_ofThreeLines_inAForm_staysInTheField() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 160, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.fillNewMeetingUpToTheVenue()
        try tmux.type(Self.threeLines)
        let joined = "Bins not collected on Mill Lane once three weeks residents angry"
        let screen = try tmux.wait(for: joined)
        #expect(screen.contains("New meeting"), "still the form: \(screen)")
        let file = "\(data.path)/meetings/2026/2026-12-03-sandy-biggleswade-ltt.json"
        #expect(!FileManager.default.fileExists(atPath: file), "a pasted line break saved the form")
        try tmux.send("C-s")
        try tmux.wait(for: "Saved: new meeting")
        #expect(
            (try meetingJSON(data, "2026-12-03-sandy-biggleswade-ltt")["venue"] as? [String: Any])?["name"] as? String
                == joined)
    }

    @Test func test_unbracketedPaste_ofThreeLines_inTheLiveNotesLine_isOneIssue_andRunsNoCommand() throws {
        let data = try SampleCopy()
        let id = "2026-11-26-leighton-rural-ltt"
        let tmux = try Tmux(width: 160, height: 30, command: data.command + " --live \(id)")
        try tmux.wait(for: "LIVE")
        let before = (try meetingJSON(data, id)["issues"] as? [[String: Any]])?.count ?? 0
        try tmux.send("i")
        try tmux.wait(for: "Enter saves")
        try tmux.type(Self.threeLines)
        try tmux.wait(for: "once three weeks residents angry")
        try tmux.send("Enter")
        try tmux.wait(for: "Saved")
        let issues = try #require(try meetingJSON(data, id)["issues"] as? [[String: Any]]).compactMap {
            $0["text"] as? String
        }
        #expect(issues.count == before + 1, "\(issues)")
        #expect(issues.last == "Bins not collected on Mill Lane once three weeks residents angry")
        // The `e` of "three" and "residents" would have exported the minutes.
        let exports = (try? FileManager.default.contentsOfDirectory(atPath: "\(data.path)/exports")) ?? []
        #expect(exports.isEmpty, "\(exports)")
    }

    @Test func test_unbracketedPaste_inTheSearchField_isTheQuery() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 140, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.send("2")
        try tmux.wait(for: "Meetings")
        try tmux.send("/")
        try tmux.type("Sandy\rBiggleswade")
        let screen = try tmux.wait(for: "Search: Sandy Biggleswade")
        #expect(screen.contains("Search: Sandy Biggleswade"))
    }

    @Test func test_unbracketedPaste_onTheDashboard_runsNoCommand() throws {
        let data = try SampleCopy()
        let tmux = try Tmux(width: 140, height: 30, command: data.command)
        try tmux.wait(for: "What needs attention")
        try tmux.type(Self.threeLines)
        let screen = try tmux.wait(for: "Pasted text is not run as commands")
        #expect(screen.contains("What needs attention"), "\(screen)")
        let meetings = try FileManager.default.contentsOfDirectory(atPath: "\(data.path)/meetings/2026").count
        try tmux.send("q")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(data.path)/meetings/2026").count == meetings)
    }
}
