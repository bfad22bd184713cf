import Foundation

/// One area's rule in the year's programme (`programme.json`): when its meetings fall, and what they are.
/// Either every `everyWeeks` weeks from `first` (on `first`'s weekday), or the `nth` `weekday` of every
/// `everyMonths`-th month counted from `first`'s month (`nth` -1: the last).
public struct ProgrammeRule: Sendable, Equatable {
    public enum Recurrence: Sendable, Equatable {
        case weekly(every: Int)
        case monthly(nth: Int, weekday: Weekday, every: Int)
    }

    /// What a date the council is closed (a bank holiday, a closed day) does to a meeting: left out, or held on
    /// the same weekday a week later.
    public enum WhenClosed: String, ModelEnum {
        case skip
        case nextWeek = "next-week"
        public var label: String { self == .skip ? "skipped" : "moved a week later" }
    }

    public var area: String
    public var kind: MeetingKind
    /// Empty: every ward of the area.
    public var wards: [String] = []
    public var recurrence: Recurrence
    /// The first meeting (weekly) or the first month counted from (monthly).
    public var first: CalendarDate
    public var hour: Int
    public var minute: Int
    public var lengthMinutes: Int
    public var venue: Venue
    public var whenClosed: WhenClosed = .skip
    public var extra: UnknownFields = [:]

    public init(
        area: String, kind: MeetingKind, recurrence: Recurrence, first: CalendarDate, hour: Int, minute: Int,
        lengthMinutes: Int, venue: Venue
    ) {
        self.area = area
        self.kind = kind
        self.recurrence = recurrence
        self.first = first
        self.hour = hour
        self.minute = minute
        self.lengthMinutes = lengthMinutes
        self.venue = venue
    }

    /// "every 8 weeks on Thursday", "the 2nd Tuesday of every month", "the last Wednesday of every 2 months"
    public var description: String {
        let time = "\(Digits.pad(hour, 2)):\(Digits.pad(minute, 2))"
        switch recurrence {
        case .weekly(let n):
            return "every \(n == 1 ? "week" : "\(n) weeks") on \(Weekday(first).name) at \(time)"
        case .monthly(let nth, let weekday, let every):
            let ordinal = nth == -1 ? "last" : ["1st", "2nd", "3rd", "4th", "5th"][max(0, min(4, nth - 1))]
            return "the \(ordinal) \(weekday.name) of every \(every == 1 ? "month" : "\(every) months") at \(time)"
        }
    }

    /// The dates the rule gives between `from` and `until` (both included), before closed days are looked at.
    public func dates(from: CalendarDate, until: CalendarDate) -> [CalendarDate] {
        guard from <= until else { return [] }
        var result: [CalendarDate] = []
        switch recurrence {
        case .weekly(let n):
            let step = 7 * max(1, n)
            var k = max(0, (from.daysSinceEpoch - first.daysSinceEpoch + step - 1) / step)
            while true {
                let day = first.adding(days: k * step)
                if day > until { break }
                if day >= from { result.append(day) }
                k += 1
            }
        case .monthly(let nth, let weekday, let every):
            var index = first.year * 12 + first.month - 1
            let step = max(1, every)
            // Jump to the first counted month not before `from`'s month.
            let fromIndex = from.year * 12 + from.month - 1
            if index < fromIndex { index += (fromIndex - index + step - 1) / step * step }
            while true {
                let year = index / 12, month = index % 12 + 1
                if CalendarDate(year: year, month: month, day: 1) > until { break }
                if let day = BankHolidays.nthWeekday(nth, weekday, month: month, year: year), day >= from, day <= until,
                    day >= first
                {
                    result.append(day)
                }
                index += step
            }
        }
        return result
    }
}
