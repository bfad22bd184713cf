import Foundation

/// Something the engagement officer should act on, shown on the dashboard.
public struct Warning: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case councillorNotNotified = "not-notified"
        case staleNotice = "stale-notice"
        case cancellationOwed = "cancellation-owed"
        case partnerMissing = "partner-missing"
        case overdueAction = "overdue-action"
        case noAgenda = "no-agenda"
        case outcomeNotRecorded = "outcome-not-recorded"
        case noReply = "no-reply"
        case agendaOverrun = "agenda-overrun"
        /// Notices written to the outbox that the mail program has not accepted yet (`forumdesk send`).
        case notSent = "not-sent"
        /// A venue double-booked, a councillor due at two meetings, a bank holiday, a closed day or a pre-election
        /// period (`ClashRules`; judged across meetings, so added by `DataSet.warningsByMeeting`).
        case clash = "clash"
    }
    public var kind: Kind
    public var meetingID: String
    public var actionID: String?
    /// When it matters: the meeting's start, or the action's due date.
    public var date: Date
    public var message: String

    public init(kind: Kind, meetingID: String, actionID: String? = nil, date: Date, message: String) {
        self.kind = kind
        self.meetingID = meetingID
        self.actionID = actionID
        self.date = date
        self.message = message
    }
}

public enum Warnings {
    /// The dashboard's warnings: upcoming meetings first by date, then overdue actions oldest first.
    /// `overdue`: `ActionRules.overdue` of the same meetings, when the caller has it already.
    public static func all(
        directory: Directory, meetings: [Meeting], now: Date, overdue: [RaisedAction]? = nil
    ) -> [Warning] {
        let order = ActionRules.meetingOrder(meetings, among: { _ in true })
        let upcoming = Parallel.map(order.count) { warnings(for: meetings[order[$0]], directory: directory, now: now) }
            .flatMap { $0 }
        let today = LondonTime.date(now)
        let overdue = (overdue ?? ActionRules.overdue(in: meetings, today: today)).map {
            overdueWarning($0, directory: directory, today: today)
        }
        return upcoming + overdue.sorted { $0.date < $1.date }
    }

    public static func overdueWarning(_ raised: RaisedAction, directory: Directory, today: CalendarDate) -> Warning {
        let action = raised.action
        let due = action.due ?? today
        let owner =
            action.owner == nil && action.organisation == nil
            ? "no owner"
            : directory.ownerName(person: action.owner, organisation: action.organisation)
        return Warning(
            kind: .overdueAction, meetingID: raised.meeting.id, actionID: action.id,
            date: LondonTime.instant(date: due, hour: 0, minute: 0),
            message: "\(action.id) overdue since \(due) (\(owner)): \(action.description)")
    }

    /// One meeting's warnings including its overdue actions, as `all` would give them for it.
    public static func allWarnings(for meeting: Meeting, directory: Directory, now: Date) -> [Warning] {
        let today = LondonTime.date(now)
        let overdue = meeting.actions.filter { ActionRules.isOverdue($0, today: today) }
            .map { overdueWarning(RaisedAction(meeting: meeting, action: $0), directory: directory, today: today) }
        return warnings(for: meeting, directory: directory, now: now) + overdue.sorted { $0.date < $1.date }
    }

    /// Whether `warnings(for:)` of this meeting no longer depends on the time: it has started and is held or
    /// cancelled, so all that is judged is its coverage gap, from the meeting and the directory alone. The start-up
    /// index stores such warnings (`DataStore.loadIndexed`); keep this in step with the branches below.
    public static func isSettled(_ meeting: Meeting, now: Date) -> Bool {
        meeting.start <= now && (meeting.status == .held || meeting.status == .cancelled)
    }

    public static func warnings(for meeting: Meeting, directory: Directory, now: Date) -> [Warning] {
        var result: [Warning] = []
        func add(_ kind: Warning.Kind, _ message: String) {
            result.append(
                Warning(kind: kind, meetingID: meeting.id, actionID: nil, date: meeting.start, message: message))
        }
        let upcoming = meeting.start > now
        if upcoming {
            let statuses = NotificationRules.statuses(for: meeting, in: directory)
            func names(_ state: NotificationState) -> String? {
                let who = statuses.filter { $0.state == state }.map(\.councillor.name)
                guard !who.isEmpty else { return nil }
                if who.count > 3 { return "\(who.count) of \(statuses.count) councillors" }
                return who.joined(separator: ", ")
            }
            if let who = names(.notNotified) { add(.councillorNotNotified, "not notified: \(who)") }
            if let who = names(.stale) { add(.staleNotice, "stale notice (date, time or venue changed since): \(who)") }
            if let who = names(.cancellationOwed) { add(.cancellationOwed, "cancellation notice owed: \(who)") }
            let waiting = meeting.notifications.filter(NoticeOutbox.isWaiting)
            if !waiting.isEmpty {
                let counts = NoticeDelivery.allCases.compactMap { state -> String? in
                    let n = waiting.filter { $0.delivery == state }.count
                    return n == 0 ? nil : "\(n) \(state.label)"
                }
                // The outbox is not shared: say whose machine holds the e-mails, which only that machine sends.
                let machines = Set(waiting.compactMap(\.queuedOn)).sorted()
                let whereQueued = machines.isEmpty ? "" : ", queued on \(machines.joined(separator: ", "))"
                add(
                    .notSent,
                    "e-mail not sent yet (\(counts.joined(separator: ", "))\(whereQueued)): S on the Councillors tab or `forumdesk send`"
                )
            }
            // A week before, silence is worth a phone call.
            if meeting.status != .cancelled, meeting.start.timeIntervalSince(now) <= 7 * 86_400,
                let who = names(.notified)
            {
                add(.noReply, "no reply yet (meeting within 7 days): \(who)")
            }
            if meeting.status != .cancelled, meeting.agenda.isEmpty { add(.noAgenda, "no agenda items yet") }
            if meeting.status != .cancelled, AgendaRules.overrun(meeting) > 0 {
                add(
                    .agendaOverrun,
                    "agenda runs \(meeting.agendaMinutes) minutes; the meeting is \(meeting.lengthMinutes) "
                        + "(\(AgendaRules.overrun(meeting)) over)")
            }
        } else if meeting.status == .planned || meeting.status == .confirmed {
            add(
                .outcomeNotRecorded,
                "took place but is still marked \(meeting.status.rawValue): record it as held or cancelled")
        }
        let gaps = CoverageRules.gaps(for: meeting, in: directory)
        if !gaps.isEmpty {
            let roles = gaps.map(\.label).joined(separator: ", ")
            add(.partnerMissing, meeting.status == .held ? "not represented: \(roles)" : "not invited: \(roles)")
        }
        return result
    }
}
