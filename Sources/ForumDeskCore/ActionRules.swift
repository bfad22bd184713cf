import Foundation

/// What an action list shows of the meeting that raised an action. Lists of actions span the whole history,
/// so they hold this, not a copy of each meeting; the meeting itself is looked up by id when it is needed.
public struct RaisingMeeting: Sendable, Equatable {
    public var id: String
    public var start: Date
    public var area: String
    public var title: String
}

/// An action together with the meeting that raised it.
public struct RaisedAction: Sendable, Equatable {
    public var meeting: RaisingMeeting
    public var action: Action
    public init(meeting: Meeting, action: Action) {
        self.meeting = RaisingMeeting(id: meeting.id, start: meeting.start, area: meeting.area, title: meeting.title)
        self.action = action
    }
}

/// Where an action is in a list of meetings: its meeting's position, and its own among that meeting's actions.
public struct ActionPosition: Sendable, Equatable {
    public var meeting: Int
    public var action: Int
    public init(meeting: Int, action: Int) {
        self.meeting = meeting
        self.action = action
    }
}

extension Array where Element == Meeting {
    public subscript(position: ActionPosition) -> Action { self[position.meeting].actions[position.action] }
}

public enum ActionRules {
    /// Due date passed and still open (not done, not dropped). Due today is not yet overdue.
    public static func isOverdue(_ action: Action, today: CalendarDate) -> Bool {
        guard action.status.isOpen, let due = action.due else { return false }
        return due < today
    }

    public static func allActions(in meetings: [Meeting]) -> [RaisedAction] {
        raised(in: meetings) { _ in true }
    }

    /// Only the overdue ones are made into `RaisedAction`s, so a long history costs a scan. The scan reads
    /// status and due date in place: handing each action to `isOverdue` would copy all of them.
    public static func overdue(in meetings: [Meeting], today: CalendarDate) -> [RaisedAction] {
        var result: [RaisedAction] = []
        for i in meetingOrder(meetings, among: { _ in true }) {
            // A summary whose earliest open due date is not past has nothing overdue: its actions stay unread.
            if let facts = meetings[i].knownFacts, !(facts.earliestOpenDue.map { $0 < today } ?? false) { continue }
            let actions = meetings[i].actions
            for k in actions.indices where actions[k].status.isOpen {
                if let due = actions[k].due, due < today {
                    result.append(RaisedAction(meeting: meetings[i], action: actions[k]))
                }
            }
        }
        return result
    }

    /// The positions of the meetings `chosen`, by start then id. The data is kept in that order, so the sort
    /// is usually skipped.
    static func meetingOrder(_ meetings: [Meeting], among chosen: (Meeting) -> Bool) -> [Int] {
        let order = meetings.indices.filter { chosen(meetings[$0]) }
        func before(_ a: Int, _ b: Int) -> Bool {
            (meetings[a].start, meetings[a].id) < (meetings[b].start, meetings[b].id)
        }
        let inOrder = zip(order, order.dropFirst()).allSatisfy { !before($0.1, $0.0) }
        return inOrder ? order : order.sorted(by: before)
    }

    /// The actions that pass `keep`, of the meetings `chosen`, in meeting order. The meetings are chosen and
    /// ordered by index: filtering or sorting the meetings themselves would copy every one of them.
    static func raised(
        in meetings: [Meeting], among chosen: (Meeting) -> Bool = { _ in true },
        where keep: (Action) -> Bool
    ) -> [RaisedAction] {
        positions(in: meetings, among: chosen, where: keep).map {
            RaisedAction(meeting: meetings[$0.meeting], action: meetings[$0])
        }
    }

    /// Where those actions are, as positions: two numbers an action, for lists over a long history.
    public static func positions(
        in meetings: [Meeting], among chosen: (Meeting) -> Bool = { _ in true },
        where keep: (Action) -> Bool
    ) -> [ActionPosition] {
        var result: [ActionPosition] = []
        for i in meetingOrder(meetings, among: chosen) {
            let actions = meetings[i].actions
            for k in actions.indices where keep(actions[k]) { result.append(ActionPosition(meeting: i, action: k)) }
        }
        return result
    }

    /// Actions raised at earlier meetings of the same area that are still open, or were reported on at this
    /// meeting (marked done or carried forward there): the "matters arising" of this meeting. What was closed
    /// at the meeting stays in its list, so its minutes say so ("we did" is minuted).
    public static func mattersArising(for meeting: Meeting, in meetings: [Meeting]) -> [RaisedAction] {
        raised(in: meetings, among: { $0.area == meeting.area && $0.start < meeting.start && $0.id != meeting.id }) {
            $0.status.isOpen || reportedAt(meeting, $0) != nil
        }
    }

    /// The last update of an action made at this meeting, if any.
    public static func reportedAt(_ meeting: Meeting, _ action: Action) -> ActionUpdate? {
        action.updates.last { $0.meeting == meeting.id }
    }
}
