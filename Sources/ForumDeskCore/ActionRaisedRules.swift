import Foundation

/// Who is told of an action given to them (the "action raised" e-mail `forumdesk remind` writes before its
/// reminders): every open action raised at a meeting that has started, at most `withinDays` ago, whose recipient
/// (`ReminderRules.recipient`: its owner, or the owning organisation's first contact with a usable address) has
/// never been written to about it. An action given to a new owner is new to them. Pure: the caller writes the
/// e-mails and records them (`ActionReminder.raised`).
public enum ActionRaisedRules {
    /// One e-mail: the person, at a usable address, and the actions newly theirs.
    public struct Notice: Sendable, Equatable {
        public var person: Person
        public var email: String
        /// Organisations on whose behalf some of the actions come to them.
        public var organisations: [String]
        public var items: [RaisedAction]
    }

    /// The notices owed at `now`, leaving out actions in `excluding` (those this run's reminders already carry), and
    /// the actions whose owner cannot be e-mailed (with why).
    public static func plan(
        meetings: [Meeting], directory: Directory, now: Date, withinDays: Int = 28,
        excluding: Set<String> = []
    ) -> (notices: [Notice], unreachable: [ReminderRules.Unreachable]) {
        let since = now.addingTimeInterval(-Double(withinDays) * 86_400)
        var notices: [Notice] = []
        var unreachable: [ReminderRules.Unreachable] = []
        for meeting in meetings.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) })
        where meeting.start <= now && meeting.start >= since {
            for action in meeting.actions where action.status.isOpen && !excluding.contains(action.id) {
                let raised = RaisedAction(meeting: meeting, action: action)
                let item = ReminderRules.Item(raised: raised, overdue: false)
                switch ReminderRules.recipient(of: action, in: directory) {
                case .failure(let failure):
                    // Written to before (by hand, or an address since removed): not new.
                    guard action.reminders.isEmpty else { continue }
                    let owner = directory.ownerName(person: action.owner, organisation: action.organisation)
                    if let i = unreachable.firstIndex(where: { $0.owner == owner && $0.reason == failure.reason }) {
                        unreachable[i].items.append(item)
                    } else {
                        unreachable.append(
                            ReminderRules.Unreachable(
                                owner: owner.isEmpty ? "(no owner)" : owner, reason: failure.reason, items: [item]))
                    }
                case .success(let person):
                    guard !action.reminders.contains(where: { $0.to == person.id }) else { continue }
                    let onBehalf = action.owner == nil ? action.organisation : nil
                    if let i = notices.firstIndex(where: { $0.person.id == person.id }) {
                        notices[i].items.append(raised)
                        if let onBehalf, !notices[i].organisations.contains(onBehalf) {
                            notices[i].organisations.append(onBehalf)
                        }
                    } else {
                        notices.append(
                            Notice(
                                person: person, email: person.email ?? "", organisations: onBehalf.map { [$0] } ?? [],
                                items: [raised]))
                    }
                }
            }
        }
        return (notices.sorted { $0.person.name < $1.person.name }, unreachable)
    }

    /// The meetings with each notice recorded on its actions (`"kind": "raised"`), for the caller to save.
    public static func recorded(_ notices: [Notice], at: Date, in meetings: [Meeting]) -> [Meeting] {
        var byMeeting: [String: [(action: String, to: String)]] = [:]
        for notice in notices {
            for item in notice.items {
                byMeeting[item.meeting.id, default: []].append((item.action.id, notice.person.id))
            }
        }
        return meetings.compactMap { meeting in
            guard let told = byMeeting[meeting.id] else { return nil }
            var m = meeting
            for (action, to) in told {
                guard let k = m.actions.firstIndex(where: { $0.id == action }) else { continue }
                var reminder = ActionReminder(at: at, to: to)
                reminder.raised = true
                m.actions[k].reminders.append(reminder)
            }
            return m
        }
    }
}
