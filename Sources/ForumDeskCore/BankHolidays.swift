/// A public holiday on which councils do not hold resident meetings.
public struct BankHoliday: Sendable, Equatable, CustomStringConvertible {
    public var date: CalendarDate
    public var name: String

    public init(date: CalendarDate, name: String) {
        self.date = date
        self.name = name
    }

    public var description: String { "\(date) \(name)" }
}

/// The bank holidays of England and Wales, computed rather than typed in: the Banking and Financial Dealings Act
/// 1971 and the royal proclamations that keep New Year's Day and the early May holiday. A holiday that falls on a
/// Saturday or Sunday is given a substitute day, the next weekday not already a holiday (Christmas Day on a Saturday
/// moves to Monday 27th, Boxing Day on the Sunday to Tuesday 28th). The one-off changes proclaimed since 2020 are
/// listed in `proclaimed`; a future one-off day is the council's to add as a closed day (`forumdesk.json`).
public enum BankHolidays {
    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm: Meeus, Jones, Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The first `weekday` of a month (`nth` 1…5), or the last one (`nth` -1).
    public static func nthWeekday(_ nth: Int, _ weekday: Weekday, month: Int, year: Int) -> CalendarDate? {
        if nth < 0 {
            let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            let found = weekday.onOrBefore(last).adding(days: 7 * (nth + 1))
            return found.month == month ? found : nil
        }
        let found = weekday.onOrAfter(CalendarDate(year: year, month: month, day: 1)).adding(days: 7 * (nth - 1))
        return found.month == month ? found : nil
    }

    /// One-off changes by royal proclamation: a holiday moved (`moved`: the usual date it replaces) or added.
    static let proclaimed: [(date: CalendarDate, name: String, moved: CalendarDate?)] = [
        (
            CalendarDate(year: 2020, month: 5, day: 8), "Early May bank holiday (VE day)",
            CalendarDate(year: 2020, month: 5, day: 4)
        ),
        (
            CalendarDate(year: 2022, month: 6, day: 2), "Spring bank holiday",
            CalendarDate(year: 2022, month: 5, day: 30)
        ),
        (CalendarDate(year: 2022, month: 6, day: 3), "Platinum Jubilee bank holiday", nil),
        (CalendarDate(year: 2022, month: 9, day: 19), "Bank holiday for the State Funeral of Queen Elizabeth II", nil),
        (CalendarDate(year: 2023, month: 5, day: 8), "Bank holiday for the coronation of King Charles III", nil),
    ]

    /// The year's bank holidays in England and Wales, in date order.
    public static func englandAndWales(_ year: Int) -> [BankHoliday] {
        var days: [BankHoliday] = []
        func weekend(_ d: CalendarDate) -> Bool { Weekday(d) >= .saturday }
        // Fixed days move to the next weekday that is neither weekend nor taken.
        func substitute(_ d: CalendarDate, _ name: String) {
            var day = d
            while weekend(day) || days.contains(where: { $0.date == day }) { day = day.adding(days: 1) }
            days.append(BankHoliday(date: day, name: day == d ? name : "\(name) (substitute day)"))
        }
        substitute(CalendarDate(year: year, month: 1, day: 1), "New Year's Day")
        let easter = easterSunday(year)
        days.append(BankHoliday(date: easter.adding(days: -2), name: "Good Friday"))
        days.append(BankHoliday(date: easter.adding(days: 1), name: "Easter Monday"))
        if let d = nthWeekday(1, .monday, month: 5, year: year) {
            days.append(BankHoliday(date: d, name: "Early May bank holiday"))
        }
        if let d = nthWeekday(-1, .monday, month: 5, year: year) {
            days.append(BankHoliday(date: d, name: "Spring bank holiday"))
        }
        if let d = nthWeekday(-1, .monday, month: 8, year: year) {
            days.append(BankHoliday(date: d, name: "Summer bank holiday"))
        }
        // Christmas first: on a Saturday it takes Monday 27th and Boxing Day (Sunday) the Tuesday.
        let christmas = CalendarDate(year: year, month: 12, day: 25)
        if Weekday(christmas) == .sunday {
            // Boxing Day keeps Monday 26th; Christmas's substitute is Tuesday 27th.
            days.append(BankHoliday(date: christmas.adding(days: 1), name: "Boxing Day"))
            substitute(christmas, "Christmas Day")
        } else {
            substitute(christmas, "Christmas Day")
            substitute(christmas.adding(days: 1), "Boxing Day")
        }
        for change in proclaimed where change.date.year == year {
            if let moved = change.moved { days.removeAll { $0.date == moved } }
            days.append(BankHoliday(date: change.date, name: change.name))
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The bank holiday on this day, if it is one.
    public static func on(_ date: CalendarDate) -> BankHoliday? {
        englandAndWales(date.year).first { $0.date == date }
    }
}
