import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

@Suite struct NavigationTests {
    @Test func test_numberKeys_switchMainScreens_andQGoesBack() {
        var a = app()
        #expect(a.screenTitle == "Dashboard")
        for (key, title) in [
            ("2", "Meetings"), ("3", "Actions"), ("4", "Directory"), ("5", "Reports"), ("1", "Dashboard"),
        ] {
            a.handle(.key(.char(Character(key))))
            #expect(a.screenTitle == title)
        }
        a.handle(.key(.char("2")))
        a.handle(.key(.enter))
        #expect(a.screenTitle == "Meeting")
        a.handle(.key(.char("q")))
        #expect(a.screenTitle == "Meetings")
        a.handle(.key(.escape))
        #expect(a.screenTitle == "Dashboard")
        #expect(!a.isFinished)
        a.handle(.key(.char("q")))
        #expect(a.isFinished)
    }

    @Test func test_reports_byYearAndArea() {
        var a = app(width: 120, height: 40, keys: [.char("5")])
        #expect(a.screenTitle == "Reports")
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2026"))
        a.handle(.key(.char("[")))
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2025"))
        for key in [Key.char("]"), .char("a")] + typing("leighton r") + [.enter] { a.handle(.key(key)) }
        #expect(a.screenText.contains("COMMUNITY MEETINGS 2026 — LEIGHTON RURAL"))
        #expect(!a.screenText.contains("Sandy and Biggleswade:"))
    }

    @Test func test_ctrlC_quitsFromAnywhere_evenWhileTyping() {
        var a = app(keys: [.char("2"), .char("/")] + typing("sandy"))
        a.handle(.key(.ctrl("c")))
        #expect(a.isFinished)
    }

    @Test func test_escapeThenKeyTypedTogether_actsAsBothKeys() {
        var a = app(keys: [.char("?")])
        a.handle(.key(.alt(":")))  // what the terminal reports for Esc followed at once by ':'
        #expect(a.screenText.contains("Command"))
        #expect(!a.screenText.contains("Help:"))
    }

    @Test func test_enterOnDashboardWarning_opensTheMeetingAtTheRelevantTab() {
        // The sample's first row is a councillor's silence three days before a meeting: it opens Councillors.
        let first = app(keys: [.enter])
        #expect(first.screenTitle == "Meeting")
        #expect((first.stack.last as? MeetingScreen)?.tab == .councillors)
        // Its eighth (after the late record and overdue actions) a partner who did not come: it opens Attendance.
        let a = app(keys: Array(repeating: .down, count: 7) + [.enter])
        #expect(a.screenTitle == "Meeting")
        #expect(a.screenText.contains("Attendance"))
        let screen = a.stack.last as? MeetingScreen
        #expect(screen?.tab == .attendance)
    }
}
