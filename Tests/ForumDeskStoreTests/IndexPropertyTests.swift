import Foundation
import PropertyBased
import Testing
@testable import ForumDeskCore
@testable import ForumDeskStore

/// The start-up index written and read back gives every entry as it was: path, size, time, hash and summary.
@Suite struct IndexPropertyTests {
    @Test func test_index_encodeThenDecode_isIdentity() async {
        await propertyCheck(count: 150, input: ModelBuilder.meetings.array(of: 0...6)) { meetings in
            var index = MeetingIndex()
            for (n, meeting) in meetings.enumerated() {
                let path = "\(2000 + n)/\(meeting.id).json"
                index.entries[path] = MeetingIndex.Entry(path: path, size: meeting.title.utf8.count * 7 + n, modified: meeting.start.timeIntervalSince1970 + 0.25,
                                                         hash: UInt64(truncatingIfNeeded: meeting.title.hashValue), summary: MeetingSummary.of(meeting))
            }
            guard index.entries.values.allSatisfy({ MeetingID($0.summary.id) != nil }) else {
                // An id the identifier rule refuses is damage to the index, never a meeting.
                #expect(throws: IndexCorrupt.self) { try MeetingIndex.decode(index.encoded()) }
                return
            }
            let decoded = try? MeetingIndex.decode(index.encoded())
            #expect(decoded?.entries.count == index.entries.count)
            for (path, entry) in index.entries {
                let back = decoded?.entries[path]
                #expect(back?.path == path && back?.size == entry.size && back?.modified == entry.modified && back?.hash == entry.hash)
                #expect(back?.summary == entry.summary)
            }
        }
    }
}
