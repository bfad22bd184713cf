import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// Attendance taken down the list: p, o (once its reason is saved) and x each move on to the next person.
@Suite struct LiveNotesAttendanceSpeedTests {
    @Test func test_presentApologiesAbsent_eachMoveOnToTheNextPerson() throws {
        let w = try Workspace()
        var a = w.app(keys: LiveNotesFlowTests.open)
        let rows = LiveNotesScreen(meetingID: LiveNotesFlowTests.id, context: a.context).people(
            try #require(a.context.data.meeting(LiveNotesFlowTests.id)), a.context)
        LiveNotesFilingTests.press(
            &a, [.char("p"), .char("p"), .char("o")] + typing("annual leave") + [.enter, .char("x"), .char("p")])
        let m = try #require(w.meetingOnDisk(LiveNotesFlowTests.id))
        func status(_ row: Int) -> AttendanceStatus? { m.attendance.last { $0.person == rows[row].person }?.status }
        #expect(
            [status(0), status(1), status(2), status(3), status(4)] == [
                .present, .present, .apologies, .absent, .present,
            ])
        #expect((a.top as? LiveNotesScreen)?.selection.selected == 5)
    }

    /// `@` and a word of a directorate's name, Tab: the candidates shown, each Tab the next; saved under the item.
    @Test func test_tabCyclesTheCandidatesOfAWord_andTheActionIsOwnedByTheOneChosen() throws {
        let w = try Workspace()
        var a = w.app(width: 120, keys: LiveNotesFlowTests.open + [.char("a")] + typing("Fix the drain @Comm") + [.tab])
        let first = a.screenText
        #expect(first.contains("Tab 1 of "), "\(first)")
        let line = { (a: App) in
            a.screenText.split(separator: "\n").first { $0.contains("Fix the drain @") }.map(String.init) ?? ""
        }
        let firstLine = line(a)
        LiveNotesFilingTests.press(&a, [.tab])
        #expect(a.screenText.contains("Tab 2 of "))
        #expect(line(a) != firstLine)
        LiveNotesFilingTests.press(&a, [.escape, .char("d")])  // Esc asks; d… Discard is the second choice
        var b = w.app(
            width: 120,
            keys: LiveNotesFlowTests.open + [.char("a")] + typing("Fix the drain @Sustainable due:+7d") + [.enter])
        let action = try #require(w.meetingOnDisk(LiveNotesFlowTests.id)?.actions.last)
        #expect(
            action.organisation == "cbc-sustainable-communities" && action.description == "Fix the drain"
                && action.item == 1)
        LiveNotesFilingTests.press(&b, [])
    }
}
