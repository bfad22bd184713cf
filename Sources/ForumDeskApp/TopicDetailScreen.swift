import Foundation
import ForumDeskCore
import TerminalUI

/// A topic request as the councillor view shows it: every field as text, and where it was presented or is
/// scheduled across the council. Nothing here takes typing; `q` or `Esc` goes back.
struct TopicDetailScreen: Screen {
    let topicID: String

    var title: String { "Topic" }
    var keyMap: KeyMap<Command> { KeyMap([]) }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] { [] }

    func lines(_ c: Context) -> [(String, String)] {
        guard let t = c.data.topic(topicID) else { return [("", "This topic is no longer in the data.")] }
        var rows: [(String, String)] = [
            ("Topic", t.title), ("Requested by", c.organisationName(t.organisation)),
            ("Presenter", c.directory.displayName(ofPerson: t.contact)),
        ]
        if let description = t.description { rows.append(("Description", description)) }
        rows.append(("For", t.purpose.map(\.label).joined(separator: ", ")))
        if let level = t.engagementLevel { rows.append(("Engagement", level.rawValue)) }
        rows.append(("Areas wanted", t.areas.isEmpty ? "all areas" : t.areas.map(c.areaName).joined(separator: "; ")))
        rows.append(
            (
                "Window",
                [t.notBefore.map { "from \(Format.day($0))" }, t.notAfter.map { "until \(Format.day($0))" }]
                    .compactMap { $0 }.joined(separator: " ")
            ))
        rows.append(("Minutes needed", String(t.minutes)))
        rows.append(("Status", t.status.rawValue + (t.reason.map { ": \($0)" } ?? "")))
        for slot in c.slots(t.id) {
            let when = slot.meeting.start > c.now ? "scheduled" : "presented"
            rows.append(
                (c.areaName(slot.meeting.area), "\(when) \(Format.day(slot.meeting.start)), \(slot.meeting.venue.name)")
            )
        }
        return rows
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let inner = area.inset(horizontal: 1)
        buffer.put("Topic request (read-only)", x: inner.x, y: inner.y, maxWidth: inner.width, style: Theme.title)
        for (i, row) in lines(c).enumerated() where i + 2 < inner.height {
            let used = buffer.put(
                row.0.padding(toLength: 16, withPad: " ", startingAt: 0), x: inner.x, y: inner.y + 2 + i,
                style: Theme.muted)
            buffer.put(row.1, x: inner.x + used, y: inner.y + 2 + i, maxWidth: inner.width - used)
        }
    }
}
