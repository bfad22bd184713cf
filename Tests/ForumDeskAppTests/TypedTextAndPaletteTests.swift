import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// Nothing typed is thrown away without a question, and one key answers it.
@Suite struct UnsavedTextTests {
    @Test func test_escOnTheDashboard_doesNotQuit_qDoes() {
        var a = app()
        a.handle(.key(.escape))
        a.handle(.key(.escape))
        #expect(!a.isFinished)
        #expect(a.screenText.contains("q quits"))
        a.handle(.key(.char("q")))
        #expect(a.isFinished)
    }

    @Test func test_ctrlC_inAFormWithTypedText_asks_dQuitsNot_kKeeps() {
        var a = app(keys: [.char("2"), .char("n"), .tab, .tab, .tab] + typing("রুমানা"))
        a.handle(.key(.ctrl("c")))
        #expect(!a.isFinished)
        #expect(a.screenText.contains("Quit without saving?"))
        a.handle(.key(.char("k")))  // Keep typing
        #expect(!a.isFinished && a.screenTitle == "New meeting")
        a.handle(.key(.ctrl("c")))
        a.handle(.key(.char("q")))  // Quit anyway
        #expect(a.isFinished)
    }

    @Test func test_ctrlC_withNothingTyped_quitsAtOnce() {
        var a = app(keys: [.char("2"), .char("n")])
        a.handle(.key(.ctrl("c")))
        #expect(a.isFinished)
    }

    @Test func test_escOnAFormWithTypedText_asks_andDDiscards() {
        var a = app(keys: [.char("2"), .char("n"), .tab, .tab, .tab] + typing("Hall"))
        a.handle(.key(.escape))
        #expect(a.screenText.contains("Discard changes?"))
        a.handle(.key(.escape))  // a second Esc keeps the form: people press Esc repeatedly
        #expect(a.screenTitle == "New meeting")
        a.handle(.key(.escape))
        a.handle(.key(.char("d")))
        #expect(a.screenTitle == "Meetings")
    }

    @Test func test_escOnAHalfTypedLiveNotesLine_asks_thenKeepsOrDiscards() {
        var a = app(width: 100, height: 30, keys: openSandyOctober + [.char("L"), .char("i")] + typing("নদীর ধারে আলো নেই"))
        a.handle(.key(.escape))
        #expect(a.screenText.contains("Discard the line?"))
        a.handle(.key(.char("k")))
        #expect(a.screenText.contains("নদীর ধারে আলো নেই"))
        a.handle(.key(.escape))
        a.handle(.key(.char("d")))
        #expect(!a.screenText.contains("নদীর ধারে আলো নেই"))
        #expect(a.screenTitle == "Live notes")
        // An untouched line closes at once.
        a.handle(.key(.char("i")))
        a.handle(.key(.escape))
        #expect(!a.screenText.contains("Discard the line?"))
    }

    @Test func test_ctrlZ_asksTheBackendToSuspend_evenWhileTyping() {
        var a = app(keys: [.char("2"), .char("/")] + typing("san"))
        a.handle(.key(.ctrl("z")))
        #expect(a.wantsSuspend && !a.isFinished)
        #expect(a.screenText.contains("Search: san"))
    }
}

@Suite struct PaletteTests {
    @Test func test_palette_listsEveryScreensCommands_withTheirScreenAndKey() {
        let a = app(width: 120, height: 40, keys: [.char(":")])
        let labels = a.paletteItems.map { $0.label + " — " + $0.detail }
        #expect(labels.contains { $0.hasPrefix("New meeting — Meetings · n") })
        #expect(labels.contains { $0.hasPrefix("Notify:") && $0.contains("Meeting · Councillors · n") })
        #expect(labels.contains { $0.contains("Live notes · i") })
        #expect(labels.contains { $0.contains("Topics ·") })
        #expect(labels.contains { $0.contains("Directory ·") })
    }

    @Test func test_newFromTheDashboard_opensTheNewMeetingForm() {
        let a = app(keys: [.char(":")] + typing("new meeting") + [.enter])
        #expect(a.screenTitle == "New meeting")
    }

    @Test func test_notifyFromTheDashboard_notifiesTheSelectedMeeting() throws {
        let w = try Workspace()
        // Next meetings pane, second row: Sandy and Biggleswade, 17 Dec, one councillor not notified.
        let a = w.app(keys: [.tab, .down, .char(":")] + typing("notify e-mail") + [.enter])
        #expect(a.screenTitle == "Meeting")
        #expect((a.stack.last as? MeetingScreen)?.tab == .councillors)
        #expect(a.screenText.contains("Saved: 1 notice written to outbox/2026-12-17-sandy-biggleswade-ltt/"), "\(a.screenText)")
    }

    @Test func test_aMeetingCommand_withNoMeetingInView_saysToChooseOne() {
        let a = app(keys: [.char("3"), .char(":")] + typing("postpone") + [.enter])
        #expect(a.screenTitle == "Meetings")
        #expect(a.screenText.contains("Choose a meeting"))
    }
}

@Suite struct SearchWhatRowsShowTests {
    /// Every word must match somewhere, so "Dec 2026" also finds a 2026 meeting whose agenda says "decide";
    /// the status line then says where it matched.
    @Test func test_meetingsSearch_matchesTheDisplayedDates() {
        let december = sampleData.meetings.filter { Format.day($0.start).hasSuffix("Dec 2026") }.count
        #expect(december > 1)
        for (query, least) in [("17 Dec 2026", 1), ("Dec 2026", december), ("December 2026", december), ("Thu 17 Dec", 1)] {
            let a = app(width: 120, height: 80, keys: [.char("2"), .char("/")] + typing(query))
            let rows = a.render().lines.dropFirst(3).dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(rows.filter { $0.contains("Dec 2026") }.count == least, "\(query): \(rows)")
        }
        let exact = app(width: 120, height: 40, keys: [.char("2"), .char("/")] + typing("17 Dec 2026"))
        #expect(exact.screenText.contains("1/1 (of 58)"))
    }

    @Test func test_meetingsSearch_findsAgendaTitles_andSaysWhere() throws {
        let meeting = try #require(sampleData.meetings.first { m in m.agenda.contains { $0.title.count > 12 } && !m.isSummary })
        let title = try #require(meeting.agenda.first { $0.title.count > 12 })
        let a = app(width: 160, height: 40, keys: [.char("2"), .char("/")] + typing(title.title.lowercased()))
        #expect(a.screenText.contains("found in agenda item \(title.number): \(title.title)") || a.screenText.contains("found in agenda item \(title.number)"),
                "\(a.screenText)")
    }

    @Test func test_meetingsSearch_findsResidentsIssues() throws {
        let (meeting, issue) = try #require(sampleData.meetings.lazy.compactMap { m in m.issues.first { $0.text.count > 10 }.map { (m, $0) } }.first)
        let word = try #require(issue.text.split(separator: " ").max { $0.count < $1.count }).lowercased()
        let a = app(width: 160, height: 40, keys: [.char("2"), .char("/")] + typing(word))
        #expect(a.screenText.contains("found in residents' issue"), "\(word) in \(meeting.id): \(a.screenText)")
    }
}

@Suite struct QuitQuestionTests {
    @Test func test_ctrlC_onTheDiscardQuestion_asksAboutQuitting_andASecondCtrlCQuits() {
        var a = app(keys: [.char("2"), .char("n"), .tab, .tab, .tab] + typing("Hall") + [.escape])
        #expect(a.screenText.contains("Discard changes?"))
        a.handle(.key(.ctrl("c")))
        #expect(!a.isFinished && a.screenText.contains("Quit without saving?"))
        a.handle(.key(.ctrl("c")))
        #expect(a.isFinished)
    }
}

@Suite struct NarrowingSearchTests {
    /// Typing narrows the last matches; the rows must be those a search of the whole text at once gives.
    @Test func test_typingLetterByLetter_findsWhatTheWholeQueryFinds() {
        for query in ["sandy", "dec 2026", "hall resolved", "grit", "winter g"] {
            var typed = app(width: 120, height: 60, keys: [.char("2"), .char("/")] + typing(query))
            var pasted = app(width: 120, height: 60, keys: [.char("2"), .char("/")])
            pasted.handle(.paste(query))
            #expect(typed.render().lines == pasted.render().lines, "\(query)")
            typed.handle(.key(.backspace))
            pasted.handle(.key(.backspace))
            #expect(typed.render().lines == pasted.render().lines, "\(query) less a letter")
        }
    }
}
