import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct QuickEntryTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)
    var directory: Directory {
        var d = Fixture.directory
        d.people.append(
            Person(id: "obrien", name: "Seán O'Brien-Ní Dhuibhir", kind: .contact, organisation: "sandy-tc"))
        d.people.append(Person(id: "bn", name: "রহিম আলী", kind: .contact, organisation: "police"))
        return d
    }

    @Test func test_fullLine_ownerTagsAndDue() throws {
        let draft = try QuickEntry.parse(
            "Clear fly-tipping at Mill Lane #environment @Sandy Town Council due:2026-12-15",
            directory: directory, today: today)
        #expect(
            draft
                == QuickEntry.Draft(
                    description: "Clear fly-tipping at Mill Lane", owner: nil, organisation: "sandy-tc",
                    tags: ["environment"], due: CalendarDate(year: 2026, month: 12, day: 15)))
    }

    @Test func test_personOwner_bringsTheirOrganisation_andRelativeDue() throws {
        let draft = try QuickEntry.parse(
            "@Hana Highways fix the gritting route due:+14d #highways #winter", directory: directory, today: today)
        #expect(draft.owner == "highways")
        #expect(draft.organisation == "sustainable")
        #expect(draft.due == CalendarDate(year: 2026, month: 12, day: 7))
        #expect(draft.tags == ["highways", "winter"])
        #expect(draft.description == "fix the gritting route")
    }

    @Test func test_namesWithApostrophesAndUnicode_andCouncillorsWithoutCllr() throws {
        #expect(
            try QuickEntry.parse("Write to residents @Seán O'Brien-Ní Dhuibhir", directory: directory, today: today)
                .owner == "obrien")
        #expect(
            try QuickEntry.parse("Report on patrols @রহিম আলী due:tomorrow", directory: directory, today: today).owner
                == "bn")
        #expect(
            try QuickEntry.parse("Visit the site @ada ashgrove", directory: directory, today: today).owner == "cllr-a")
    }

    @Test func test_mistakes_haveClearMessages() {
        #expect(
            throws: QuickEntry.Failure(
                message:
                    "no person or organisation called “Nobody…”: type @ and a name, a word of it, an id or initials")
        ) {
            try QuickEntry.parse("Do it @Nobody Here", directory: directory, today: today)
        }
        #expect(throws: QuickEntry.Failure(message: "due date: 31 Feb 2027 is not a day of the calendar")) {
            try QuickEntry.parse("Do it due:31/2/2027", directory: directory, today: today)
        }
        #expect(throws: QuickEntry.Failure(message: "describe the action before the @owner, #tags and due:")) {
            try QuickEntry.parse("#tag @Sam Sergeant", directory: directory, today: today)
        }
    }

    @Test func test_completions_andNextID() {
        #expect(QuickEntry.completions(of: "sa", directory: directory) == ["Sam Sergeant", "Sandy Town Council"])
        var m = Fixture.meeting()
        m.actions = [Action(id: "A-2026-009", description: "x"), Action(id: "A-2025-120", description: "y")]
        #expect(QuickEntry.nextActionID(year: 2026, existing: [m]) == "A-2026-010")
        #expect(QuickEntry.nextActionID(year: 2027, existing: [m]) == "A-2027-001")
    }

    /// The live-notes counter scans once, then follows saved meetings: the ids it gives are the scan's.
    @Test func test_idNumbers_followSavedMeetings_likeAScanWould() {
        var a = Fixture.meeting(id: "a")
        a.actions = [Action(id: "A-2026-009", description: "x")]
        var b = Fixture.meeting(id: "b")
        b.issues = [ResidentIssue(id: "R-2026-004", text: "Potholes")]
        let ids = IDNumbers()
        #expect(ids.nextActionID(year: 2026, in: [a, b]) == "A-2026-010")
        #expect(ids.nextIssueID(year: 2026, in: [a, b]) == "R-2026-005")
        #expect(
            ids.nextActionID(year: 2026, in: [a, b]) == "A-2026-010",
            "asking again gives no new number until one is saved")
        b.actions.append(Action(id: "A-2026-010", description: "z"))
        b.issues.append(ResidentIssue(id: "R-2026-005", text: "Parking"))
        ids.noteSaved(b)
        #expect(ids.nextActionID(year: 2026, in: []) == "A-2026-011", "the saved meeting counts without a rescan")
        #expect(ids.nextIssueID(year: 2026, in: []) == "R-2026-006")
        #expect(ids.nextActionID(year: 2026, in: []) == QuickEntry.nextActionID(year: 2026, existing: [a, b]))
    }
}
