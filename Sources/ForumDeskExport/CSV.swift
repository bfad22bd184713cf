import Foundation
import ForumDeskCore

/// RFC 4180 CSV: a header row, CRLF line ends, fields with a comma, quote or line break in double quotes,
/// quotes doubled.
public enum CSV {
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A field that begins like a formula gets an apostrophe in front, so opening the file cannot run what
    /// someone typed into a title. A field that already begins with an apostrophe before such a character gets
    /// one more, so `unprefixed` gives back exactly the text there was.
    public static func spreadsheetSafe(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.first else { return value }
        if formulaStarts.contains(first) { return "'" + value }
        if first == "'", isPrefixed(value) { return "'" + value }
        return value
    }

    /// The text as it was before `spreadsheetSafe`.
    public static func unprefixed(_ value: String) -> String {
        isPrefixed(value) ? String(value.unicodeScalars.dropFirst()) : value
    }

    static func isPrefixed(_ value: String) -> Bool {
        var rest = value.unicodeScalars[...]
        guard rest.first == "'" else { return false }
        while rest.first == "'" { rest = rest.dropFirst() }
        return rest.first.map(formulaStarts.contains) ?? false
    }

    /// A CSV document. Formulas are always defused unless `raw` (for programs, not spreadsheets); `excel` adds
    /// the byte-order mark Excel needs to read UTF-8.
    public static func document(header: [String], rows: [[String]], excel: Bool = false, raw: Bool = false) -> String {
        let lines = [header] + rows.map { raw ? $0 : $0.map(spreadsheetSafe) }
        return (excel ? "\u{FEFF}" : "") + lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    public enum Table: String, Sendable, CaseIterable {
        case meetings, actions, attendance, notifications, issues, topics
    }

    /// One row per record of the table, for the given meetings; dates in ISO 8601.
    public static func table(
        _ table: Table, meetings: [Meeting], directory: Directory, today: CalendarDate
    )
        -> (header: [String], rows: [[String]])
    {
        func name(_ id: String?) -> String { id.map { directory.displayName(ofPerson: $0) } ?? "" }
        func iso(_ date: Date?) -> String { date.map(LondonTime.iso) ?? "" }
        switch table {
        case .meetings:
            return (
                [
                    "id", "start", "end", "kind", "title", "area", "wards", "venue", "address", "accessibility",
                    "status", "chair",
                    "residents_present", "agenda_items", "actions", "invitations",
                ],
                meetings.map { m in
                    [
                        m.id, iso(m.start), iso(m.end), m.kind.rawValue, m.title, m.area,
                        m.wards.joined(separator: ";"), m.venue.name,
                        m.venue.address ?? "", m.venue.accessibility ?? "", m.status.rawValue, m.chair ?? "",
                        m.residentsPresent.map(String.init) ?? "", String(m.agenda.count), String(m.actions.count),
                        String(m.invitations.count),
                    ]
                }
            )
        case .actions:
            return (
                [
                    "id", "meeting", "meeting_start", "area", "item", "description", "owner", "owner_name",
                    "organisation", "due", "status",
                    "overdue", "tags", "updates", "last_update", "feedback",
                ],
                ActionRules.allActions(in: meetings).map { r in
                    let a = r.action
                    return [
                        a.id, r.meeting.id, iso(r.meeting.start), r.meeting.area, a.item.map(String.init) ?? "",
                        a.description,
                        a.owner ?? "", name(a.owner), a.organisation ?? "", a.due?.description ?? "", a.status.rawValue,
                        ActionRules.isOverdue(a, today: today) ? "yes" : "no", a.tags.joined(separator: ";"),
                        String(a.updates.count),
                        a.updates.last.map { "\(LondonTime.iso($0.at)) \($0.text)" } ?? "", a.feedback ?? "",
                    ]
                }
            )
        case .attendance:
            return (
                [
                    "meeting", "meeting_start", "area", "person", "name", "organisation", "role", "status", "reason",
                    "substitute_for",
                ],
                meetings.flatMap { m in
                    m.attendance.map { a in
                        [
                            m.id, iso(m.start), m.area, a.person ?? "", a.person.map { name($0) } ?? a.name ?? "",
                            a.organisation ?? a.person.flatMap { directory.person($0)?.organisation } ?? "",
                            a.role.rawValue,
                            a.status.rawValue, a.reason ?? "", a.substituteFor ?? "",
                        ]
                    }
                }
            )
        case .notifications:
            return (
                [
                    "meeting", "meeting_start", "area", "councillor", "councillor_name", "at", "method", "kind",
                    "sequence", "reply",
                    "replied_at", "current_state",
                ],
                meetings.flatMap { m in
                    m.notifications.map { n in
                        [
                            m.id, iso(m.start), m.area, n.councillor, name(n.councillor), iso(n.at), n.method.rawValue,
                            n.kind.rawValue,
                            String(n.sequence), n.reply.rawValue, iso(n.repliedAt),
                            NotificationRules.state(ofCouncillor: n.councillor, for: m).label,
                        ]
                    }
                }
            )
        case .issues:
            return (
                [
                    "id", "meeting", "meeting_start", "area", "item", "text", "tags", "status", "answer", "action",
                    "topic",
                ],
                meetings.flatMap { m in
                    m.issues.map { i in
                        [
                            i.id, m.id, iso(m.start), m.area, i.item.map(String.init) ?? "", i.text,
                            i.tags.joined(separator: ";"),
                            i.status.rawValue, i.answer ?? "", i.action ?? "", i.topic ?? "",
                        ]
                    }
                }
            )
        case .topics:
            // Topics are not rows of meetings: `topics(...)` builds them from the requests.
            return (topicHeader, [])
        }
    }

    static let topicHeader = [
        "topic", "title", "organisation", "engagement_level", "minutes", "not_before", "not_after", "status",
        "area", "state", "meeting", "meeting_start", "item", "what_residents_said",
    ]

    /// The roll-out of every topic request: one row per topic and area wanted (or carrying it), with the meeting
    /// and what residents said there. `area` keeps one area's rows.
    public static func topics(
        _ topics: [TopicRequest], meetings: [Meeting], directory: Directory, now: Date, area: String? = nil
    )
        -> (header: [String], rows: [[String]])
    {
        let slots = TopicRules.slots(in: meetings)
        var rows: [[String]] = []
        for topic in topics {
            let mine = slots[topic.id] ?? []
            let status = TopicRules.status(topic, slots: mine, directory: directory, now: now)
            for a in directory.areas where area == nil || a.id == area {
                let cell = TopicRules.cell(topic, area: a.id, slots: mine, now: now)
                guard cell != .notWanted else { continue }
                var meetingID = "", start = "", item = "", said = ""
                if case .scheduled(let id, _) = cell, let slot = mine.first(where: { $0.meeting.id == id }) {
                    (meetingID, start, item) = (id, LondonTime.iso(slot.meeting.start), String(slot.item.number))
                }
                if case .presented(let id, _) = cell, let slot = mine.first(where: { $0.meeting.id == id }) {
                    (meetingID, start, item, said) = (
                        id, LondonTime.iso(slot.meeting.start), String(slot.item.number), slot.item.outcome ?? ""
                    )
                }
                rows.append([
                    topic.id, topic.title, topic.organisation ?? "", topic.engagementLevel?.rawValue ?? "",
                    String(topic.minutes),
                    topic.notBefore?.description ?? "", topic.notAfter?.description ?? "", status.rawValue, a.id,
                    cell.key, meetingID, start, item, said,
                ])
            }
        }
        return (topicHeader, rows)
    }
}
