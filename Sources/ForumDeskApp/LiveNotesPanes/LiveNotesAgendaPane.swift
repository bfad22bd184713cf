import Foundation
import ForumDeskCore
import TerminalUI

/// The agenda, its cursor the item in progress: moving it moves the item (saved in the meeting file).
struct LiveNotesAgendaPane: LiveNotesPane {
    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String { "Agenda" }

    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int { m.agenda.count }

    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table {
        return Table(
            columns: [
                Column("", .length(1)), Column("No", .length(3), alignRight: true), Column("Item", .min(20)),
                Column("Outcome", .min(20)),
            ],
            rows: m.agenda.enumerated().map { i, item in
                [
                    i == screen.currentIndex(m) ? "▶" : "", String(item.number), item.title,
                    item.outcome ?? (item.discussion == nil ? "" : "(discussion minuted)"),
                ]
            },
            rowStyles: m.agenda.indices.map { $0 == screen.currentIndex(m) ? Theme.warning : .plain },
            emptyMessage: "No agenda items.")
    }

    func shown(_ selection: SelectionState, _ m: Meeting, _ screen: LiveNotesScreen) -> SelectionState {
        var state = selection
        state.selected = screen.currentIndex(m)
        return state
    }

    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]? {
        let current = screen.currentIndex(m)
        switch command {
        case .down: return screen.moveItem(to: current + 1, m)
        case .up: return screen.moveItem(to: current - 1, m)
        case .top: return screen.moveItem(to: 0, m)
        case .bottom: return screen.moveItem(to: m.agenda.count - 1, m)
        case .open:
            guard m.agenda.indices.contains(current) else { return [] }
            screen.begin(.outcome(item: current), m.agenda[current].outcome ?? "Resolved: That ")
            return []
        default: return nil
        }
    }
}
