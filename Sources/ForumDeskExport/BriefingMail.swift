import Foundation
import ForumDeskCore

extension DigestMail {
    /// A councillor's briefing: their wards' meetings in the coming weeks (date, time, venue, whether they replied),
    /// the notices awaiting their reply, the open actions raised at meetings covering their wards; those meetings
    /// attached as an iCalendar `PUBLISH` (RFC 5545, Europe/London with its VTIMEZONE, each event's stable UID and
    /// current SEQUENCE, no attendees: it informs, it invites no reply). `email` must be a usable address.
    public static func briefing(_ b: BriefingRules.Briefing, email: String, weeks: Int, directory: Directory,
                                organiser: Notifier.Organiser, council: String, now: Date) -> Outgoing {
        let today = LondonTime.date(now)
        let wards = b.councillor.wards.map { directory.ward($0)?.ward.name ?? $0 }
        let subject = "Your briefing: \(b.meetings.count) meeting\(b.meetings.count == 1 ? "" : "s") in the next \(weeks) week\(weeks == 1 ? "" : "s"), "
            + "\(b.actions.count) open action\(b.actions.count == 1 ? "" : "s")"
        let intro = "Community meetings covering your ward\(wards.count == 1 ? "" : "s") (\(wards.joined(separator: ", "))), as of "
            + "\(MeetingDocument.longDate(now)). The meetings below are attached as a calendar file."
        func meetingEntry(_ m: Meeting) -> Entry {
            var lines = [("When", "\(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))"),
                         ("Where", [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", ")),
                         ("Area", directory.area(m.area)?.name ?? m.area), ("Status", m.status.label),
                         ("Your notice", NotificationRules.state(ofCouncillor: b.councillor.id, for: m).label)]
            if !m.agenda.isEmpty { lines.append(("Agenda", m.agenda.map { "\($0.number). \($0.title)" }.joined(separator: "; "))) }
            return Entry(title: m.title, lines: lines)
        }
        let awaiting = b.awaitingReply.map { m -> Entry in
            let notice = NotificationRules.lastInvitation(to: b.councillor.id, in: m)
            return Entry(title: "\(m.title), \(MeetingDocument.longDate(m.start))",
                         lines: [("Notice sent", notice.map { MeetingDocument.longDate($0.at) } ?? "")]
                            + [("Please reply", "with your calendar's Accept or Decline, or to this e-mail")])
        }
        let actions = b.actions.map { r -> Entry in
            var lines = [("Raised at", "\(r.meeting.title), \(MeetingDocument.longDate(r.meeting.start))"),
                         ("Owner", directory.ownerName(person: r.action.owner, organisation: r.action.organisation)),
                         ("Due", r.action.due.map { MeetingDocument.shortDate($0) + (ActionRules.isOverdue(r.action, today: today) ? " (overdue)" : "") }
                            ?? "no due date"),
                         ("Status", r.action.status.label)]
            if let feedback = r.action.feedback { lines.append(("Residents were told", feedback)) }
            return Entry(title: "\(r.action.id): \(r.action.description)", lines: lines)
        }
        let page = Page(greeting: "Dear \(b.councillor.name),", intro: intro, sections: [
            Section(title: "Meetings in the next \(weeks) week\(weeks == 1 ? "" : "s")", entries: b.meetings.map(meetingEntry),
                    empty: "No meeting covering your wards is planned in these weeks."),
            Section(title: "Notices awaiting your reply", entries: awaiting, empty: "None: thank you for replying."),
            Section(title: "Open actions from your wards' meetings", entries: actions, empty: "None."),
        ], signature: [organiser.name, council, organiser.email])
        let events = b.meetings.map {
            ICalendar.event($0, directory: directory, method: .publish, sequence: $0.sequence, stamp: now,
                            organiser: nil, attendee: nil, description: $0.publicNotes)
        }
        let calendar = ICalendar.calendar(method: .publish, events: events, name: "Meetings in \(wards.joined(separator: ", "))")
        let file = NoticeOutbox.digestFileName(person: b.councillor.id, folder: NoticeOutbox.briefings, at: now)
        let text = Email.message(from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox(b.councillor.name, email),
                                 subject: subject, date: now, messageID: "briefing.\(b.councillor.id).\(ICalendar.utcStamp(now))@forumdesk",
                                 text: page.text, html: page.html(title: subject),
                                 attachment: Email.Attachment(contentType: "text/calendar; charset=UTF-8; method=PUBLISH",
                                                              fileName: "meetings.ics", text: calendar))
        return Outgoing(name: b.councillor.name, email: email, folder: NoticeOutbox.briefings, file: file, text: text)
    }
}
