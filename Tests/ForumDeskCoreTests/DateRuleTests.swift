import Foundation
import Testing
@testable import ForumDeskCore

/// The one date rule of forms, quick entry and CSV import (README, "How dates are read"), tried on many
/// "today"s: both clock changes of 2026 and 2027, both sides of two year ends, a leap day.
@Suite struct DateRuleTests {
    static let todays: [CalendarDate] = [
        "2026-03-28", "2026-03-29", "2026-03-30",  // spring forward 2026
        "2026-10-24", "2026-10-25", "2026-10-26",  // autumn back 2026
        "2026-11-23", "2026-12-01", "2026-12-31",  // before a year end
        "2027-01-01", "2027-01-05", "2027-01-31",  // after it
        "2027-03-28", "2027-10-31",  // both changes of 2027
        "2027-12-31", "2028-01-01", "2028-02-29",  // the next year end and a leap day
        "2026-06-15",
    ].map { CalendarDate(iso: $0)! }

    /// Dates with their year: the same answer whatever the day they are typed.
    static let accepted: [(typed: String, understood: String)] = [
        ("2026-12-03 19:00", "Thu 3 Dec 2026 19:00"),
        ("2026-12-03T19:00", "Thu 3 Dec 2026 19:00"),
        ("2026-12-03 19:00:00", "Thu 3 Dec 2026 19:00"),
        ("2027-03-16 19:00:00", "Tue 16 Mar 2027 19:00"),
        ("16/03/2027 19:00:00", "Tue 16 Mar 2027 19:00"),  // as spreadsheets write it
        ("16/03/2027 19:00:30", "Tue 16 Mar 2027 19:00:30"),
        ("3/12/2026 19.00", "Thu 3 Dec 2026 19:00"),
        ("03/12/2026 7pm", "Thu 3 Dec 2026 19:00"),
        ("3/12/26 7pm", "Thu 3 Dec 2026 19:00"),
        ("3-12-2026 19:00", "Thu 3 Dec 2026 19:00"),
        ("3.12.2026 19:00", "Thu 3 Dec 2026 19:00"),
        // What spreadsheets write: a day, a month's name and a year joined by hyphens; an ISO instant in UTC or
        // with an offset (read as London time); a date serial, with a fraction of a day for the time.
        ("3-Dec-26 19:00", "Thu 3 Dec 2026 19:00"),
        ("03-Dec-2026 7pm", "Thu 3 Dec 2026 19:00"),
        ("2026-12-03T19:00:00.000Z", "Thu 3 Dec 2026 19:00 GMT"),
        ("2027-06-10T18:00:00Z", "Thu 10 Jun 2027 19:00 BST"),
        ("2027-06-10T19:00:00+01:00", "Thu 10 Jun 2027 19:00 BST"),
        ("46359.7916666667", "Thu 3 Dec 2026 19:00"),
        ("2026/12/03 19:00", "Thu 3 Dec 2026 19:00"),
        ("12/3/2027", "Fri 12 Mar 2027"),  // day first, always
        ("3 Dec 2026 7pm", "Thu 3 Dec 2026 19:00"),
        ("3 Dec 26", "Thu 3 Dec 2026"),
        ("3 Dec 26 7pm", "Thu 3 Dec 2026 19:00"),
        ("Thu 3 Dec 26 7pm", "Thu 3 Dec 2026 19:00"),
        ("Thursday 3rd December 2026 7.30 pm", "Thu 3 Dec 2026 19:30"),
        ("3rd of December 2026 19:30", "Thu 3 Dec 2026 19:30"),
        ("Dec 3 2026 7:30pm", "Thu 3 Dec 2026 19:30"),
        ("3 Dec 2026 1930", "Thu 3 Dec 2026 19:30"),
        ("3 Dec 2026 930", "Thu 3 Dec 2026 09:30"),
        ("3 Dec 2026 0930", "Thu 3 Dec 2026 09:30"),
        ("3 Dec 2026, 12am", "Thu 3 Dec 2026 00:00"),
        ("3 Dec 2026 noon", "Thu 3 Dec 2026 12:00"),
        ("3 Dec 1930", "Wed 3 Dec 1930"),  // after a day and a month, four digits are the year
        ("29/2/2028", "Tue 29 Feb 2028"),
        ("28/03/2027 00:59", "Sun 28 Mar 2027 00:59"),
        ("28/03/2027 02:00", "Sun 28 Mar 2027 02:00"),
        ("31/10/2027 01:30 BST", "Sun 31 Oct 2027 01:30 BST"),
        ("31/10/2027 01:30 GMT", "Sun 31 Oct 2027 01:30 GMT"),
        ("25/10/2026 02:00", "Sun 25 Oct 2026 02:00"),
    ]

    static let rejected: [(typed: String, message: String)] = [
        ("31 Feb 2027", "31 Feb 2027 is not a day of the calendar"),
        ("29/2/2027", "29 Feb 2027 is not a day of the calendar"),
        ("2026-02-30", "2026-02-30 is not a day of the calendar"),
        ("Sat 3 Dec 2026 7pm", "3 Dec 2026 is a Thursday, not a Saturday"),
        ("Fri 3/12/26", "3 Dec 2026 is a Thursday, not a Friday"),
        ("Mon Tue 3 Dec 2026", "two weekdays in “Mon Tue 3 Dec 2026”"),
        ("3 Dec 3", "“3” in “3 dec 3” is not a year: write it with four digits (or two)"),
        ("3/12/202", "“202” in “3/12/202” is not a year: write it with four digits (or two)"),
        ("3 Dec 20202020202026 7pm", "20202020202026 is not a year ForumDesk takes (1900–2999)"),
        (
            "28/03/2027 01:30",
            "01:30 on Sun 28 Mar 2027 does not exist in London: the clocks go forward an hour that night"
        ),
        (
            "29/03/2026 01:00",
            "01:00 on Sun 29 Mar 2026 does not exist in London: the clocks go forward an hour that night"
        ),
        (
            "31/10/2027 01:30",
            "01:30 on Sun 31 Oct 2027 happens twice in London (the clocks go back an hour that night): "
                + "add BST for the first or GMT for the second"
        ),
        (
            "25/10/2026 01:00",
            "01:00 on Sun 25 Oct 2026 happens twice in London (the clocks go back an hour that night): "
                + "add BST for the first or GMT for the second"
        ),
        ("3 Dec 2026 19:00 BST", "19:00 on Thu 3 Dec 2026 is GMT, not BST"),
        ("3 Dec 2026 gmt", "BST or GMT goes after a time: 3 Dec 2026 gmt"),
        ("3 Dec 2026 2460", "not a date: 3 Dec 2026 2460; try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
        ("3/12/2026 13pm", "not a date: 3/12/2026 13pm; try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
        ("3/12/2026 19:00:60", "not a date: 3/12/2026 19:00:60; try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
        ("next blursday", "not a date: next blursday; try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
        ("25:00", "not a date: 25:00; try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
        ("  ", "enter a date: try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"),
    ]

    /// Understood and turned into an instant, or the message of whichever step refused it.
    static func read(_ text: String, today: CalendarDate) -> Result<String, DateInput.Failure> {
        Result { () throws(DateInput.Failure) -> String in
            let understood = try DateInput.parse(text, today: today)
            if understood.time != nil { _ = try understood.instant() }
            return understood.description
        }
    }

    @Test(arguments: todays)
    func test_datesWithAYear_areReadTheSameOnEveryDay(today: CalendarDate) {
        for (typed, understood) in Self.accepted {
            #expect(Self.read(typed, today: today) == .success(understood), "“\(typed)” on \(today)")
        }
    }

    @Test(arguments: todays)
    func test_rejectedForms_sayWhy_onEveryDay(today: CalendarDate) {
        for (typed, message) in Self.rejected {
            #expect(
                Self.read(typed, today: today) == .failure(DateInput.Failure(message: message)),
                "“\(typed)” on \(today)")
        }
    }

    /// Without a year: the first such day on or after 31 days ago, the same rule on any day of the year.
    @Test(arguments: todays)
    func test_datesWithoutAYear_areTheFirstOnOrAfterAMonthAgo(today: CalendarDate) throws {
        let from = today.adding(days: -31)
        for (typed, month, day) in [
            ("3 Dec", 12, 3), ("3/12", 12, 3), ("Dec 3rd 7pm", 12, 3), ("15 Jan 7pm", 1, 15), ("1/1", 1, 1),
            ("20 Dec", 12, 20), ("30 Jun", 6, 30), ("29 Feb", 2, 29), ("28/3 19:00", 3, 28),
        ] {
            let got = try DateInput.parse(typed, today: today).day
            #expect(got.month == month && got.day == day, "“\(typed)” on \(today)")
            #expect(got >= from, "“\(typed)” on \(today) gave \(got)")
            // No earlier year would do: the one a year before is before the window.
            let yearBefore = (1...8).lazy.map { CalendarDate(year: got.year - $0, month: month, day: day) }
                .first { day <= CalendarDate.daysIn(month: month, year: $0.year) }!
            #expect(yearBefore < from, "“\(typed)” on \(today) skipped \(yearBefore)")
        }
    }

    @Test func test_yearEnd_bothSides_resolveTheSameWay() throws {
        func day(_ typed: String, on today: String) throws -> String {
            try DateInput.parse(typed, today: CalendarDate(iso: today)!).day.description
        }
        #expect(try day("20 Dec", on: "2026-12-31") == "2026-12-20")
        #expect(try day("20 Dec", on: "2027-01-05") == "2026-12-20", "16 days ago on either side of the year end")
        #expect(try day("3 Jan", on: "2026-12-31") == "2027-01-03")
        #expect(try day("3 Jan", on: "2027-01-05") == "2027-01-03")
        #expect(try day("1 Dec", on: "2027-01-05") == "2027-12-01", "35 days ago is past the month allowed")
        #expect(try day("29 Feb", on: "2026-11-23") == "2028-02-29")
    }

    @Test(arguments: todays)
    func test_relativeForms_andTimesAlone_countFromToday(today: CalendarDate) throws {
        #expect(
            try DateInput.parse("tomorrow 1930", today: today)
                == .init(day: today.adding(days: 1), time: .init(hour: 19, minute: 30)))
        #expect(try DateInput.parse("1930", today: today) == .init(day: today, time: .init(hour: 19, minute: 30)))
        #expect(
            try DateInput.parse("+14d 7pm", today: today)
                == .init(day: today.adding(days: 14), time: .init(hour: 19, minute: 0)))
        #expect(try DateInput.parse("today 19:00:00", today: today).time == .init(hour: 19, minute: 0))
        let tue = try DateInput.parse("next tue", today: today).day
        #expect(LondonTime.weekday(tue) == "Tue" && tue > today && tue <= today.adding(days: 7))
    }

    @Test func test_timeOfDayAlone_asInASpreadsheetsTimeColumn() throws {
        for (typed, shown) in [
            ("1930", "19:30"), ("930", "09:30"), ("7pm", "19:00"), ("7 pm", "19:00"), ("7.30pm", "19:30"),
            ("19:00:00", "19:00"), ("18:30", "18:30"), ("noon", "12:00"), ("0000", "00:00"),
        ] {
            #expect(try DateInput.parseTimeOfDay(typed).time.description == shown, "\(typed)")
        }
        for typed in ["2460", "25:00", "7", "19:0", "abc", "13pm"] {
            #expect(throws: DateInput.Failure.self, "\(typed)") { try DateInput.parseTimeOfDay(typed) }
        }
        #expect(try DateInput.parseTimeOfDay("01:30 GMT").zone == .gmt)
    }

    /// The autumn hour: BST is the first 01:30 and GMT the second, an hour apart; nothing is shifted.
    @Test func test_clockChanges_giveTheInstantAsked_orRefuse() throws {
        let autumn = CalendarDate(year: 2027, month: 10, day: 31)
        let bst = try DateInput.instant(autumn, .init(hour: 1, minute: 30), zone: .bst)
        let gmt = try DateInput.instant(autumn, .init(hour: 1, minute: 30), zone: .gmt)
        #expect(LondonTime.iso(bst) == "2027-10-31T01:30:00+01:00")
        #expect(LondonTime.iso(gmt) == "2027-10-31T01:30:00+00:00")
        #expect(gmt.timeIntervalSince(bst) == 3600)
        #expect(LondonTime.reading(date: CalendarDate(year: 2027, month: 3, day: 28), hour: 1, minute: 30) == .skipped)
        #expect(throws: DateInput.Failure.self) {
            try DateInput.instant(CalendarDate(year: 2027, month: 3, day: 28), .init(hour: 1, minute: 30), zone: nil)
        }
        #expect(throws: DateInput.Failure.self) {
            try DateInput.instant(CalendarDate(year: 2027, month: 3, day: 28), .init(hour: 1, minute: 30), zone: .gmt)
        }
    }
}
