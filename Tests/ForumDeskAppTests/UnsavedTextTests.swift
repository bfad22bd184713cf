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
