import Foundation
import Testing
@testable import ForumDeskCore

@Suite struct LondonTimeTests {
    @Test func test_winterTime_isGMT_andSummerTime_isBST() {
        #expect(LondonTime.iso(LondonTime.parse("2026-11-24T19:00")!) == "2026-11-24T19:00:00+00:00")
        #expect(LondonTime.iso(LondonTime.parse("2026-06-10T19:00")!) == "2026-06-10T19:00:00+01:00")
        #expect(LondonTime.parse("2026-06-10T18:00:00Z") == LondonTime.parse("2026-06-10T19:00:00+01:00"))
    }

    @Test func test_clocksChange_onTheRightSundays() {
        // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
        #expect(LondonTime.iso(LondonTime.parse("2026-03-29T00:30:00Z")!) == "2026-03-29T00:30:00+00:00")
        #expect(LondonTime.iso(LondonTime.parse("2026-03-29T01:30:00Z")!) == "2026-03-29T02:30:00+01:00")
        #expect(LondonTime.iso(LondonTime.parse("2026-10-25T01:30:00Z")!) == "2026-10-25T01:30:00+00:00")
    }

    @Test func test_parse_rejectsWhatIsNotATimestamp() {
        for text in [
            "24/11/2026 19:00", "2026-11-24", "2026-13-01T10:00", "2026-02-30T10:00", "2026-11-24T25:00",
            "2026-11-24T19:00+1", "2026-11-24T19:00:00+01:00x", "",
        ] {
            #expect(LondonTime.parse(text) == nil, "\(text)")
        }
    }

    @Test func test_display_isReadable() {
        #expect(LondonTime.display(LondonTime.parse("2026-11-24T19:00")!) == "Tue 24 Nov 2026 19:00")
    }
}
