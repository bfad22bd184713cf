import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct DateInputTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)  // a Monday

    func parse(_ text: String) throws -> String { try DateInput.parse(text, today: today).description }

    @Test func test_acceptsTheWaysOfficersWriteDates() throws {
        #expect(try parse("2026-12-03 19:00") == "Thu 3 Dec 2026 19:00")
        #expect(try parse("2026-12-03T19:00") == "Thu 3 Dec 2026 19:00")
        #expect(try parse("3 Dec 7pm") == "Thu 3 Dec 2026 19:00")
        #expect(try parse("3 December 2026 7.30pm") == "Thu 3 Dec 2026 19:30")
        #expect(try parse("Dec 3rd 7:30 pm") == "Thu 3 Dec 2026 19:30")
        #expect(try parse("3/12/2026 19.00") == "Thu 3 Dec 2026 19:00")
        #expect(try parse("3/12") == "Thu 3 Dec 2026")
        #expect(try parse("tomorrow") == "Tue 24 Nov 2026")
        #expect(try parse("tomorrow 6pm") == "Tue 24 Nov 2026 18:00")
        #expect(try parse("+14d") == "Mon 7 Dec 2026")
        #expect(try parse("+2w") == "Mon 7 Dec 2026")
        #expect(try parse("tue") == "Tue 24 Nov 2026")
        #expect(try parse("next monday") == "Mon 30 Nov 2026")
        #expect(try parse("Thu 3 Dec") == "Thu 3 Dec 2026")
        #expect(try parse("noon") == "Mon 23 Nov 2026 12:00")
    }

    @Test func test_dateWithoutAYear_isTheNextOneToCome() throws {
        #expect(try parse("15 Jan") == "Fri 15 Jan 2027")
        #expect(try parse("1 Nov") == "Sun 1 Nov 2026")  // within the last month: this year's
    }

    @Test func test_badDates_sayWhatIsWrong() {
        #expect(throws: DateInput.Failure(message: "31 Feb 2027 is not a day of the calendar")) { try DateInput.parse("31 feb 2027", today: today) }
        #expect(throws: DateInput.Failure(message: "2026-02-30 is not a day of the calendar")) { try DateInput.parse("2026-02-30", today: today) }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("next blursday", today: today) }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("25:00", today: today) }
        #expect(throws: DateInput.Failure(message: "enter a date: try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d")) {
            try DateInput.parse("  ", today: today)
        }
        #expect(throws: DateInput.Failure(message: "a due date has no time: tomorrow 7pm")) { try DateInput.parseDay("tomorrow 7pm", today: today) }
    }

    /// Found by fuzzing the CSV importer and quick entry: huge years and offsets trapped on overflow.
    @Test func test_hugeYearsAndOffsets_areErrorsNotCrashes() {
        #expect(throws: DateInput.Failure(message: "20202020202026 is not a year ForumDesk takes (1900–2999)")) {
            try DateInput.parse("3 Dec 20202020202026 7pm", today: today)
        }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("+9999999999999999w", today: today) }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("-999999999999m", today: today) }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("0026-12-17", today: today) }
        #expect((try? DateInput.parse("+100w", today: today))?.day == today.adding(days: 700))
    }
}

@Suite struct QuickEntryTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)
    var directory: Directory {
        var d = Fixture.directory
        d.people.append(Person(id: "obrien", name: "Seán O'Brien-Ní Dhuibhir", kind: .contact, organisation: "sandy-tc"))
        d.people.append(Person(id: "bn", name: "রহিম আলী", kind: .contact, organisation: "police"))
        return d
    }

    @Test func test_fullLine_ownerTagsAndDue() throws {
        let draft = try QuickEntry.parse("Clear fly-tipping at Mill Lane #environment @Sandy Town Council due:2026-12-15",
                                         directory: directory, today: today)
        #expect(draft == QuickEntry.Draft(description: "Clear fly-tipping at Mill Lane", owner: nil, organisation: "sandy-tc",
                                          tags: ["environment"], due: CalendarDate(year: 2026, month: 12, day: 15)))
    }

    @Test func test_personOwner_bringsTheirOrganisation_andRelativeDue() throws {
        let draft = try QuickEntry.parse("@Hana Highways fix the gritting route due:+14d #highways #winter", directory: directory, today: today)
        #expect(draft.owner == "highways")
        #expect(draft.organisation == "sustainable")
        #expect(draft.due == CalendarDate(year: 2026, month: 12, day: 7))
        #expect(draft.tags == ["highways", "winter"])
        #expect(draft.description == "fix the gritting route")
    }

    @Test func test_namesWithApostrophesAndUnicode_andCouncillorsWithoutCllr() throws {
        #expect(try QuickEntry.parse("Write to residents @Seán O'Brien-Ní Dhuibhir", directory: directory, today: today).owner == "obrien")
        #expect(try QuickEntry.parse("Report on patrols @রহিম আলী due:tomorrow", directory: directory, today: today).owner == "bn")
        #expect(try QuickEntry.parse("Visit the site @ada ashgrove", directory: directory, today: today).owner == "cllr-a")
    }

    @Test func test_mistakes_haveClearMessages() {
        #expect(throws: QuickEntry.Failure(message: "no person or organisation called “Nobody…”: type @ and a name, a word of it, an id or initials")) {
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
        #expect(ids.nextActionID(year: 2026, in: [a, b]) == "A-2026-010", "asking again gives no new number until one is saved")
        b.actions.append(Action(id: "A-2026-010", description: "z"))
        b.issues.append(ResidentIssue(id: "R-2026-005", text: "Parking"))
        ids.noteSaved(b)
        #expect(ids.nextActionID(year: 2026, in: []) == "A-2026-011", "the saved meeting counts without a rescan")
        #expect(ids.nextIssueID(year: 2026, in: []) == "R-2026-006")
        #expect(ids.nextActionID(year: 2026, in: []) == QuickEntry.nextActionID(year: 2026, existing: [a, b]))
    }
}

@Suite struct IdentifierTests {
    @Test func test_slug_foldsAccents_joinsWords_andStaysUnique() {
        #expect(Identifier.slug("Seán O'Brien") { _ in false } == "sean-o-brien")
        #expect(Identifier.slug("Sandy Town Council") { _ in false } == "sandy-town-council")
        #expect(Identifier.slug("Ada Ashgrove", prefix: "cllr-") { $0 == "cllr-ada-ashgrove" } == "cllr-ada-ashgrove-2")
        #expect(Identifier.slug("রহিম আলী", fallback: "person") { _ in false } == "person")
    }
}

/// `@` names an owner by any word of the name, its id or its initials; an ambiguous word says what it could be.
@Suite struct QuickEntryOwnerWordTests {
    static let directory = Directory(
        areas: [], people: [Person(id: "yusuf-ambridge-cole", name: "Yusuf Ambridge-Cole", kind: .contact, organisation: "cbc-sustainable-communities"),
                            Person(id: "cllr-otis-rookwood", name: "Cllr Otis Rookwood", kind: .councillor)],
        organisations: [Organisation(id: "cbc-sustainable-communities", name: "Central Bedfordshire Council: Sustainable Communities (highways, waste, planning)", sector: .councilDirectorate),
                        Organisation(id: "cbc-community-safety", name: "Central Bedfordshire Council: Community Safety", sector: .councilDirectorate)])
    static let today = CalendarDate(year: 2026, month: 11, day: 26)

    static func parse(_ line: String) throws -> QuickEntry.Draft { try QuickEntry.parse(line, directory: directory, today: today) }

    @Test func test_aWordOfTheName_theId_orInitials_nameTheOwner() throws {
        let bySustainable = try Self.parse("Fix the drain @Sustainable Communities due:+7d")
        #expect(bySustainable.organisation == "cbc-sustainable-communities" && bySustainable.owner == nil)
        #expect(bySustainable.description == "Fix the drain")
        #expect(try Self.parse("Fix the drain @cbc-sustainable-communities").organisation == "cbc-sustainable-communities")
        #expect(try Self.parse("Fix the drain @safety").organisation == "cbc-community-safety")
        #expect(try Self.parse("Ask @Ambridge for dates").owner == "yusuf-ambridge-cole")
        #expect(try Self.parse("Ask @Ambridge for dates").description == "Ask for dates")
        #expect(try Self.parse("Ask @YAC").owner == "yusuf-ambridge-cole")
        #expect(try Self.parse("Ask @Rookwood").owner == "cllr-otis-rookwood")
        #expect(try Self.parse("Check it item:6").item == 6)
    }

    @Test func test_anAmbiguousWord_saysWhatItCouldBe_andTabOffersEachCandidate() throws {
        #expect(throws: QuickEntry.Failure.self) { try Self.parse("Fix it @Central") }
        do {
            _ = try QuickEntry.parse("Fix it @Central", directory: Self.directory, today: Self.today)
        } catch {
            #expect(error.message.contains("could be 2"))
        }
        let completions = QuickEntry.completions(of: "comm", directory: Self.directory)
        #expect(completions.count == 2)
        #expect(QuickEntry.completions(of: "Sustainable", directory: Self.directory).first?.hasPrefix("Central Bedfordshire Council: Sustainable") == true)
    }
}
