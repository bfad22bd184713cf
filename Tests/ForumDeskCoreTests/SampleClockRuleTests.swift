import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct SampleClockRuleTests {
    /// The sample's clock: its own day, the real time of day (London wall clock, across a clock change too).
    @Test func test_sameTime_onAnotherDay() {
        #expect(
            LondonTime.sameTime(LondonTime.parse("2031-05-02T19:45")!, on: CalendarDate(year: 2026, month: 11, day: 23))
                == LondonTime.parse("2026-11-23T19:45"))
        #expect(
            LondonTime.sameTime(LondonTime.parse("2026-11-23T08:05")!, on: CalendarDate(year: 2026, month: 7, day: 1))
                == LondonTime.parse("2026-07-01T08:05"))
    }
}
