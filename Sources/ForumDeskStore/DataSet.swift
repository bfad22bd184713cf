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
    /// Consultations (`consultations/<id>.json`), by the day they open, then id.
    public var consultations: [Consultation] = []
    /// Each kind's standing agenda items, from `templates/<kind>.json` (`TemplateLoading.swift`).
    public var templates: [MeetingKind: AgendaTemplate] = [:]
    /// The halls meetings are held in, from `venues/<id>.json`, by name (`VenueCodec.swift`).
    public var venues: [VenueRecord] = []
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
    /// The warnings the start-up index stored for the meetings loaded as summaries (`DataStore.loadIndexed`).
    var indexWarnings: IndexWarnings?
    var areasFileExtra: UnknownFields
    var peopleFileExtra: UnknownFields
    var organisationsFileExtra: UnknownFields

    /// A data set holding nothing: the start of a load, a scratch set for one file, the key reference.
    public static func empty(council: String = "") -> DataSet {
        DataSet(
            settings: Settings(council: council), directory: Directory(), meetings: [], loadErrors: [],
            fileProblems: [],
            fingerprints: [:], meetingPaths: [:], areasFileExtra: [:], peopleFileExtra: [:], organisationsFileExtra: [:]
        )
    }

    /// Warnings judged when the index was written, and what they were judged against.
    struct IndexWarnings: Sendable {
        /// They hold only while the data's directory is still this one (a directory edit makes them stale).
        var directory: Directory
        /// By meeting id, only the meetings that have any: a summary not listed has none.
        var byMeeting: [String: [Warning]]
    }

    /// Whether a meeting's own warnings (`Warnings.warnings(for:)`) are taken from `storedWarnings(now:)` rather
    /// than judged: a summary that is settled (`Warnings.isSettled`), whose warnings depend on nothing that moves.
    public static func takesStoredWarnings(_ meeting: Meeting, now: Date) -> Bool {
        meeting.isSummary && Warnings.isSettled(meeting, now: now)
    }

    /// The stored warnings of the meetings `takesStoredWarnings` accepts, by meeting id (a meeting not listed has
    /// none), as `Warnings.warnings(for:)` gives them for this directory; nil when the directory changed since
    /// they were judged, or the data did not come through the index: then every meeting is judged.
    /// Found by position, not a scan: a listed meeting that was removed or read in full since is left out.
    public func storedWarnings(now: Date) -> [String: [Warning]]? {
        guard let stored = indexWarnings, stored.directory == directory else { return nil }
        return stored.byMeeting.filter { id, _ in
            position(of: id).map { Self.takesStoredWarnings(meetings[$0], now: now) } ?? false
        }
    }

    /// `Warnings.all` by meeting id, each meeting's list in its order there (`overdue`: `ActionRules.overdue` of
    /// these meetings). The meetings loaded as settled summaries take their own warnings as the start-up index
    /// stored them when it judged them against this directory (`storedWarnings`), so only upcoming and recent
    /// meetings are judged, not the whole history, nor their lists read; overdue actions depend on the day and
    /// are always worked out.
    public func warningsByMeeting(now: Date, overdue: [RaisedAction]) -> [String: [Warning]] {
        let stored = storedWarnings(now: now)
        var byMeeting = stored ?? [:]
        let meetings = self.meetings, directory = self.directory
        let judge =
            stored == nil
            ? Array(meetings.indices) : meetings.indices.filter { !Self.takesStoredWarnings(meetings[$0], now: now) }
        for list in Parallel.map(
            judge.count, { Warnings.warnings(for: meetings[judge[$0]], directory: directory, now: now) })
        {
            if let first = list.first { byMeeting[first.meetingID, default: []] += list }
        }
        for (id, list) in clashWarnings(now: now) { byMeeting[id, default: []] += list }
        let today = LondonTime.date(now)
        for warning in overdue.map({ Warnings.overdueWarning($0, directory: directory, today: today) }).sorted(by: {
            $0.date < $1.date
        }) {
            byMeeting[warning.meetingID, default: []].append(warning)
        }
        return byMeeting
    }

    /// `Warnings.all` of these meetings, in its order (meetings by start, then overdue actions by due date), from
    /// `warningsByMeeting`: the whole history's problems without judging every meeting kept (`forumdesk dashboard`).
    public func allWarnings(now: Date) -> [Warning] {
        let overdue = ActionRules.overdue(in: meetings, today: LondonTime.date(now))
        let byMeeting = warningsByMeeting(now: now, overdue: overdue)
        let own = meetings.flatMap { (byMeeting[$0.id] ?? []).filter { $0.kind != .overdueAction } }
        return own
            + meetings.flatMap { (byMeeting[$0.id] ?? []).filter { $0.kind == .overdueAction } }.sorted {
                $0.date < $1.date
            }
    }

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

    public func consultation(_ id: String) -> Consultation? { consultations.first { $0.id == id } }

    /// Replaces the consultation with this id, or adds it, keeping the list in order of opening.
    public mutating func place(_ consultation: Consultation) {
        consultations.removeAll { $0.id == consultation.id }
        let index =
            consultations.firstIndex { ($0.opens, $0.id) > (consultation.opens, consultation.id) }
            ?? consultations.count
        consultations.insert(consultation, at: index)
    }

    /// Replaces the topic with this id, or adds it, keeping the list in title order.
    public mutating func place(_ topic: TopicRequest) {
        topics.removeAll { $0.id == topic.id }
        let index =
            topics.firstIndex { ($0.title.lowercased(), $0.id) > (topic.title.lowercased(), topic.id) } ?? topics.count
        topics.insert(topic, at: index)
    }

    /// Puts a meeting in its place in date order, replacing the one with its id. A meeting whose date did not
    /// change is replaced where it is; otherwise it moves by a binary search, not a sort of the whole history.
    public mutating func place(_ meeting: Meeting) {
        defer { starts[meeting.id] = meeting.start }
        // A summary edited in memory (a save that failed) may differ from what its stored warnings judged.
        if meeting.isSummary { indexWarnings = nil }
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
