import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct TopicRulesTests {
    static let now = Fixture.at("2026-11-23T10:00")

    static func topic(
        areas: [String] = [], from: String? = "2026-11-01", to: String? = "2027-01-31", minutes: Int = 20,
        status: TopicStatus = .requested
    ) -> TopicRequest {
        TopicRequest(
            id: "gritting", title: "Winter gritting routes", minutes: minutes, organisation: "sustainable",
            contact: "highways",
            purpose: [.information, .discussion], engagementLevel: .consult, areas: areas,
            notBefore: from.flatMap(CalendarDate.init(iso:)), notAfter: to.flatMap(CalendarDate.init(iso:)),
            status: status)
    }

    /// A two-hour meeting with `booked` minutes of agenda and the closing items residents expect.
    static func meeting(
        _ start: String, area: String = "sandy-biggleswade", booked: Int = 60, status: MeetingStatus = .confirmed
    ) -> Meeting {
        var m = Fixture.meeting(
            id: "\(start.prefix(10))-\(area)-ltt", start: start, status: status, area: area,
            wards: area == "leighton-rural" ? ["toddington"] : ["sandy"])
        m.agenda = [
            AgendaItem(number: 1, title: "Introductions and apologies", minutes: 5),
            AgendaItem(number: 2, title: "Policing update", minutes: booked - 25),
            AgendaItem(number: 3, title: "Residents' open session", minutes: 20),
        ]
        return m
    }

    static func area(_ id: String) -> Area { Fixture.directory.area(id)! }

    // MARK: cells

    @Test func test_cell_followsTheAgendas() {
        let topic = Self.topic()
        let held = TopicRules.schedule(
            topic, onto: Self.meeting("2026-11-10T19:00", status: .held), directory: Fixture.directory)
        let coming = TopicRules.schedule(
            topic, onto: Self.meeting("2026-12-08T19:00", area: "leighton-rural"), directory: Fixture.directory)
        let slots = TopicRules.slots(in: [held, coming])["gritting"] ?? []
        #expect(
            TopicRules.cell(topic, area: "sandy-biggleswade", slots: slots, now: Self.now)
                == .presented(meetingID: held.id, start: held.start))
        #expect(
            TopicRules.cell(topic, area: "leighton-rural", slots: slots, now: Self.now)
                == .scheduled(meetingID: coming.id, start: coming.start))
        #expect(TopicRules.status(topic, slots: slots, directory: Fixture.directory, now: Self.now) == .scheduled)
    }

    @Test func test_cell_missedOnceTheWindowPassesWithoutASlot() {
        let open = Self.topic(to: "2026-11-23")
        let closed = Self.topic(to: "2026-11-22")
        #expect(TopicRules.cell(open, area: "sandy-biggleswade", slots: [], now: Self.now) == .toSchedule)
        #expect(TopicRules.cell(closed, area: "sandy-biggleswade", slots: [], now: Self.now) == .missed)
    }

    @Test func test_cell_notWantedAndClosed() {
        let oneArea = Self.topic(areas: ["leighton-rural"])
        #expect(TopicRules.cell(oneArea, area: "sandy-biggleswade", slots: [], now: Self.now) == .notWanted)
        let withdrawn = Self.topic(status: .withdrawn)
        #expect(TopicRules.cell(withdrawn, area: "sandy-biggleswade", slots: [], now: Self.now) == .closed)
        #expect(TopicRules.status(withdrawn, slots: [], directory: Fixture.directory, now: Self.now) == .withdrawn)
    }

    @Test func test_cancelledMeetingCarriesNothing() {
        let topic = Self.topic()
        let cancelled = TopicRules.schedule(
            topic, onto: Self.meeting("2026-12-08T19:00", status: .cancelled), directory: Fixture.directory)
        #expect(TopicRules.slots(in: [cancelled]).isEmpty)
        #expect(TopicRules.cell(topic, area: "sandy-biggleswade", slots: [], now: Self.now) == .toSchedule)
    }

    @Test func test_status_presentedWhenEveryWantedAreaHasHeardItOrMissedIt() {
        let topic = Self.topic(from: "2026-09-01", to: "2026-11-20")
        let held = TopicRules.schedule(
            topic, onto: Self.meeting("2026-11-10T19:00", status: .held), directory: Fixture.directory)
        let slots = TopicRules.slots(in: [held])["gritting"] ?? []
        // Leighton Rural missed it; Sandy heard it.
        #expect(TopicRules.status(topic, slots: slots, directory: Fixture.directory, now: Self.now) == .presented)
        #expect(TopicRules.status(topic, slots: [], directory: Fixture.directory, now: Self.now) == .requested)
    }

    // MARK: scheduling

    @Test func test_nextSuitableMeeting_isTheFirstInTheWindowWithRoom() throws {
        let topic = Self.topic(from: "2026-12-01", to: "2027-01-31", minutes: 30)
        let meetings = [
            Self.meeting("2026-11-26T19:00"),  // before the window
            Self.meeting("2026-12-08T19:00", booked: 100),  // 20 minutes free: too few
            Self.meeting("2027-01-12T19:00", booked: 90),  // 30 free: fits
            Self.meeting("2027-01-26T19:00"),
        ]
        let result = TopicRules.nextSuitableMeeting(
            for: topic, area: Self.area("sandy-biggleswade"), meetings: meetings, slots: [], now: Self.now)
        #expect(try result.get().id == meetings[2].id)
    }

    @Test func test_nextSuitableMeeting_saysWhyNot() {
        let topic = Self.topic(to: "2026-12-31", minutes: 30)
        let full = [Self.meeting("2026-12-08T19:00", booked: 110)]
        #expect(
            TopicRules.nextSuitableMeeting(
                for: topic, area: Self.area("sandy-biggleswade"), meetings: full, slots: [], now: Self.now)
                == .failure(.noRoom(area: "Sandy and Biggleswade", meetingID: full[0].id, free: 10)))
        let late = [Self.meeting("2027-02-02T19:00")]
        #expect(
            TopicRules.nextSuitableMeeting(
                for: topic, area: Self.area("sandy-biggleswade"), meetings: late, slots: [], now: Self.now)
                == .failure(.noMeetingInWindow(area: "Sandy and Biggleswade")))
        let held = [
            Self.meeting("2026-11-10T19:00", status: .held), Self.meeting("2026-12-08T19:00", status: .cancelled),
        ]
        #expect(
            TopicRules.nextSuitableMeeting(
                for: topic, area: Self.area("sandy-biggleswade"), meetings: held, slots: [], now: Self.now)
                == .failure(.noMeetingInWindow(area: "Sandy and Biggleswade")))
        #expect(
            TopicRules.nextSuitableMeeting(
                for: Self.topic(areas: ["leighton-rural"]), area: Self.area("sandy-biggleswade"),
                meetings: late, slots: [], now: Self.now) == .failure(.notWanted(area: "Sandy and Biggleswade")))
        #expect(
            TopicRules.nextSuitableMeeting(
                for: Self.topic(status: .declined), area: Self.area("sandy-biggleswade"),
                meetings: late, slots: [], now: Self.now) == .failure(.closed(.declined)))
    }

    @Test func test_nextSuitableMeeting_refusesASecondSlotInTheSameArea() {
        let topic = Self.topic()
        let carried = TopicRules.schedule(topic, onto: Self.meeting("2026-12-08T19:00"), directory: Fixture.directory)
        let slots = TopicRules.slots(in: [carried])["gritting"] ?? []
        #expect(
            TopicRules.nextSuitableMeeting(
                for: topic, area: Self.area("sandy-biggleswade"),
                meetings: [carried, Self.meeting("2027-01-12T19:00")], slots: slots, now: Self.now)
                == .failure(.alreadyScheduled(meetingID: carried.id)))
    }

    @Test func test_schedule_insertsBeforeTheClosingItemsWithTheRequestsDetails() {
        var m = Self.meeting("2026-12-08T19:00")
        m.actions = [Action(id: "A-2026-001", item: 3, description: "Reply to the open session")]
        m.declarations = [Declaration(person: "cllr-a", item: 3, nature: "Personal interest")]
        let updated = TopicRules.schedule(Self.topic(), onto: m, directory: Fixture.directory)
        #expect(
            updated.agenda.map(\.title) == [
                "Introductions and apologies", "Policing update", "Winter gritting routes", "Residents' open session",
            ])
        #expect(updated.agenda.map(\.number) == [1, 2, 3, 4])
        let item = updated.agenda[2]
        #expect(
            item.topic == "gritting" && item.presenter == "highways" && item.organisation == "sustainable"
                && item.minutes == 20)
        #expect(item.engagementLevel == .consult && item.purpose == [.information, .discussion])
        // What was under the open session follows it to its new number.
        #expect(updated.actions[0].item == 4 && updated.declarations[0].item == 4)
    }

    // MARK: capacity and windows

    @Test func test_overrun_warnsOnUpcomingMeetingsOnly() {
        let over = Self.meeting("2026-12-08T19:00", booked: 135)
        #expect(AgendaRules.overrun(over) == 15)
        #expect(
            Warnings.warnings(for: over, directory: Fixture.directory, now: Self.now).contains {
                $0.kind == .agendaOverrun
            })
        let fits = Self.meeting("2026-12-08T19:00", booked: 120)
        #expect(
            !Warnings.warnings(for: fits, directory: Fixture.directory, now: Self.now).contains {
                $0.kind == .agendaOverrun
            })
        let past = Self.meeting("2026-11-10T19:00", booked: 135, status: .held)
        #expect(
            !Warnings.warnings(for: past, directory: Fixture.directory, now: Self.now).contains {
                $0.kind == .agendaOverrun
            })
    }

    @Test func test_alerts_whenTheWindowClosesWithinFourteenDaysWithAnAreaWaiting() {
        let soon = Self.topic(to: "2026-12-07")
        let later = Self.topic(to: "2026-12-08")
        #expect(
            TopicRules.alerts(topics: [soon], slots: [:], directory: Fixture.directory, now: Self.now).map(\.areas)
                == [["sandy-biggleswade", "leighton-rural"]])
        #expect(TopicRules.alerts(topics: [later], slots: [:], directory: Fixture.directory, now: Self.now).isEmpty)
        // Once every wanted area has a slot there is nothing to warn about.
        let a = TopicRules.schedule(soon, onto: Self.meeting("2026-12-01T19:00"), directory: Fixture.directory)
        let b = TopicRules.schedule(
            soon, onto: Self.meeting("2026-12-02T19:00", area: "leighton-rural"), directory: Fixture.directory)
        #expect(
            TopicRules.alerts(
                topics: [soon], slots: TopicRules.slots(in: [a, b]), directory: Fixture.directory, now: Self.now
            ).isEmpty)
        #expect(
            TopicRules.alerts(
                topics: [Self.topic(to: "2026-12-01", status: .withdrawn)], slots: [:], directory: Fixture.directory,
                now: Self.now
            ).isEmpty)
    }

    // MARK: typed input

    @Test func test_areaInput_keepsNamesThatHoldCommas() {
        let areas = [
            Area(id: "cmw", name: "Cranfield, Marston and Woburn", wards: []),
            Area(id: "lr", name: "Leighton Rural", wards: []),
            Area(id: "lbl", name: "Leighton Buzzard and Linslade", wards: []),
        ]
        #expect(AreaInput.parse("Cranfield, Marston and Woburn; Leighton Rural", areas: areas).areas == ["cmw", "lr"])
        #expect(AreaInput.parse("leighton b, cranfield", areas: areas).areas == ["lbl", "cmw"])
        #expect(AreaInput.parse("all", areas: areas) == .init(areas: [], unknown: []))
        #expect(AreaInput.parse("Leighton", areas: areas).unknown == ["leighton"])
        #expect(AreaInput.parse("Luton", areas: areas).unknown == ["luton"])
        #expect(AreaInput.abbreviations(areas) == ["cmw": "CMW", "lr": "LR", "lbl": "LBL"])
    }

    @Test func test_issueLine_takesTagsOut() throws {
        let parsed = try QuickEntry.parseIssue("Street lights out on Mill Lane #Highways #highways")
        #expect(parsed.text == "Street lights out on Mill Lane" && parsed.tags == ["highways"])
        #expect(throws: QuickEntry.Failure.self) { try QuickEntry.parseIssue("#highways") }
    }

    @Test func test_validation_checksTopicLinks() {
        var m = Self.meeting("2026-12-08T19:00")
        m.agenda[1].topic = "no-such-topic"
        m.issues = [ResidentIssue(id: "R-2026-001", text: "Potholes", action: "A-2026-999")]
        let problems = Validator.validate(
            directory: Fixture.directory, meetings: [m], topics: [Self.topic(status: .declined)], now: Self.now)
        #expect(problems.map(\.message).contains("unknown topic `no-such-topic`"))
        #expect(problems.map(\.message).contains("unknown action `A-2026-999`"))
        #expect(problems.map(\.message).contains("a declined request needs the reason given to the partner"))
    }
}
