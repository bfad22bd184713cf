import ForumDeskCore
import TerminalUI

/// What a tab of the meeting screen shows: a table (with the selected row in full under it), or text.
enum MeetingTabBody {
    case table(Table)
    case text([StyledLine])
}

/// One tab of the meeting screen (as a file of ratatui's demo2 `tabs/`): its title, its own keys, what it
/// shows and what its own commands do. The screen keeps the heading, the tab bar, the meeting's own commands,
/// scrolling and the selection of each tab.
protocol MeetingTab: Sendable {
    var title: String { get }
    /// The tab's own keys, listed after the meeting's (nil: none).
    var keys: KeyMap<Command>.Group? { get }
    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody
    /// Whether the selected row is shown in full under the table (five rows).
    var hasDetail: Bool { get }
    /// The selected row in full, drawn under the table when `hasDetail`.
    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine]
    /// Runs one of the tab's own commands on the selected row; nil when the command is not the tab's.
    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]?
}

extension MeetingTab {
    var keys: KeyMap<Command>.Group? { nil }
    var hasDetail: Bool { false }
    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] { [] }
    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? { nil }
}

extension MeetingScreen {
    /// The tabs, in order. A new tab is a type of its own file and a case here.
    enum Tab: Int, TabItem {
        case details, agenda, attendance, councillors, actions, issues, minutes

        var content: any MeetingTab {
            switch self {
            case .details: MeetingDetailsTab()
            case .agenda: MeetingAgendaTab()
            case .attendance: MeetingAttendanceTab()
            case .councillors: MeetingCouncillorsTab()
            case .actions: MeetingActionsTab()
            case .issues: MeetingIssuesTab()
            case .minutes: MeetingMinutesTab()
            }
        }

        var title: String { content.title }
    }
}

/// Keys of the tabs that show a document (details and minutes).
enum MeetingDocumentKeys {
    static let group = KeyMap<Command>.Group(
        "Documents",
        [
            Binding(
                [.char("e")],
                "Export the minutes (or the agenda, before the meeting) to exports/ as Markdown, text and HTML",
                .exportDocument, hint: "export")
        ])
}
