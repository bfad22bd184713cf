import Foundation

/// What the dashboard puts in front of the officer: the warnings of the *current* meetings (upcoming, or started
/// within the last `recentDays`) and the actions that fell overdue within that window: what is due this week or
/// late first, then the next four weeks, then later; within each the most urgent kind first and, within a kind,
/// nearest to today first. Problems older than the window are history: they stay in `forumdesk dashboard --all`
/// and the annual report (and overdue actions in the Actions screen), and the dashboard only counts them.
public enum Attention {
    /// The window, in days before now: a meeting that started since then, or an action due since then, is current.
    public static let recentDays = 28

    /// The instant the window opens: `recentDays` days before `now`.
    public static func windowStart(now: Date) -> Date { now.addingTimeInterval(-Double(recentDays) * 86_400) }

    /// Whether a warning is about something current (its date, the meeting's start or the action's due day, is in
    /// the window or to come).
    public static func isCurrent(_ warning: Warning, now: Date) -> Bool { warning.date >= windowStart(now: now) }

    /// The current warnings in the dashboard's order, and how many older ones were left out.
    public static func current(_ warnings: [Warning], now: Date) -> (rows: [Warning], older: Int) {
        var rows: [Warning] = []
        rows.reserveCapacity(min(warnings.count, 1024))
        var older = 0
        for warning in warnings {
            if isCurrent(warning, now: now) { rows.append(warning) } else { older += 1 }
        }
        return (ordered(rows, now: now), older)
    }

    /// How soon a warning must be acted on: 0 this week (its date within the next 7 days) or late already (a date
    /// that has passed: a meeting not recorded, an action overdue, a partner who did not come), 1 within the next
    /// 28 days, 2 later. A notice owed for a meeting in three months can wait for one owed for next Tuesday.
    public static func band(_ warning: Warning, now: Date) -> Int {
        let ahead = warning.date.timeIntervalSince(now)
        if ahead <= 7 * 86_400 { return 0 }
        return ahead <= Double(recentDays) * 86_400 ? 1 : 2
    }

    /// By `band` (this week and late, the next four weeks, later), then the most urgent kind first
    /// (`Warning.Kind.urgency`), then nearest to `now` (the soonest meeting, the latest due day), then by meeting
    /// and action id: a stable order for equal dates.
    public static func ordered(_ warnings: [Warning], now: Date) -> [Warning] {
        warnings.map { (band: band($0, now: now), warning: $0) }.sorted { x, y in
            if x.band != y.band { return x.band < y.band }
            let a = x.warning, b = y.warning
            let ua = a.kind.urgency, ub = b.kind.urgency
            if ua != ub { return ua < ub }
            let da = abs(a.date.timeIntervalSince(now)), db = abs(b.date.timeIntervalSince(now))
            if da != db { return da < db }
            return (a.meetingID, a.actionID ?? "") < (b.meetingID, b.actionID ?? "")
        }.map(\.warning)
    }
}

extension Warning.Kind {
    /// Lower is more urgent. Notices first: a councillor not told of a meeting, or told the wrong date or venue, or
    /// not told it is off, is the officer's legal duty and costs a phone call today; then silence a week before;
    /// then the record (a meeting not marked held or cancelled, overdue actions); then preparation (partners,
    /// agenda).
    public var urgency: Int {
        switch self {
        case .cancellationOwed: 0
        case .councillorNotNotified: 1
        case .staleNotice: 2
        case .notSent: 3  // written but still in the outbox: the councillor has not been told yet
        case .noReply: 4
        case .outcomeNotRecorded: 5
        case .overdueAction: 6
        case .partnerMissing: 7
        case .noAgenda: 8
        case .agendaOverrun: 9
        case .clash: 5  // another hall or date is needed before notices go out
        }
    }
}
