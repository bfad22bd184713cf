import Foundation

/// What a person typed for a date, with or without a time, read as a council officer writes it:
/// `2026-12-03 19:00`, `3 Dec 7pm`, `3/12/2026 19.30`, `tomorrow`, `+14d`, `+2w`, `tue`, `next thursday 6:30pm`.
/// Day/month order is British (3/12 is 3 December). A date without a year is the next one to come.
public enum DateInput {
    public struct Understood: Sendable, Equatable {
        public var day: CalendarDate
        /// Hours and minutes, when a time was given.
        public var time: (hour: Int, minute: Int)?

        public static func == (a: Understood, b: Understood) -> Bool {
            a.day == b.day && a.time?.hour == b.time?.hour && a.time?.minute == b.time?.minute
        }

        /// "Thu 3 Dec 2026 19:00", to show next to the field.
        public var description: String {
            let d = "\(LondonTime.weekday(day)) \(day.day) \(LondonTime.monthAbbreviation(day.month)) \(day.year)"
            guard let time else { return d }
            return d + " " + Digits.pad(time.hour, 2) + ":" + Digits.pad(time.minute, 2)
        }

        public func instant(defaultHour: Int = 19, defaultMinute: Int = 0) -> Date {
            LondonTime.instant(date: day, hour: time?.hour ?? defaultHour, minute: time?.minute ?? defaultMinute)
        }
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static let hint = "try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public static func parse(_ text: String, today: CalendarDate) throws(Failure) -> Understood {
        var words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard !words.isEmpty else { throw Failure(message: "enter a date: \(hint)") }
        // ISO with a T: split it into date and time words.
        if words.count == 1, let t = words[0].firstIndex(of: "t"), words[0].first?.isNumber == true {
            words = [String(words[0][..<t]), String(words[0][words[0].index(after: t)...])]
        }
        var time: (hour: Int, minute: Int)?
        if words.count > 1 || parseTime(words[0]) != nil && parseDay(words, today: today) == nil {
            // A trailing time, possibly split as "7:30 pm".
            if words.count >= 2, words.last == "pm" || words.last == "am", let t = parseTime(words[words.count - 2] + words.last!) {
                time = t
                words.removeLast(2)
            } else if let t = parseTime(words.last!) {
                time = t
                words.removeLast()
            }
        }
        if words.isEmpty {
            guard let time else { throw Failure(message: "not a date: \(text); \(hint)") }
            return Understood(day: today, time: time)
        }
        guard let day = try parseDayOrThrow(words, today: today, original: text) else {
            throw Failure(message: "not a date: \(text); \(hint)")
        }
        return Understood(day: day, time: time)
    }

    /// Only a day (for due dates): a time is not accepted.
    public static func parseDay(_ text: String, today: CalendarDate) throws(Failure) -> CalendarDate {
        let understood = try parse(text, today: today)
        if understood.time != nil { throw Failure(message: "a due date has no time: \(text)") }
        return understood.day
    }

    static func parseDay(_ words: [String], today: CalendarDate) -> CalendarDate? {
        (try? parseDayOrThrow(words, today: today, original: words.joined(separator: " "))) ?? nil
    }

    static func parseDayOrThrow(_ words: [String], today: CalendarDate, original: String) throws(Failure) -> CalendarDate? {
        let joined = words.joined(separator: " ")
        switch joined {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if words.count == 1, let relative = relativeDays(joined) { return today.adding(days: relative) }
        if words.count == 1, let iso = CalendarDate(iso: joined) { return iso }
        if words.count == 1, joined.count == 10, joined.dropFirst(4).first == "-" {
            throw Failure(message: "\(joined) is not a day of the calendar")
        }
        // Weekday names: the next one after today ("next" is allowed and means the same).
        var w = words
        if w.first == "next" || w.first == "this" { w.removeFirst() }
        if w.count == 1, let index = weekdays.firstIndex(where: { w[0].hasPrefix($0) }) {
            let todayIndex = ((today.daysSinceEpoch % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3)
            var ahead = (index - todayIndex + 7) % 7
            if ahead == 0 { ahead = 7 }
            return today.adding(days: ahead)
        }
        // d/m/y or d/m
        if words.count == 1, words[0].contains("/") {
            let parts = words[0].split(separator: "/").map { Int($0) }
            guard parts.count >= 2, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
            var year = parts.count == 3 ? parts[2]! : today.year
            if year < 100 { year += 2000 }
            return try checkedDay(year: year, month: parts[1]!, day: parts[0]!, yearGiven: parts.count == 3, today: today)
        }
        // "3 dec [2026]" or "dec 3 [2026]"
        var day: Int?, month: Int?, year: Int?
        for word in words {
            let stripped = word.replacingOccurrences(of: "st", with: "").replacingOccurrences(of: "nd", with: "")
                .replacingOccurrences(of: "rd", with: "").replacingOccurrences(of: "th", with: "")
            if let m = months.firstIndex(where: { word.hasPrefix($0) }) { month = m + 1 }
            else if let n = Int(stripped), n >= 1000 { year = n }
            else if let n = Int(stripped) { day = n }
            else if weekdays.contains(where: { word.hasPrefix($0) }) { continue }  // "Thu 3 Dec" names the day anyway
            else { return nil }
        }
        guard let d = day, let m = month else { return nil }
        return try checkedDay(year: year ?? today.year, month: m, day: d, yearGiven: year != nil, today: today)
    }

    static func checkedDay(year: Int, month: Int, day: Int, yearGiven: Bool, today: CalendarDate) throws(Failure) -> CalendarDate {
        guard CalendarDate.supportedYears.contains(year) else {
            throw Failure(message: "\(year) is not a year ForumDesk takes (\(CalendarDate.supportedYears.lowerBound)–\(CalendarDate.supportedYears.upperBound))")
        }
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            throw Failure(message: "\(day) \(months.indices.contains(month - 1) ? months[month - 1].capitalized : "month \(month)") \(year) is not a day of the calendar")
        }
        let date = CalendarDate(year: year, month: month, day: day)
        // Without a year, a date already past this year means next year's.
        if !yearGiven, date < today.adding(days: -31) { return CalendarDate(year: year + 1, month: month, day: day) }
        return date
    }

    /// "+14d", "+2w", "+1m" (30 days), "-3d".
    static func relativeDays(_ word: String) -> Int? {
        guard let sign = word.first, sign == "+" || sign == "-", let unit = word.last else { return nil }
        // Up to a century either way: further is a typing slip, and would overflow the day arithmetic.
        guard let n = Int(word.dropFirst().dropLast()), (0...36_500).contains(n) else { return nil }
        let days: Int
        switch unit {
        case "d": days = n
        case "w": days = n * 7
        case "m": days = n * 30
        default: return nil
        }
        return sign == "-" ? -days : days
    }

    /// "19:00", "19.00", "7pm", "7.30pm", "7:30am", "noon", "midday".
    public static func parseTime(_ word: String) -> (hour: Int, minute: Int)? {
        if word == "noon" || word == "midday" { return (12, 0) }
        var w = word
        var offset: Int?
        if w.hasSuffix("pm") { offset = 12; w.removeLast(2) } else if w.hasSuffix("am") { offset = 0; w.removeLast(2) }
        let parts = w.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard !parts.isEmpty, parts.count <= 2, let h = Int(parts[0]) else { return nil }
        let m = parts.count == 2 ? Int(parts[1]) : 0
        guard let minute = m, (0..<60).contains(minute), parts.count == 2 || offset != nil else { return nil }
        if parts.count == 2, parts[1].count != 2 { return nil }
        if let offset {
            guard (1...12).contains(h) else { return nil }
            return ((h % 12) + offset, minute)
        }
        guard (0..<24).contains(h) else { return nil }
        return (h, minute)
    }
}
