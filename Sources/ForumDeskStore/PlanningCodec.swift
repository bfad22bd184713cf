import ForumDeskCore

/// `forumdesk.json`'s planning settings: `"closedDays"` and `"preElectionPeriods"` (see `PlanningCalendar`).
extension Codec {
    static func planning(_ r: inout FieldReader) throws(DecodeError) -> PlanningCalendar {
        var calendar = PlanningCalendar()
        calendar.closedDays = try r.list("closedDays") { (node) throws(DecodeError) in
            var c = try FieldReader(node, what: "a closed day")
            guard let date = try c.optionalDay("date") else {
                throw DecodeError(position: node.position, reason: "a closed day needs `date`, a day like 2027-12-29")
            }
            var day = PlanningCalendar.ClosedDay(date: date, label: try c.optionalString("label"))
            day.extra = c.unknownFields
            return day
        }
        calendar.preElectionPeriods = try r.list("preElectionPeriods") { (node) throws(DecodeError) in
            var p = try FieldReader(node, what: "a pre-election period")
            guard let from = try p.optionalDay("from"), let until = try p.optionalDay("until") else {
                throw DecodeError(
                    position: node.position,
                    reason: "a pre-election period needs `from` and `until`, days like 2027-03-22")
            }
            guard from <= until else {
                throw DecodeError(
                    position: node.position, reason: "a pre-election period ends (\(until)) before it starts (\(from))")
            }
            var period = PlanningCalendar.Period(from: from, until: until, label: try p.optionalString("label"))
            period.extra = p.unknownFields
            return period
        }
        return calendar
    }

    static func encode(_ calendar: PlanningCalendar, into w: inout FieldWriter) {
        if !calendar.closedDays.isEmpty {
            w.set(
                "closedDays",
                .array(
                    calendar.closedDays.map { day in
                        var d = FieldWriter()
                        d.set("date", day.date.description)
                        d.optional("label", day.label)
                        return d.finish(day.extra)
                    }))
        }
        if !calendar.preElectionPeriods.isEmpty {
            w.set(
                "preElectionPeriods",
                .array(
                    calendar.preElectionPeriods.map { period in
                        var p = FieldWriter()
                        p.set("from", period.from.description)
                        p.set("until", period.until.description)
                        p.optional("label", period.label)
                        return p.finish(period.extra)
                    }))
        }
    }
}
