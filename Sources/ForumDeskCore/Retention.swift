import Foundation

/// Data-protection retention: after a meeting is older than the council's retention date, the names in its
/// record are no longer needed. What residents were promised and what was decided stay: counts (attendance
/// by role and status, residents present, equality monitoring, which is counts only), outcomes, actions and
/// residents' issues. Councillors' notices stay too: they record a public office holder's invitation.
public enum Retention {
    /// What was (or would be) removed from one meeting.
    public struct Removed: Sendable, Equatable {
        public var attendeeNames = 0
        public var reasons = 0
        public var declarations = 0
        public var invitationContacts = 0
        public var presenters = 0

        public var isEmpty: Bool { self == Removed() }

        public var description: String {
            [
                (attendeeNames, "attendee name", "attendee names"),
                (reasons, "reason for absence", "reasons for absence"),
                (declarations, "declaration of interest", "declarations of interest"),
                (invitationContacts, "invited contact", "invited contacts"), (presenters, "presenter", "presenters"),
            ]
            .filter { $0.0 > 0 }
            .map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            .joined(separator: ", ")
        }
    }

    /// The unknown field that records when a meeting's personal data was removed.
    public static let marker = "personalDataRemoved"

    /// Stands where a name was, so minutes still read "PRESENT: (name removed), Sandy Town Council".
    public static let removedName = "(name removed)"

    /// The meeting without its personal data. Each attendance line keeps its organisation (taken from the
    /// directory when it named a person), role and status, so every count stays as it was.
    public static func purge(_ meeting: Meeting, directory: Directory, today: CalendarDate) -> (Meeting, Removed) {
        var m = meeting
        var removed = Removed()
        m.attendance = meeting.attendance.map { line in
            let named =
                line.person != nil || (line.name ?? removedName) != removedName
                || (line.substituteFor ?? removedName) != removedName
            if named { removed.attendeeNames += 1 }
            if line.reason != nil { removed.reasons += 1 }
            let organisation = line.organisation ?? line.person.flatMap { directory.person($0)?.organisation }
            return Attendance(
                name: removedName, organisation: organisation, role: line.role, status: line.status,
                substituteFor: line.substituteFor == nil ? nil : removedName)
        }
        removed.declarations = meeting.declarations.count
        m.declarations = []
        for i in m.invitations.indices where m.invitations[i].person != nil {
            m.invitations[i].person = nil
            removed.invitationContacts += 1
        }
        for i in m.agenda.indices where m.agenda[i].presenter != nil || m.agenda[i].presenterName != nil {
            m.agenda[i].presenter = nil
            m.agenda[i].presenterName = nil
            removed.presenters += 1
        }
        if !removed.isEmpty { m.extra[marker] = .string(today.description) }
        return (m, removed)
    }

    /// Whether a meeting ended before the start (London midnight) of `day`.
    public static func endedBefore(_ meeting: Meeting, _ day: CalendarDate) -> Bool {
        meeting.end < LondonTime.instant(date: day, hour: 0, minute: 0)
    }

    /// Meetings that ended before `before` (London midnight) and still hold personal data.
    public static func due(
        _ meetings: [Meeting], before: CalendarDate, directory: Directory, today: CalendarDate
    )
        -> [(Meeting, Removed)]
    {
        meetings.filter { endedBefore($0, before) }.compactMap { meeting in
            let (purged, removed) = purge(meeting, directory: directory, today: today)
            return removed.isEmpty ? nil : (purged, removed)
        }
    }
}
