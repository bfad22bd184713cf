import Foundation
import SnapshotTesting
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import ForumDeskTestSupport
import TerminalUI

/// Live notes as a note-taker uses them (issue 20): entries filed under the item in progress, which is kept
/// in the meeting file; declarations for a later item; walk-ins and roles; equality counts; finishing.
@Suite struct LiveNotesFlowTests {
    static let id = "2026-11-26-leighton-rural-ltt"
    static let open: [Key] = [.char("2"), .char("/")] + typing("2026-11-26") + [.enter, .enter, .char("L")]

    @Test func test_nnEnter_writesTheOutcomeOfTheItemInProgress_andActionsGoUnderIt() throws {
        let w = try Workspace()
        var keys =
            Self.open + [.tab, .char("n"), .char("n"), .enter, .ctrl("u")]
            + typing("Resolved: That the report be noted.") + [.enter]
        keys += [.char("a")] + typing("Send the report to residents") + [.enter]
        keys += [.char("i")] + typing("Street lights out #highways") + [.enter]
        _ = w.app(keys: keys)
        let m = try #require(w.meetingOnDisk(Self.id))
        #expect(m.agenda[2].outcome == "Resolved: That the report be noted.")
        #expect(m.agenda[0].outcome == nil)
        #expect(m.itemInProgress == 3)
        #expect(m.actions.last?.item == 3)
        #expect(m.issues.last?.item == 3)
    }

    @Test func test_itemInProgress_isRestoredWhenLiveNotesReopen() throws {
        let w = try Workspace()
        _ = w.app(keys: Self.open + [.char("n"), .char("n"), .char("n"), .char("n")])
        let reopened = w.app(keys: Self.open)
        #expect(reopened.screenText.contains("▶ Item 5 of 8: Community Speedwatch volunteers"))
        // On the Agenda pane the cursor is the item in progress: ↑ moves it, Enter acts on it.
        let moved = w.app(keys: Self.open + [.tab, .up, .enter])
        #expect(moved.screenText.contains("Item 4: Resolved: That"))
    }

    @Test func test_declaration_asksWhichItem_offeringTheOneInProgress() throws {
        let w = try Workspace()
        var keys = Self.open + [.char("n"), .char("n"), .char("n"), .char("d")] + typing("Xavier") + [.enter]
        let asking = w.app(keys: keys)
        #expect(asking.screenText.contains("Cllr Xavier Kestrel: an interest in which item?"))
        keys += typing("budget") + [.enter] + typing("member of the budget group") + [.enter]
        _ = w.app(keys: keys)
        let m = try #require(w.meetingOnDisk(Self.id))
        #expect(
            m.declarations == [
                Declaration(
                    person: "cllr-xavier-kestrel", item: 6, nature: "Personal interest: member of the budget group")
            ])
        // Enter at once takes the item in progress: 7 by now, as each reopening carried on from the last (4, then 7).
        _ = w.app(
            keys: Self.open + [.char("d")] + typing("Tamsin R") + [.enter, .enter] + typing("lives nearby") + [.enter])
        let after = try #require(w.meetingOnDisk(Self.id))
        #expect(after.itemInProgress == 7 && after.declarations.last?.item == 7)
    }

    @Test func test_walkInObserver_andRoles() throws {
        let w = try Workspace()
        var a = w.app(keys: Self.open + [.char("w")] + typing("Dan Reed, Bedfordshire Police, observer") + [.enter])
        var m = try #require(w.meetingOnDisk(Self.id))
        #expect(
            m.attendance.last
                == Attendance(name: "Dan Reed", organisation: "bedfordshire-police", role: .observer, status: .present))
        // Someone in the directory is linked; a bad role or organisation is refused with the reason, nothing saved.
        a = w.app(keys: Self.open + [.char("w")] + typing("Wilf Lanternby, , support officer") + [.enter])
        m = try #require(w.meetingOnDisk(Self.id))
        #expect(m.attendance.last?.person == "wilf-lanternby" && m.attendance.last?.role == .supportOfficer)
        a = w.app(keys: Self.open + [.char("w")] + typing("Jo Bloggs, Nowhere Trust") + [.enter])
        #expect(a.screenText.contains("✗ no organisation"))
        a = w.app(keys: Self.open + [.char("w")] + typing("Jo Bloggs, , chair") + [.enter])
        #expect(a.screenText.contains("✗ role: member, observer or support officer"))
        #expect(try #require(w.meetingOnDisk(Self.id)).attendance.count == m.attendance.count)
        // R on a recorded row: member → observer → support officer.
        // p moves on to the next person: k comes back to the row just recorded.
        _ = w.app(keys: Self.open + [.char("p"), .char("k"), .char("R"), .char("R")])
        m = try #require(w.meetingOnDisk(Self.id))
        #expect(m.attendance.first { $0.person == "cllr-tamsin-rushmere" }?.role == .supportOfficer)
    }

    @Test func test_equalityCounts_fromTheSettingsCategories() throws {
        let w = try Workspace()
        let form = w.app(keys: Self.open + [.char("E")])
        #expect(form.screenText.contains("16-24"))
        #expect(form.screenText.contains("no or not stated"))
        #expect(form.screenText.contains("Disability"))
        _ = w.app(
            keys: Self.open + [.char("E")] + typing("4") + [.tab] + typing("12") + [.tab] + typing("7") + [.tab]
                + typing("2")
                + [.tab] + typing("21") + [.ctrl("s")])
        let m = try #require(w.meetingOnDisk(Self.id))
        #expect(
            m.equality == [
                "age": ["16-24": 4, "25-64": 12, "65+": 7], "disability": ["yes": 2, "no or not stated": 21],
            ])
        let bad = w.app(keys: Self.open + [.char("E")] + typing("lots") + [.ctrl("s")])
        #expect(bad.screenText.contains("a count: a whole number from 0"))
    }

    @Test func test_finish_recordsTheEnd_marksHeld_listsWhatIsEmpty_andOffersTheMinutes() throws {
        let w = try Workspace()
        let asking = w.app(keys: Self.open + [.char("F")])
        #expect(
            asking.screenText.contains(
                "Still empty: no outcome for items 1, 2, 3, 4, 5, 6, 7, 8; no discussion for items 3, 5,"))
        var a = w.app(keys: Self.open + [.char("F"), .ctrl("u")] + typing("8.25pm") + [.enter])
        let m = try #require(w.meetingOnDisk(Self.id))
        #expect(m.status == .held)
        #expect(m.ended == LondonTime.parse("2026-11-26T20:25"))
        #expect(a.screenText.contains("Meeting held"))
        #expect(a.screenText.contains("Export the minutes"))
        a.handle(.key(.enter))
        #expect(a.screenText.contains("Wrote the minutes to exports/"))
        let text = try String(contentsOfFile: w.copy.path + "/exports/\(Self.id)-minutes.txt", encoding: .utf8)
        #expect(text.contains("(Note: the meeting ended at 8.25 pm)"))
        let refused = w.app(keys: Self.open + [.char("F"), .ctrl("u")] + typing("17:00") + [.enter])
        #expect(refused.screenText.contains("✗ the meeting started at 18:30"))
    }

    @Test func test_carryForward_asksTheNewDueDate() throws {
        let w = try Workspace()
        let arising = [Key.tab, .tab, .tab]
        let asking = w.app(keys: Self.open + arising + [.char("f")])
        #expect(asking.screenText.contains("carried forward, due: 2027-01-28"))  // the area's next meeting
        _ = w.app(keys: Self.open + arising + [.char("f"), .ctrl("u")] + typing("2027-02-01") + [.enter])
        let earlier = try #require(w.meetingOnDisk("2026-03-19-leighton-rural-ltt"))
        let action = try #require(earlier.actions.first { $0.id == "A-2026-020" })
        #expect(action.status == .carriedForward)
        #expect(action.due == CalendarDate(year: 2027, month: 2, day: 1))
        #expect(action.updates.last?.meeting == Self.id)
        let past = w.app(keys: Self.open + arising + [.char("f"), .ctrl("u")] + typing("2026-01-01") + [.enter])
        #expect(past.screenText.contains("has passed"))
    }

    @Test func test_doneMatterArising_staysInThePane_andInTheMinutes() throws {
        let w = try Workspace()
        let a = w.app(keys: Self.open + [.tab, .tab, .tab, .char("c")])
        #expect(a.screenText.contains("Matters arising (2)"))
        let data = w.store.load()
        let m = try #require(data.meeting(Self.id))
        let arising = ActionRules.mattersArising(for: m, in: data.meetings)
        #expect(arising.contains { $0.action.id == "A-2026-020" && $0.action.status == .done })
    }
}
