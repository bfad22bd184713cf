import Foundation
import Testing
@testable import ForumDeskCore

/// The bank holidays of England and Wales, computed, against the list GOV.UK publishes (gov.uk/bank-holidays) for
/// 2025-2028 and the dates announced for 2029-2030 by the same rules.
@Suite struct BankHolidayTests {
    static let published: [Int: [String]] = [
        2025: [
            "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25",
            "2025-12-26",
        ],
        2026: [
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25",
            "2026-12-28",
        ],
        2027: [
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27",
            "2027-12-28",
        ],
        2028: [
            "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25",
            "2028-12-26",
        ],
        2029: [
            "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25",
            "2029-12-26",
        ],
        2030: [
            "2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25",
            "2030-12-26",
        ],
    ]

    @Test(arguments: 2025...2030) func test_theYearsBankHolidays_areTheOnesPublished(year: Int) {
        let computed = BankHolidays.englandAndWales(year).map(\.date.description)
        #expect(computed == Self.published[year]!)
    }

    @Test func test_easterSunday_overTheYears() {
        let easters = [
            "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2038-04-25",
            "2285-03-22",
        ]
        for text in easters {
            let day = CalendarDate(iso: text)!
            #expect(BankHolidays.easterSunday(day.year) == day)
        }
    }

    @Test func test_substituteDays_areNamedAsSuch() {
        // 2027: Christmas on a Saturday, Boxing Day on the Sunday: Monday 27th and Tuesday 28th.
        let christmas = BankHolidays.englandAndWales(2027).suffix(2)
        #expect(christmas.map(\.name) == ["Christmas Day (substitute day)", "Boxing Day (substitute day)"])
        // 2028: New Year's Day on a Saturday: Monday 3rd.
        #expect(BankHolidays.on(CalendarDate(iso: "2028-01-03")!)?.name == "New Year's Day (substitute day)")
        #expect(BankHolidays.on(CalendarDate(iso: "2028-01-01")!) == nil)
        // 2022: Christmas on a Sunday: Boxing Day keeps Monday 26th and Christmas takes Tuesday 27th.
        let y2022 = BankHolidays.englandAndWales(2022).map(\.date.description)
        #expect(y2022.suffix(2) == ["2022-12-26", "2022-12-27"])
        // The proclaimed one-offs: the Jubilee moved the spring holiday and added a day.
        #expect(y2022.contains("2022-06-02") && y2022.contains("2022-06-03") && !y2022.contains("2022-05-30"))
        #expect(BankHolidays.on(CalendarDate(iso: "2023-05-08")!) != nil)
    }

    @Test func test_weekday_andNthWeekday() {
        #expect(Weekday(CalendarDate(iso: "2027-01-07")!) == .thursday)
        #expect(Weekday(CalendarDate(iso: "1970-01-01")!) == .thursday)
        #expect(Weekday(CalendarDate(iso: "1969-12-29")!) == .monday)
        #expect(BankHolidays.nthWeekday(2, .tuesday, month: 3, year: 2027) == CalendarDate(iso: "2027-03-09"))
        #expect(BankHolidays.nthWeekday(-1, .thursday, month: 12, year: 2027) == CalendarDate(iso: "2027-12-30"))
        #expect(BankHolidays.nthWeekday(5, .monday, month: 2, year: 2027) == nil)
        #expect(Weekday(name: "thu") == .thursday && Weekday(name: "Tuesday") == .tuesday && Weekday(name: "t") == nil)
    }
}
