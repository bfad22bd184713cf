import Foundation

/// A reason a meeting should not go ahead as planned: another booking of its hall at that time, a councillor of its
/// wards due elsewhere then, a bank holiday or closed day, or a pre-election period.
public struct Clash: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case venue, councillor, closedDay = "closed-day", preElection = "pre-election"
    }
    public var kind: Kind
    public var meetingID: String
    /// The other meeting, for a venue or councillor clash.
    public var otherMeetingID: String?
    public var message: String

    /// A few words for a form's one-line note: "hall taken (2027-02-18-sandy-biggleswade-ltt)".
    public var short: String {
        switch kind {
        case .venue: return "venue double-booked (\(otherMeetingID ?? ""))"
        case .councillor: return "councillors due at \(otherMeetingID ?? "another meeting")"
        case .closedDay: return message
        case .preElection: return "pre-election period"
        }
    }

    public init(kind: Kind, meetingID: String, otherMeetingID: String? = nil, message: String) {
        self.kind = kind
        self.meetingID = meetingID
        self.otherMeetingID = otherMeetingID
        self.message = message
    }
}

/// The clash checks, run wherever a date is set (the meeting form, postponing, `import csv`, `programme`) and shown
/// as warnings on the meeting, the dashboard, `list meetings` and `validate`. Pure: the caller gives the meetings.
public enum ClashRules {
    /// Whether a meeting is still to be held where and when it says: planned, confirmed, or postponed to its date.
    public static func isBooked(_ meeting: Meeting) -> Bool {
        meeting.status == .planned || meeting.status == .confirmed || meeting.status == .postponed
    }

    /// How venues are compared: by their name, ignoring case, punctuation and spacing ("Biggleswade Community
    /// Centre" and "biggleswade community centre," are one hall).
    public static func venueKey(_ venue: Venue) -> String {
        let folded = venue.name.lowercased().unicodeScalars.map {
            CharacterSet.alphanumerics.contains($0) ? Character($0) : " "
        }
        return String(folded).split(separator: " ").joined(separator: " ")
    }

    /// One hall: the same venue record when both name one, else the same name (`venueKey`).
    public static func sameVenue(_ a: Venue, _ b: Venue) -> Bool {
        if let x = a.id, let y = b.id { return x == y }
        let key = venueKey(a)
        return !key.isEmpty && key == venueKey(b)
    }

    /// The councillors expected at a meeting: those of its wards, and its chair.
    public static func expectedCouncillors(_ meeting: Meeting, councillorsByWard: [String: [String]]) -> Set<String> {
        var who = Set(meeting.wards.flatMap { councillorsByWard[$0] ?? [] })
        if let chair = meeting.chair { who.insert(chair) }
        return who
    }

    public static func councillorsByWard(_ directory: Directory) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for person in directory.people where person.kind == .councillor {
            for ward in person.wards { result[ward, default: []].append(person.id) }
        }
        return result
    }

    /// The clashes of one meeting's day alone (bank holiday, closed day, pre-election period).
    public static func dayClashes(_ meeting: Meeting, calendar: PlanningCalendar) -> [Clash] {
        let day = LondonTime.date(meeting.start)
        var result: [Clash] = []
        if let closure = calendar.closure(day) {
            result.append(
                Clash(
                    kind: .closedDay, meetingID: meeting.id, message: "\(closure) (\(LondonTime.weekday(day)) \(day))"))
        }
        if let period = calendar.preElection(day) {
            result.append(
                Clash(
                    kind: .preElection, meetingID: meeting.id,
                    message:
                        "in the pre-election period (\(period.description)): avoid public meetings that could be seen as campaigning"
                ))
        }
        return result
    }

    /// The clashes between two booked meetings whose times overlap, as seen from `a`.
    static func pairClashes(
        _ a: Meeting, _ b: Meeting, directory: Directory, councillorsByWard: [String: [String]]
    ) -> [Clash] {
        var result: [Clash] = []
        let when = "\(LondonTime.hhmm(b.start))-\(LondonTime.hhmm(b.end))"
        if sameVenue(a.venue, b.venue) {
            result.append(
                Clash(
                    kind: .venue, meetingID: a.id, otherMeetingID: b.id,
                    message: "venue double-booked: \(b.venue.name) also holds \(b.title) (\(b.id)) \(when)"))
        }
        let both = expectedCouncillors(a, councillorsByWard: councillorsByWard)
            .intersection(expectedCouncillors(b, councillorsByWard: councillorsByWard))
        if !both.isEmpty {
            let names = both.map { directory.person($0)?.name ?? $0 }.sorted()
            let list = names.count > 3 ? "\(names.count) councillors" : names.joined(separator: ", ")
            result.append(
                Clash(
                    kind: .councillor, meetingID: a.id, otherMeetingID: b.id,
                    message: "\(list) also due at \(b.title) (\(b.id)) \(when)"))
        }
        return result
    }

    /// Every clash of the booked meetings that end after `from`, by meeting id. `meetings` in any order; a sweep in
    /// start order compares only meetings whose times overlap, so the cost is the meetings plus the overlaps.
    public static func clashes(
        in meetings: [Meeting], directory: Directory, calendar: PlanningCalendar, from: Date
    ) -> [String: [Clash]] {
        let booked = meetings.filter { isBooked($0) && $0.end > from }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let byWard = councillorsByWard(directory)
        var result: [String: [Clash]] = [:]
        for m in booked {
            let own = dayClashes(m, calendar: calendar)
            if !own.isEmpty { result[m.id, default: []] += own }
        }
        for i in booked.indices {
            var j = i + 1
            while j < booked.count, booked[j].start < booked[i].end {
                let a = booked[i], b = booked[j]
                if a.id != b.id {
                    let ab = pairClashes(a, b, directory: directory, councillorsByWard: byWard)
                    if !ab.isEmpty { result[a.id, default: []] += ab }
                    let ba = pairClashes(b, a, directory: directory, councillorsByWard: byWard)
                    if !ba.isEmpty { result[b.id, default: []] += ba }
                }
                j += 1
            }
        }
        return result
    }

    /// The clashes a meeting would have among others: for a form, an import or a programme checking a date before
    /// it is saved (`others` may hold the meeting's own earlier version, which is skipped).
    public static func clashes(
        of meeting: Meeting, among others: [Meeting], directory: Directory, calendar: PlanningCalendar
    ) -> [Clash] {
        guard isBooked(meeting) else { return [] }
        let byWard = councillorsByWard(directory)
        var result = dayClashes(meeting, calendar: calendar)
        for other in others
        where other.id != meeting.id && isBooked(other) && other.start < meeting.end && meeting.start < other.end {
            result += pairClashes(meeting, other, directory: directory, councillorsByWard: byWard)
        }
        return result
    }

    /// As dashboard warnings (kind `clash`, dated at the meeting's start).
    public static func warnings(_ clashes: [Clash], meeting: Meeting) -> [Warning] {
        clashes.map {
            Warning(kind: .clash, meetingID: meeting.id, date: meeting.start, message: "clash: \($0.message)")
        }
    }
}
