import Foundation

/// Meetings happen in Europe/London. Timestamps are written with their offset
/// (`2026-11-24T19:00:00+00:00`, `2026-06-10T19:00:00+01:00`) so files read correctly anywhere.
public enum LondonTime {
    public static let zone: TimeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    /// A wall-clock reading in London.
    public struct Local: Sendable, Equatable {
        public var date: CalendarDate
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var offsetSeconds: Int
    }

    public static func local(_ instant: Date) -> Local {
        let offset = zone.secondsFromGMT(for: instant)
        let seconds = Int(floor(instant.timeIntervalSince1970)) + offset
        let days = Int(floor(Double(seconds) / 86_400))
        let rest = seconds - days * 86_400
        return Local(
            date: CalendarDate(daysSinceEpoch: days), hour: rest / 3600, minute: rest % 3600 / 60,
            second: rest % 60, offsetSeconds: offset)
    }

    public static func date(_ instant: Date) -> CalendarDate { local(instant).date }

    /// The same wall-clock time of day on another day: the sample data's clock, whose day is fixed
    /// (`sampleToday`) while the time of day runs.
    public static func sameTime(_ instant: Date, on day: CalendarDate) -> Date {
        let l = local(instant)
        return self.instant(date: day, hour: l.hour, minute: l.minute, second: l.second)
            .addingTimeInterval(instant.timeIntervalSince1970 - floor(instant.timeIntervalSince1970))
    }

    /// The instant of a London wall-clock time. In the autumn overlap the earlier (BST) reading wins.
    public static func instant(date: CalendarDate, hour: Int, minute: Int, second: Int = 0) -> Date {
        let naive = Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second)
        let firstGuess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 3600))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - Double(firstGuess)))
        return Date(timeIntervalSince1970: naive - Double(offset))
    }

    /// How a London wall-clock time maps to instants: once, not at all (the hour the clocks skip in spring),
    /// or twice (the hour they repeat in autumn).
    public enum Reading: Sendable, Equatable {
        case exact(Date, offsetSeconds: Int)
        case skipped
        case twice(earlier: Date, later: Date)
    }

    public static func reading(date: CalendarDate, hour: Int, minute: Int, second: Int = 0) -> Reading {
        let naive = Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second)
        // The offsets in force a day either side cover every change (London changes at most once a night).
        let offsets = Set([
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 86_400)),
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 86_400)),
        ])
        let valid = offsets.map { (Date(timeIntervalSince1970: naive - Double($0)), $0) }
            .filter { zone.secondsFromGMT(for: $0.0) == $0.1 }
            .sorted { $0.0 < $1.0 }
        switch valid.count {
        case 0: return .skipped
        case 1: return .exact(valid[0].0, offsetSeconds: valid[0].1)
        default: return .twice(earlier: valid[0].0, later: valid[valid.count - 1].0)
        }
    }

    public static func instant(date: CalendarDate, hour: Int, minute: Int, second: Int, offsetSeconds: Int) -> Date {
        Date(
            timeIntervalSince1970: Double(
                date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds))
    }

    /// `2026-11-24T19:00:00+00:00`
    public static func iso(_ instant: Date) -> String {
        let l = local(instant)
        let sign = l.offsetSeconds < 0 ? "-" : "+"
        let off = abs(l.offsetSeconds)
        return "\(l.date)T\(Digits.pad(l.hour, 2)):\(Digits.pad(l.minute, 2)):\(Digits.pad(l.second, 2))"
            + "\(sign)\(Digits.pad(off / 3600, 2)):\(Digits.pad(off % 3600 / 60, 2))"
    }

    /// Parses `2026-11-24T19:00`, `2026-11-24T19:00:00`, `...Z` or `...+01:00`.
    /// Without an offset the time is read as London time.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"),
            let date = CalendarDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
            let hour = Digits.value(b[11..<13]), let minute = Digits.value(b[14..<16]), hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard b.count >= 19, let s = Digits.value(b[17..<19]), s < 60 else { return nil }
            second = s
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") {  // fractional seconds are accepted and dropped
                i += 1
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
            }
        }
        if i == b.count { return instant(date: date, hour: hour, minute: minute, second: second) }
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            return instant(date: date, hour: hour, minute: minute, second: second, offsetSeconds: 0)
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), b.count == i + 6, b[i + 3] == UInt8(ascii: ":"),
            let oh = Digits.value(b[(i + 1)..<(i + 3)]), let om = Digits.value(b[(i + 4)..<(i + 6)]), oh < 24, om < 60
        else { return nil }
        let offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        return instant(date: date, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// `Tue 24 Nov 2026 19:00` for tables and reports.
    public static func display(_ instant: Date) -> String {
        let l = local(instant)
        return "\(weekday(l.date)) \(l.date.day) \(monthAbbreviation(l.date.month)) \(l.date.year) "
            + "\(Digits.pad(l.hour, 2)):\(Digits.pad(l.minute, 2))"
    }

    public static func hhmm(_ instant: Date) -> String {
        let l = local(instant)
        return "\(Digits.pad(l.hour, 2)):\(Digits.pad(l.minute, 2))"
    }

    public static func weekday(_ date: CalendarDate) -> String {
        ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((date.daysSinceEpoch % 7) + 7) % 7]
    }

    public static func monthAbbreviation(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }
}
