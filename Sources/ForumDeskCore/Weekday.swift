/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    /// The day a date falls on (1970-01-01 was a Thursday).
    public init(_ date: CalendarDate) {
        self = Weekday(rawValue: ((date.daysSinceEpoch + 3) % 7 + 7) % 7 + 1)!
    }

    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }

    /// `monday`, `mon`, `Monday`: the names a programme rule or a command line may use.
    public init?(name: String) {
        let lower = name.lowercased()
        guard lower.count >= 3, let day = Weekday.allCases.first(where: { $0.name.lowercased().hasPrefix(lower) })
        else { return nil }
        self = day
    }

    /// The first date on or after `date` that falls on this weekday.
    public func onOrAfter(_ date: CalendarDate) -> CalendarDate {
        date.adding(days: (rawValue - Weekday(date).rawValue + 7) % 7)
    }

    /// The last date on or before `date` that falls on this weekday.
    public func onOrBefore(_ date: CalendarDate) -> CalendarDate {
        date.adding(days: -((Weekday(date).rawValue - rawValue + 7) % 7))
    }
}
