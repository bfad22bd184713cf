import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct CalendarDateTests {
    @Test func test_parse_acceptsRealDaysOnly() {
        #expect(CalendarDate(iso: "2028-02-29") == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(CalendarDate(iso: "2026-02-29") == nil)
        #expect(CalendarDate(iso: "2026-1-5") == nil)
        #expect(CalendarDate(iso: "2026-11-24")?.description == "2026-11-24")
    }

    @Test func test_daysSinceEpoch_roundTripsAcrossCenturies() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1).daysSinceEpoch == 0)
        #expect(
            CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2027, month: 1, day: 1))
    }
}
