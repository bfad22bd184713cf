import Foundation
import ForumDeskCore

/// What the start-up index keeps of a closed meeting (held or cancelled, and past): what the dashboard's
/// warnings, the lists, the searches, the topic roll-out and the action log need, and nothing personal
/// beyond ids. Names, reasons, notices, declarations, notes and unknown fields stay in the file, which is
/// read again (`DataStore.hydrate`) before the meeting is shown in full or saved.
enum MeetingSummary {
    /// Whether a meeting at load time may be kept as a summary: it is over and nothing about it is pending.
    /// Such a meeting is settled (`Warnings.isSettled`), so the index's stored warnings serve it; `start` is
    /// checked too for a meeting whose end is wrongly before its start (loaded, and reported by `validate`).
    static func suits(status: MeetingStatus, start: Date, end: Date, now: Date) -> Bool {
        (status == .held || status == .cancelled) && end < now.addingTimeInterval(-14 * 86_400) && start <= now
    }

    static func suits(_ m: Meeting, now: Date) -> Bool { suits(status: m.status, start: m.start, end: m.end, now: now) }

    static func of(_ m: Meeting) -> Meeting {
        var s = Meeting(
            id: m.id, kind: m.kind, title: m.title, area: m.area, wards: m.wards, start: m.start, end: m.end,
            venue: Venue(name: m.venue.name), status: m.status, chair: m.chair)
        s.sequence = m.sequence
        s.residentsPresent = m.residentsPresent
        s.agenda = m.agenda.map { item in
            var lean = AgendaItem(
                number: item.number, title: item.title, tags: item.tags, minutes: item.minutes,
                outcome: item.topic == nil ? nil : item.outcome)
            lean.topic = item.topic
            return lean
        }
        s.invitations = m.invitations.map { Invitation(organisation: $0.organisation, reply: $0.reply) }
        s.attendance = m.attendance.filter { $0.status.isInRoom }
            .map { Attendance(person: $0.person, organisation: $0.organisation, role: $0.role, status: $0.status) }
        s.actions = m.actions.map(leanAction)
        s.issues = m.issues.map {
            ResidentIssue(
                id: $0.id, text: "", tags: $0.tags, item: $0.item, status: $0.status,
                action: $0.action, topic: $0.topic)
        }
        s.isSummary = true
        return s
    }

    static func leanAction(_ a: Action) -> Action {
        Action(
            id: a.id, item: a.item, description: a.description, owner: a.owner, organisation: a.organisation,
            due: a.due,
            status: a.status, tags: a.tags, updates: a.updates.map(leanUpdate),
            feedback: a.feedback,
            reminders: a.reminders.map {
                var r = ActionReminder(at: $0.at, to: $0.to); r.raised = $0.raised; return r
            })
    }

    /// What a summary keeps of an update: when, what, the status, and who sent it by e-mail (the Actions screen marks those).
    static func leanUpdate(_ u: ActionUpdate) -> ActionUpdate {
        var lean = ActionUpdate(at: u.at, text: u.text, status: u.status)
        lean.by = u.by
        lean.messageID = u.messageID
        return lean
    }

    /// Applies an edit made to a summary (`before` → `after`) to the full meeting read from its file. Only what a
    /// summary carries in full can have been edited: the meeting's own fields and its actions. Unknown fields
    /// of the file are kept. Returns nil when the edit touched what the summary leaves out, which no screen does.
    static func merge(before: Meeting, after: Meeting, into full: Meeting) -> Meeting? {
        guard after.agenda == before.agenda, after.invitations == before.invitations,
            after.attendance == before.attendance, after.issues == before.issues, after.venue == before.venue
        else { return nil }
        var m = full
        m.kind = after.kind
        m.title = after.title
        m.area = after.area
        m.wards = after.wards
        m.start = after.start
        m.end = after.end
        m.status = after.status
        m.chair = after.chair
        m.sequence = after.sequence
        m.residentsPresent = after.residentsPresent
        if after.actions != before.actions {
            let old = Dictionary(full.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            m.actions = after.actions.map { edited in
                guard let original = old[edited.id] else { return edited }
                // Unchanged actions keep everything the file had; changed ones keep its unknown fields.
                if before.actions.contains(edited) { return original }
                var merged = edited
                merged.extra = original.extra
                for k in merged.updates.indices
                where k < original.updates.count && merged.updates[k].at == original.updates[k].at {
                    merged.updates[k].extra = original.updates[k].extra
                    // What a summary leaves out of an update stays as the file had it.
                    if merged.updates[k].text == original.updates[k].text {
                        merged.updates[k].meeting = merged.updates[k].meeting ?? original.updates[k].meeting
                        merged.updates[k].due = merged.updates[k].due ?? original.updates[k].due
                    }
                }
                return merged
            }
        }
        m.isSummary = false
        return m
    }
}
