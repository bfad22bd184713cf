import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The meeting form reads dates by `DateInput`'s rule: a time the clocks skip is refused (it used to show
/// 01:30 and save 00:30), one they repeat is asked about, and BST or GMT says which.
@Suite struct ClockChangeFormTests {
    func newMeeting(start: String, end: String = "") -> [Key] {
        [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing(start)
            + [.tab] + typing(end) + [.tab] + typing("Potton Community Centre") + [.ctrl("s")]
    }

    @Test func test_springForwardGap_isRefused_andNothingIsSaved() throws {
        let w = try Workspace()
        let before = w.store.load().meetings.count
        let a = w.app(width: 140, keys: newMeeting(start: "28 Mar 2027 01:30"))
        #expect(a.screenText.contains("does not exist in London"))
        #expect(w.store.load().meetings.count == before)
    }

    @Test func test_autumnHour_isAskedAbout_thenSavedAsTheOneChosen() throws {
        let w = try Workspace()
        let before = w.store.load().meetings.count
        let asked = w.app(width: 140, keys: newMeeting(start: "31 Oct 2027 01:30"))
        #expect(asked.screenText.contains("happens twice"))
        #expect(w.store.load().meetings.count == before)
        _ = w.app(width: 140, keys: newMeeting(start: "31 Oct 2027 01:30 GMT", end: "3:00"))
        let saved = try #require(w.store.load().meetings.first { $0.id == "2027-10-31-sandy-biggleswade-ltt" })
        #expect(LondonTime.iso(saved.start) == "2027-10-31T01:30:00+00:00")
        #expect(LondonTime.iso(saved.end) == "2027-10-31T03:00:00+00:00")
    }

    @Test func test_endTimeInTheGap_isRefusedToo() throws {
        let w = try Workspace()
        let a = w.app(width: 140, keys: newMeeting(start: "27 Mar 2027 23:30", end: "01:30"))
        #expect(!a.screenText.contains("Saved: new meeting"))
        let b = w.app(width: 140, keys: newMeeting(start: "28 Mar 2027 00:15", end: "01:30"))
        #expect(b.screenText.contains("does not exist in London"))
        #expect(w.store.load().meetings.first { $0.id == "2027-03-28-sandy-biggleswade-ltt" } == nil)
    }
}
