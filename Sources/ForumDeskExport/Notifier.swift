import Foundation
import ForumDeskCore

/// Works out which councillors (and, if asked, invited partner contacts) are owed a notice for a meeting, and
/// writes each as an e-mail with an iCalendar invitation or cancellation. Pure: the caller writes the files
/// and saves the meeting with the notices recorded.
public enum Notifier {
    public struct Outgoing: Sendable {
        public var name: String
        public var email: String
        public var kind: NoticeKind
        public var sequence: Int
        /// `outbox/<meeting>/<time>-<who>-<request|cancel>-<sequence>.eml`, relative to the data folder.
        public var path: String
        public var text: String
    }

    public struct Plan: Sendable {
        public var outgoing: [Outgoing]
        /// Councillors owed a notice who have no e-mail address or prefer a letter or a call.
        public var byHand: [(person: Person, state: NotificationState)]
        /// The meeting with the notices recorded (and its sequence raised where a change requires it).
        public var meeting: Meeting
    }

    public struct Organiser: Sendable {
        public var name: String
        public var email: String
        public init(name: String, email: String) {
            self.name = name
            self.email = email
        }

        /// From the settings, with the engagement team's defaults where they are not set.
        public init(configuredName: String?, configuredEmail: String?) {
            self.init(
                name: configuredName ?? "Community Engagement Team", email: configuredEmail ?? "engagement@example.org")
        }
    }

    /// The notices owed: ward councillors not notified, holding a stale notice (another date, time, venue or
    /// status, or a cancellation since reinstated) or owed a cancellation; and the invited partners' contacts on
    /// the same rules, except that a partner's first invitation goes only when `partners` is asked for.
    public static func plan(
        for meeting: Meeting, directory: Directory, organiser: Organiser, council: String, now: Date,
        partners: Bool = false
    ) -> Plan {
        var updated = meeting
        var outgoing: [Outgoing] = []
        var byHand: [(Person, NotificationState)] = []
        let stamp = ICalendar.utcStamp(now).replacingOccurrences(of: "Z", with: "")
        let owed = owed(for: meeting, directory: directory, partners: partners)
        updated.sequence = sequence(for: meeting, owed: owed)
        for (person, state, isCouncillor) in owed {
            // An address `validate` reports (not RFC 5322, or non-ASCII) is not written into mail: the notice goes by hand.
            guard let email = person.email, EmailAddress.problem(email) == nil,
                person.preferredContact == nil || person.preferredContact == .email
            else {
                // A partner's contact with no usable e-mail address is reached through the organisation, not listed.
                if isCouncillor { byHand.append((person, state)) }
                continue
            }
            let kind: NoticeKind = state == .cancellationOwed ? .cancellation : .invitation
            let notice = record(updated, to: person.id, kind: kind, method: .email, now: now)
            outgoing.append(
                compose(
                    updated, directory: directory, to: person, email: email, notice: notice, stale: state == .stale,
                    organiser: organiser, council: council, now: now, stamp: stamp))
            updated.notifications.append(notice)
            for i in updated.invitations.indices
            where updated.invitations[i].person == person.id && updated.invitations[i].at == nil {
                updated.invitations[i].at = now
            }
        }
        return Plan(outgoing: outgoing, byHand: byHand, meeting: updated)
    }

    /// Who is owed a notice, in order: the wards' councillors (not notified, stale, or owed a cancellation), then
    /// invited partners' contacts on the same rules (their first invitation only with `partners`), each once.
    public static func owed(
        for meeting: Meeting, directory: Directory, partners: Bool
    )
        -> [(person: Person, state: NotificationState, isCouncillor: Bool)]
    {
        var owed: [(person: Person, state: NotificationState, isCouncillor: Bool)] =
            NotificationRules.statuses(for: meeting, in: directory).filter { $0.state.needsNotice }.map {
                ($0.councillor, $0.state, true)
            }
        // Once per person: a councillor who is also a partner's contact, or a contact invited twice, gets one notice.
        for status in NotificationRules.partnerStatuses(for: meeting, in: directory)
        where status.state.needsNotice && (partners || status.state != .notNotified)
            && !owed.contains(where: { $0.person.id == status.contact.id })
        {
            owed.append((status.contact, status.state, false))
        }
        return owed
    }

    /// The SEQUENCE the notices owed carry: a change or a cancellation must carry a higher one than any notice
    /// already sent (RFC 5546 §2.1.4), by e-mail, letter or telephone alike. Raised only when a notice already
    /// carries the meeting's SEQUENCE and says something else (another date, time, venue or status): notices
    /// of the meeting as it is now, sent in two goes (e-mails by `notify`, then letters), share one SEQUENCE.
    public static func sequence(
        for meeting: Meeting, owed: [(person: Person, state: NotificationState, isCouncillor: Bool)]
    ) -> Int {
        let highestSent = meeting.notifications.map(\.sequence).max() ?? -1
        guard owed.contains(where: { $0.state == .stale || $0.state == .cancellationOwed }),
            meeting.sequence <= highestSent
        else {
            return meeting.sequence
        }
        let cancelled = meeting.status == .cancelled
        let outdated = meeting.notifications.contains { notice in
            notice.sequence >= meeting.sequence
                && (NotificationRules.isStale(notice, for: meeting) || (notice.kind == .cancellation) != cancelled)
        }
        return outdated ? highestSent + 1 : meeting.sequence
    }

    /// The record of a notice: what it announced (date, time, venue, status), or why the meeting was cancelled.
    public static func record(
        _ m: Meeting, to person: String, kind: NoticeKind, method: ContactMethod, now: Date
    ) -> CouncillorNotification {
        var notice = CouncillorNotification(
            councillor: person, at: now, method: method, kind: kind, sequence: m.sequence,
            start: kind == .invitation ? m.start : nil, end: kind == .invitation ? m.end : nil,
            venue: kind == .invitation ? m.venue.name : nil)
        notice.status = kind == .invitation ? m.status.eventStatus : .cancelled
        notice.reason = kind == .cancellation ? m.cancellationReason : nil
        // An e-mail waits in the outbox until `forumdesk send` hands it over.
        if method == .email { notice.delivery = .queued }
        return notice
    }

    /// One e-mail: the text part and the iCalendar REQUEST (or CANCEL for a cancellation), and its outbox path,
    /// named after the notice it carries (`NoticeOutbox.fileName`): the same notice always has the same name.
    static func compose(
        _ m: Meeting, directory: Directory, to person: Person, email: String, notice: CouncillorNotification,
        stale: Bool,
        organiser: Organiser, council: String, now: Date, stamp: String
    ) -> Outgoing {
        let kind = notice.kind
        let note = message(
            for: m, directory: directory, to: person.name, kind: kind, stale: stale, organiser: organiser,
            council: council)
        let method: ICalendar.Method = kind == .cancellation ? .cancel : .request
        let event = ICalendar.event(
            m, directory: directory, method: method, sequence: m.sequence, stamp: now,
            organiser: ICalendar.Person(name: organiser.name, email: organiser.email),
            attendee: ICalendar.Person(name: person.name, email: email), description: note,
            comment: kind == .cancellation ? m.cancellationReason : nil)
        let subject =
            (kind == .cancellation ? "Cancelled: " : stale ? "Updated: " : "Invitation: ")
            + "\(m.title), \(MeetingDocument.longDate(m.start))"
        let text = Email.message(
            from: Email.mailbox(organiser.name, organiser.email), to: Email.mailbox(person.name, email),
            subject: subject, date: now, messageID: "\(m.id).\(person.id).\(m.sequence).\(stamp)@forumdesk",
            body: note, calendar: ICalendar.calendar(method: method, events: [event]), method: method.rawValue)
        return Outgoing(
            name: person.name, email: email, kind: kind, sequence: m.sequence,
            path: "outbox/\(m.id)/\(NoticeOutbox.fileName(of: notice))", text: text)
    }

    /// How a notice reaches its reader: the words differ only where the medium does (how to reply, what
    /// replaces the earlier notice).
    public enum Medium: Sendable { case email, letter }

    /// What a notice says, in parts, so the e-mail's text and a letter (`Letters`) say the same thing.
    public struct Wording: Sendable, Equatable {
        /// "Dear Cllr Ada Bellweather,"
        public var salutation: String
        /// Paragraphs before the meeting's details: what this notice is, and for a cancellation "Reason: …".
        public var opening: [String]
        public var title: String
        /// "Thursday 17 December 2026, 19:00 to 21:00", in Europe/London.
        public var when: String
        /// Venue name and address on one line.
        public var venue: String
        public var access: String?
        /// "Wards: Potton, Sandy"
        public var wards: String?
        public var notes: String?
        /// How to join online (a hybrid or online meeting): the link, the dial-in, the instructions; empty otherwise
        /// and for a cancellation.
        public var joining: [String] = []
        /// "1. Welcome and introductions"; empty for a cancellation.
        public var agenda: [String]
        /// The organiser's name, the council, the organiser's e-mail address.
        public var signature: [String]
    }

    /// The parts of a notice of `m` to `name`: an invitation, an update of a stale one, or a cancellation.
    public static func wording(
        for m: Meeting, directory: Directory, to name: String, kind: NoticeKind, stale: Bool,
        organiser: Organiser, council: String, medium: Medium = .email
    ) -> Wording {
        var opening: [String]
        switch (kind, stale) {
        case (.cancellation, _):
            opening = [
                medium == .email
                    ? "The meeting below has been cancelled. Please remove it from your calendar."
                    : "The meeting below has been cancelled. Please remove it from your diary."
            ]
            if let reason = m.cancellationReason { opening.append("Reason: \(reason)") }
        case (_, true):
            opening = [
                "The meeting below has changed (its date, time, venue\(m.online == nil ? "" : ", joining link") or status: it is now \(m.status.label.lowercased())). "
                    + (medium == .email
                        ? "The attached invitation replaces the earlier one."
                        : "This letter replaces the earlier notice.")
            ]
        default:
            opening = [
                medium == .email
                    ? "You are invited to the meeting below, which covers your ward. Please reply with your calendar's Accept or Decline."
                    : "You are invited to the meeting below, which covers your ward. Please let us know whether you can attend, "
                        + "by e-mail to \(organiser.email) or by letter to the address above."
            ]
        }
        let wardNames = m.wards.map { directory.ward($0)?.ward.name ?? $0 }
        var wording = Wording(
            salutation: "Dear \(name),", opening: opening, title: m.title,
            when:
                "\(MeetingDocument.longDate(m.start)), \(MeetingDocument.clock(m.start)) to \(MeetingDocument.clock(m.end))",
            venue: [m.venue.name, m.venue.address].compactMap { $0 }.joined(separator: ", "),
            access: m.venue.accessibility,
            wards: wardNames.isEmpty ? nil : "Wards: " + wardNames.joined(separator: ", "),
            // A cancellation says why in its own words; the notes (a postponement's line) would read as the reason.
            notes: kind == .cancellation ? nil : m.publicNotes,
            agenda: kind == .invitation ? m.agenda.map { "\($0.number). \($0.title)" } : [],
            signature: [organiser.name, council, organiser.email])
        if kind == .invitation, let online = m.online { wording.joining = online.noticeLines }
        return wording
    }

    /// The plain-text part: what, when, where, access, wards, the agenda so far.
    public static func message(
        for m: Meeting, directory: Directory, to name: String, kind: NoticeKind, stale: Bool,
        organiser: Organiser, council: String
    ) -> String {
        let w = wording(
            for: m, directory: directory, to: name, kind: kind, stale: stale, organiser: organiser, council: council)
        var lines = [w.salutation, ""]
        lines += w.opening.joined(separator: "\n\n").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        lines += ["", w.title, w.when, w.venue]
        if let access = w.access { lines.append("Access: \(access)") }
        if let wards = w.wards { lines.append(wards) }
        if let notes = w.notes { lines.append(notes) }
        if !w.joining.isEmpty { lines += [""] + w.joining }
        if !w.agenda.isEmpty {
            lines += ["", "Agenda so far:"]
            for item in w.agenda { lines.append("  \(item)") }
        }
        lines += [""] + w.signature
        return lines.joined(separator: "\n")
    }
}
