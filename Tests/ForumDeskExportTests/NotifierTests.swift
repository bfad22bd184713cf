import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskExport

@Suite struct NotifierTests {
    /// An e-mail's base64 parts decoded, iCalendar lines unfolded.
    static func decoded(_ mail: String) -> String {
        var parts: [String] = [], run = ""
        for line in mail.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            if !line.isEmpty, line.allSatisfy({ $0.isLetter || $0.isNumber || "+/=".contains($0) }) {
                run += line; continue
            }
            if let data = Data(base64Encoded: run) { parts.append(String(decoding: data, as: UTF8.self)) }
            run = ""
        }
        return parts.joined(separator: "\n").replacingOccurrences(of: "\r\n ", with: "")
    }

    let organiser = Notifier.Organiser(name: "Community Engagement Team", email: "engagement@example.org")
    let now = LondonTime.parse("2026-11-23T12:00")!
    var directory: Directory {
        Directory(
            areas: [Area(id: "sandy", name: "Sandy", wards: [Ward(id: "sandy", name: "Sandy")])],
            people: [
                Person(id: "cllr-a", name: "Cllr A", kind: .councillor, wards: ["sandy"], email: "a@example.org"),
                Person(
                    id: "cllr-b", name: "Cllr B", kind: .councillor, wards: ["sandy"], email: "b@example.org",
                    preferredContact: .letter),
            ])
    }

    func meeting() -> Meeting {
        let start = LondonTime.parse("2026-12-10T19:00")!
        return Meeting(
            id: "2026-12-10-sandy-ltt", kind: .letsTalkTogether, title: "Let's Talk Together: Sandy", area: "sandy",
            wards: ["sandy"], start: start, end: start.addingTimeInterval(7200), venue: Venue(name: "Hall"),
            status: .confirmed)
    }

    @Test func test_firstNotice_isARequest_andIsRecorded_letterPreferenceGoesByHand() {
        let plan = Notifier.plan(
            for: meeting(), directory: directory, organiser: organiser, council: "Council", now: now)
        #expect(plan.outgoing.map(\.name) == ["Cllr A"])
        #expect(plan.outgoing[0].text.contains("method=REQUEST"))
        #expect(plan.byHand.map(\.person.id) == ["cllr-b"])
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: plan.meeting) == .notified)
        // Nothing more is owed by e-mail afterwards.
        #expect(
            Notifier.plan(for: plan.meeting, directory: directory, organiser: organiser, council: "Council", now: now)
                .outgoing.isEmpty)
    }

    @Test func test_changedTime_sendsAnUpdate_withAHigherSequence() {
        var m = Notifier.plan(for: meeting(), directory: directory, organiser: organiser, council: "Council", now: now)
            .meeting
        m.start = m.start.addingTimeInterval(1800)  // moved by hand: the sequence was not raised
        let update = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "Council", now: now)
        #expect(update.outgoing.map(\.sequence) == [1])
        #expect(update.meeting.sequence == 1)
        #expect(update.outgoing[0].text.contains("=?UTF-8?B?") || update.outgoing[0].text.contains("Subject: Updated:"))
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: update.meeting) == .notified)
    }

    @Test func test_cancellation_sendsCancel_withAHigherSequence() {
        var m = Notifier.plan(for: meeting(), directory: directory, organiser: organiser, council: "Council", now: now)
            .meeting
        m.status = .cancelled
        let cancel = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "Council", now: now)
        #expect(cancel.outgoing.map(\.kind) == [.cancellation])
        #expect(cancel.outgoing[0].sequence == 1)
        #expect(cancel.outgoing[0].text.contains("method=CANCEL"))
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: cancel.meeting) == .cancellationSent)
    }

    /// Notified while planned (TENTATIVE), then confirmed: an update is owed, with a raised SEQUENCE and CONFIRMED.
    @Test func test_confirmingAPlannedMeeting_owesAnUpdate_withAHigherSequence() {
        var planned = meeting()
        planned.status = .planned
        var m = Notifier.plan(for: planned, directory: directory, organiser: organiser, council: "Council", now: now)
            .meeting
        #expect(m.notifications.last?.status == .tentative)
        m.status = .confirmed
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: m) == .stale)
        let update = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "Council", now: now)
        #expect(update.outgoing.map(\.sequence) == [1])
        #expect(update.outgoing[0].path.hasSuffix("/cllr-a-request-1.eml"))
        #expect(Self.decoded(update.outgoing[0].text).contains("STATUS:CONFIRMED"))
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: update.meeting) == .notified)
    }

    /// Cancelled (with a reason) and then reinstated: the cancellation carries the reason; afterwards a new
    /// invitation is owed, with a SEQUENCE above the cancellation's.
    @Test func test_cancelWithReason_thenReinstate_owesANewInvitation() {
        var m = Notifier.plan(for: meeting(), directory: directory, organiser: organiser, council: "Council", now: now)
            .meeting
        m.status = .cancelled
        m.cancellationReason = "the hall flooded"
        let cancel = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "Council", now: now)
        let text = Self.decoded(cancel.outgoing[0].text)
        #expect(text.contains("COMMENT:the hall flooded"))
        #expect(text.contains("Reason: the hall flooded"))
        #expect(cancel.meeting.notifications.last?.reason == "the hall flooded")
        m = cancel.meeting
        m.status = .confirmed
        m.cancellationReason = nil
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: m) == .stale)
        let again = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "Council", now: now)
        #expect(again.outgoing.map(\.kind) == [.invitation])
        #expect(again.outgoing.map(\.sequence) == [2])
        #expect(NotificationRules.state(ofCouncillor: "cllr-a", for: again.meeting) == .notified)
    }

    /// A partner's contact: the first invitation only when partners are asked for; then updates and cancellations
    /// like a councillor's, asked for or not.
    @Test func test_partnerContact_isInvitedWhenAsked_andOwedUpdatesAndCancellations() {
        var directory = directory
        directory.people.append(
            Person(id: "pc-sergeant", name: "Sgt P", kind: .contact, organisation: "police", email: "p@example.org"))
        var m = meeting()
        m.invitations = [Invitation(organisation: "police", person: "pc-sergeant")]
        #expect(
            Notifier.plan(for: m, directory: directory, organiser: organiser, council: "C", now: now).outgoing.map(
                \.name) == ["Cllr A"])
        m =
            Notifier.plan(for: m, directory: directory, organiser: organiser, council: "C", now: now, partners: true)
            .meeting
        #expect(m.invitations[0].at == now)
        #expect(m.notifications.map(\.councillor) == ["cllr-a", "pc-sergeant"])
        m.start += 1800
        let update = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "C", now: now)
        #expect(update.outgoing.map(\.name) == ["Cllr A", "Sgt P"])
        m = update.meeting
        m.status = .cancelled
        let cancel = Notifier.plan(for: m, directory: directory, organiser: organiser, council: "C", now: now)
        #expect(cancel.outgoing.map(\.name) == ["Cllr A", "Sgt P"])
        #expect(cancel.outgoing.allSatisfy { $0.kind == .cancellation })
    }
}
