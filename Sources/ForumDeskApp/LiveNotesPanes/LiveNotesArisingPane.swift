import Foundation
import ForumDeskCore
import TerminalUI

/// Matters arising: open actions from earlier meetings of the area, to be updated, closed or carried forward.
struct LiveNotesArisingPane: LiveNotesPane {
    var keys: KeyMap<Command>.Group? {
        .init(
            "Matters arising",
            [
                Binding([.char("c")], "Mark the selected action done", .markDone),
                Binding([.char("f")], "Carry the selected action forward (asks the new due date)", .carryForward),
            ])
    }

    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String {
        "Matters arising (\(screen.arising(m, c).count))"
    }

    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int { screen.arising(m, c).count }

    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table {
        let rows = screen.arising(m, c)
        return Table(
            columns: [
                Column("ID", .length(10)), Column("Action", .min(20)), Column("Owner", .min(12)),
                Column("Status", .length(15)),
            ],
            rows: rows.map { r in
                [
                    r.action.id, r.action.description,
                    c.directory.ownerName(person: r.action.owner, organisation: r.action.organisation),
                    r.action.status.label,
                ]
            },
            rowStyles: rows.map { ActionRules.isOverdue($0.action, today: c.today) ? Theme.warning : .plain },
            emptyMessage: "No open actions from earlier meetings of this area.")
    }

    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]? {
        guard [.markDone, .carryForward, .open].contains(command) else { return nil }
        let rows = screen.arising(m, c)
        let selected = screen.selection.selected
        guard screen.pane == .arising, rows.indices.contains(selected) else { return [] }
        switch command {
        case .markDone: return screen.closeArising(.done, m, c)
        case .carryForward:
            let next = c.data.meetings.first { $0.area == m.area && $0.start > m.start && $0.status != .cancelled }
            screen.begin(
                .carryForward(meetingID: rows[selected].meeting.id, actionID: rows[selected].action.id),
                next.map { LondonTime.date($0.start).description } ?? "+28d")
        default:
            screen.begin(.update(meetingID: rows[selected].meeting.id, actionID: rows[selected].action.id), "")
        }
        return []
    }
}

extension LiveNotesScreen {
    /// Asked several times a frame (tab title, counts, rows): found once per change of the data, as it scans
    /// every meeting of the area.
    func arising(_ m: Meeting, _ c: Context) -> [RaisedAction] {
        arisingMemo.get("\(c.memoKey)|\(m.id)") { ActionRules.mattersArising(for: m, in: c.data.meetings) }
    }

    func closeArising(_ status: ActionStatus, _ m: Meeting, _ c: Context) -> [Effect] {
        let rows = arising(m, c)
        guard pane == .arising, rows.indices.contains(selection.selected) else { return [] }
        let raised = rows[selection.selected]
        return update(
            raised.meeting.id, raised.action.id,
            text: status == .done
                ? "Done (reported at \(m.title))."
                : "Carried forward at \(m.title).", status: status, at: m, c)
    }

    /// An update reported at meeting `at` (recorded with it, so that meeting's minutes say what was done).
    func update(
        _ meetingID: String, _ actionID: String, text: String, status: ActionStatus?, due: CalendarDate? = nil,
        at reported: Meeting, _ c: Context
    ) -> [Effect] {
        guard var owner = c.data.meeting(meetingID), let i = owner.actions.firstIndex(where: { $0.id == actionID })
        else { return [] }
        owner.actions[i].updates.append(ActionUpdate(at: c.now, text: text, status: status, meeting: reported.id))
        if let status { owner.actions[i].status = status }
        if let due { owner.actions[i].due = due }
        return [.edit(.saveMeeting(owner, label: "\(actionID) \(status?.label ?? "updated")"))]
    }
}
