import Foundation

/// The year's programme: each area's rule turned into dated meetings, with the dates the council is closed skipped
/// or moved, said plainly (`forumdesk programme --preview`).
public enum Programme {
    public struct Occurrence: Sendable, Equatable {
        public enum Fate: Sendable, Equatable {
            case planned
            /// Left out: why (a bank holiday or closed day).
            case skipped(String)
            /// Held a week later than the rule's date, and why.
            case moved(from: CalendarDate, because: String)
        }
        public var rule: ProgrammeRule
        /// The day it is held (for a skipped one, the rule's day).
        public var date: CalendarDate
        public var fate: Fate
        public var start: Date
        public var end: Date

        /// The line a preview prints after the date.
        public var said: String {
            switch fate {
            case .planned: return ""
            case .skipped(let why): return "skipped: \(why)"
            case .moved(let from, let why): return "moved from \(LondonTime.weekday(from)) \(from): \(why)"
            }
        }
    }

    /// The rule's meetings from `from` to `until`: each date the rule gives, skipped or moved a week when the council
    /// is closed that day (`calendar.closure`), at the rule's London time whatever the clocks (19:00 is 19:00 in
    /// GMT and in BST). A moved date that is closed too is skipped.
    public static func occurrences(
        _ rule: ProgrammeRule, from: CalendarDate, until: CalendarDate, calendar: PlanningCalendar
    ) -> [Occurrence] {
        rule.dates(from: from, until: until).map { day in
            func at(_ d: CalendarDate, _ fate: Occurrence.Fate) -> Occurrence {
                let start = LondonTime.instant(date: d, hour: rule.hour, minute: rule.minute)
                return Occurrence(
                    rule: rule, date: d, fate: fate, start: start,
                    end: start.addingTimeInterval(Double(rule.lengthMinutes) * 60))
            }
            guard let closed = calendar.closure(day) else { return at(day, .planned) }
            guard rule.whenClosed == .nextWeek else { return at(day, .skipped(closed)) }
            let later = day.adding(days: 7)
            if let alsoClosed = calendar.closure(later) {
                return at(day, .skipped("\(closed); a week later, \(alsoClosed)"))
            }
            return at(later, .moved(from: day, because: closed))
        }
    }

    /// Every rule's occurrences, in date order.
    public static func occurrences(
        _ rules: [ProgrammeRule], from: CalendarDate, until: CalendarDate, calendar: PlanningCalendar
    ) -> [Occurrence] {
        rules.flatMap { occurrences($0, from: from, until: until, calendar: calendar) }
            .sorted { ($0.start, $0.rule.area) < ($1.start, $1.rule.area) }
    }

    /// The meeting an occurrence makes (planned; its title from the kind and area, its wards the rule's or the
    /// area's), with `id` given by the caller (unique among the data's meetings).
    public static func meeting(_ occurrence: Occurrence, id: String, directory: Directory) -> Meeting {
        let rule = occurrence.rule
        let area = directory.area(rule.area)
        let wards = rule.wards.isEmpty ? (area?.wards.map(\.id) ?? []) : rule.wards
        return Meeting(
            id: id, kind: rule.kind, title: "\(rule.kind.label): \(area?.name ?? rule.area)", area: rule.area,
            wards: wards,
            start: occurrence.start, end: occurrence.end, venue: rule.venue, status: .planned)
    }
}
