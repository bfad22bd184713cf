import Foundation
import Testing
@testable import ForumDeskCore

/// Clash checks: the same hall at overlapping times, a councillor of both meetings' wards, a bank holiday or closed
/// day, a pre-election period; cancelled and held meetings clash with nothing.
@Suite struct ClashRulesTests {
    static let calendar = PlanningCalendar(
        closedDays: [.init(date: CalendarDate(iso: "2027-12-29")!, label: "Offices closed")],
        preElectionPeriods: [
            .init(
                from: CalendarDate(iso: "2027-03-22")!, until: CalendarDate(iso: "2027-05-06")!,
                label: "Town and parish elections")
        ])
    static let now = Fixture.at("2027-01-04T09:00")

    static func meeting(
        _ id: String, _ start: String, venue: String = "Sandy Village Hall", area: String = "sandy-biggleswade",
        wards: [String] = ["sandy"], status: MeetingStatus = .planned
    ) -> Meeting {
        var m = Fixture.meeting(id: id, start: start, status: status, area: area, wards: wards)
        m.venue = Venue(name: venue)
        return m
    }

    func clashes(_ meetings: [Meeting]) -> [String: [Clash]] {
        ClashRules.clashes(in: meetings, directory: Fixture.directory, calendar: Self.calendar, from: Self.now)
    }

    @Test func test_sameHallOverlapping_isAClashForBoth_butNotBackToBack() {
        let a = Self.meeting("a", "2027-02-04T19:00", wards: ["sandy"])
        let b = Self.meeting(
            "b", "2027-02-04T20:30", venue: "sandy village hall,", area: "leighton-rural", wards: ["toddington"])
        let c = Self.meeting("c", "2027-02-04T21:00", wards: ["potton"])  // starts as a ends
        let found = clashes([c, b, a])
        #expect(found["a"]?.map(\.kind) == [.venue])
        #expect(found["a"]?.first?.otherMeetingID == "b")
        #expect(found["b"]?.map(\.kind) == [.venue, .venue])  // a, and c from 21:00 while b runs to 22:30
        #expect(found["c"]?.map(\.otherMeetingID) == ["b"])
    }

    @Test func test_aCouncillorOfBothMeetingsWards_isDueAtTwoMeetings() {
        let a = Self.meeting("a", "2027-02-04T19:00", wards: ["sandy", "potton"])
        let b = Self.meeting("b", "2027-02-04T18:00", venue: "Potton Pavilion", wards: ["potton"])
        let found = clashes([a, b])
        #expect(found["a"]?.map(\.kind) == [.councillor])
        #expect(found["a"]?.first?.message.contains("Cllr Carys Copperfield") == true)
        // Different wards, different halls: no clash.
        let d = Self.meeting(
            "d", "2027-02-04T19:00", venue: "Toddington Hall", area: "leighton-rural", wards: ["toddington"])
        #expect(clashes([Self.meeting("e", "2027-02-04T19:00", wards: ["sandy"]), d]).isEmpty)
        // A chair from elsewhere is expected too.
        var chaired = d
        chaired.chair = "cllr-a"
        #expect(
            clashes([Self.meeting("e", "2027-02-04T19:00", wards: ["sandy"]), chaired])["e"]?.map(\.kind) == [
                .councillor
            ])
    }

    @Test func test_bankHoliday_closedDay_andPreElection() {
        let found = clashes([
            Self.meeting("easter", "2027-03-29T19:00"),  // Easter Monday, and in the pre-election period
            Self.meeting("closed", "2027-12-29T19:00"),
            Self.meeting("fine", "2027-06-10T19:00"),
        ])
        #expect(found["easter"]?.map(\.kind) == [.closedDay, .preElection])
        #expect(found["easter"]?.first?.message == "bank holiday: Easter Monday (Mon 2027-03-29)")
        #expect(found["closed"]?.first?.message == "council closed: Offices closed (Wed 2027-12-29)")
        #expect(found["fine"] == nil)
    }

    @Test func test_cancelledHeldAndPastMeetings_clashWithNothing() {
        let a = Self.meeting("a", "2027-02-04T19:00")
        let cancelled = Self.meeting("x", "2027-02-04T19:00", status: .cancelled)
        let past = Self.meeting("p", "2026-12-28T19:00")  // a bank holiday, but over
        #expect(clashes([a, cancelled, past]).isEmpty)
        let postponedHere = Self.meeting("y", "2027-02-04T19:30", status: .postponed)
        #expect(clashes([a, postponedHere])["a"]?.count == 2)  // the same hall and the same ward's councillors
    }

    @Test func test_aMeetingBeingSaved_isCheckedAgainstTheOthers_withoutItsOldSelf() {
        let old = Self.meeting("a", "2027-02-04T19:00")
        var moved = old
        moved.start = Fixture.at("2027-02-11T19:00")
        moved.end = moved.start.addingTimeInterval(7200)
        let other = Self.meeting("b", "2027-02-11T18:30", area: "leighton-rural", wards: ["toddington"])
        let found = ClashRules.clashes(
            of: moved, among: [old, other], directory: Fixture.directory, calendar: Self.calendar)
        #expect(found.map(\.kind) == [.venue])
        #expect(
            ClashRules.clashes(of: old, among: [old], directory: Fixture.directory, calendar: Self.calendar).isEmpty)
    }
}
