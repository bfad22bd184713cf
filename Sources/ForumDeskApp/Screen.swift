import ForumDeskCore
import TerminalUI

/// What a screen asks the app to do after an event. The app performs them; screens never do I/O.
enum Effect: Sendable {
    case push(any Screen)
    case pop
    case quit
    case message(Footer.Message)
    /// Save a change at once (durably), with undo.
    case edit(Edit)
    /// Ask the user; each choice runs its effects.
    case ask(title: String, message: String, choices: [Choice])
    /// Replace the top screen (e.g. a form by what it created).
    case replace(any Screen)
    /// Write the e-mails a meeting's councillors are owed to the outbox, and record them.
    case notify(meetingID: String)
    /// Hand the meeting's e-mails in the outbox to the mail program (`forumdesk send`), and record the outcomes.
    case sendMail(meetingID: String)
    /// Write the meeting's minutes (or agenda) to `exports/` as Markdown, text and HTML.
    case exportDocument(meetingID: String)
    /// Take a person out of the directory and every record and file, as `forumdesk person erase` does (no undo).
    case erasePerson(personID: String)
    /// Resolve conflict `number` of a file of the record (`forumdesk conflicts FILE N --theirs/--ours`), then read
    /// the folder again.
    case resolveConflict(file: String, number: Int, takeTheirs: Bool)
    /// Keep a resident's consent and address to be told what became of their issue, in this machine's
    /// `.forumdesk-residents.json` (never in the shared record).
    case recordResidentContact(ResidentContact)
}

struct Choice: Sendable {
    var label: String
    var effects: [Effect]
    init(_ label: String, _ effects: [Effect] = []) {
        self.label = label
        self.effects = effects
    }
}

/// A change to the data, described for the status line and the undo history.
enum Edit: Sendable {
    case saveMeeting(Meeting, label: String)
    /// A meeting with newly recorded notices and their e-mails (by outbox file name): one notice transaction.
    case notify(Meeting, mails: [String: String], label: String)
    case deleteMeeting(String, label: String)
    case saveDirectory(Directory, label: String)
    case saveTopic(TopicRequest, label: String)
    case deleteTopic(String, label: String)
    case saveConsultation(Consultation, label: String)
    case deleteConsultation(String, label: String)
    /// A kind's agenda template saved (`templates/<kind>.json`), or its file removed when nil (undoing the first).
    case saveTemplate(MeetingKind, AgendaTemplate?, label: String)
    /// Several saves that belong together (a topic scheduled onto seven agendas): undone and redone as one.
    indirect case batch([Edit], label: String)

    var label: String {
        switch self {
        case .saveMeeting(_, let label), .notify(_, _, let label), .deleteMeeting(_, let label),
            .saveDirectory(_, let label), .saveTopic(_, let label),
            .deleteTopic(_, let label), .saveConsultation(_, let label), .deleteConsultation(_, let label),
            .saveTemplate(_, _, let label), .batch(_, let label):
            label
        }
    }
}

/// A screen is state plus `update` and `view` (the Elm architecture, as Bubble Tea): `view` is a pure
/// function of the state and the context, so every screen can be snapshot-tested from a buffer.
protocol Screen: Sendable {
    var title: String { get }
    /// The screen's own bindings. Help, footer and palette read this; `perform` handles its commands.
    var keyMap: KeyMap<Command> { get }
    /// While the screen takes typed text (a search field, a form, an entry line, a picker): the keys of the
    /// widget taking it, from the key maps its code dispatches on; nil while it takes commands. Keys go to
    /// `handle` before any binding, and help and the footer list these instead of the screen's bindings.
    var textKeys: KeyHelp? { get }

    mutating func perform(_ command: Command, _ context: Context) -> [Effect]
    /// Events no binding took: typed text while capturing, mouse, paste, resize.
    mutating func handle(_ event: Event, _ context: Context) -> [Effect]
    func view(_ context: Context, into buffer: inout Buffer, area: Rect)
    /// Meetings this screen shows in full: where only their summary is loaded, the app reads their files first.
    func meetingsInFull(_ context: Context) -> [String]
    /// What the user has typed and not saved ("the line you are typing"), so quitting asks before losing it.
    var unsavedText: String? { get }
    /// The meeting this screen edits (a form of a meeting, live notes): others see it open (`Presence`).
    var editingMeetingID: String? { get }
    /// What came of an edit this screen asked for (`Effect.edit`), handed back once it is saved or not: live notes
    /// keep the typed line until its save succeeded.
    mutating func editFinished(_ outcome: EditOutcome, _ context: Context)
}

extension Screen {
    var textKeys: KeyHelp? { nil }
    /// True while the screen is taking typed text.
    var capturesText: Bool { textKeys != nil }
    var unsavedText: String? { nil }
    var editingMeetingID: String? { nil }
    func meetingsInFull(_ context: Context) -> [String] { [] }
    mutating func handle(_ event: Event, _ context: Context) -> [Effect] { [] }
    mutating func editFinished(_ outcome: EditOutcome, _ context: Context) {}
}
