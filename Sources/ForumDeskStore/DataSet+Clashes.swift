import Foundation
import ForumDeskCore

extension DataSet {
    /// The meetings a clash check looks at: those that may still be booked at `now` (they end after it). Found by a
    /// binary search on start (no meeting is assumed to last more than a week), so the cost is the meetings to come,
    /// not the history.
    public func meetingsToCome(now: Date) -> ArraySlice<Meeting> {
        let from = firstIndex { $0.start >= now.addingTimeInterval(-7 * 86_400) }
        return meetings[from...]
    }

    /// Every clash of the meetings to come (`ClashRules.clashes`), by meeting id; none for a partial load, which
    /// does not see every meeting.
    public func clashes(now: Date) -> [String: [Clash]] {
        guard !isPartial else { return [:] }
        return ClashRules.clashes(
            in: Array(meetingsToCome(now: now)), directory: directory, calendar: settings.planning, from: now)
    }

    /// `clashes` as dashboard warnings, by meeting id.
    public func clashWarnings(now: Date) -> [String: [Warning]] {
        var result: [String: [Warning]] = [:]
        for (id, list) in clashes(now: now) {
            guard let meeting = meeting(id) else { continue }
            result[id] = ClashRules.warnings(list, meeting: meeting)
        }
        return result
    }

    /// The clashes a meeting would have if saved as it is (a form, a postponement, an import): among the meetings
    /// to come, its own earlier version left out.
    public func clashes(of meeting: Meeting, now: Date) -> [Clash] {
        ClashRules.clashes(
            of: meeting, among: Array(meetingsToCome(now: min(now, meeting.start))), directory: directory,
            calendar: settings.planning)
    }
}
