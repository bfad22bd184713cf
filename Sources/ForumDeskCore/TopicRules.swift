import Foundation

/// Agenda order and numbering.
public enum AgendaRules {
    /// Items that close a meeting: a new item goes before them, not after "Date of next meeting".
    static let closingTitles = [
        "any other business", "aob", "date of next meeting", "date of the next meeting",
        "residents' open session", "open session", "close",
    ]

    public static func isClosingItem(_ item: AgendaItem) -> Bool {
        let title = item.title.lowercased()
        return closingTitles.contains { title.hasPrefix($0) }
    }

    /// Adds an item before the closing items, renumbering the items (and the declarations and actions about them).
    public static func insert(_ item: AgendaItem, into meeting: inout Meeting) {
        var index = meeting.agenda.count
        while index > 0, isClosingItem(meeting.agenda[index - 1]) { index -= 1 }
        var added = item
        added.number = 0
        meeting.agenda.insert(added, at: index)
        renumber(&meeting)
    }

    /// Agenda numbers follow the order (as `number` values of the items before the change); declarations and
    /// actions follow their items. A new item comes in with number 0.
    public static func renumber(_ m: inout Meeting) {
        var mapping: [Int: Int] = [:]
        for i in m.agenda.indices {
            if m.agenda[i].number != 0 { mapping[m.agenda[i].number] = i + 1 }
            m.agenda[i].number = i + 1
        }
        // A declaration about a deleted item goes with it; an action or issue raised under it keeps no item.
        m.declarations = m.declarations.compactMap { d in
            mapping[d.item].map { number in
                var moved = d
                moved.item = number
                return moved
            }
        }
        for i in m.actions.indices { m.actions[i].item = m.actions[i].item.flatMap { mapping[$0] } }
        for i in m.issues.indices { m.issues[i].item = m.issues[i].item.flatMap { mapping[$0] } }
    }

    /// Minutes the agenda runs over the meeting's length (0 when it fits).
    public static func overrun(_ m: Meeting) -> Int { max(0, m.agendaMinutes - m.lengthMinutes) }
}

/// Where a topic stands in one area: the cells of the topics × areas matrix.
public enum TopicCell: Sendable, Equatable {
    case notWanted
    /// Wanted, in a window still open (or not yet open), with no slot yet.
    case toSchedule
    case scheduled(meetingID: String, start: Date)
    case presented(meetingID: String, start: Date)
    /// The window passed without a slot.
    case missed
    /// Withdrawn or declined before a slot was found.
    case closed

    /// The label as one word for files and scripts: `to-schedule`.
    public var key: String { label.replacingOccurrences(of: " ", with: "-") }

    public var label: String {
        switch self {
        case .notWanted: "not wanted"
        case .toSchedule: "to schedule"
        case .scheduled: "scheduled"
        case .presented: "presented"
        case .missed: "missed"
        case .closed: "closed"
        }
    }
}

/// One agenda item carrying a topic.
public struct TopicSlot: Sendable, Equatable {
    public var meeting: Meeting
    public var item: AgendaItem
    public init(meeting: Meeting, item: AgendaItem) {
        self.meeting = meeting
        self.item = item
    }
}

/// A topic on the agenda of a meeting still to come that falls outside its requester's window: a postponement
/// moved the meeting past "not after", say.
public struct TopicBreach: Sendable, Equatable {
    public var topicID: String
    public var meetingID: String
    public var item: Int
    public var message: String
    /// "item 7 after “not after” 2026-12-05", where a line is short (the postpone form).
    public var short: String
}

/// A topic whose window closes soon while some wanted area has no slot.
public struct TopicAlert: Sendable, Equatable {
    public var topicID: String
    public var closes: CalendarDate
    public var areas: [String]
    public var message: String
}

public enum TopicRules {
    /// Every agenda item that names a topic, by topic id, in meeting order. Cancelled meetings carry nothing.
    public static func slots(in meetings: [Meeting]) -> [String: [TopicSlot]] {
        var result: [String: [TopicSlot]] = [:]
        for meeting in meetings where meeting.status != .cancelled && meeting.knownFacts?.carriesTopics != false {
            for item in meeting.agenda {
                if let topic = item.topic { result[topic, default: []].append(TopicSlot(meeting: meeting, item: item)) }
            }
        }
        return result
    }

    /// Whether a meeting counts as having taken place for a topic: held, or its start has passed.
    static func hasTakenPlace(_ meeting: Meeting, now: Date) -> Bool { meeting.status == .held || meeting.start <= now }

    public static func cell(_ topic: TopicRequest, area: String, slots: [TopicSlot], now: Date) -> TopicCell {
        guard topic.wants(area: area) || slots.contains(where: { $0.meeting.area == area }) else { return .notWanted }
        let here = slots.filter { $0.meeting.area == area }
        if let done = here.last(where: { hasTakenPlace($0.meeting, now: now) }) {
            return .presented(meetingID: done.meeting.id, start: done.meeting.start)
        }
        if let next = here.first { return .scheduled(meetingID: next.meeting.id, start: next.meeting.start) }
        if topic.status.isClosed { return .closed }
        if let last = topic.notAfter, last < LondonTime.date(now) { return .missed }
        return .toSchedule
    }

    /// The status shown: withdrawn and declined as recorded; otherwise worked out from the agendas, so it can
    /// never disagree with them.
    public static func status(_ topic: TopicRequest, slots: [TopicSlot], directory: Directory, now: Date) -> TopicStatus
    {
        if topic.status.isClosed { return topic.status }
        let cells = topic.wantedAreas(in: directory).map { cell(topic, area: $0.id, slots: slots, now: now) }
        if !cells.isEmpty, cells.allSatisfy({ if case .presented = $0 { true } else { $0 == .missed } }),
            cells.contains(where: { if case .presented = $0 { true } else { false } })
        {
            return .presented
        }
        return slots.isEmpty ? .requested : .scheduled
    }

    /// Why a topic cannot go onto an area's agenda.
    public enum ScheduleProblem: Error, Sendable, Equatable, CustomStringConvertible {
        case closed(TopicStatus)
        case notWanted(area: String)
        case alreadyScheduled(meetingID: String)
        case noMeetingInWindow(area: String)
        case noRoom(area: String, meetingID: String, free: Int)

        public var description: String {
            switch self {
            case .closed(let status): "the request is \(status.label)"
            case .notWanted(let area): "not wanted in \(area)"
            case .alreadyScheduled(let id): "already on the agenda of \(id)"
            case .noMeetingInWindow(let area): "no meeting of \(area) is planned within the window"
            case .noRoom(let area, let id, let free):
                "no meeting of \(area) in the window has room (\(id) has \(free) minutes free)"
            }
        }
    }

    /// The next suitable meeting of an area: planned or confirmed, still to come, inside the window, and with
    /// room on its agenda for the time the topic needs.
    public static func nextSuitableMeeting(
        for topic: TopicRequest, area: Area, meetings: [Meeting], slots: [TopicSlot],
        now: Date
    ) -> Result<Meeting, ScheduleProblem> {
        if topic.status.isClosed { return .failure(.closed(topic.status)) }
        guard topic.wants(area: area.id) else { return .failure(.notWanted(area: area.name)) }
        if let existing = slots.first(where: { $0.meeting.area == area.id }) {
            return .failure(.alreadyScheduled(meetingID: existing.meeting.id))
        }
        let candidates = meetings.filter {
            $0.area == area.id && $0.start > now && ($0.status == .planned || $0.status == .confirmed)
                && topic.windowContains(LondonTime.date($0.start))
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard let first = candidates.first else { return .failure(.noMeetingInWindow(area: area.name)) }
        if let roomy = candidates.first(where: { $0.lengthMinutes - $0.agendaMinutes >= topic.minutes }) {
            return .success(roomy)
        }
        return .failure(
            .noRoom(area: area.name, meetingID: first.id, free: max(0, first.lengthMinutes - first.agendaMinutes)))
    }

    /// The agenda item a topic becomes: its title, presenter, purpose, level and time.
    public static func agendaItem(for topic: TopicRequest, directory: Directory) -> AgendaItem {
        let organisation = topic.organisation ?? topic.contact.flatMap { directory.person($0)?.organisation }
        var item = AgendaItem(
            number: 0, title: topic.title, tags: topic.tags, presenter: topic.contact, organisation: organisation,
            purpose: topic.purpose, engagementLevel: topic.engagementLevel, minutes: topic.minutes,
            notes: topic.description)
        item.topic = topic.id
        return item
    }

    /// The meeting with the topic added to its agenda, before the closing items.
    public static func schedule(_ topic: TopicRequest, onto meeting: Meeting, directory: Directory) -> Meeting {
        var updated = meeting
        AgendaRules.insert(agendaItem(for: topic, directory: directory), into: &updated)
        return updated
    }

    /// Topics whose window closes within `days` days while a wanted area has no slot.
    public static func alerts(
        topics: [TopicRequest], slots: [String: [TopicSlot]], directory: Directory, now: Date,
        days: Int = 14
    ) -> [TopicAlert] {
        let today = LondonTime.date(now)
        var result: [TopicAlert] = []
        for topic in topics where !topic.status.isClosed {
            guard let last = topic.notAfter, last >= today, last.daysSinceEpoch - today.daysSinceEpoch <= days else {
                continue
            }
            let waiting = topic.wantedAreas(in: directory).filter {
                cell(topic, area: $0.id, slots: slots[topic.id] ?? [], now: now) == .toSchedule
            }
            guard !waiting.isEmpty else { continue }
            let names = waiting.count > 3 ? "\(waiting.count) areas" : waiting.map(\.name).joined(separator: ", ")
            let left = last.daysSinceEpoch - today.daysSinceEpoch
            result.append(
                TopicAlert(
                    topicID: topic.id, closes: last, areas: waiting.map(\.id),
                    message:
                        "“\(topic.title)” window closes \(left == 0 ? "today" : "in \(left) day\(left == 1 ? "" : "s")") with no slot in \(names)"
                ))
        }
        // A topic on an agenda outside its window is a to-do too: move the meeting or unschedule the item.
        for topic in topics where !topic.status.isClosed {
            for slot in slots[topic.id] ?? [] {
                guard let breach = breach(topic, slot.meeting, slot.item, now: now) else { continue }
                result.append(
                    TopicAlert(
                        topicID: topic.id, closes: topic.notAfter ?? LondonTime.date(slot.meeting.start),
                        areas: [slot.meeting.area], message: breach.message))
            }
        }
        return result.sorted { ($0.closes, $0.topicID) < ($1.closes, $1.topicID) }
    }

    /// The items of a meeting still to come whose topic falls outside its window on the meeting's day.
    public static func breaches(of meeting: Meeting, topics: [TopicRequest], now: Date) -> [TopicBreach] {
        meeting.agenda.compactMap { item in
            item.topic.flatMap { id in topics.first { $0.id == id } }.flatMap { breach($0, meeting, item, now: now) }
        }
    }

    static func breach(_ topic: TopicRequest, _ meeting: Meeting, _ item: AgendaItem, now: Date) -> TopicBreach? {
        let day = LondonTime.date(meeting.start)
        guard meeting.status != .held, meeting.status != .cancelled, meeting.end >= now, !topic.status.isClosed,
            !topic.windowContains(day)
        else { return nil }
        let bound: String
        if let last = topic.notAfter, day > last {
            bound = "after “not after” \(last)"
        } else if let first = topic.notBefore, day < first {
            bound = "before “not before” \(first)"
        } else {
            bound = "outside the window"
        }
        let window = bound.replacingOccurrences(of: "“not", with: "its requester's “not")
        return TopicBreach(
            topicID: topic.id, meetingID: meeting.id, item: item.number,
            message: "“\(topic.title)” (item \(item.number)) is on \(day), \(window): move it or unschedule it",
            short: "item \(item.number) \(bound)")
    }
}

/// Areas typed as text: names (which may themselves hold commas, "Cranfield, Marston and Woburn"), ids,
/// unambiguous beginnings of names, or "all".
public enum AreaInput {
    public struct Understood: Sendable, Equatable {
        /// Empty: every area.
        public var areas: [String]
        public var unknown: [String]
    }

    public static func parse(_ text: String, areas: [Area]) -> Understood {
        var rest = text.lowercased()
        var found: [(position: String.Index, id: String)] = []
        if rest.trimmingCharacters(in: .whitespaces) == "all"
            || rest.trimmingCharacters(in: .whitespaces) == "every area"
        {
            return Understood(areas: [], unknown: [])
        }
        // Whole names first, longest first, so a comma inside a name does not split it.
        for area in areas.sorted(by: { $0.name.count > $1.name.count }) {
            for key in [area.name.lowercased(), area.id] {
                while let range = rest.range(of: key) {
                    found.append((range.lowerBound, area.id))
                    rest.replaceSubrange(range, with: String(repeating: ",", count: key.count))
                }
            }
        }
        var unknown: [String] = []
        for part in rest.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            let typed = part.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty, typed != "and" else { continue }
            let matches = areas.filter { $0.name.lowercased().hasPrefix(typed) }
            if matches.count == 1 { found.append((part.startIndex, matches[0].id)) } else { unknown.append(typed) }
        }
        var ids: [String] = []
        for (_, id) in found.sorted(by: { $0.position < $1.position }) where !ids.contains(id) { ids.append(id) }
        return Understood(areas: ids, unknown: unknown)
    }

    /// Short column titles for the seven areas: the initials of the name's words ("Leighton Buzzard and
    /// Linslade" → "LBL"), made unique by adding letters where two areas would share them.
    public static func abbreviations(_ areas: [Area]) -> [String: String] {
        func initials(_ name: String) -> String {
            name.split(whereSeparator: { !$0.isLetter }).filter { $0.lowercased() != "and" && $0.lowercased() != "of" }
                .compactMap(\.first).map { String($0).uppercased() }.joined()
        }
        var result: [String: String] = [:]
        var used: [String: Int] = [:]
        for area in areas { used[initials(area.name), default: 0] += 1 }
        for area in areas {
            let short = initials(area.name)
            result[area.id] = used[short, default: 0] > 1 ? String(area.name.prefix(4)) + short.dropFirst() : short
        }
        return result
    }
}
