/// Days on which the council holds no resident meetings, and periods in which it avoids them, from `forumdesk.json`:
/// `"closedDays": [{"date": "2027-12-29", "label": "Offices closed"}]` (the council's own closed days, beyond the
/// bank holidays, which are computed) and `"preElectionPeriods": [{"from": "2027-03-22", "until": "2027-05-06",
/// "label": "Town and parish elections"}]`, when councils avoid public meetings that could be seen as campaigning.
public struct PlanningCalendar: Sendable, Equatable {
    public struct ClosedDay: Sendable, Equatable {
        public var date: CalendarDate
        public var label: String?
        public var extra: UnknownFields = [:]
        public init(date: CalendarDate, label: String? = nil) {
            self.date = date
            self.label = label
        }
    }

    /// A run of days, both ends included.
    public struct Period: Sendable, Equatable {
        public var from: CalendarDate
        public var until: CalendarDate
        public var label: String?
        public var extra: UnknownFields = [:]
        public init(from: CalendarDate, until: CalendarDate, label: String? = nil) {
            self.from = from
            self.until = until
            self.label = label
        }

        public func contains(_ day: CalendarDate) -> Bool { from <= day && day <= until }

        public var description: String { "\(label.map { "\($0), " } ?? "")\(from) to \(until)" }
    }

    public var closedDays: [ClosedDay]
    public var preElectionPeriods: [Period]

    public init(closedDays: [ClosedDay] = [], preElectionPeriods: [Period] = []) {
        self.closedDays = closedDays
        self.preElectionPeriods = preElectionPeriods
    }

    /// Why no meeting should be held this day: a bank holiday of England and Wales or a closed day, or nil.
    public func closure(_ day: CalendarDate) -> String? {
        if let holiday = BankHolidays.on(day) { return "bank holiday: \(holiday.name)" }
        if let closed = closedDays.first(where: { $0.date == day }) {
            return "council closed\(closed.label.map { ": \($0)" } ?? "")"
        }
        return nil
    }

    /// The pre-election period this day falls in, if any.
    public func preElection(_ day: CalendarDate) -> Period? { preElectionPeriods.first { $0.contains(day) } }
}
