import Foundation
import ForumDeskCore
import TerminalUI

/// One pane of live notes (as a file of ratatui's demo2 `tabs/`): its title with its count, its table, its
/// own keys and what Enter and its commands do. The screen keeps the heading, the entry line and dispatch.
protocol LiveNotesPane: Sendable {
    /// The title on the pane bar, with a count.
    func title(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> String
    /// The pane's own keys, listed after the screen's and handled by this pane in any pane (nil: none).
    var keys: KeyMap<Command>.Group? { get }
    func count(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Int
    func table(_ m: Meeting, _ screen: LiveNotesScreen, _ c: Context) -> Table
    /// The row drawn as selected (the agenda shows the item in progress).
    func shown(_ selection: SelectionState, _ m: Meeting, _ screen: LiveNotesScreen) -> SelectionState
    /// Runs one of the pane's commands: its own keys, and the shared ones (Enter, moving) it takes differently
    /// while it is in view. nil: not the pane's.
    func perform(_ command: Command, _ screen: inout LiveNotesScreen, _ m: Meeting, _ c: Context) -> [Effect]?
}

extension LiveNotesPane {
    var keys: KeyMap<Command>.Group? { nil }
    func shown(_ selection: SelectionState, _ m: Meeting, _ screen: LiveNotesScreen) -> SelectionState { selection }
}

extension LiveNotesScreen {
    /// The panes, in order. A new pane is a type of its own file and a case here.
    enum Pane: Int, TabItem {
        case attendance, agenda, actions, arising, issues

        var content: any LiveNotesPane {
            switch self {
            case .attendance: LiveNotesAttendancePane()
            case .agenda: LiveNotesAgendaPane()
            case .actions: LiveNotesActionsPane()
            case .arising: LiveNotesArisingPane()
            case .issues: LiveNotesIssuesPane()
            }
        }

        /// The pane's name without its count.
        var title: String { ["Attendance", "Agenda", "Actions", "Matters arising", "Issues"][rawValue] }
    }
}
