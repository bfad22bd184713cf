import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Summaries from the start-up index read their head and facts at load, their lists at first use: the same
/// meeting either way, the facts true to the lists, and the lists read from the file when the index's are damaged.
@Suite struct LazySummaryTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    func warmLoad(_ root: String) -> DataSet {
        let store = DataStore(folder: DataFolder(root))
        _ = store.loadIndexed(now: now)
        return store.loadIndexed(now: now).0
    }

    @Test func test_summaries_readTheirListsAtFirstUse_andEqualTheEagerSummary() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let data = warmLoad(root)
            let full = DataStore(folder: DataFolder(root)).load()
            let summaries = data.meetings.filter(\.isSummary)
            #expect(summaries.count > 10)
            #expect(summaries.allSatisfy { !$0.listsRead && $0.knownFacts != nil })
            for summary in summaries {
                let eager = MeetingSummary.of(try #require(full.meeting(summary.id)))
                // The facts, known without reading the lists, are those of the lists.
                #expect(summary.knownFacts == SummaryFacts(of: eager.lists))
                #expect(!summary.listsRead)
                #expect(summary == eager)
                #expect(summary.listsRead && summary.actions == eager.actions && summary.agenda == eager.agenda)
            }
        }
    }

    /// New action and issue ids are numbered after the highest of the whole history, taken from the summaries'
    /// facts: the same numbers as from every meeting's lists, without reading them.
    @Test func test_newIDs_numberedFromTheFacts_withoutReadingTheLists() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let data = warmLoad(root)
            let full = DataStore(folder: DataFolder(root)).load()
            let ids = full.meetings.flatMap { $0.actions.map(\.id) + $0.issues.map(\.id) }
            let prefixes = Set(
                ids.compactMap { id in
                    id.utf8.lastIndex(of: UInt8(ascii: "-")).map { String(Substring(id.utf8[...$0])) }
                })
            #expect(prefixes.contains("A-2025-") && prefixes.contains("A-2026-"))
            for prefix in prefixes.union(["A-1999-", "R-2026-"]) {
                #expect(
                    QuickEntry.highest(after: prefix, in: data.meetings)
                        == QuickEntry.highest(after: prefix, in: full.meetings), "\(prefix)")
            }
            let numbers = IDNumbers()
            #expect(
                numbers.nextActionID(year: 2025, in: data.meetings)
                    == IDNumbers().nextActionID(year: 2025, in: full.meetings))
            #expect(
                numbers.nextIssueID(year: 2026, in: data.meetings)
                    == IDNumbers().nextIssueID(year: 2026, in: full.meetings))
            #expect(data.meetings.filter(\.isSummary).allSatisfy { !$0.listsRead })
            // A prefix not ending in `-` is not in the facts: the lists are read for it, with the same answer.
            #expect(
                QuickEntry.highest(after: "A-2026", in: data.meetings)
                    == QuickEntry.highest(after: "A-2026", in: full.meetings))
        }
    }

    /// The highest numbers by prefix, as the index gives them (in prefix order) or in any order with a prefix
    /// twice: the same answer, the highest number kept.
    @Test func test_highestNumbers_fromPairsInAnyOrder() {
        let inOrder = HighestNumbers(pairs: [.init(prefix: "A-2026-", number: 41), .init(prefix: "I-2026-", number: 3)])
        let shuffled = HighestNumbers(pairs: [
            .init(prefix: "I-2026-", number: 3), .init(prefix: "A-2026-", number: 7),
            .init(prefix: "A-2026-", number: 41),
        ])
        #expect(inOrder == shuffled && inOrder == HighestNumbers(["A-2026-": 41, "I-2026-": 3]))
        #expect(shuffled["A-2026-"] == 41 && shuffled["I-2026-"] == 3 && shuffled["A-2025-"] == nil)
        #expect(HighestNumbers().pairs.isEmpty)
    }

    @Test func test_aChangedSummary_forgetsItsFacts() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let data = warmLoad(root)
            var summary = try #require(data.meetings.first { $0.isSummary && $0.knownFacts!.openActions == 0 })
            let shared = summary
            summary.actions.append(
                Action(id: "A-2025-999", description: "Added", due: CalendarDate(year: 2025, month: 1, day: 1)))
            #expect(summary.knownFacts == nil)
            #expect(
                summary.facts.openActions == 1
                    && summary.facts.earliestOpenDue == CalendarDate(year: 2025, month: 1, day: 1))
            #expect(shared.knownFacts?.openActions == 0 && shared.actions.count == summary.actions.count - 1)
            // The overdue list finds the new action although the summary's stored facts said none was open.
            #expect(
                ActionRules.overdue(in: [summary], today: CalendarDate(year: 2026, month: 1, day: 1)).map(\.action.id)
                    == ["A-2025-999"])

            // The same when nothing else holds the summary (changed in place, not copied).
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + MeetingIndex.fileName)))
            var index = try MeetingIndex.decode(bytes)
            let key = try #require(index.entries.first { $0.value.summary.id == shared.id }?.key)
            guard var only = index.entries.removeValue(forKey: key)?.summary else {
                Issue.record("no entry \(key)")
                return
            }
            index = MeetingIndex()
            #expect(only.knownFacts?.openActions == 0)
            only.actions.append(
                Action(id: "A-2025-999", description: "Added", due: CalendarDate(year: 2025, month: 1, day: 1)))
            #expect(only.knownFacts == nil && only.facts.openActions == 1)
        }
    }

    @Test func test_listsReadFromManyThreadsAtOnce_areReadOnce_andAlike() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            let data = warmLoad(root)
            let full = DataStore(folder: DataFolder(root)).load()
            let summaries = data.meetings.filter(\.isSummary)
            let expected = try summaries.map { MeetingSummary.of(try #require(full.meeting($0.id))).lists }
            let seen = Parallel.map(64, minimumPerCore: 1) { k in
                var alike = true
                for (n, summary) in summaries.enumerated() where (n + k) % 3 != 0 {
                    alike = alike && summary.lists == expected[n]
                }
                return alike
            }
            #expect(seen.count == 64 && seen.allSatisfy { $0 })
        }
    }

    @Test func test_damagedLists_areReadFromTheFile() throws {
        try withTemporaryFolder { tmp in
            let root = try copyOfSampleData(into: tmp)
            _ = warmLoad(root)
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + MeetingIndex.fileName)))
            // The first entry's lists: its agenda's count set to a negative number, which no list can have.
            let (reader, starts) = try MeetingIndex.entryStarts(bytes)
            var r = reader
            r.offset = starts[0]
            let path = try r.string()
            _ = try (r.int(), r.double(), r.bits())
            let (head, _) = try MeetingIndex.readHead(&r)
            _ = try MeetingIndex.readWarnings(&r, meetingID: head.id)
            _ = try r.bits32()
            bytes[r.offset] = 0x7F
            let fromFile = DataStore(folder: DataFolder(root)).load().meeting(head.id).map(MeetingSummary.of)
            let asked = Counter()
            let index = try MeetingIndex.decode(bytes) {
                _ = asked.increment(); return $0 == path ? fromFile : nil
            }
            let summary = try #require(index.entries[path]?.summary)
            #expect(asked.value == 0)
            #expect(summary == fromFile && asked.value == 1)
            #expect(!summary.agenda.isEmpty)
        }
    }
}
