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
                index.entries[path] = MeetingIndex.Entry(
                    path: path, size: meeting.title.utf8.count * 7 + n,
                    modified: meeting.start.timeIntervalSince1970 + 0.25,
                    hash: UInt64(truncatingIfNeeded: meeting.title.hashValue), summary: MeetingSummary.of(meeting),
                    warnings: Self.warnings(meeting, n))
            }
            index.directory =
                meetings.count % 2 == 0 ? nil : UInt64(truncatingIfNeeded: meetings.first?.title.hashValue ?? 0)
            guard index.entries.values.allSatisfy({ MeetingID($0.summary.id) != nil }) else {
                // An id the identifier rule refuses is damage to the index, never a meeting.
                #expect(throws: IndexCorrupt.self) { try MeetingIndex.decode(index.encoded()) }
                return
            }
            let decoded = try? MeetingIndex.decode(index.encoded())
            #expect(decoded?.entries.count == index.entries.count)
            for (path, entry) in index.entries {
                let back = decoded?.entries[path]
                #expect(
                    back?.path == path && back?.size == entry.size && back?.modified == entry.modified
                        && back?.hash == entry.hash)
                #expect(back?.summary == entry.summary)
                #expect(back?.warnings == entry.warnings)
            }
            #expect(decoded?.directory == index.directory)
        }
    }

    /// Not judged, judged with none, or some: each kind in turn, with the meeting's own text in the message.
    static func warnings(_ meeting: Meeting, _ n: Int) -> [Warning]? {
        switch n % 3 {
        case 0: nil
        case 1: []
        default:
            Warning.Kind.allCases.prefix(n % 4 + 1).map {
                Warning(
                    kind: $0, meetingID: meeting.id, actionID: meeting.actions.first?.id, date: meeting.start,
                    message: "\($0.rawValue): \(meeting.title)")
            }
        }
    }
}
