import Foundation
import Testing
@testable import ForumDeskCore

/// A template's standing items frame a new meeting's agenda: opening items first, closing ones last, numbered again,
/// "minutes of the previous meeting" dated from the area's last held meeting.
@Suite struct AgendaTemplateTests {
    static let template = AgendaTemplate(
        kind: .letsTalkTogether,
        items: [
            .init(title: "Introductions and apologies", purpose: [.information], minutes: 5),
            .init(title: "Minutes of the previous meeting held on {lastHeld}", purpose: [.agreement], minutes: 5),
            .init(title: "Any other business", minutes: 5, place: .closing),
        ])

    @Test func test_applied_framesTheOwnItems_andDatesThePreviousMeeting() {
        var meeting = Fixture.meeting(id: "new", start: "2027-02-04T19:00", status: .planned)
        meeting.agenda = [AgendaItem(number: 1, title: "Winter gritting routes", minutes: 20)]
        var earlier = Fixture.meeting(id: "earlier", start: "2026-11-24T19:00", status: .held)
        let later = Fixture.meeting(id: "later", start: "2027-03-04T19:00", status: .held)
        var elsewhere = Fixture.meeting(
            id: "elsewhere", start: "2027-01-20T19:00", status: .held, area: "leighton-rural", wards: ["toddington"])
        elsewhere.venue = Venue(name: "Toddington Village Hall")
        let cancelled = Fixture.meeting(id: "cancelled", start: "2027-01-10T19:00", status: .cancelled)
        let last = AgendaTemplate.lastHeld(before: meeting, in: [later, earlier, elsewhere, cancelled])
        #expect(last?.id == "earlier")
        let made = Self.template.applied(to: meeting, lastHeld: last)
        #expect(
            made.agenda.map(\.title) == [
                "Introductions and apologies", "Minutes of the previous meeting held on 24 November 2026",
                "Winter gritting routes", "Any other business",
            ])
        #expect(made.agenda.map(\.number) == [1, 2, 3, 4])
        #expect(made.agenda[1].purpose == [.agreement])
        earlier.status = .cancelled
        #expect(AgendaTemplate.lastHeld(before: meeting, in: [earlier]) == nil)
        #expect(
            Self.template.applied(to: meeting, lastHeld: nil).agenda[1].title
                == "Minutes of the previous meeting held on no earlier meeting")
    }

    @Test func test_applied_twice_addsNothingTwice() {
        let meeting = Fixture.meeting(id: "new", start: "2027-02-04T19:00", status: .planned)
        let once = Self.template.applied(to: meeting, lastHeld: nil)
        #expect(Self.template.applied(to: once, lastHeld: nil).agenda == once.agenda)
    }
}
