import Foundation

/// Who is chased about which open actions (`forumdesk remind`): one digest per person, listing their open actions
/// that are overdue or fall due within the window. Pure: the caller writes the e-mails and records the reminders.
public enum ReminderRules {
    /// One action in a digest, with the meeting that raised it.
    public struct Item: Sendable, Equatable {
        public var raised: RaisedAction
        /// The due date passed (due today is not yet overdue, as `ActionRules.isOverdue`).
        public var overdue: Bool
        public init(raised: RaisedAction, overdue: Bool) {
            self.raised = raised
            self.overdue = overdue
        }
    }

    /// One e-mail: the person it goes to, at a usable address, and their actions, overdue first, each by due date.
    public struct Digest: Sendable, Equatable {
        public var person: Person
        public var email: String
        /// Set when the person is chased as the named contact of an organisation that owns some of the actions.
        public var organisations: [String]
        public var items: [Item]
    }

    /// Actions whose owner cannot be e-mailed, with the reason (no address, an unusable one, a letter or a call
    /// preferred, no named contact): listed for the officer, never passed over in silence.
    public struct Unreachable: Sendable, Equatable {
        /// The owner as the Actions screen names it: the person, or the organisation.
        public var owner: String
        public var reason: String
        public var items: [Item]
    }

    public struct Plan: Sendable, Equatable {
        public var digests: [Digest]
        public var unreachable: [Unreachable]
        /// Actions that would be in a digest but whose recipient was chased about them within the interval, with
        /// when: left out (`--force` puts them back).
        public var recentlyChased: [(item: Item, to: String, at: Date)]

        public static func == (a: Plan, b: Plan) -> Bool {
            a.digests == b.digests && a.unreachable == b.unreachable
                && a.recentlyChased.map(\.item) == b.recentlyChased.map(\.item)
                && a.recentlyChased.map(\.at) == b.recentlyChased.map(\.at)
        }
    }

    /// Who an action's reminder goes to: its owner, or when an organisation owns it as a whole, the first of that
    /// organisation's contacts in the directory with a usable e-mail address. Fails with the reason in words.
    public static func recipient(of action: Action, in directory: Directory) -> Result<Person, ReminderFailure> {
        if let owner = action.owner {
            guard let person = directory.person(owner) else {
                return .failure(ReminderFailure("`\(owner)` is not in the directory"))
            }
            if let reason = unusable(person) { return .failure(ReminderFailure(reason)) }
            return .success(person)
        }
        guard let id = action.organisation else { return .failure(ReminderFailure("the action has no owner")) }
        guard let organisation = directory.organisation(id) else {
            return .failure(ReminderFailure("`\(id)` is not in the directory"))
        }
        let contacts = directory.people.filter { $0.kind == .contact && $0.organisation == id }
        if let contact = contacts.first(where: { unusable($0) == nil }) { return .success(contact) }
        return .failure(
            ReminderFailure(
                contacts.isEmpty
                    ? "\(organisation.name) has no named contact in the directory"
                    : "no contact of \(organisation.name) has a usable e-mail address ("
                        + contacts.map { "\($0.name): \(unusable($0) ?? "")" }.joined(separator: "; ") + ")"))
    }

    /// Why a person cannot be e-mailed, as `notify` says it; nil when they can.
    public static func unusable(_ person: Person) -> String? {
        guard let email = person.email else { return "no e-mail address" }
        if let problem = EmailAddress.problem(email) { return "e-mail address not usable: \(problem)" }
        if let preferred = person.preferredContact, preferred != .email { return "prefers \(preferred.label)" }
        return nil
    }

    /// The digests owed at `now`: every open action with a due date on or before `today + within` days (so the
    /// overdue ones too), grouped by recipient. An action whose recipient has a reminder about it written less than
    /// `intervalDays` days before `now` is left out, unless `force`. Actions without a due date are never chased.
    public static func plan(
        meetings: [Meeting], directory: Directory, now: Date, within: Int, intervalDays: Int,
        force: Bool = false
    ) -> Plan {
        let today = LondonTime.date(now)
        let horizon = today.adding(days: within)
        let since = now.addingTimeInterval(-Double(intervalDays) * 86_400)
        var digests: [Digest] = []
        var unreachable: [Unreachable] = []
        var recent: [(Item, String, Date)] = []
        let due = ActionRules.positions(in: meetings) { a in a.status.isOpen && a.due.map { $0 <= horizon } == true }
        let items = due.map { p in
            Item(
                raised: RaisedAction(meeting: meetings[p.meeting], action: meetings[p]),
                overdue: meetings[p].due! < today)
        }
        .sorted { ($0.raised.action.due!, $0.raised.action.id) < ($1.raised.action.due!, $1.raised.action.id) }
        for item in items {
            let action = item.raised.action
            switch recipient(of: action, in: directory) {
            case .failure(let failure):
                let owner = directory.ownerName(person: action.owner, organisation: action.organisation)
                if let i = unreachable.firstIndex(where: { $0.owner == owner && $0.reason == failure.reason }) {
                    unreachable[i].items.append(item)
                } else {
                    unreachable.append(
                        Unreachable(owner: owner.isEmpty ? "(no owner)" : owner, reason: failure.reason, items: [item]))
                }
            case .success(let person):
                if !force, let last = action.reminders.filter({ $0.to == person.id && !$0.raised }).map(\.at).max(),
                    last > since
                {
                    recent.append((item, person.id, last))
                    continue
                }
                let onBehalf = action.owner == nil ? action.organisation : nil
                if let i = digests.firstIndex(where: { $0.person.id == person.id }) {
                    digests[i].items.append(item)
                    if let onBehalf, !digests[i].organisations.contains(onBehalf) {
                        digests[i].organisations.append(onBehalf)
                    }
                } else {
                    digests.append(
                        Digest(
                            person: person, email: person.email ?? "", organisations: onBehalf.map { [$0] } ?? [],
                            items: [item]))
                }
            }
        }
        // Overdue first, then those coming due; each by due date (the sort above keeps that order within each).
        for i in digests.indices {
            digests[i].items = digests[i].items.filter(\.overdue) + digests[i].items.filter { !$0.overdue }
        }
        return Plan(
            digests: digests.sorted { $0.person.name < $1.person.name }, unreachable: unreachable,
            recentlyChased: recent)
    }

    /// The meetings with the reminders of `digests` recorded on their actions (`at`, to the digest's person), for the
    /// caller to save. Only the meetings that change, in the order given.
    public static func recorded(_ digests: [Digest], at: Date, in meetings: [Meeting]) -> [Meeting] {
        var byMeeting: [String: [(action: String, to: String)]] = [:]
        for digest in digests {
            for item in digest.items {
                byMeeting[item.raised.meeting.id, default: []].append((item.raised.action.id, digest.person.id))
            }
        }
        return meetings.compactMap { meeting in
            guard let chased = byMeeting[meeting.id] else { return nil }
            var m = meeting
            for (action, to) in chased {
                if let k = m.actions.firstIndex(where: { $0.id == action }) {
                    m.actions[k].reminders.append(ActionReminder(at: at, to: to))
                }
            }
            return m
        }
    }
}

/// Why an action's owner cannot be sent a reminder.
public struct ReminderFailure: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
