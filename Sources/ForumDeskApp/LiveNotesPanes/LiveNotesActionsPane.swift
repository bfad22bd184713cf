import Foundation
import ForumDeskCore
import TerminalUI

/// Actions raised at this meeting.
struct LiveNotesActionsPane: LiveNotesPane {
    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String { "Actions (\(m.actions.count))" }

    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int { m.actions.count }

    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table {
        return Table(
            columns: [
                Column("ID", .length(10)), Column("Action", .min(20)), Column("Owner", .min(12)),
                Column("Due", .length(11)),
            ],
            rows: m.actions.map { a in
                [
                    a.id, a.description, c.directory.ownerName(person: a.owner, organisation: a.organisation),
                    a.due.map(Format.day) ?? "",
                ]
            },
            emptyMessage: "No actions yet: press a to add one.")
    }

    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]? {
        guard command == .open else { return nil }
        let selected = screen.selection.selected
        guard m.actions.indices.contains(selected) else { return [] }
        return [.push(FormScreen.action(m, m.actions[selected], c))]
    }
}
