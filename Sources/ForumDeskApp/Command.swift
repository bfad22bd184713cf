import TerminalUI

/// Every request a user can make, once (as tig's request table). Screens list the ones they support in
/// their key map; the `:` palette, the footer and `?` help read the same lists.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case quit, back, help, palette, redraw, suspend
    case showDashboard, showMeetings, showActions, showDirectory, showReports, showTopics
    case up, down, pageUp, pageDown, top, bottom
    case open, nextTab, previousTab, switchFocus
    case search, sortNext, sortReverse
    case filterArea, filterWard, filterKind, filterStatus, filterDates, filterOwner, filterOrganisation
    case toggleOverdue, clearFilters
    case undo, redo, retrySave
    case newMeeting, edit, editMeeting, postpone, cancelMeeting, deleteMeeting, deleteItem, add, moveUp, moveDown,
        liveNotes, openMeeting
    case markPresent, markApologies, markAbsent, markSubstitute, declareInterest, residents, markDone, carryForward
    case newWard, newCoverageRule, editWard, editCoverageRule, invite, recordAttendance
    case notify, sendMail, noticeByLetter, noticeByPhone, recordReply, exportDocument
    case left, right, schedule, scheduleAll
    case raiseIssue, answerIssue, issueToAction, issueToTopic, tellResident
    case addAttendee, setRole, minuteDiscussion, equalityCounts, finishMeeting
    case sync, history, takeTheirs, keepOurs
    case reviewPublication, markChecked
    case showConsultations, markOnline, showTemplates
}

extension Command {
    /// Requests that change the data: absent from the read-only councillor view, its footer and its help.
    static let editing: Set<Command> = [
        .undo, .redo, .retrySave, .newMeeting, .edit, .editMeeting, .postpone, .cancelMeeting, .deleteMeeting,
        .deleteItem, .add,
        .moveUp, .moveDown, .liveNotes, .markPresent, .markApologies, .markAbsent, .markSubstitute, .declareInterest,
        .residents,
        .markDone, .carryForward, .newWard, .newCoverageRule, .editWard, .editCoverageRule, .invite, .recordAttendance,
        .notify, .sendMail,
        .noticeByLetter, .noticeByPhone, .recordReply, .exportDocument, .schedule, .scheduleAll, .raiseIssue,
        .answerIssue,
        .issueToAction, .issueToTopic, .tellResident, .addAttendee, .setRole, .minuteDiscussion, .equalityCounts,
        .finishMeeting,
        .sync, .takeTheirs, .keepOurs, .markChecked, .markOnline,
    ]
}

/// Bindings shared by the screens.
enum Keys {
    static let movement = KeyMap<Command>.Group(
        "Move",
        [
            Binding([.up, .char("k")], "Move up", .up),
            Binding([.down, .char("j")], "Move down", .down),
            Binding([.pageUp, .ctrl("b")], "Page up", .pageUp),
            Binding([.pageDown, .ctrl("f"), .char(" ")], "Page down", .pageDown),
            Binding([.home, .char("g")], "First row", .top),
            Binding([.end, .char("G")], "Last row", .bottom),
        ])

    static let open = Binding<Command>([.enter], "Open the selected meeting", .open, hint: "open")
    static let search = Binding<Command>(
        [.char("/")], "Search as you type (Enter keeps it, Esc clears)", .search, hint: "search")
    static let sortNext = Binding<Command>([.char(">")], "Sort by the next column (or click a column title)", .sortNext)
    static let sortReverse = Binding<Command>([.char("<")], "Reverse the sort order", .sortReverse)
    static let clearFilters = Binding<Command>([.char("c")], "Clear all filters and the search", .clearFilters)
    static let tabs = [
        Binding<Command>([.tab, .char("]")], "Next tab", .nextTab, hint: "tab"),
        Binding<Command>([.backTab, .char("[")], "Previous tab", .previousTab),
    ]

    /// While a screen takes typed text (a form, a search, an entry line, a picker): the only keys that are
    /// not text.
    static let whileTyping = KeyMap<Command>([
        .init(
            "While typing",
            [
                Binding([.function(1)], "Show this help", .help, hint: "help"),
                Binding([.ctrl("c")], "Quit (asks first if typed text is not saved)", .quit),
                Binding([.ctrl("z")], "Suspend to the shell (fg comes back)", .suspend),
            ])
    ])

    /// Everywhere, after the screen's own keys.
    static let global = KeyMap<Command>([
        .init(
            "Everywhere",
            [
                Binding([.char("?"), .function(1)], "Show this help", .help, hint: "help"),
                Binding([.char(":")], "Command palette: run any command by name", .palette),
            ] + MainScreens.all.map(\.binding) + [
                Binding(
                    [.char("q"), .escape], "Back (q quits from the dashboard; Esc stops there)", .back, hint: "back"),
                Binding([.ctrl("c")], "Quit (asks first if typed text is not saved)", .quit),
                Binding([.ctrl("z")], "Suspend to the shell (fg comes back)", .suspend),
                Binding([.ctrl("l")], "Redraw the screen", .redraw),
                Binding([.char("u")], "Undo the last change", .undo, hint: "undo"),
                Binding([.ctrl("r")], "Redo what was undone", .redo),
                Binding([.ctrl("s")], "Retry saving changes that failed to save", .retrySave),
            ])
    ])
}
