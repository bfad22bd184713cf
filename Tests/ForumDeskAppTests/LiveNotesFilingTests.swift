import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// Live notes file every entry under the item in progress (▶), whichever pane it is typed on, and ▶ follows
/// the meeting file through undo and redo.
@Suite struct LiveNotesFilingTests {
    static let id = LiveNotesFlowTests.id
    static let open = LiveNotesFlowTests.open
    /// From Attendance to Issues: agenda, actions, matters arising, issues.
    static let toIssues: [Key] = [.tab, .tab, .tab, .tab]

    static func press(_ a: inout App, _ keys: [Key]) { for key in keys { a.handle(.key(key)) } }

    @Test func test_actionFromTheIssuesPane_saysItIsForTheIssue_andIsFiledUnderTheItemInProgress() throws {
        let w = try Workspace()
        // An issue raised under item 2, then the meeting moves on to item 6.
        var keys = Self.open + [.char("n"), .char("i")] + typing("Street lights out on Mill Lane #highways") + [.enter]
        keys += [.char("n"), .char("n"), .char("n"), .char("n")] + Self.toIssues
        var a = w.app(width: 120, keys: keys)
        let issue = try #require(w.meetingOnDisk(Self.id)?.issues.last)
        #expect(issue.item == 2)
        let footer = a.screenText.split(separator: "\n").last.map(String.init) ?? ""
        #expect(footer.contains("a action for issue"), "\(footer)")
        Self.press(&a, [.char("a")])
        #expect(a.screenText.contains("Action for issue \(issue.id) (item 6): "))
        Self.press(&a, [.ctrl("u")] + typing("Report the lights to the contractor @Central Bedfordshire Council: Community Safety") + [.enter])
        let m = try #require(w.meetingOnDisk(Self.id))
        let action = try #require(m.actions.last)
        #expect(action.item == 6, "filed under the item in progress, not the issue's item 2")
        #expect(m.issues.last?.action == action.id)
        #expect(a.screenText.contains("Saved: action \(action.id) for issue \(issue.id), under item 6"))
    }

    @Test func test_itemN_filesAnActionUnderAnotherItem_andAnUnknownItemIsRefused() throws {
        let w = try Workspace()
        let keys = Self.open + [.char("n"), .char("n"), .char("n")]
        var a = w.app(keys: keys + [.char("a")] + typing("Check the crossing item:42") + [.enter])
        #expect(a.screenText.contains("no item 42 on the agenda"))
        Self.press(&a, [.ctrl("u")] + typing("Check the crossing item:7") + [.enter])
        let m = try #require(w.meetingOnDisk(Self.id))
        #expect(m.actions.last?.description == "Check the crossing" && m.actions.last?.item == 7)
    }

    /// Undoing "item N in progress" puts ▶ back where the file says, and the next entry goes there; redo moves it on.
    @Test func test_undoAndRedo_moveTheItemInProgress_withTheFile() throws {
        let w = try Workspace()
        let moved = Self.open + [.char("n"), .char("n"), .char("n"), .char("n"), .char("n")]
        var a = w.app(keys: moved + [.char("u")])
        #expect(w.meetingOnDisk(Self.id)?.itemInProgress == 5)
        #expect(a.screenText.contains("▶ Item 5 of 8"))
        Self.press(&a, [.char("a")] + typing("Ask the police for the figures") + [.enter])
        #expect(w.meetingOnDisk(Self.id)?.actions.last?.item == 5)

        let w2 = try Workspace()
        let redone = w2.app(keys: moved + [.char("u"), .ctrl("r")])
        #expect(w2.meetingOnDisk(Self.id)?.itemInProgress == 6)
        #expect(redone.screenText.contains("▶ Item 6 of 8"))
    }
}

/// Attendance taken down the list: p, o (once its reason is saved) and x each move on to the next person.
@Suite struct LiveNotesAttendanceSpeedTests {
    @Test func test_presentApologiesAbsent_eachMoveOnToTheNextPerson() throws {
        let w = try Workspace()
        var a = w.app(keys: LiveNotesFlowTests.open)
        let rows = LiveNotesScreen(meetingID: LiveNotesFlowTests.id, context: a.context).people(try #require(a.context.data.meeting(LiveNotesFlowTests.id)), a.context)
        LiveNotesFilingTests.press(&a, [.char("p"), .char("p"), .char("o")] + typing("annual leave") + [.enter, .char("x"), .char("p")])
        let m = try #require(w.meetingOnDisk(LiveNotesFlowTests.id))
        func status(_ row: Int) -> AttendanceStatus? { m.attendance.last { $0.person == rows[row].person }?.status }
        #expect([status(0), status(1), status(2), status(3), status(4)] == [.present, .present, .apologies, .absent, .present])
        #expect((a.top as? LiveNotesScreen)?.selection.selected == 5)
    }

    /// `@` and a word of a directorate's name, Tab: the candidates shown, each Tab the next; saved under the item.
    @Test func test_tabCyclesTheCandidatesOfAWord_andTheActionIsOwnedByTheOneChosen() throws {
        let w = try Workspace()
        var a = w.app(width: 120, keys: LiveNotesFlowTests.open + [.char("a")] + typing("Fix the drain @Comm") + [.tab])
        let first = a.screenText
        #expect(first.contains("Tab 1 of "), "\(first)")
        let line = { (a: App) in a.screenText.split(separator: "\n").first { $0.contains("Fix the drain @") }.map(String.init) ?? "" }
        let firstLine = line(a)
        LiveNotesFilingTests.press(&a, [.tab])
        #expect(a.screenText.contains("Tab 2 of "))
        #expect(line(a) != firstLine)
        LiveNotesFilingTests.press(&a, [.escape, .char("d")])  // Esc asks; d… Discard is the second choice
        var b = w.app(width: 120, keys: LiveNotesFlowTests.open + [.char("a")] + typing("Fix the drain @Sustainable due:+7d") + [.enter])
        let action = try #require(w.meetingOnDisk(LiveNotesFlowTests.id)?.actions.last)
        #expect(action.organisation == "cbc-sustainable-communities" && action.description == "Fix the drain" && action.item == 1)
        LiveNotesFilingTests.press(&b, [])
    }
}

/// `F` lists what the minutes really lack, and the equality form's counts cannot exceed the head count.
@Suite struct LiveNotesCompletenessTests {
    @Test func test_finish_listsItemsWithoutDiscussion_andAPresenterWhoSentApologies() throws {
        let w = try Workspace()
        var data = w.store.load()
        var m = try #require(data.meeting(LiveNotesFlowTests.id))
        for i in m.agenda.indices { m.agenda[i].outcome = "Resolved: That it be noted." }
        m.residentsPresent = 23
        m.attendance = [Attendance(person: "cllr-xavier-kestrel", status: .present)]
        let presenter = try #require(m.agenda.first { $0.presenter != nil })
        m.attendance.append(Attendance(person: presenter.presenter, status: .apologies))
        try w.store.save(m, in: &data)
        let a = w.app(width: 200, height: 40, keys: LiveNotesFlowTests.open + [.char("F")])
        let name = data.directory.displayName(ofPerson: presenter.presenter)
        #expect(!a.screenText.contains("Nothing is missing"))
        #expect(a.screenText.contains("no discussion for items 3, 5, 6, 7, 8"), "\(a.screenText)")
        #expect(a.screenText.contains("item \(presenter.number)'s presenter \(name) sent apologies"))
    }

    @Test func test_equalityCounts_cannotAddUpToMoreThanTheResidentsPresent() throws {
        let w = try Workspace()
        let keys = LiveNotesFlowTests.open + [.char("r")] + typing("23") + [.enter]
        let bad = w.app(keys: keys + [.char("E")] + typing("20") + [.tab] + typing("10") + [.tab] + typing("5") + [.ctrl("s")])
        #expect(bad.screenText.contains("Age adds up to 35, more than the 23 residents present"))
        #expect(w.meetingOnDisk(LiveNotesFlowTests.id)?.equality.isEmpty == true)
        _ = w.app(keys: LiveNotesFlowTests.open + [.char("E")] + typing("4") + [.tab] + typing("12") + [.tab] + typing("7") + [.ctrl("s")])
        #expect(w.meetingOnDisk(LiveNotesFlowTests.id)?.equality["age"] == ["16-24": 4, "25-64": 12, "65+": 7])
    }
}
