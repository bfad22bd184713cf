import Foundation
import Testing
@testable import ForumDeskApp
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The meeting form checks clashes as the date is typed: a bank holiday, or the sample's Biggleswade Community
/// Centre already booked that evening, is said under the date and in the saved message, and the meeting is saved
/// (a clash warns, it does not forbid).
@Suite struct ClashFormTests {
    func newMeeting(start: String, venue: String) -> [Key] {
        [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing(start)
            + [.tab, .tab] + typing(venue)
    }

    @Test func test_aBankHoliday_isSaidUnderTheDate_andTheMeetingIsSaved() throws {
        let w = try Workspace()
        let typed = w.app(
            width: 160, height: 48, keys: newMeeting(start: "31 May 2027 19:00", venue: "Potton Community Centre"))
        #expect(typed.screenText.contains("⚠ bank holiday: Spring bank holiday"), "\(typed.screenText)")
        let saved = w.app(
            width: 160, height: 48,
            keys: newMeeting(start: "31 May 2027 19:00", venue: "Potton Community Centre") + [.ctrl("s")])
        #expect(saved.screenText.contains("1 clash"), "\(saved.screenText)")
        #expect(w.store.load().meetings.contains { $0.id == "2027-05-31-sandy-biggleswade-ltt" })
    }

    @Test func test_theSameHallThatEvening_isSaid_andAnotherDayIsNot() throws {
        let w = try Workspace()
        let clash = w.app(
            width: 160, height: 48, keys: newMeeting(start: "18 Feb 2027 19:00", venue: "Biggleswade Community Centre"))
        #expect(
            clash.screenText.contains("⚠ venue double-booked (2027-02-18-sandy-biggleswade-ltt)"), "\(clash.screenText)"
        )
        let fine = w.app(
            width: 160, height: 48, keys: newMeeting(start: "17 Feb 2027 19:00", venue: "Biggleswade Community Centre"))
        #expect(!fine.screenText.contains("⚠"), "\(fine.screenText)")
    }
}
