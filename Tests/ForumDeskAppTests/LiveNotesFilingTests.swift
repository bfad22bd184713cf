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
        Self.press(
            &a,
            [.ctrl("u")] + typing("Report the lights to the contractor @Central Bedfordshire Council: Community Safety")
                + [.enter])
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
