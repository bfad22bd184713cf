import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct NotificationRulesTests {
    /// A withdrawn notice (its e-mail taken out of the outbox before it was sent) told nobody anything.
    @Test func test_withdrawnNotice_doesNotCount() {
        var meeting = Fixture.meeting()
        var notice = Fixture.notice("cllr-a", for: meeting)
        notice.withdrawn = notice.at
        meeting.notifications = [notice]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notNotified)
    }

    /// The cancellation superseded the invitation in the outbox (withdrawn unsent): the cancellation is sent.
    @Test func test_cancellationAfterAWithdrawnInvitation_isSent() {
        var meeting = Fixture.meeting()
        var invitation = Fixture.notice("cllr-a", for: meeting)
        invitation.withdrawn = invitation.at
        meeting.status = .cancelled
        meeting.notifications = [
            invitation,
            CouncillorNotification(councillor: "cllr-a", at: invitation.at, method: .email, kind: .cancellation),
        ]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .cancellationSent)
    }

    /// A notice that said TENTATIVE is stale once the meeting is confirmed.
    @Test func test_confirming_makesATentativeNoticeStale() {
        var meeting = Fixture.meeting()
        meeting.status = .planned
        var notice = Fixture.notice("cllr-a", for: meeting)
        notice.status = .tentative
        meeting.notifications = [notice]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notified)
        meeting.status = .confirmed
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .stale)
    }

    @Test func test_notNotified_whenNoNoticeWasSent() {
        let meeting = Fixture.meeting()
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notNotified)
    }

    @Test func test_notified_whenNoticeMatchesMeeting() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notified)
        #expect(NotificationRules.state(ofCouncillor: "cllr-b", for: meeting) == .notNotified)
    }

    @Test func test_replied_carriesTheReply() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting, reply: .declined)]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .replied(.declined))
    }

    @Test func test_staleNotice_whenMeetingMovesAfterNotification() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting, reply: .accepted)]
        meeting.start = meeting.start.addingTimeInterval(7 * 86400)
        meeting.end = meeting.end.addingTimeInterval(7 * 86400)
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .stale)
    }

    @Test func test_staleNotice_whenOnlyTheEndTimeChanges() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.end = meeting.end.addingTimeInterval(1800)
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .stale)
    }

    @Test func test_staleNotice_whenVenueChanges() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.venue.name = "Biggleswade Community Centre"
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .stale)
    }

    @Test func test_staleNotice_whenSequenceRaisedEvenIfSnapshotIsMissing() {
        var meeting = Fixture.meeting()
        meeting.notifications = [
            CouncillorNotification(
                councillor: "cllr-a", at: Fixture.at("2026-11-01T10:00"),
                method: .letter, sequence: 0)
        ]
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notified)
        meeting.sequence = 1
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .stale)
    }

    @Test func test_freshNoticeAfterChange_clearsStale() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.start = meeting.start.addingTimeInterval(86400)
        meeting.end = meeting.end.addingTimeInterval(86400)
        meeting.sequence = 1
        meeting.notifications.append(Fixture.notice("cllr-a", for: meeting, at: "2026-11-05T09:00"))
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .notified)
    }

    @Test func test_cancellationOwed_whenCancelledAfterNotices() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.status = .cancelled
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .cancellationOwed)
        #expect(NotificationRules.state(ofCouncillor: "cllr-b", for: meeting) == .notNeeded)
    }

    @Test func test_cancellationSent_whenCancellationFollowsInvitation() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        meeting.status = .cancelled
        meeting.notifications.append(
            CouncillorNotification(
                councillor: "cllr-a", at: Fixture.at("2026-11-10T09:00"),
                method: .email, kind: .cancellation, sequence: 1))
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: meeting) == .cancellationSent)
    }

    @Test func test_statuses_coverEveryCouncillorOfTheMeetingsWards() {
        var meeting = Fixture.meeting(wards: ["potton"])
        meeting.notifications = [Fixture.notice("cllr-c", for: meeting)]
        let statuses = NotificationRules.statuses(for: meeting, in: Fixture.directory)
        #expect(statuses.map(\.councillor.id) == ["cllr-c"])
        #expect(statuses.first?.lastNotice != nil)
        #expect(
            NotificationRules.statuses(for: Fixture.meeting(), in: Fixture.directory).map(\.councillor.id)
                == ["cllr-a", "cllr-b", "cllr-c"])
    }

    @Test func test_needsNotice_onlyForStatesTheOfficerMustAct() {
        #expect(NotificationState.notNotified.needsNotice)
        #expect(NotificationState.stale.needsNotice)
        #expect(NotificationState.cancellationOwed.needsNotice)
        #expect(!NotificationState.notified.needsNotice)
        #expect(!NotificationState.replied(.accepted).needsNotice)
        #expect(!NotificationState.notNeeded.needsNotice)
    }
}
