import Foundation
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// Writing the index again copies the entries unchanged since it was read, in its own string tables: their lists
/// are not decoded, and what is read back is the same.
@Suite struct IndexRewriteTests {
    let now = LondonTime.parse("2026-11-23T12:00")!

    @Test func test_rewrite_copiesUnchangedEntries_withoutReadingTheirLists() throws {
        try withTemporaryFolder { tmp in
            let (_, bytes) = try indexedSampleCopy(into: tmp, now: now)
            let expected = try MeetingIndex.decode(bytes)
            var index = try MeetingIndex.decode(bytes)
            let paths = index.entries.keys.sorted()
            #expect(paths.count > 10)
            // One entry changed (a fresh summary, new strings in its head and its lists), one gone, one added.
            var changed = try #require(index.entries[paths[0]])
            var summary = MeetingSummary.of(changed.summary)
            summary.title = "A title no index has held"
            summary.actions.append(Action(id: "A-2025-998", description: "A description no index has held"))
            changed.summary = summary
            changed.raw = nil
            changed.warnings = [
                Warning(
                    kind: .partnerMissing, meetingID: summary.id, actionID: nil, date: summary.start,
                    message: "not represented: a new gap")
            ]
            index.entries[paths[0]] = changed
            index.entries[paths[1]] = nil
            var added = changed
            added.path = "2031/2031-01-01-added.json"
            added.summary.id = "2031-01-01-added"
            index.entries[added.path] = added

            let rewritten = index.encoded()
            #expect(index.entries.values.filter { $0.raw != nil }.allSatisfy { !$0.summary.listsRead })
            let back = try MeetingIndex.decode(rewritten)
            #expect(back.entries.count == paths.count)
            #expect(back.entries[paths[1]] == nil)
            for path in paths.dropFirst(2) {
                #expect(back.entries[path]?.summary == expected.entries[path]?.summary)
                #expect(back.entries[path]?.warnings == expected.entries[path]?.warnings)
                #expect(back.entries[path]?.hash == expected.entries[path]?.hash)
            }
            #expect(
                back.entries[paths[0]]?.summary == changed.summary
                    && back.entries[paths[0]]?.warnings == changed.warnings)
            #expect(back.entries[added.path]?.summary == added.summary)
            // And once more from what was rewritten: the tables carry on.
            #expect(try MeetingIndex.decode(back.encoded()).entries[added.path]?.summary == added.summary)
        }
    }

    @Test func test_rewrite_afterMostEntriesWent_writesEveryEntryAfresh() throws {
        try withTemporaryFolder { tmp in
            let (_, bytes) = try indexedSampleCopy(into: tmp, now: now)
            var index = try MeetingIndex.decode(bytes)
            let paths = index.entries.keys.sorted()
            for path in paths.dropFirst(3) {
                let warnings = index.entries[path]?.warnings
                index.entries[path]?.warnings = warnings  // changed: raw dropped
            }
            let kept = Array(paths.prefix(3))
            let fresh = index.encoded()
            let fromFresh = try MeetingIndex.decode(fresh)
            index.entries = index.entries.filter { kept.contains($0.key) }
            let small = index.encoded()
            #expect(small.count < fresh.count / 4)
            let back = try MeetingIndex.decode(small)
            for path in kept { #expect(back.entries[path]?.summary == fromFresh.entries[path]?.summary) }
        }
    }
}
