import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// Actions raised at this meeting and those still open from earlier meetings of the area (matters arising).
struct MeetingActionsTab: MeetingTab {
    var title: String { "Actions" }

    var keys: KeyMap<Command>.Group? {
        .init("Actions", [Binding([.enter, .char("e")], "Edit the selected action", .edit, hint: "edit")])
    }

    var hasDetail: Bool { true }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .table(table(m, c)) }

    func rows(_ m: Meeting, _ c: Context) -> [RaisedAction] {
        m.actions.map { RaisedAction(meeting: m, action: $0) } + ActionRules.mattersArising(for: m, in: c.data.meetings)
    }

    func table(_ m: Meeting, _ c: Context) -> Table {
        let rows = self.rows(m, c)
        return Table(
            columns: [
                Column("ID", .length(10)), Column("Raised", .length(11)), Column("Action", .min(20)),
                Column("Owner", .min(12)),
                Column("Due", .length(11)), Column("Status", .length(15)),
            ],
            rows: rows.map { r in
                [
                    r.action.id, r.meeting.id == m.id ? "here" : Format.day(LondonTime.date(r.meeting.start)),
                    r.action.description,
                    c.directory.ownerName(person: r.action.owner, organisation: r.action.organisation),
                    r.action.due.map(Format.day) ?? "", r.action.status.label,
                ]
            },
            rowStyles: rows.map {
                ActionRules.isOverdue($0.action, today: c.today)
                    ? Theme.warning : ($0.action.status.isOpen ? .plain : Theme.muted)
            },
            emptyMessage: "No actions raised here and none outstanding from earlier meetings.")
    }

    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let rows = rows(m, c)
        guard rows.indices.contains(selected) else { return lines }
        let a = rows[selected].action
        lines.append(StyledLine([Span("\(a.id) ", .bold), Span(a.description)]))
        for update in a.updates.suffix(2) {
            lines.append(
                StyledLine(
                    "  \(Format.day(update.at).trimmingCharacters(in: .whitespaces)): \(update.text)", Theme.muted))
        }
        if let feedback = a.feedback { lines.append(StyledLine([Span("You said, we did: ", .bold), Span(feedback)])) }
        return lines
    }

    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? {
        guard command == .edit else { return nil }
        let rows = rows(m, c)
        let i = selection.selected
        guard rows.indices.contains(i), let raisedAt = c.data.meeting(rows[i].meeting.id) else { return [] }
        return [.push(FormScreen.action(raisedAt, rows[i].action, c))]
    }
}
