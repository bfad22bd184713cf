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
        #expect(throws: DateInput.Failure(message: "31 Feb 2027 is not a day of the calendar")) {
            try DateInput.parse("31 feb 2027", today: today)
        }
        #expect(throws: DateInput.Failure(message: "2026-02-30 is not a day of the calendar")) {
            try DateInput.parse("2026-02-30", today: today)
        }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("next blursday", today: today) }
        #expect(throws: DateInput.Failure.self) { try DateInput.parse("25:00", today: today) }
        #expect(throws: DateInput.Failure(message: "enter a date: try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d")) {
            try DateInput.parse("  ", today: today)
        }
        #expect(throws: DateInput.Failure(message: "a due date has no time: tomorrow 7pm")) {
            try DateInput.parseDay("tomorrow 7pm", today: today)
        }
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
