import Foundation
import ForumDeskCore

/// What was read from a file, to notice later that someone else changed it.
public struct FileFingerprint: Sendable, Equatable {
    /// nil: the file did not exist when read.
    public var hash: UInt64?
    /// Set when the file could not be read or understood: it must never be overwritten.
    public var unreadable: Bool = false
}

/// Everything loaded from a data folder, with what is needed to save it back safely.
public struct DataSet: Sendable {
    public var settings: Settings
    public var directory: Directory
    /// Meetings in date order.
    public var meetings: [Meeting]
    /// Partners' topic requests, by title.
    public var topics: [TopicRequest] = []
    /// Files that could not be read, each with its position and reason.
    public var loadErrors: [Diagnostic]
    /// Problems found while filing meetings (duplicate ids, a file named unlike its id).
    public var fileProblems: [Diagnostic]
    /// Only some meetings were read (`DataStore.load(meetingIDs:)`): `meetings` is not the whole history, so
    /// nothing that needs every meeting (warnings, reports, clashes, numbering) may be worked out from it.
    public internal(set) var isPartial = false

    var fingerprints: [String: FileFingerprint]
    /// Where each meeting was read from, by id.
    var meetingPaths: [String: String]
    /// Each meeting's start when it was placed: finds it in `meetings` without a scan.
    var starts: [String: Date] = [:]
    var areasFileExtra: UnknownFields
    var peopleFileExtra: UnknownFields
    var organisationsFileExtra: UnknownFields

    /// By binary search on the date the file was filed under; a meeting placed by other means is still found.
    public func meeting(_ id: String) -> Meeting? {
        guard let index = position(of: id) else { return meetings.first { $0.id == id } }
        return meetings[index]
    }

    /// The index of a meeting in `meetings`, found from its start date in O(log n).
    func position(of id: String) -> Int? {
        guard let start = starts[id] else { return nil }
        let low = firstIndex { ($0.start, $0.id) >= (start, id) }
        return low < meetings.count && meetings[low].id == id ? low : nil
    }

    /// The first index of `meetings` from which on every meeting satisfies `isAtOrAfter` (a condition that, in
    /// date order, turns from false to true once), by binary search; `meetings.count` when none does.
    public func firstIndex(from isAtOrAfter: (Meeting) -> Bool) -> Int {
        var low = 0, high = meetings.count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(meetings[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    public func topic(_ id: String) -> TopicRequest? { topics.first { $0.id == id } }

    /// Replaces the topic with this id, or adds it, keeping the list in title order.
    public mutating func place(_ topic: TopicRequest) {
        topics.removeAll { $0.id == topic.id }
        let index = topics.firstIndex { ($0.title.lowercased(), $0.id) > (topic.title.lowercased(), topic.id) } ?? topics.count
        topics.insert(topic, at: index)
    }

    /// Puts a meeting in its place in date order, replacing the one with its id. A meeting whose date did not
    /// change is replaced where it is; otherwise it moves by a binary search, not a sort of the whole history.
    public mutating func place(_ meeting: Meeting) {
        defer { starts[meeting.id] = meeting.start }
        if let index = position(of: meeting.id) ?? meetings.firstIndex(where: { $0.id == meeting.id }) {
            if meetings[index].start == meeting.start {
                meetings[index] = meeting
                return
            }
            meetings.remove(at: index)
        }
        meetings.insert(meeting, at: firstIndex { ($0.start, $0.id) >= (meeting.start, meeting.id) })
    }

    /// The file a meeting was loaded from, or where a new one will be written.
    public func path(ofMeeting id: String) -> String? { meetingPaths[id] }
}
