import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskStore
import ForumDeskTestSupport

/// A hybrid meeting in the papers: the heading says it can be joined online (never the link: the papers are
/// published), PRESENT marks who joined online, and residents online are counted apart from those in the room.
@Suite struct OnlineMinutesTests {
    @Test func test_minutes_countPresentOnlineApart() throws {
        var m = try #require(MinutesShapeTests.data.meeting(MinutesShapeTests.sandy))
        m.online = OnlineJoining(kind: .teams, url: "https://teams.microsoft.com/l/meetup-join/secret-link")
        let present = m.attendance.indices.filter { m.attendance[$0].status.isInRoom }
        try #require(present.count >= 2)
        m.attendance[present[0]].online = true
        m.residentsPresent = 20
        m.residentsOnline = 6
        for audience in [MeetingDocument.Audience.record, .residents] {
            let text = MinutesShapeTests.minutes(m, audience: audience)
            #expect(text.contains("Hybrid: in the room or online (Microsoft Teams)"))
            #expect(!text.contains("secret-link"))
            #expect(text.contains("Residents present: 20\n"))
            #expect(text.contains("Residents online: 6; in the room: 14"))
            #expect(text.contains("Present online (listed above): 1 of "), "\(text)")
            #expect(text.contains(" (online)\n"))
        }
        // In the room only: no line about joining online.
        let plain = try #require(MinutesShapeTests.data.meeting(MinutesShapeTests.sandy))
        #expect(!MinutesShapeTests.minutes(plain).contains("online"))
    }

    @Test func test_cancellation_carriesNoJoiningLink() throws {
        var m = try #require(MinutesShapeTests.data.meeting("2026-12-17-sandy-biggleswade-ltt"))
        m.online = OnlineJoining(kind: .zoom, url: "https://zoom.us/j/123456789")
        let organiser = Notifier.Organiser(name: "Team", email: "team@example.org")
        let invitation = Notifier.message(
            for: m, directory: MinutesShapeTests.data.directory, to: "Cllr A", kind: .invitation,
            stale: false, organiser: organiser, council: "Council")
        #expect(invitation.contains("Join online: https://zoom.us/j/123456789"))
        let cancellation = Notifier.message(
            for: m, directory: MinutesShapeTests.data.directory, to: "Cllr A", kind: .cancellation,
            stale: false, organiser: organiser, council: "Council")
        #expect(!cancellation.contains("zoom.us"))
        let event = ICalendar.event(
            m, directory: MinutesShapeTests.data.directory, method: .cancel, sequence: 1, stamp: Date(),
            organiser: nil, attendee: nil, description: nil)
        #expect(!event.contains { $0.hasPrefix("CONFERENCE") || $0.hasPrefix("URL") })
    }
}
