import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// Who attended (once recorded), or the invited partners and their notices before then.
struct MeetingAttendanceTab: MeetingTab {
    var title: String { "Attendance" }

    var keys: KeyMap<Command>.Group? {
        .init(
            "Attendance",
            [
                Binding(
                    [.char("a")], "Invite a partner (shows which required roles are still missing)", .invite,
                    hint: "invite"),
                Binding([.char("x")], "Withdraw the selected invitation", .deleteItem),
                Binding(
                    [.char("e")], "Record attendance and declarations (live notes)", .recordAttendance, hint: "record"),
            ])
    }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .table(table(m, c)) }

    func table(_ m: Meeting, _ c: Context) -> Table {
        let rows: [[String]] = m.attendance.map { entry in
            let name = entry.person.map { c.directory.displayName(ofPerson: $0) } ?? entry.name ?? ""
            let org = entry.organisation ?? entry.person.flatMap { c.directory.person($0)?.organisation }
            var note = entry.reason ?? ""
            if let standIn = entry.substituteFor { note = "for " + c.directory.displayName(ofPerson: standIn) }
            return [name, c.organisationName(org), entry.role.label, entry.status.label, note]
        }
        // Each invited partner's notice, on the councillors' rules: "to send" until a notice is written (n).
        let notices = Dictionary(
            NotificationRules.partnerStatuses(for: m, in: c.directory).map { ($0.invitation, $0.state) },
            uniquingKeysWith: { a, _ in a })
        let invited: [[String]] =
            m.attendance.isEmpty
            ? m.invitations.enumerated().map { index, invitation in
                let notice: String =
                    switch notices[index] {
                    case .notNotified: "to send"
                    case nil: invitation.person == nil ? "no contact named" : ""
                    case let state?: state.label
                    }
                return [
                    invitation.person.map { c.directory.displayName(ofPerson: $0) } ?? "",
                    c.organisationName(invitation.organisation),
                    "invited", invitation.reply.label, notice,
                ]
            } : []
        return Table(
            columns: [
                Column("Name", .min(16)), Column("Organisation", .min(16)), Column("Role", .length(15)),
                Column("Status", .length(10)), Column("Note", .min(10)),
            ],
            rows: rows + invited,
            rowStyles: m.attendance.map { $0.status.isInRoom ? .plain : Theme.muted }
                + m.invitations.map { $0.reply == .declined ? Theme.muted : .plain },
            emptyMessage: "No attendance or invitations recorded.")
    }

    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? {
        switch command {
        case .invite:
            return [.push(FormScreen.invitation(m, c))]
        case .recordAttendance:
            var live = LiveNotesScreen(meetingID: m.id, context: c)
            live.pane = .attendance
            return [.push(live)]
        case .deleteItem:
            var m = m
            guard m.attendance.isEmpty else {
                return [.message(.error("Attendance is recorded: invitations are kept as the record"))]
            }
            let i = selection.selected
            guard m.invitations.indices.contains(i) else { return [] }
            let removed = m.invitations.remove(at: i)
            return [
                .edit(.saveMeeting(m, label: "invitation to \(c.organisationName(removed.organisation)) withdrawn"))
            ]
        default:
            return nil
        }
    }
}
