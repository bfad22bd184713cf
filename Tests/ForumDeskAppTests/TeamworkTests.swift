import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// Several officers on one folder: others' saves are read in, who has a meeting open is shown.
@Suite struct TeamworkTests {
    let sandy = "2026-10-15-sandy-biggleswade-ltt"

    /// Another officer saves a meeting: the app reads it in (its list and screens show it) and says so; the
    /// selection stays where it was.
    @Test func test_changeByAnother_isReadIn_keepingTheSelection() throws {
        let w = try Workspace()
        var a = w.app(keys: [.char("2"), .char("j"), .char("j")])
        let selectedBefore = a.render().lines.first { $0.contains("▶") || $0.contains(">") }
        var other = w.store.load()
        var m = try #require(other.meeting(sandy))
        m.title = "Sandy renamed by Ana"
        try w.store.save(m, in: &other)
        let path = try #require(other.path(ofMeeting: sandy))
        #expect(a.filesChanged([path]) == false)
        #expect(a.context.data.meeting(sandy)?.title == "Sandy renamed by Ana")
        #expect(a.screenText.contains("Changed by someone else: \(sandy)"))
        #expect(a.render().lines.first { $0.contains("▶") || $0.contains(">") } == selectedBefore)
        // Our own save, reported by the watcher as well, changes nothing and says nothing.
        #expect(a.filesChanged([path]) == false)
    }

    /// A meeting open in a form is not read again behind it: the checked save finds the clash and asks.
    @Test func test_meetingOpenInAForm_isNotReadAgain() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("E")])
        #expect(a.meetingsOpenForEditing == [sandy])
        var other = w.store.load()
        var m = try #require(other.meeting(sandy))
        m.title = "Changed elsewhere"
        try w.store.save(m, in: &other)
        _ = a.filesChanged([try #require(other.path(ofMeeting: sandy))])
        #expect(a.context.data.meeting(sandy)?.title != "Changed elsewhere")
    }

    /// Who else has the meeting open shows on its screen, and goes when they close it.
    @Test func test_presenceOfAnother_isShownOnTheMeeting() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober)
        let ana = ProcessOwner(
            pid: 4242, host: ProcessOwner.hostName, user: "ana", since: LondonTime.parse("2026-11-23T09:05")!)
        a.showPresence([sandy: [ana]])
        #expect(a.render().lines[1].contains("ana has this open since"))
        a.showPresence([:])
        #expect(!a.render().lines[1].contains("has this open"))
    }

    /// Side by side without refusals (issue 33): an officer changes the meeting while a note-taker minutes it in
    /// live notes; the note-taker's next entry is merged with it by record and saved, and both changes are on disk.
    @Test func test_liveNotesEntry_overAnotherOfficersSave_isMergedNotRefused() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        #expect(a.top is LiveNotesScreen)
        var other = w.store.load()
        var m = try #require(other.meeting(sandy))
        m.title = "Retitled at the desk"
        try w.store.save(m, in: &other)
        for key in [Key.char("r"), .ctrl("u")] + typing("61") + [.enter] { a.handle(.key(key)) }
        #expect(!a.screenText.contains("Changed by someone else"), "\(a.screenText)")
        #expect(a.screenText.contains("merged"), "\(a.screenText)")
        let disk = try #require(w.meetingOnDisk(sandy))
        #expect(disk.title == "Retitled at the desk" && disk.residentsPresent == 61)
        #expect(a.context.data.meeting(sandy)?.title == "Retitled at the desk")
        // Undo goes back to the desk's version, not before it.
        a.handle(.key(.char("u")))
        let undone = try #require(w.meetingOnDisk(sandy))
        #expect(undone.title == "Retitled at the desk" && undone.residentsPresent == 57)
    }

    /// A change saved by someone else shows in live notes at once (no refusal later), and H opens the history.
    @Test func test_liveNotes_showOthersChangesAtOnce_andHOpensTheHistory() throws {
        let w = try Workspace()
        var a = w.app(keys: openSandyOctober + [.char("L")])
        var other = w.store.load()
        var m = try #require(other.meeting(sandy))
        m.title = "Changed at the desk"
        try w.store.save(m, in: &other)
        _ = a.filesChanged([try #require(other.path(ofMeeting: sandy))])
        #expect(a.context.data.meeting(sandy)?.title == "Changed at the desk")
        #expect(a.meetingsOpenForEditing == [sandy])
        a.handle(.key(.char("H")))
        #expect(a.top is MeetingHistoryScreen, "\(a.screenText)")
    }

    /// A conflict a sync recorded in the directory (no meeting holds it) is listed on the dashboard, and `t`
    /// resolves it there by taking theirs (issue 33).
    @Test func test_directoryConflict_isOnTheDashboard_andTResolvesIt() throws {
        let w = try Workspace()
        let path = w.copy.path + "/directory/people.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let phone = try #require(text.firstRange(of: /"phone": "01632 960[0-9]+"/))
        text.replaceSubrange(phone, with: "\"phone\": \"07700 900555\"")
        let id = "cllr-harpreet-vantwood"
        text = text.replacingOccurrences(
            of: "\"people\": [",
            with:
                "\"conflicts\": [{\"path\": [\"people\", {\"id\": \"\(id)\"}, \"phone\"], \"kind\": \"both-changed\", \"ours\": \"07700 900555\", \"theirs\": \"07700 900666\", \"note\": \"theirs by Ben\"}],\n  \"people\": ["
        )
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var a = w.app(width: 160, height: 48)
        #expect(
            a.screenText.contains("Conflict") && a.screenText.contains("directory/people.json #1"), "\(a.screenText)")
        a.handle(.key(.char("t")))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            after.contains("07700 900666") && !after.contains("900555") && !after.contains("\"conflicts\""),
            "\(a.screenText)")
    }

    /// `S` runs the sync off the key loop (issue 38): the key returns at once saying it runs, the screen keeps
    /// answering keys, and the report arrives as the status line when the sync is done.
    @Test func test_syncKey_runsOffTheKeyLoop_andItsReportComesBack() throws {
        let w = try Workspace()
        var a = w.app()
        a.syncDriver = TestPaths.binary  // no remote yet: the sync makes the repository and commits
        a.handle(.key(.char("S")))
        #expect(a.screenText.contains("Syncing with the team"), "\(a.screenText)")
        a.handle(.key(.char("2")))  // the screen still answers
        #expect(a.top is MeetingsScreen)
        let deadline = Date().addingTimeInterval(60)
        while !a.collectFinishedWork(), Date() < deadline { usleep(20_000) }
        #expect(a.screenText.contains("Synced"), "\(a.screenText)")
        #expect(!a.isWorking)
    }

    @Test func test_readOnly_opensNoLiveNotes() throws {
        let w = try Workspace()
        let a = w.app(keys: openSandyOctober + [.char("L")], access: .readOnly("opened with --read-only"))
        #expect(!(a.top is LiveNotesScreen))
    }
}
