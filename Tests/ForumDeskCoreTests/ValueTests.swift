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
        for text in ["24/11/2026 19:00", "2026-11-24", "2026-13-01T10:00", "2026-02-30T10:00", "2026-11-24T25:00",
                     "2026-11-24T19:00+1", "2026-11-24T19:00:00+01:00x", ""] {
            #expect(LondonTime.parse(text) == nil, "\(text)")
        }
    }

    @Test func test_display_isReadable() {
        #expect(LondonTime.display(LondonTime.parse("2026-11-24T19:00")!) == "Tue 24 Nov 2026 19:00")
    }
}

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
        #expect(CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2027, month: 1, day: 1))
    }
}

@Suite struct NameMatchTests {
    let areas: [(id: String, name: String)] = [("sandy-biggleswade", "Sandy and Biggleswade"),
                                               ("leighton-rural", "Leighton Rural"),
                                               ("leighton-buzzard-linslade", "Leighton Buzzard and Linslade")]

    @Test func test_matchesIdNameAnyCaseOrUniquePrefix() throws {
        #expect(try NameMatch.resolve("SANDY", kind: "area", among: areas) == "sandy-biggleswade")
        #expect(try NameMatch.resolve("leighton rural", kind: "area", among: areas) == "leighton-rural")
        #expect(try NameMatch.resolve("Leighton B", kind: "area", among: areas) == "leighton-buzzard-linslade")
    }

    @Test func test_ambiguousOrUnknown_failsWithCandidates() {
        #expect(throws: NameMatch.Failure.ambiguous(query: "leigh", kind: "area",
                                                    candidates: ["Leighton Rural", "Leighton Buzzard and Linslade"])) {
            try NameMatch.resolve("leigh", kind: "area", among: areas)
        }
        #expect(throws: NameMatch.Failure.self) { try NameMatch.resolve("Sandyy", kind: "area", among: areas) }
    }
}

@Suite struct MeetingValueTests {
    /// A meeting shares its fields between copies until one changes: the change must stay in that copy.
    @Test func test_copies_changeIndependently_andCompareByContent() {
        let original = Fixture.meeting()
        var copy = original
        #expect(copy == original)
        copy.title = "Changed"
        copy.agenda.append(AgendaItem(number: 1, title: "Welcome"))
        #expect(original.title != "Changed")
        #expect(original.agenda.isEmpty)
        #expect(copy != original)

        var restored = copy
        restored.title = original.title
        restored.agenda.removeAll()
        #expect(restored == original, "meetings compare by their fields, not by shared storage")
        #expect(copy.title == "Changed" && copy.agenda.count == 1)
    }

    @Test func test_aCopyHeldInAnArray_isNotChangedThroughAnother() {
        var meetings = [Fixture.meeting(), Fixture.meeting(id: "b")]
        let before = meetings
        meetings[0].actions.append(Action(id: "A-1", description: "Fix the lights"))
        meetings[1].status = .cancelled
        #expect(before[0].actions.isEmpty)
        #expect(before[1].status != .cancelled)
        #expect(meetings[0].actions.map(\.id) == ["A-1"])
    }
}

@Suite struct ParallelTests {
    /// Long lists are split across cores: every index once, results in order, whatever the count.
    @Test(arguments: [0, 1, 511, 1_024, 1_025, 10_007])
    func test_map_givesEveryResultInOrder(count: Int) {
        let squares = Parallel.map(count, minimumPerCore: 256) { $0 * $0 }
        #expect(squares.count == count)
        #expect(squares == (0..<count).map { $0 * $0 })
    }
}

@Suite struct SampleClockRuleTests {
    /// The sample's clock: its own day, the real time of day (London wall clock, across a clock change too).
    @Test func test_sameTime_onAnotherDay() {
        #expect(LondonTime.sameTime(LondonTime.parse("2031-05-02T19:45")!, on: CalendarDate(year: 2026, month: 11, day: 23))
                == LondonTime.parse("2026-11-23T19:45"))
        #expect(LondonTime.sameTime(LondonTime.parse("2026-11-23T08:05")!, on: CalendarDate(year: 2026, month: 7, day: 1))
                == LondonTime.parse("2026-07-01T08:05"))
    }
}
