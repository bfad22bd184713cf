import Foundation
import ForumDeskCore

extension DigestMail {
    /// A councillor's briefing: their wards' meetings in the coming weeks (date, time, venue, whether they replied),
    /// the notices awaiting their reply, the open actions raised at meetings covering their wards; those meetings
    /// they were not sent an invitation to attached as an iCalendar `PUBLISH` (RFC 5545, Europe/London with its
    /// VTIMEZONE, each event's stable UID and current SEQUENCE, no attendees: it informs, it invites no reply), so
    /// no invitation in their calendar is replaced; nothing attached when there is none. `email` must be a usable address.
    public static func briefing(
        _ b: BriefingRules.Briefing, email: String, weeks: Int, directory: Directory,
        organiser: Notifier.Organiser, council: String, now: Date
    ) -> Outgoing {
        let today = LondonTime.date(now)
        let wards = b.councillor.wards.map { directory.ward($0)?.ward.name ?? $0 }
        let subject =
            "Your briefing: \(b.meetings.count) meeting\(b.meetings.count == 1 ? "" : "s") in the next \(weeks) week\(weeks == 1 ? "" : "s"), "
            + "\(b.actions.count) open action\(b.actions.count == 1 ? "" : "s")"
        // A meeting the councillor was sent a calendar notice for is in their calendar as that invitation, to be
        // answered there: the same UID again, without ORGANIZER and ATTENDEE, would replace it. Only the others go.
        let invited = { (m: Meeting) in
            m.notifications.contains { $0.councillor == b.councillor.id && $0.method == .email }
        }
        let attached = b.meetings.filter { !invited($0) }
        var intro =
            "Community meetings covering your ward\(wards.count == 1 ? "" : "s") (\(wards.joined(separator: ", "))), as of "
            + "\(MeetingDocument.longDate(now))."
        if !attached.isEmpty {
            intro +=
                attached.count == b.meetings.count
                ? " The meetings below are attached as a calendar file."
                : " Those you have not been invited to are attached as a calendar file; the others are in your calendar from their invitations."
        } else if !b.meetings.isEmpty {
            intro += " Each is in your calendar from its invitation, so no calendar file is attached."
        }
        func meetingEntry(_ m: Meeting) -> Entry {
            var lines = [
                (
                    "When",
                    "\(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))"
                ),
                ("Where", [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", ")),
                ("Area", directory.area(m.area)?.name ?? m.area), ("Status", m.status.label),
                ("Your notice", NotificationRules.state(ofCouncillor: b.councillor.id, for: m).label),
            ]
            if !m.agenda.isEmpty {
                lines.append(("Agenda", m.agenda.map { "\($0.number). \($0.title)" }.joined(separator: "; ")))
            }
            lines.append(
                ("Calendar", invited(m) ? "in your calendar from its invitation: please answer that" : "attached"))
            return Entry(title: m.title, lines: lines)
        }
        let awaiting = b.awaitingReply.map { m -> Entry in
            let notice = NotificationRules.lastInvitation(to: b.councillor.id, in: m)
            return Entry(
                title: "\(m.title), \(MeetingDocument.longDate(m.start))",
                lines: [("Notice sent", notice.map { MeetingDocument.longDate($0.at) } ?? "")]
                    + [("Please reply", "with your calendar's Accept or Decline, or to this e-mail")])
        }
        let actions = b.actions.map { r -> Entry in
            var lines = [
                ("Raised at", "\(r.meeting.title), \(MeetingDocument.longDate(r.meeting.start))"),
                ("Owner", directory.ownerName(person: r.action.owner, organisation: r.action.organisation)),
                (
                    "Due",
                    r.action.due.map {
                        MeetingDocument.shortDate($0)
                            + (ActionRules.isOverdue(r.action, today: today) ? " (overdue)" : "")
                    }
                        ?? "no due date"
                ),
                ("Status", r.action.status.label),
            ]
            if let feedback = r.action.feedback { lines.append(("Residents were told", feedback)) }
            return Entry(title: "\(r.action.id): \(r.action.description)", lines: lines)
        }
        let page = Page(
            greeting: "Dear \(b.councillor.name),", intro: intro,
            sections: [
                Section(
                    title: "Meetings in the next \(weeks) week\(weeks == 1 ? "" : "s")",
                    entries: b.meetings.map(meetingEntry),
                    empty: "No meeting covering your wards is planned in these weeks."),
                Section(
                    title: "Notices awaiting your reply", entries: awaiting, empty: "None: thank you for replying."),
                Section(title: "Open actions from your wards' meetings", entries: actions, empty: "None."),
            ], signature: [organiser.name, council, organiser.email])
        let events = attached.map {
            ICalendar.event(
                $0, directory: directory, method: .publish, sequence: $0.sequence, stamp: now,
                organiser: nil, attendee: nil, description: $0.publicNotes)
        }
        // No meeting to attach, no calendar: an empty one would say there were none.
        let calendar =
            events.isEmpty
            ? nil
            : Email.Attachment(
                contentType: "text/calendar; charset=UTF-8; method=PUBLISH", fileName: "meetings.ics",
                text: ICalendar.calendar(
                    method: .publish, events: events, name: "Meetings in \(wards.joined(separator: ", "))"))
        let file = NoticeOutbox.digestFileName(person: b.councillor.id, folder: NoticeOutbox.briefings, at: now)
        let text = Email.message(
            from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox(b.councillor.name, email),
            subject: subject, date: now, messageID: "briefing.\(b.councillor.id).\(ICalendar.utcStamp(now))@forumdesk",
            text: page.text, html: page.html(title: subject), attachment: calendar)
        return Outgoing(name: b.councillor.name, email: email, folder: NoticeOutbox.briefings, file: file, text: text)
    }
}
