import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct WarningsTests {
    let now = Fixture.at("2026-11-23T12:00")

    @Test func test_upcomingMeeting_groupsCouncillorsByWhatTheyAreOwed() {
        var meeting = Fixture.meeting()
        meeting.agenda = [AgendaItem(number: 1, title: "Apologies")]
        meeting.invitations = ["police", "sustainable", "sandy-tc", "fire"].map { Invitation(organisation: $0) }
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.venue.name = "Another Hall"  // cllr-a's notice is now stale
        let warnings = Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)
        #expect(warnings.map(\.kind) == [.councillorNotNotified, .staleNotice])
        #expect(warnings[0].message == "not notified: Cllr Bilal Bellweather, Cllr Carys Copperfield")
    }

    @Test func test_upcomingMeeting_withNoticesNotYetSent_isFlagged_untilSent() {
        var meeting = Fixture.meeting(wards: ["potton"])
        meeting.agenda = [AgendaItem(number: 1, title: "Apologies")]
        meeting.invitations = ["police", "sustainable", "sandy-tc", "fire"].map { Invitation(organisation: $0) }
        var notice = Fixture.notice("cllr-c", for: meeting)
        notice.reply = .accepted
        notice.delivery = .queued
        meeting.notifications = [notice]
        #expect(NoticeOutbox.isWaiting(notice))
        var warnings = Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)
        #expect(warnings.map(\.kind) == [.notSent])
        #expect(warnings[0].message.hasPrefix("e-mail not sent yet (1 queued)"))
        meeting.notifications[0].delivery = .failed
        #expect(
            Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)[0].message.hasPrefix(
                "e-mail not sent yet (1 send failed)"))
        meeting.notifications[0].delivery = .sent
        warnings = Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)
        #expect(warnings.isEmpty)
        // Recorded before ForumDesk sent mail (no delivery): sent by the council's mail system, not flagged.
        meeting.notifications[0].delivery = nil
        #expect(Warnings.warnings(for: meeting, directory: Fixture.directory, now: now).isEmpty)
    }

    @Test func test_upcomingMeeting_withoutAgendaOrRequiredPartners_isFlagged() {
        var meeting = Fixture.meeting(wards: ["potton"])
        meeting.notifications = [Fixture.notice("cllr-c", for: meeting)]
        let warnings = Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)
        // The meeting is tomorrow and the one councillor notified has not replied: that is flagged too.
        #expect(warnings.map(\.kind) == [.noReply, .noAgenda, .partnerMissing])
        #expect(
            warnings[2].message
                == "not invited: police, a frontline council directorate, the town or parish council, fire and rescue")
    }

    @Test func test_pastMeetingNotRecorded_isFlagged_andNotJudgedByAttendance() {
        var meeting = Fixture.meeting(start: "2026-11-10T19:00", status: .confirmed)
        meeting.invitations = ["police", "sustainable", "sandy-tc", "fire"].map { Invitation(organisation: $0) }
        let warnings = Warnings.warnings(for: meeting, directory: Fixture.directory, now: now)
        #expect(warnings.map(\.kind) == [.outcomeNotRecorded])
    }

    @Test func test_all_listsOverdueActionsAfterMeetingWarnings() {
        var held = Fixture.meeting(start: "2026-09-10T19:00", status: .held)
        held.attendance = [
            Attendance(person: "sgt", status: .present), Attendance(person: "highways", status: .present),
            Attendance(person: "clerk", status: .present), Attendance(organisation: "fire", status: .present),
        ]
        held.actions = [
            Action(
                id: "A-1", description: "Clear the drain", owner: "highways",
                due: CalendarDate(year: 2026, month: 10, day: 1))
        ]
        let warnings = Warnings.all(directory: Fixture.directory, meetings: [held], now: now)
        #expect(warnings.map(\.kind) == [.overdueAction])
        #expect(warnings[0].message == "A-1 overdue since 2026-10-01 (Hana Highways): Clear the drain")
    }

    /// The dashboard's order: this week and late first, then the next four weeks, then later; by kind within each;
    /// nothing from before the 28-day window, only counted.
    @Test func test_attention_keepsTheWindow_andPutsWhatIsDueFirst() {
        func w(_ kind: Warning.Kind, _ day: String, _ id: String) -> Warning {
            Warning(kind: kind, meetingID: id, actionID: nil, date: Fixture.at(day), message: id)
        }
        let warnings = [
            w(.partnerMissing, "2019-03-01T19:00", "history"),
            w(.councillorNotNotified, "2027-02-10T19:00", "february-notice"),
            w(.noAgenda, "2026-11-26T19:00", "thursday-agenda"),
            w(.noReply, "2026-11-26T19:00", "thursday-reply"),
            w(.overdueAction, "2026-11-10T00:00", "overdue"),
            w(.councillorNotNotified, "2026-12-10T19:00", "december-notice"),
            w(.cancellationOwed, "2026-12-03T19:00", "cancellation"),
            w(.partnerMissing, "2026-10-01T19:00", "october-partner"),
        ]
        let (rows, older) = Attention.current(warnings, now: now)
        #expect(older == 2)
        #expect(
            rows.map(\.meetingID) == [
                "thursday-reply", "overdue", "thursday-agenda", "cancellation", "december-notice",
                "february-notice",
            ])
    }
}
