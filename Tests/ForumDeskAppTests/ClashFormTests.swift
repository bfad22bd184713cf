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
        [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab] + typing(start)
            + [.tab, .tab] + typing(venue)
    }

    @Test func test_aBankHoliday_isSaidUnderTheDate_andTheMeetingIsSaved() throws {
        let w = try Workspace()
        let typed = w.app(width: 160, height: 48, keys: newMeeting(start: "31 May 2027 19:00", venue: "Potton Community Centre"))
        #expect(typed.screenText.contains("⚠ bank holiday: Spring bank holiday"), "\(typed.screenText)")
        let saved = w.app(width: 160, height: 48, keys: newMeeting(start: "31 May 2027 19:00", venue: "Potton Community Centre") + [.ctrl("s")])
        #expect(saved.screenText.contains("1 clash"), "\(saved.screenText)")
        #expect(w.store.load().meetings.contains { $0.id == "2027-05-31-sandy-biggleswade-ltt" })
    }

    @Test func test_theSameHallThatEvening_isSaid_andAnotherDayIsNot() throws {
        let w = try Workspace()
        let clash = w.app(width: 160, height: 48, keys: newMeeting(start: "18 Feb 2027 19:00", venue: "Biggleswade Community Centre"))
        #expect(clash.screenText.contains("⚠ venue double-booked (2027-02-18-sandy-biggleswade-ltt)"), "\(clash.screenText)")
        let fine = w.app(width: 160, height: 48, keys: newMeeting(start: "17 Feb 2027 19:00", venue: "Biggleswade Community Centre"))
        #expect(!fine.screenText.contains("⚠"), "\(fine.screenText)")
    }
}

/// A meeting made with the form starts with its kind's standing items (`templates/lets-talk-together.json`),
/// "minutes of the previous meeting" dated from the area's last held meeting.
@Suite struct TemplateFormTests {
    @Test func test_aNewMeeting_startsWithTheTemplatesItems() throws {
        let w = try Workspace()
        let keys: [Key] = [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing("17 Feb 2027 19:00") + [.tab, .tab] + typing("Potton Community Centre") + [.ctrl("s")]
        _ = w.app(width: 160, height: 48, keys: keys)
        let saved = try #require(w.store.load().meetings.first { $0.id == "2027-02-17-sandy-biggleswade-ltt" })
        let held = w.store.load().meetings.filter { $0.area == "sandy-biggleswade" && $0.status == .held && $0.start < saved.start }
            .max { $0.start < $1.start }
        let day = try #require(held.map { AgendaTemplate.longDate(LondonTime.date($0.start)) })
        #expect(saved.agenda.map(\.title) == ["Introductions and apologies", "Minutes of the previous meeting held on \(day)", "Matters arising",
                                             "Disclosures of interests", "Residents' open session", "Any other business"])
    }
}

/// Postponing checks the new date: the sample's 17 December Sandy meeting postponed onto the evening of the
/// 18 February one, in the same hall with the same ward councillors, is warned of in the form, saved, and then
/// carried by both meetings' warnings on the dashboard.
@Suite struct PostponeClashTests {
    @Test func test_postponingOntoAnotherMeeting_isAClash_onBothMeetings() throws {
        let w = try Workspace()
        let open: [Key] = [.char("2"), .char("/")] + typing("2026-12-17") + [.enter, .enter, .char("P")]
        let asked = w.app(width: 160, height: 48, keys: open + typing("2027-02-18 19:00"))
        #expect(asked.screenText.contains("⚠ venue double-booked (2027-02-18-sandy-biggleswade-ltt)"), "\(asked.screenText)")
        var a = w.app(width: 160, height: 48, keys: open + typing("2027-02-18 19:00") + [.ctrl("s")])
        #expect(a.screenText.contains("2 clashes"), "\(a.screenText)")
        let moved = try #require(w.meetingOnDisk("2026-12-17-sandy-biggleswade-ltt"))
        #expect(moved.status == .postponed && LondonTime.iso(moved.start) == "2027-02-18T19:00:00+00:00")
        let warnings = a.context.warnings
        #expect(warnings["2026-12-17-sandy-biggleswade-ltt"]?.contains { $0.kind == .clash && $0.message.contains("2027-02-18-sandy-biggleswade-ltt") } == true)
        #expect(warnings["2027-02-18-sandy-biggleswade-ltt"]?.contains { $0.kind == .clash && $0.message.contains("2026-12-17-sandy-biggleswade-ltt") } == true)
        a.handle(.key(.escape))
        a.handle(.key(.escape))
        a.handle(.key(.char("1")))
        #expect(a.screenText.contains("clash: venue double-booked"), "\(a.screenText)")
    }
}

/// The meeting form's venue: a venue record's name links the meeting to it and brings its address and
/// accessibility.
@Suite struct VenueFormTests {
    @Test func test_aVenueRecordsName_fillsTheAddressAndAccessibility() throws {
        let w = try Workspace()
        let keys: [Key] = [.char("2"), .char("n"), .enter] + typing("sandy") + [.enter, .tab, .tab] + typing("potton") + [.tab]
            + typing("17 Feb 2027 19:00") + [.tab, .tab] + typing("sandy village hall")
        let typed = w.app(width: 160, height: 48, keys: keys)
        #expect(typed.screenText.contains("venue record sandy-village-hall: seats 80"), "\(typed.screenText)")
        _ = w.app(width: 160, height: 48, keys: keys + [.ctrl("s")])
        let saved = try #require(w.store.load().meetings.first { $0.id == "2027-02-17-sandy-biggleswade-ltt" })
        #expect(saved.venue.id == "sandy-village-hall")
        #expect(saved.venue.address == "Bedford Road, Sandy, SG19 1EL")
        #expect(saved.venue.accessibility?.hasPrefix("Step-free access; hearing loop") == true)
    }
}
