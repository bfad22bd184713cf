import Foundation
import ForumDeskCore

/// The site's subscribable files: an iCalendar feed per area and per ward (RFC 5545, through `ICalendar`), and an
/// Atom feed (RFC 4287) of new papers, agendas and minutes.
extension PublicSite {
    /// How far back a calendar reaches: a subscriber's calendar keeps last year's meetings, not thirty years'.
    static let calendarDays = 365
    /// How many papers the feed lists, newest first.
    static let feedEntries = 50

    /// The description of a meeting's public calendar event: notes, access and the agenda's items.
    public static func eventDescription(_ m: Meeting) -> String? {
        let agenda = m.agenda.map { "\($0.number). \($0.title)" }.joined(separator: "\n")
        let text = [
            m.publicNotes, m.venue.accessibility.map { "Access: \($0)" }, agenda.isEmpty ? nil : "Agenda:\n" + agenda,
        ]
        .compactMap { $0 }.joined(separator: "\n\n")
        return text.isEmpty ? nil : PublicRecord.clean(text)
    }

    func absolute(_ path: String) -> String? { baseURL.map { $0 + path } }

    /// `changedAt(id)`: when the meeting's page last changed (from the manifest), the stamp of its event and feed entry.
    public func feeds(changedAt: (String) -> Date) -> [SitePage] {
        var out: [SitePage] = []
        let from = LondonTime.instant(
            date: CalendarDate(daysSinceEpoch: today.daysSinceEpoch - Self.calendarDays), hour: 0, minute: 0)
        let fromDay = CalendarDate(daysSinceEpoch: today.daysSinceEpoch - Self.calendarDays)
        func calendar(_ name: String, _ list: [Meeting], _ consulting: [Consultation]) -> String {
            let events =
                list.filter { $0.end >= from }.map { m in
                    ICalendar.event(
                        m, directory: directory, method: .publish, sequence: m.sequence, stamp: changedAt(m.id),
                        organiser: nil, attendee: nil, description: Self.eventDescription(m),
                        url: absolute(Self.meetingPath(m)))
                }
                + consulting.filter { $0.closes >= fromDay }.map {
                    consultationEvent($0, stamp: changedAt("consultation:\($0.id)"))
                }
            return ICalendar.calendar(method: .publish, events: events, name: "\(council): \(name)")
        }
        for area in areas {
            let list = byArea[area.id] ?? []
            let consulting = consultations(area: area.id)
            out.append(
                SitePage(
                    path: "areas/\(area.id).ics", content: calendar("\(area.name) meetings", list, consulting),
                    dependsOn: ["today", "area:\(area.id)"] + list.map { "meeting:\($0.id)" }
                        + consulting.map { "consultation:\($0.id)" }))
            for ward in area.wards where Self.isSlug(ward.id) {
                let list = byWard[ward.id] ?? []
                let consulting = consultations(ward: ward.id)
                out.append(
                    SitePage(
                        path: "wards/\(ward.id).ics", content: calendar("\(ward.name) ward meetings", list, consulting),
                        dependsOn: ["today", "ward:\(ward.id)"] + list.map { "meeting:\($0.id)" }
                            + consulting.map { "consultation:\($0.id)" }))
            }
        }
        out.append(atom(changedAt: changedAt))
        return out
    }

    /// `2026-11-23T12:00:00Z` (RFC 3339).
    static func rfc3339(_ instant: Date) -> String {
        let s = ICalendar.utcStamp(instant)  // 20261123T120000Z
        let c = Array(s)
        return
            "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))Z"
    }

    /// A permanent id (RFC 4287 §4.2.6): `tag:example.gov.uk,2026:forumdesk/<meeting-id>/minutes`, never made
    /// from the base URL, so moving the site (http to https, a new address) shows no paper again as new.
    /// 2026: the year ForumDesk first published, when the council held its mail domain (RFC 4151 §2.1).
    func entryID(_ specific: String) -> String {
        feedAuthority.map { "tag:\($0),2026:forumdesk/\(specific)" } ?? "urn:forumdesk:"
            + specific.replacingOccurrences(of: "/", with: ":")
    }

    func atom(changedAt: (String) -> Date) -> SitePage {
        struct Paper { var meeting: Meeting; var kind: String; var updated: Date }
        var papers: [Paper] = []
        for m in published where m.status != .cancelled {
            if m.status == .held {
                papers.append(
                    Paper(meeting: m, kind: isDraft(m) ? "Draft minutes" : "Minutes", updated: changedAt(m.id)))
            } else if !m.agenda.isEmpty {
                papers.append(Paper(meeting: m, kind: "Agenda", updated: changedAt(m.id)))
            }
        }
        papers.sort { ($0.updated, $0.meeting.start) > ($1.updated, $1.meeting.start) }
        let shown = papers.prefix(Self.feedEntries)
        let x = { (text: String) in DocumentFormat.escapeHTML(PublicRecord.clean(text)) }
        let feedID = entryID("papers")
        var lines = [
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">",
            "<title>\(x(council)): new agendas and minutes</title>",
            "<id>\(x(feedID))</id>",
            "<updated>\(Self.rfc3339(shown.first?.updated ?? LondonTime.instant(date: today, hour: 0, minute: 0)))</updated>",
            "<author><name>\(x(council)) community engagement team</name></author>",
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(x(absolute("papers.atom") ?? "papers.atom"))\"/>",
            "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(absolute("index.html") ?? "index.html"))\"/>",
        ]
        for p in shown {
            let m = p.meeting
            let anchor = p.meeting.status == .held ? "minutes" : "agenda"
            let href = (absolute(Self.meetingPath(m)) ?? Self.meetingPath(m)) + "#" + anchor
            let id = entryID("\(m.id)/\(anchor)")
            let summary =
                "\(p.kind) of \(m.title), \(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)), \(m.venue.name)."
            lines += [
                "<entry>",
                "<title>\(x("\(p.kind): \(m.title), \(MeetingDocument.longDate(m.start))"))</title>",
                "<id>\(x(id))</id>",
                "<updated>\(Self.rfc3339(p.updated))</updated>",
                "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(href))\"/>",
                "<summary>\(x(summary))</summary>",
                "</entry>",
            ]
        }
        // Consultations open now, and those whose results are published: each one entry, its page the link.
        for c in publicConsultations.reversed() where [.open, .reported].contains(c.stage(on: today)) {
            let reported = c.stage(on: today) == .reported
            let href = absolute(Self.consultationPath(c)) ?? Self.consultationPath(c)
            let summary =
                reported
                ? "Results of the consultation and what changed." : "Open until \(c.closes): " + (c.summary ?? c.title)
            lines += [
                "<entry>",
                "<title>\(x((reported ? "Consultation results: " : "Consultation open: ") + c.title))</title>",
                "<id>\(x(entryID("consultations/\(c.id)/" + (reported ? "results" : "open"))))</id>",
                "<updated>\(Self.rfc3339(changedAt("consultation:\(c.id)")))</updated>",
                "<link rel=\"alternate\" type=\"text/html\" href=\"\(x(href))\"/>",
                "<summary>\(x(summary))</summary>",
                "</entry>",
            ]
        }
        lines.append("</feed>")
        return SitePage(
            path: "papers.atom", content: lines.joined(separator: "\n") + "\n",
            dependsOn: shown.map { "meeting:\($0.meeting.id)" } + publicConsultations.map { "consultation:\($0.id)" })
    }
}
