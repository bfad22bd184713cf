import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport
import ForumDeskTestSupport

/// Issue 24: notices of one change sent in two goes (e-mails by `notify`, then letters) share one SEQUENCE, so the
/// letters do not make the e-mailed notices stale.
@Suite struct LetterSequenceTests {
    @Test func test_updateByEmailThenByLetter_oneSequence_nobodyLeftStale() throws {
        let d = LettersTests.directory()
        var m = LettersTests.meeting()
        let earlier = LondonTime.parse("2026-11-01T10:00")!
        for id in ["cllr-mail", "cllr-letter"] {
            m.notifications.append(
                CouncillorNotification(
                    councillor: id, at: earlier, method: id == "cllr-mail" ? .email : .letter, sequence: 0,
                    start: m.start, end: m.end, venue: m.venue.name))
            m.notifications[m.notifications.count - 1].status = m.status.eventStatus
        }
        // The meeting moves a week on: both notices are stale.
        m.start = m.start.addingTimeInterval(7 * 86_400)
        m.end = m.end.addingTimeInterval(7 * 86_400)
        let mailed = Notifier.plan(
            for: m, directory: d, organiser: LettersTests.sender.organiser, council: LettersTests.sender.council,
            now: LettersTests.now)
        #expect(mailed.outgoing.map(\.sequence) == [1])
        let lettered = Letters.plan(
            for: mailed.meeting, directory: d, sender: LettersTests.sender, now: LettersTests.now)
        #expect(lettered.letters.map(\.notice.sequence) == [1])
        #expect(lettered.meeting.sequence == 1)
        #expect(NotificationRules.state(ofCouncillor: "cllr-mail", for: lettered.meeting) == .notified)
        #expect(NotificationRules.state(ofCouncillor: "cllr-letter", for: lettered.meeting) == .notified)
        #expect(lettered.letters.first?.html.contains("This letter replaces the earlier notice.") == true)
    }
}
