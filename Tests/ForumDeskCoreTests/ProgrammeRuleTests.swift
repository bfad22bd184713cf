import Foundation
import Testing
@testable import ForumDeskCore

/// The programme's recurrence: every N weeks and the nth weekday of the month, over New Year and over both changes
/// of the clocks (a 19:00 meeting stays at 19:00 London time, GMT or BST), with bank holidays and closed days
/// skipped or moved a week.
@Suite struct ProgrammeRuleTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }
    static func rule(_ recurrence: ProgrammeRule.Recurrence, first: String) -> ProgrammeRule {
        ProgrammeRule(
            area: "sandy-biggleswade", kind: .letsTalkTogether, recurrence: recurrence, first: day(first), hour: 19,
            minute: 0,
            lengthMinutes: 120, venue: Venue(name: "Biggleswade Community Centre"))
    }

    @Test func test_everyEightWeeks_overNewYear() {
        let r = Self.rule(.weekly(every: 8), first: "2026-10-01")
        #expect(
            r.dates(from: Self.day("2026-11-01"), until: Self.day("2027-04-30")).map(\.description)
                == ["2026-11-26", "2027-01-21", "2027-03-18"])
        // From the first day itself, and nothing before `first`.
        #expect(
            r.dates(from: Self.day("2026-01-01"), until: Self.day("2026-11-26")).map(\.description) == [
                "2026-10-01", "2026-11-26",
            ])
        #expect(r.description == "every 8 weeks on Thursday at 19:00")
    }

    @Test func test_nthWeekday_overNewYear_andEveryOtherMonth() {
        let second = Self.rule(.monthly(nth: 2, weekday: .tuesday, every: 1), first: "2026-11-01")
        #expect(
            second.dates(from: Self.day("2026-11-01"), until: Self.day("2027-02-28")).map(\.description)
                == ["2026-11-10", "2026-12-08", "2027-01-12", "2027-02-09"])
        let last = Self.rule(.monthly(nth: -1, weekday: .monday, every: 2), first: "2026-11-01")
        #expect(
            last.dates(from: Self.day("2026-12-01"), until: Self.day("2027-06-30")).map(\.description)
                == ["2027-01-25", "2027-03-29", "2027-05-31"])
        #expect(last.description == "the last Monday of every 2 months at 19:00")
    }

    @Test func test_overTheClockChanges_theTimeStaysNineteenHundredLondon() {
        let r = Self.rule(.weekly(every: 1), first: "2027-03-18")
        let calendar = PlanningCalendar()
        let spring = Programme.occurrences(
            r, from: Self.day("2027-03-18"), until: Self.day("2027-04-01"), calendar: calendar)
        #expect(
            spring.map { LondonTime.iso($0.start) } == [
                "2027-03-18T19:00:00+00:00", "2027-03-25T19:00:00+00:00", "2027-04-01T19:00:00+01:00",
            ])
        let autumn = Programme.occurrences(
            r, from: Self.day("2027-10-28"), until: Self.day("2027-11-04"), calendar: calendar)
        #expect(autumn.map { LondonTime.iso($0.start) } == ["2027-10-28T19:00:00+01:00", "2027-11-04T19:00:00+00:00"])
        #expect(autumn.allSatisfy { $0.end.timeIntervalSince($0.start) == 7200 })
        // Seven days apart on the calendar, 169 hours apart in time across the change.
        #expect(autumn[1].start.timeIntervalSince(autumn[0].start) == 169 * 3600)
    }

    @Test func test_closedDays_skippedOrMovedAWeek_saidPlainly() {
        var r = Self.rule(.monthly(nth: -1, weekday: .monday, every: 1), first: "2027-01-01")
        let calendar = PlanningCalendar(closedDays: [.init(date: Self.day("2027-07-26"), label: "Summer closure")])
        let skipped = Programme.occurrences(
            r, from: Self.day("2027-05-01"), until: Self.day("2027-08-31"), calendar: calendar)
        #expect(
            skipped.map(\.said) == [
                "skipped: bank holiday: Spring bank holiday", "", "skipped: council closed: Summer closure",
                "skipped: bank holiday: Summer bank holiday",
            ])
        r.whenClosed = .nextWeek
        let moved = Programme.occurrences(
            r, from: Self.day("2027-05-01"), until: Self.day("2027-08-31"), calendar: calendar)
        #expect(moved.map(\.date.description) == ["2027-06-07", "2027-06-28", "2027-08-02", "2027-09-06"])
        #expect(moved[0].said == "moved from Mon 2027-05-31: bank holiday: Spring bank holiday")
        // A week later closed too: skipped, with both reasons.
        let christmas = Self.rule(.weekly(every: 1), first: "2027-12-20")
        let closedTwice = PlanningCalendar(closedDays: [.init(date: Self.day("2028-01-04"), label: "Offices closed")])
        var tuesday = christmas
        tuesday.first = Self.day("2027-12-21")
        tuesday.whenClosed = .nextWeek
        let found = Programme.occurrences(
            tuesday, from: Self.day("2027-12-28"), until: Self.day("2027-12-28"), calendar: closedTwice)
        #expect(
            found.map(\.said) == [
                "skipped: bank holiday: Boxing Day (substitute day); a week later, council closed: Offices closed"
            ])
    }
}
