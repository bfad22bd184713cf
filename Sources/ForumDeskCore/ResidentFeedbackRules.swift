import Foundation

/// When a resident who asked to be told is owed their "you said, we did" message, and what it says.
public enum ResidentFeedbackRules {
    /// One message owed: the resident's record, the issue and what was done.
    public struct Owed: Sendable, Equatable {
        public var contact: ResidentContact
        public var issue: ResidentIssue
        public var meeting: RaisingMeeting
        /// "We did": the issue's answer, or its action's "you said, we did" (or latest update) once the action is done.
        public var weDid: String
        /// The meeting's notice title in the language the resident chose, when the notice had one.
        public var noticeTitle: String?
    }

    /// What was done about `issue`, if it is settled: answered (its answer), or its action done (the action's feedback
    /// to residents, else its latest update, else its description). Nil while it is still open.
    public static func outcome(of issue: ResidentIssue, actions: [String: Action]) -> String? {
        switch issue.status {
        case .answered:
            return issue.answer.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        case .action:
            guard let id = issue.action, let action = actions[id], action.status == .done else { return nil }
            return action.feedback ?? action.updates.last?.text ?? "\(action.description): done."
        default:
            return issue.answer.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                .flatMap { issue.status == .open ? nil : $0 }
        }
    }

    /// Every contact with an e-mail address, not yet told, whose issue is settled.
    public static func owed(_ contacts: [ResidentContact], meetings: [Meeting]) -> [Owed] {
        var actions: [String: Action] = [:]
        for m in meetings { for a in m.actions { actions[a.id] = a } }
        var issues: [String: (ResidentIssue, Meeting)] = [:]
        for m in meetings { for i in m.issues { issues[i.id] = (i, m) } }
        return contacts.compactMap { contact in
            guard contact.told.isEmpty, contact.email != nil, let (issue, meeting) = issues[contact.issue],
                let weDid = outcome(of: issue, actions: actions)
            else { return nil }
            return Owed(
                contact: contact, issue: issue,
                meeting: RaisingMeeting(
                    id: meeting.id, start: meeting.start, area: meeting.area,
                    title: meeting.title), weDid: weDid,
                noticeTitle: contact.language.flatMap { meeting.noticeTitles[$0] })
        }
    }

    /// Whether the record of `contact` may go under retention: its issue closed (settled, or no longer in the data) and
    /// its meeting ended before `before`.
    public static func purgeable(_ contact: ResidentContact, meetings: [Meeting], before: CalendarDate) -> Bool {
        guard let meeting = meetings.first(where: { $0.id == contact.meeting }) else { return true }
        guard Retention.endedBefore(meeting, before) else { return false }
        guard let issue = meeting.issues.first(where: { $0.id == contact.issue }) else { return true }
        var actions: [String: Action] = [:]
        for m in meetings { for a in m.actions { actions[a.id] = a } }
        return outcome(of: issue, actions: actions) != nil || issue.status == .topic
    }
}
