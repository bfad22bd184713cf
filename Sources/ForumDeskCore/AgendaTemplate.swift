import Foundation

/// The standing items of a kind of meeting (`templates/<kind>.json` in the data folder), put on every new meeting of
/// that kind: made in the app, by `import csv meetings` and by `programme`. Items `opening` go before the meeting's
/// own items, `closing` ones after, so a template is the frame every agenda is built in (seed 003: introductions and
/// apologies, minutes of the previous meeting, matters arising, disclosures of interests, …, any other business).
public struct AgendaTemplate: Sendable, Equatable {
    public enum Place: String, ModelEnum {
        case opening, closing
        public var label: String { rawValue }
    }

    public struct Item: Sendable, Equatable {
        /// `{lastHeld}` in a title is replaced by the date of the area's last held meeting ("24 November 2026"),
        /// or "no earlier meeting".
        public var title: String
        public var purpose: [Purpose] = []
        public var minutes: Int?
        public var notes: String?
        public var place: Place = .opening
        public var extra: UnknownFields = [:]
        public init(
            title: String, purpose: [Purpose] = [], minutes: Int? = nil, notes: String? = nil, place: Place = .opening
        ) {
            self.title = title
            self.purpose = purpose
            self.minutes = minutes
            self.notes = notes
            self.place = place
        }
    }

    public var kind: MeetingKind
    public var items: [Item]
    public var extra: UnknownFields = [:]

    public init(kind: MeetingKind, items: [Item]) {
        self.kind = kind
        self.items = items
    }

    /// The placeholder for the area's last held meeting's date.
    public static let lastHeldToken = "{lastHeld}"

    /// The area's last meeting held before `meeting` starts, among `meetings`.
    public static func lastHeld(before meeting: Meeting, in meetings: some Sequence<Meeting>) -> Meeting? {
        meetings.filter {
            $0.area == meeting.area && $0.status == .held && $0.start < meeting.start && $0.id != meeting.id
        }
        .max { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// "24 November 2026"
    public static func longDate(_ day: CalendarDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// The meeting with the template's items around its own (numbered 1, 2, 3… again), `{lastHeld}` filled from
    /// `lastHeld`. A meeting that already holds an item of the template's title keeps its own.
    public func applied(to meeting: Meeting, lastHeld: Meeting?) -> Meeting {
        var m = meeting
        let held = lastHeld.map { Self.longDate(LondonTime.date($0.start)) } ?? "no earlier meeting"
        let have = Set(m.agenda.map { $0.title.lowercased() })
        func made(_ item: Item) -> AgendaItem? {
            let title = item.title.replacingOccurrences(of: Self.lastHeldToken, with: held)
            guard !have.contains(title.lowercased()) else { return nil }
            var made = AgendaItem(
                number: 0, title: title, purpose: item.purpose, minutes: item.minutes, notes: item.notes)
            made.extra = [:]
            return made
        }
        let opening = items.filter { $0.place == .opening }.compactMap(made)
        let closing = items.filter { $0.place == .closing }.compactMap(made)
        m.agenda = opening + m.agenda + closing
        AgendaRules.renumber(&m)
        return m
    }
}
