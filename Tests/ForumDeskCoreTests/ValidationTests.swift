import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct ValidationTests {
    let now = Fixture.at("2026-11-23T12:00")

    func problems(_ meetings: [Meeting], directory: Directory = Fixture.directory) -> [Problem] {
        Validator.validate(directory: directory, meetings: meetings, now: now)
    }

    @Test func test_cleanMeeting_hasNoProblems() {
        var meeting = Fixture.meeting()
        meeting.agenda = [
            AgendaItem(number: 1, title: "Apologies"), AgendaItem(number: 2, title: "Gritting", presenter: "highways"),
        ]
        meeting.notifications = [Fixture.notice("cllr-a", for: meeting)]
        #expect(problems([meeting]).isEmpty)
    }

    @Test func test_unknownAreaAndWard_areReportedAtTheirFields() {
        var meeting = Fixture.meeting()
        meeting.area = "sandyy"
        meeting.wards = ["sandy", "nowhere"]
        let found = problems([meeting])
        #expect(
            found.contains(
                Problem(file: .meeting(id: meeting.id), path: [.key("area")], message: "unknown area `sandyy`")))
        #expect(
            found.contains(
                Problem(
                    file: .meeting(id: meeting.id), path: [.key("wards"), .index(1)],
                    message: "unknown ward `nowhere`")))
    }

    @Test func test_wardOfAnotherArea_isReported() {
        let meeting = Fixture.meeting(wards: ["sandy", "toddington"])
        #expect(
            problems([meeting]).map(\.message) == [
                "ward `toddington` is in area `leighton-rural`, not `sandy-biggleswade`"
            ])
    }

    @Test func test_unknownPeopleAndOrganisations_areReported() {
        var meeting = Fixture.meeting()
        meeting.chair = "cllr-zz"
        meeting.agenda = [AgendaItem(number: 1, title: "Item", presenter: "ghost", organisation: "acme")]
        meeting.invitations = [Invitation(organisation: "nobody-org")]
        meeting.actions = [Action(id: "A-1", description: "Do it", owner: "ghost-owner", organisation: "acme")]
        let messages = problems([meeting]).map(\.message)
        #expect(
            messages == [
                "unknown person `cllr-zz`", "unknown person `ghost`", "unknown organisation `acme`",
                "unknown organisation `nobody-org`", "unknown person `ghost-owner`", "unknown organisation `acme`",
            ])
    }

    @Test func test_notificationToSomeoneWhoIsNotACouncillor_isReported() {
        var meeting = Fixture.meeting()
        meeting.notifications = [Fixture.notice("sgt", for: meeting), Fixture.notice("cllr-nobody", for: meeting)]
        #expect(problems([meeting]).map(\.message) == ["`sgt` is not a councillor", "unknown person `cllr-nobody`"])
    }

    @Test func test_endBeforeStart_isReported() {
        var meeting = Fixture.meeting()
        meeting.end = meeting.start.addingTimeInterval(-60)
        let found = problems([meeting])
        #expect(found.count == 1)
        #expect(found.first?.path == [.key("end")])
        #expect(found.first?.message.contains("ends") == true)
    }

    @Test func test_agendaNumbering_mustRunFromOneInOrder() {
        var meeting = Fixture.meeting()
        meeting.agenda = [
            AgendaItem(number: 1, title: "A"), AgendaItem(number: 2, title: "B"), AgendaItem(number: 4, title: "C"),
        ]
        #expect(
            problems([meeting]).map(\.message) == ["agenda items must be numbered 1, 2, 3… in order; found 1, 2, 4"])
        meeting.agenda = [AgendaItem(number: 2, title: "B"), AgendaItem(number: 1, title: "A")]
        #expect(problems([meeting]).count == 1)
        meeting.agenda = [AgendaItem(number: 1, title: "A"), AgendaItem(number: 2, title: "B")]
        #expect(problems([meeting]).isEmpty)
    }

    @Test func test_declarationsAndActions_mustNameAnAgendaItemThatExists() {
        var meeting = Fixture.meeting()
        meeting.agenda = [AgendaItem(number: 1, title: "A")]
        meeting.declarations = [Declaration(person: "cllr-a", item: 3, nature: "Personal interest")]
        meeting.actions = [Action(id: "A-1", item: 2, description: "x")]
        #expect(problems([meeting]).map(\.message) == ["no agenda item 3", "no agenda item 2"])
    }

    @Test func test_duplicateActionIDs_acrossMeetings_areReported() {
        var first = Fixture.meeting(id: "m1", start: "2026-09-01T19:00", status: .held)
        first.actions = [Action(id: "A-2026-001", description: "x")]
        var second = Fixture.meeting(id: "m2", start: "2026-10-01T19:00", status: .held)
        second.actions = [Action(id: "A-2026-001", description: "y")]
        let found = problems([second, first])
        #expect(
            found == [
                Problem(
                    file: .meeting(id: "m2"), path: [.key("actions"), .index(0), .key("id")],
                    message: "duplicate action id `A-2026-001` (first raised at meeting `m1`)")
            ])
    }

    @Test func test_duplicateDirectoryIDs_andBrokenDirectoryReferences_areReported() {
        var directory = Fixture.directory
        directory.people.append(Person(id: "cllr-a", name: "Second Ada", kind: .councillor, wards: ["atlantis"]))
        directory.people.append(Person(id: "cllr-none", name: "No Wards", kind: .councillor))
        directory.organisations.append(Organisation(id: "police", name: "Again", sector: .police, areas: ["mars"]))
        directory.coverageRules.append(CoverageRule(area: "moon", kind: nil, required: [.police]))
        let messages = problems([], directory: directory).map(\.message)
        #expect(
            messages == [
                "unknown area `moon`", "duplicate person id `cllr-a`", "unknown ward `atlantis`",
                "councillor `cllr-none` has no wards", "duplicate organisation id `police`", "unknown area `mars`",
            ])
    }

    @Test func test_attendance_substituteNeedsWhoTheyStoodInFor_andAnEntryNeedsSomeone() {
        var meeting = Fixture.meeting(start: "2026-10-01T19:00", status: .held)
        meeting.attendance = [
            Attendance(person: "pcso", status: .substitute), Attendance(status: .present),
            Attendance(name: "A resident volunteer", status: .present),
        ]
        #expect(
            problems([meeting]).map(\.message) == [
                "a substitute needs `substituteFor`: the person stood in for",
                "an attendance entry needs a `person` or a `name`",
            ])
    }

    @Test func test_heldMeetingInTheFuture_isReported() {
        let meeting = Fixture.meeting(start: "2027-01-10T19:00", status: .held)
        #expect(problems([meeting]).map(\.message) == ["marked held but starts in the future"])
    }
}
