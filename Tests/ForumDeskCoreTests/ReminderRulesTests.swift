import Foundation
import Testing
@testable import ForumDeskCore

/// Who is chased about what (`forumdesk remind`) and what a councillor's briefing holds (`forumdesk brief`).
@Suite struct ReminderRulesTests {
    static let now = Fixture.at("2026-11-23T09:00")

    /// The fixture directory with addresses: Sam and Hana can be e-mailed, Pat has none, Cleo prefers a letter.
    static var directory: Directory {
        var d = Fixture.directory
        for i in d.people.indices {
            switch d.people[i].id {
            case "sgt": d.people[i].email = "sam.sergeant@example.org"
            case "highways": d.people[i].email = "hana.highways@example.org"
            case "clerk": d.people[i].email = "cleo@example.org"; d.people[i].preferredContact = .letter
            case "cllr-a": d.people[i].email = "ada@example.org"
            default: break
            }
        }
        return d
    }

    static func meeting(
        _ actions: [Action], id: String = "2026-10-15-sandy-biggleswade-ltt", start: String = "2026-10-15T19:00"
    ) -> Meeting {
        var m = Fixture.meeting(id: id, start: start)
        m.actions = actions
        return m
    }

    static func action(
        _ id: String, owner: String? = "sgt", organisation: String? = nil, due: String?, status: ActionStatus = .open,
        reminders: [ActionReminder] = []
    ) -> Action {
        Action(
            id: id, description: "Action \(id)", owner: owner, organisation: organisation,
            due: due.flatMap(CalendarDate.init(iso:)),
            status: status, reminders: reminders)
    }

    func plan(_ actions: [Action], within: Int = 14, interval: Int = 7, force: Bool = false) -> ReminderRules.Plan {
        ReminderRules.plan(
            meetings: [Self.meeting(actions)], directory: Self.directory, now: Self.now, within: within,
            intervalDays: interval, force: force)
    }

    func ids(_ plan: ReminderRules.Plan) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: plan.digests.map { ($0.person.id, $0.items.map(\.raised.action.id)) })
    }

    @Test func test_digest_holdsOverdueAndDueWithinTheWindow_overdueFirst() {
        let p = plan([
            Self.action("A-1", due: "2026-12-01"), Self.action("A-2", due: "2026-11-20"),
            Self.action("A-3", due: "2026-12-07"),
            Self.action("A-4", due: "2026-12-08"), Self.action("A-5", due: nil), Self.action("A-6", due: "2026-11-23"),
        ])
        // 23 Nov + 14 days = 7 Dec: A-4 (8 Dec) is beyond; no due date is never chased; due today is not overdue.
        #expect(ids(p) == ["sgt": ["A-2", "A-6", "A-1", "A-3"]])
        #expect(p.digests[0].items.map(\.overdue) == [true, false, false, false])
        #expect(p.digests[0].email == "sam.sergeant@example.org")
        #expect(ids(plan([Self.action("A-4", due: "2026-12-08")], within: 15)) == ["sgt": ["A-4"]])
    }

    @Test func test_closedActions_areNeverChased() {
        let p = plan([
            Self.action("A-1", due: "2026-11-01", status: .done),
            Self.action("A-2", due: "2026-11-01", status: .dropped),
            Self.action("A-3", due: "2026-11-01", status: .carriedForward),
            Self.action("A-4", due: "2026-11-01", status: .inProgress),
        ])
        #expect(ids(p) == ["sgt": ["A-3", "A-4"]])
    }

    @Test func test_interval_leavesOutWhatWasChasedRecently_unlessForced() {
        let recent = [ActionReminder(at: Self.now.addingTimeInterval(-6 * 86_400), to: "sgt")]
        let old = [ActionReminder(at: Self.now.addingTimeInterval(-8 * 86_400), to: "sgt")]
        let toSomeoneElse = [ActionReminder(at: Self.now.addingTimeInterval(-86_400), to: "highways")]
        let actions = [
            Self.action("A-1", due: "2026-11-01", reminders: recent),
            Self.action("A-2", due: "2026-11-01", reminders: old),
            Self.action("A-3", due: "2026-11-01", reminders: toSomeoneElse),
        ]
        let p = plan(actions)
        // Chased 6 days ago: within the 7-day interval. 8 days ago: chased again. The owner changed since: chased.
        #expect(ids(p) == ["sgt": ["A-2", "A-3"]])
        #expect(p.recentlyChased.map(\.item.raised.action.id) == ["A-1"])
        #expect(ids(plan(actions, interval: 5)) == ["sgt": ["A-1", "A-2", "A-3"]])
        #expect(ids(plan(actions, force: true)) == ["sgt": ["A-1", "A-2", "A-3"]])
    }

    @Test func test_ownersWithoutAUsableAddress_areReportedWithTheReason() {
        var d = Self.directory
        d.people.append(Person(id: "bad", name: "Bea Bad", kind: .contact, email: "not an address"))
        let actions = [
            Self.action("A-1", owner: "pcso", due: "2026-11-01"), Self.action("A-2", owner: "clerk", due: "2026-11-02"),
            Self.action("A-3", owner: "bad", due: "2026-11-03"), Self.action("A-4", owner: "gone", due: "2026-11-04"),
            Self.action("A-5", owner: nil, organisation: "fire", due: "2026-11-05"),
            Self.action("A-6", owner: nil, organisation: nil, due: "2026-11-06"),
        ]
        let p = ReminderRules.plan(
            meetings: [Self.meeting(actions)], directory: d, now: Self.now, within: 14, intervalDays: 7)
        #expect(p.digests.isEmpty)
        let reasons = p.unreachable.map { "\($0.owner): \($0.reason): \($0.items.map(\.raised.action.id))" }
        #expect(
            reasons == [
                "Pat Pcso: no e-mail address: [\"A-1\"]",
                "Cleo Clerk: prefers letter: [\"A-2\"]",
                "Bea Bad: e-mail address not usable: \(EmailAddress.problem("not an address")!): [\"A-3\"]",
                "gone: `gone` is not in the directory: [\"A-4\"]",
                "Bedfordshire Fire and Rescue Service: Bedfordshire Fire and Rescue Service has no named contact in the directory: [\"A-5\"]",
                "(no owner): the action has no owner: [\"A-6\"]",
            ])
    }

    @Test func test_anOrganisationsAction_goesToItsFirstContactWithAnAddress() {
        // Police: Sam (address) and Pat (none); Sam gets it, in one digest with Sam's own action.
        let p = plan([
            Self.action("A-1", owner: nil, organisation: "police", due: "2026-11-01"),
            Self.action("A-2", due: "2026-11-02"),
        ])
        #expect(ids(p) == ["sgt": ["A-1", "A-2"]])
        #expect(p.digests[0].organisations == ["police"])
        let sandy = plan([Self.action("A-3", owner: nil, organisation: "sandy-tc", due: "2026-11-01")])
        #expect(
            sandy.unreachable.map(\.reason) == [
                "no contact of Sandy Town Council has a usable e-mail address (Cleo Clerk: prefers letter)"
            ])
    }

    @Test func test_recorded_addsOneReminderPerActionOfEachDigest_toItsMeeting() {
        let actions = [Self.action("A-1", due: "2026-11-01"), Self.action("A-2", due: "2027-01-01")]
        let meetings = [
            Self.meeting(actions),
            Self.meeting(
                [Self.action("A-9", due: "2027-01-01")], id: "2026-10-16-sandy-biggleswade-ltt",
                start: "2026-10-16T19:00"),
        ]
        let p = ReminderRules.plan(
            meetings: meetings, directory: Self.directory, now: Self.now, within: 14, intervalDays: 7)
        let saved = ReminderRules.recorded(p.digests, at: Self.now, in: meetings)
        #expect(saved.map(\.id) == ["2026-10-15-sandy-biggleswade-ltt"])
        #expect(saved[0].actions.map(\.reminders) == [[ActionReminder(at: Self.now, to: "sgt")], []])
        #expect(saved[0].actions[0].lastChased == Self.now)
        // Recorded, the same run a day later chases nothing.
        let again = ReminderRules.plan(
            meetings: saved, directory: Self.directory, now: Self.now.addingTimeInterval(86_400), within: 14,
            intervalDays: 7)
        #expect(again.digests.isEmpty)
        #expect(again.recentlyChased.count == 1)
    }

    @Test func test_briefing_holdsTheWardsComingMeetings_unansweredNotices_andOpenActions() {
        let councillor = Self.directory.person("cllr-a")!  // ward: sandy
        var soon = Fixture.meeting(id: "2026-12-01-sandy-biggleswade-ltt", start: "2026-12-01T19:00")
        soon.notifications = [Fixture.notice("cllr-a", for: soon)]
        var later = Fixture.meeting(id: "2027-02-01-sandy-biggleswade-ltt", start: "2027-02-01T19:00")
        later.notifications = [Fixture.notice("cllr-a", for: later, reply: .accepted)]
        let cancelled = Fixture.meeting(
            id: "2026-12-02-sandy-biggleswade-ltt", start: "2026-12-02T19:00", status: .cancelled)
        let elsewhere = Fixture.meeting(
            id: "2026-12-03-leighton-rural-ltt", start: "2026-12-03T19:00", area: "leighton-rural",
            wards: ["toddington"])
        var past = Self.meeting([
            Self.action("A-1", due: "2026-11-01"), Self.action("A-2", due: "2026-11-01", status: .done),
        ])
        past.wards = ["sandy"]
        var pastElsewhere = Self.meeting(
            [Self.action("A-3", due: "2026-11-01")], id: "2026-10-14-leighton-rural-ltt", start: "2026-10-14T19:00")
        pastElsewhere.wards = ["toddington"]
        let b = BriefingRules.briefing(
            for: councillor, meetings: [pastElsewhere, past, soon, cancelled, elsewhere, later], now: Self.now, weeks: 4
        )
        #expect(b.meetings.map(\.id) == ["2026-12-01-sandy-biggleswade-ltt"])
        #expect(b.awaitingReply.map(\.id) == ["2026-12-01-sandy-biggleswade-ltt"])
        #expect(b.actions.map(\.action.id) == ["A-1"])
        #expect(
            BriefingRules.briefing(for: councillor, meetings: [soon, later], now: Self.now, weeks: 12).meetings.count
                == 2)
    }
}
