import Foundation

/// An action together with the meeting that raised it.
public struct RaisedAction: Sendable, Equatable {
    public var meeting: Meeting
    public var action: Action
    public init(meeting: Meeting, action: Action) {
        self.meeting = meeting
        self.action = action
    }
}

public enum ActionRules {
    /// Due date passed and still open (not done, not dropped). Due today is not yet overdue.
    public static func isOverdue(_ action: Action, today: CalendarDate) -> Bool {
        guard action.status.isOpen, let due = action.due else { return false }
        return due < today
    }

    public static func allActions(in meetings: [Meeting]) -> [RaisedAction] {
        meetings.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            .flatMap { meeting in meeting.actions.map { RaisedAction(meeting: meeting, action: $0) } }
    }

    public static func overdue(in meetings: [Meeting], today: CalendarDate) -> [RaisedAction] {
        allActions(in: meetings).filter { isOverdue($0.action, today: today) }
    }

    /// Open actions raised at earlier meetings of the same area: the "matters arising" of this meeting.
    public static func mattersArising(for meeting: Meeting, in meetings: [Meeting]) -> [RaisedAction] {
        allActions(in: meetings.filter { $0.area == meeting.area && $0.start < meeting.start && $0.id != meeting.id })
            .filter { $0.action.status.isOpen }
    }
}
