import Foundation

/// What a person typed for a date, with or without a time: one rule for forms, quick entry and CSV import.
///
/// The rule (README, "How dates are read"):
/// - **Days**: `2026-12-03` (ISO), `3/12/2026`, `3-12-2026`, `3.12.2026` (numeric dates are always day first),
///   `2026/12/03` (year first only with four digits), `3 Dec 2026`, `Dec 3 2026`, `3rd of December`,
///   `today`, `tomorrow`, `yesterday`, `+14d`, `+2w`, `-3d`, `tue`, `next thursday`.
/// - **A two-digit year** is taken only where nothing else can be meant: in the year place of a numeric date
///   (`3/12/26`) or after a day and a month (`3 Dec 26`), as 2000–2099. `Dec 26` is the 26th.
/// - **A date without a year** is the first such day on or after 31 days ago: the same on any day of the year.
///   29 Feb without a year is the next leap day.
/// - **A weekday** with a date must be that date's weekday (`Thu 3 Dec 2026`); on its own it is the next one.
/// - **Times**: `19:00`, `19:00:00` (seconds kept), `19.30`, `7pm`, `7.30 pm`, `noon`, and `1930` or `930`
///   (three or four digits) when the date before it has its year, or on its own.
/// - **What spreadsheets write**: `3-Dec-26` and `03-Dec-2026` (a day, a month's name and a year joined by
///   hyphens), an ISO instant such as `2026-12-03T19:00:00.000Z` or `…+01:00` (read as the London time of that
///   instant), and a date serial, five digits with an optional fraction of a day (`46359`, `46359.7916666667`:
///   days since 30 Dec 1899, as Excel and LibreOffice count), from 2000 to 2099.
/// - **Clock changes**: a time that does not exist in London (01:30 on the night the clocks go forward) is
///   refused; one that exists twice (01:30 on the night they go back) needs `BST` (the first) or `GMT` (the
///   second) after it.
public enum DateInput {
    /// A wall-clock time of day.
    public struct Time: Sendable, Equatable {
        public var hour: Int
        public var minute: Int
        public var second: Int

        public init(hour: Int, minute: Int, second: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
        }

        /// "19:00", or "19:00:30" when it has seconds.
        public var description: String {
            Digits.pad(hour, 2) + ":" + Digits.pad(minute, 2) + (second == 0 ? "" : ":" + Digits.pad(second, 2))
        }
    }

    /// `BST` or `GMT` after a time: which of the two readings of an autumn time is meant.
    public enum Zone: String, Sendable, Equatable {
        case bst, gmt
        var offsetSeconds: Int { self == .bst ? 3600 : 0 }
    }

    public struct Understood: Sendable, Equatable {
        public var day: CalendarDate
        /// The time of day, when one was given.
        public var time: Time?
        public var zone: Zone?

        public init(day: CalendarDate, time: Time?, zone: Zone? = nil) {
            self.day = day
            self.time = time
            self.zone = zone
        }

        /// "Thu 3 Dec 2026 19:00", to show next to the field.
        public var description: String {
            let d = "\(LondonTime.weekday(day)) \(day.day) \(LondonTime.monthAbbreviation(day.month)) \(day.year)"
            guard let time else { return d }
            return d + " " + time.description + (zone.map { " " + $0.rawValue.uppercased() } ?? "")
        }

        /// The instant in London; a time the clocks skip is refused and one they repeat must say BST or GMT.
        public func instant(default fallback: Time = Time(hour: 19, minute: 0)) throws(Failure) -> Date {
            try DateInput.instant(day, time ?? fallback, zone: zone)
        }
    }

    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
        public init(message: String) { self.message = message }
    }

    static let hint = "try 2026-12-03 19:00, 3 Dec 7pm, tomorrow or +14d"
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    public static func parse(_ text: String, today: CalendarDate) throws(Failure) -> Understood {
        var words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(whereSeparator: {
            $0 == " " || $0 == "\t"
        })
        .map(String.init)
        guard !words.isEmpty else { throw Failure(message: "enter a date: \(hint)") }
        if words.count == 1, let understood = spreadsheetInstant(words[0]) ?? serial(words[0]) { return understood }
        // "3-dec-26": the hyphens of a spreadsheet's date with a month's name are spaces.
        words = words.flatMap { word -> [String] in
            let parts = word.split(separator: "-").map(String.init)
            return parts.count == 3 && month(parts[1]) != nil && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber)
                ? parts : [word]
        }
        // ISO with a T: split it into date and time words.
        if words.count == 1, let t = words[0].firstIndex(of: "t"), words[0].first?.isNumber == true {
            words = [String(words[0][..<t]), String(words[0][words[0].index(after: t)...])]
        }
        var zone: Zone?
        if let last = words.last, let z = Zone(rawValue: last) {
            zone = z
            words.removeLast()
        }
        var time: Time?
        if words.count >= 2, words.last == "pm" || words.last == "am",
            let t = parseTime(words[words.count - 2] + words.last!)
        {
            time = t
            words.removeLast(2)
        } else if let last = words.last, let t = parseTime(last) {
            time = t
            words.removeLast()
        } else if let last = words.last, let t = parseDigitTime(last) {
            // "1930" is a time only where it cannot be the year: after a date that has one, or on its own.
            let rest = Array(words.dropLast())
            if rest.isEmpty || hasYear(rest) {
                time = t
                words.removeLast()
            }
        }
        if zone != nil, time == nil { throw Failure(message: "BST or GMT goes after a time: \(text)") }
        if words.isEmpty {
            guard let time else { throw Failure(message: "not a date: \(text); \(hint)") }
            return Understood(day: today, time: time, zone: zone)
        }
        guard let day = try parseDayOrThrow(words, today: today, original: text) else {
            throw Failure(message: "not a date: \(text); \(hint)")
        }
        return Understood(day: day, time: time, zone: zone)
    }

    /// `2026-12-03T19:00:00.000Z`, `2026-06-10T19:00:00+01:00`: an instant with its offset, as spreadsheets and
    /// programs export one, read as the London wall-clock time of that instant (its zone said, for the autumn hour).
    static func spreadsheetInstant(_ word: String) -> Understood? {
        let b = Array(word.utf8)
        guard b.count >= 17, b[10] == UInt8(ascii: "t"),
            let day = CalendarDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
            b[13] == UInt8(ascii: ":"), let hour = Digits.value(b[11..<13]), let minute = Digits.value(b[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard i + 3 <= b.count, let s = Digits.value(b[(i + 1)..<(i + 3)]), s < 60 else { return nil }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, (48...57).contains(b[i]) { i += 1 }
            }
        }
        let offset: Int
        let rest = b[i...]
        if rest.elementsEqual([UInt8(ascii: "z")]) {
            offset = 0
        } else if rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"),
            rest[rest.startIndex + 3] == UInt8(ascii: ":"),
            let h = Digits.value(rest[(rest.startIndex + 1)..<(rest.startIndex + 3)]),
            let m = Digits.value(rest[(rest.startIndex + 4)..<(rest.startIndex + 6)])
        {
            offset = (rest.first == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
        } else {
            return nil
        }
        let local = LondonTime.local(
            LondonTime.instant(date: day, hour: hour, minute: minute, second: second, offsetSeconds: offset))
        return Understood(
            day: local.date, time: Time(hour: local.hour, minute: local.minute, second: local.second),
            zone: local.offsetSeconds == 3600 ? .bst : .gmt)
    }

    /// A spreadsheet's date serial: whole days since 30 Dec 1899 and a fraction of a day for the time.
    static func serial(_ word: String) -> Understood? {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 5,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let days = Int(parts[0]), (36_526...73_050).contains(days)
        else { return nil }
        let day = CalendarDate(daysSinceEpoch: days - 25_569)  // 25569 is 1 Jan 1970
        guard parts.count == 2, let fraction = Double("0." + parts[1]) else { return Understood(day: day, time: nil) }
        let seconds = Int((fraction * 86_400).rounded())
        guard seconds < 86_400 else { return Understood(day: day.adding(days: 1), time: Time(hour: 0, minute: 0)) }
        return Understood(day: day, time: Time(hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60))
    }

    /// Only a day (for due dates): a time is not accepted.
    public static func parseDay(_ text: String, today: CalendarDate) throws(Failure) -> CalendarDate {
        let understood = try parse(text, today: today)
        if understood.time != nil { throw Failure(message: "a due date has no time: \(text)") }
        return understood.day
    }

    /// Only a time of day (a spreadsheet's time column, a form's end field), with BST or GMT if given.
    public static func parseTimeOfDay(_ text: String) throws(Failure) -> (time: Time, zone: Zone?) {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var zone: Zone?
        if let last = words.last, let z = Zone(rawValue: last) {
            zone = z
            words.removeLast()
        }
        let joined = words.joined()
        guard let time = parseTime(joined) ?? parseDigitTime(joined) else {
            throw Failure(message: "“\(text)” is not a time: try 19:00, 7pm or 1930")
        }
        return (time, zone)
    }

    /// The instant of a London wall-clock time, never shifted: a time the clocks skip is an error, and one
    /// they repeat needs its zone.
    public static func instant(_ day: CalendarDate, _ time: Time, zone: Zone?) throws(Failure) -> Date {
        // Only for a refusal: a sheet of a million rows reads a million instants.
        var shown: String {
            "\(time.description) on \(LondonTime.weekday(day)) \(day.day) \(LondonTime.monthAbbreviation(day.month)) \(day.year)"
        }
        switch LondonTime.reading(date: day, hour: time.hour, minute: time.minute, second: time.second) {
        case .exact(let instant, let offset):
            if let zone, zone.offsetSeconds != offset {
                throw Failure(
                    message: "\(shown) is \(offset == 3600 ? "BST" : "GMT"), not \(zone.rawValue.uppercased())")
            }
            return instant
        case .skipped:
            throw Failure(message: "\(shown) does not exist in London: the clocks go forward an hour that night")
        case .twice(let earlier, let later):
            switch zone {
            case .bst: return earlier
            case .gmt: return later
            case nil:
                throw Failure(
                    message: "\(shown) happens twice in London (the clocks go back an hour that night): "
                        + "add BST for the first or GMT for the second")
            }
        }
    }

    static func parseDay(_ words: [String], today: CalendarDate) -> CalendarDate? {
        (try? parseDayOrThrow(words, today: today, original: words.joined(separator: " "))) ?? nil
    }

    /// Whether date words carry their year (or need none: today, +3d, a weekday), so a number after them is a time.
    static func hasYear(_ words: [String]) -> Bool {
        let joined = words.joined(separator: " ")
        if ["today", "tomorrow", "yesterday"].contains(joined) || (words.count == 1 && relativeDays(joined) != nil) {
            return true
        }
        if words.count == 1, CalendarDate(iso: joined) != nil { return true }
        let w = words.filter { !isWeekday($0) && $0 != "next" && $0 != "this" }
        if w.isEmpty { return true }
        if w.count == 1, let parts = numericParts(w[0]), parts.count == 3 { return true }
        let numbers = w.filter { Int(ordinalStripped($0)) != nil }
        return numbers.count == 2 && w.contains { month($0) != nil }
    }

    static func isWeekday(_ word: String) -> Bool { weekdayIndex(word) != nil }

    /// "thu", "thur", "thursday": a prefix of at least three letters of a weekday's name.
    static func weekdayIndex(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return weekdayNames.firstIndex { $0.lowercased().hasPrefix(word) }
    }

    /// "dec", "december", "sept": a prefix of at least three letters of a month's name.
    static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november",
            "december",
        ]
        if word == "sept" { return 9 }
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    static func ordinalStripped(_ word: String) -> String {
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) && word.count > 2 {
            return String(word.dropLast(2))
        }
        return word
    }

    /// "3/12/2026", "3-12-26", "3.12.2026", "3/12": the numbers, when every part is one.
    static func numericParts(_ word: String) -> [Substring]? {
        let separators: [Character] = ["/", "-", "."]
        guard let separator = separators.first(where: word.contains) else { return nil }
        let parts = word.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3 || (parts.count == 2 && separator == "/"),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return parts
    }

    static func parseDayOrThrow(
        _ words: [String], today: CalendarDate, original: String
    ) throws(Failure) -> CalendarDate? {
        let joined = words.joined(separator: " ")
        switch joined {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if words.count == 1, let relative = relativeDays(joined) { return today.adding(days: relative) }
        if words.count == 1, let iso = CalendarDate(iso: joined) { return iso }
        if words.count == 1, joined.count == 10, joined.dropFirst(4).first == "-",
            joined.prefix(4).allSatisfy(\.isNumber)
        {
            throw Failure(message: "\(joined) is not a day of the calendar")
        }
        // A weekday alone is the next one after today ("next" and "this" mean the same); with a date it is checked.
        var w = words.filter { $0 != "of" }
        if w.first == "next" || w.first == "this" { w.removeFirst() }
        let named = w.compactMap(weekdayIndex)
        w.removeAll(where: isWeekday)
        if w.isEmpty {
            guard named.count == 1 else { return nil }
            let todayIndex = ((today.daysSinceEpoch % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3)
            var ahead = (named[0] - todayIndex + 7) % 7
            if ahead == 0 { ahead = 7 }
            return today.adding(days: ahead)
        }
        guard let day = try calendarDay(w, today: today) else { return nil }
        if named.count > 1 { throw Failure(message: "two weekdays in “\(original)”") }
        if let weekday = named.first {
            let actual = ((day.daysSinceEpoch % 7) + 7 + 3) % 7
            if actual != weekday {
                throw Failure(
                    message:
                        "\(day.day) \(LondonTime.monthAbbreviation(day.month)) \(day.year) is a \(weekdayNames[actual]), "
                        + "not a \(weekdayNames[weekday])")
            }
        }
        return day
    }

    /// The date words without weekdays: numeric (day first) or with a month's name.
    static func calendarDay(_ w: [String], today: CalendarDate) throws(Failure) -> CalendarDate? {
        if w.count == 1, let parts = numericParts(w[0]) {
            let numbers = parts.map { Int($0)! }
            if parts.count == 3, parts[0].count == 4 {  // 2026/12/03: year first, as only a four-digit year can be
                return try checkedDay(year: numbers[0], month: numbers[1], day: numbers[2], today: today)
            }
            guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            guard parts.count == 3 else {
                return try checkedDay(year: nil, month: numbers[1], day: numbers[0], today: today)
            }
            return try checkedDay(year: try year(parts[2], in: w[0]), month: numbers[1], day: numbers[0], today: today)
        }
        // "3 dec [2026]", "dec 3 [2026]", "3rd december 26": the first number is the day, a second the year.
        var month: Int?, numbers: [Substring] = []
        for word in w {
            if let m = self.month(word) {
                if month != nil { return nil }
                month = m
            } else if let n = Optional(ordinalStripped(word)), !n.isEmpty, n.allSatisfy({ $0.isASCII && $0.isNumber }) {
                numbers.append(Substring(n))
            } else {
                return nil
            }
        }
        guard let month, (1...2).contains(numbers.count), numbers[0].count <= 2 else { return nil }
        let year = numbers.count == 2 ? try year(numbers[1], in: w.joined(separator: " ")) : nil
        return try checkedDay(year: year, month: month, day: Int(numbers[0])!, today: today)
    }

    /// A year written with four digits, or two (2000–2099); one or three digits are refused, not guessed.
    static func year(_ digits: Substring, in text: String) throws(Failure) -> Int {
        switch digits.count {
        case 2: return 2000 + Int(digits)!
        case 4: return Int(digits)!
        default:
            guard digits.count < 4 else {
                throw Failure(message: "\(digits) is not a year ForumDesk takes (1900–2999)")
            }
            throw Failure(message: "“\(digits)” in “\(text)” is not a year: write it with four digits (or two)")
        }
    }

    static func checkedDay(year: Int?, month: Int, day: Int, today: CalendarDate) throws(Failure) -> CalendarDate {
        if let year, !CalendarDate.supportedYears.contains(year) {
            throw Failure(
                message:
                    "\(year) is not a year ForumDesk takes (\(CalendarDate.supportedYears.lowerBound)–\(CalendarDate.supportedYears.upperBound))"
            )
        }
        let monthName = months.indices.contains(month - 1) ? months[month - 1].capitalized : "month \(month)"
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year ?? 2000) else {
            throw Failure(message: "\(day) \(monthName)\(year.map { " \($0)" } ?? "") is not a day of the calendar")
        }
        if let year { return CalendarDate(year: year, month: month, day: day) }
        // Without a year: the first such day on or after 31 days ago, whatever the day of the year.
        let from = today.adding(days: -31)
        for y in from.year...(from.year + 8) where day <= CalendarDate.daysIn(month: month, year: y) {
            let date = CalendarDate(year: y, month: month, day: day)
            if date >= from { return date }
        }
        throw Failure(message: "\(day) \(monthName) is not a day of the calendar")
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

    /// "19:00", "19:00:00", "19.00", "7pm", "7.30pm", "7:30am", "noon", "midday". Not "1930": see `parseDigitTime`.
    public static func parseTime(_ word: String) -> Time? {
        if word == "noon" || word == "midday" { return Time(hour: 12, minute: 0) }
        var w = word
        var offset: Int?
        if w.hasSuffix("pm") { offset = 12; w.removeLast(2) } else if w.hasSuffix("am") { offset = 0; w.removeLast(2) }
        // Seconds only after colons (19:00:00, as spreadsheets write it): "3.12.26" is a date, not a time.
        let colons = w.contains(":")
        let parts = w.split(separator: colons ? ":" : ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= (colons ? 3 : 2),
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0])
        else { return nil }
        if parts.count == 1 && offset == nil { return nil }
        if parts.dropFirst().contains(where: { $0.count != 2 }) { return nil }
        let minute = parts.count >= 2 ? Int(parts[1])! : 0
        let second = parts.count == 3 ? Int(parts[2])! : 0
        guard minute < 60, second < 60 else { return nil }
        if let offset {
            guard (1...12).contains(h) else { return nil }
            return Time(hour: (h % 12) + offset, minute: minute, second: second)
        }
        guard h < 24 else { return nil }
        return Time(hour: h, minute: minute, second: second)
    }

    /// "1930", "0930", "930": three or four digits, HHMM.
    static func parseDigitTime(_ word: String) -> Time? {
        guard (3...4).contains(word.count), word.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(word) else {
            return nil
        }
        let (h, m) = (n / 100, n % 100)
        guard h < 24, m < 60 else { return nil }
        return Time(hour: h, minute: m)
    }
}
