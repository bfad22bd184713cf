import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// The whole application as a value: a stack of screens and at most one overlay over them.
/// `handle` takes an event and changes state; `render` draws it. The executable runs the loop.
public struct App: Sendable {
    public internal(set) var context: Context
    var stack: [any Screen]
    var overlay: Overlay?
    var message: Footer.Message?
    public private(set) var isFinished = false
    /// Set by Ctrl-L: the backend should repaint everything.
    public var wantsFullRedraw = false
    /// Set by Ctrl-Z: the backend should give the terminal back and stop the process (the lock is kept);
    /// after `fg` it repaints everything.
    public var wantsSuspend = false
    /// Where edits are saved; nil when nothing may be saved.
    var store: DataStore?
    /// Where meetings known only by their summary are read in full, even when nothing may be saved.
    var reader: DataStore?
    var readOnlyReason: String? {
        didSet { context.banner = Self.banner(readOnlyReason) }
    }

    /// What an editing key says in read-only mode.
    var readOnlyMessage: String { "Read-only: \(readOnlyReason ?? "no data folder"). Nothing can be changed here." }

    static func banner(_ reason: String?) -> String? { reason.map { "READ-ONLY: \($0). Nothing can be changed here." } }
    var undoStack: [UndoEntry] = []
    var redoStack: [UndoEntry] = []
    /// Edits that failed to save and are kept in memory for a retry.
    var pending: [PendingSave] = []
    /// The councillor view: read-only, and no editing key is bound, shown in the footer or listed in help.
    var browseOnly = false

    indirect enum Overlay: Sendable {
        /// `?` help; F1 over another overlay shows that overlay's keys, and closing returns to it.
        case help(offset: Int, over: Overlay? = nil)
        case palette(Picker)
        /// A question answered with a typed value (`Question`).
        case question(Question)
        /// Read-only text, e.g. both versions of a file in conflict; `onClose` runs when it is closed (the conflict
        /// view asks its question again).
        case text(title: String, lines: [StyledLine], offset: Int, onClose: (@Sendable (inout App) -> Void)? = nil)
    }

    /// The mail program `S` hands e-mails to: this machine's (`MachineSettings`), never the shared folder's.
    public var mailCommand: [String] = Settings.defaultSendmail

    public static let minimumWidth = 64
    public static let minimumHeight = 16

    /// `store` saves edits; `access` says whether they may be made. Without a store nothing is saved.
    public init(
        data: DataSet, now: Date, width: Int, height: Int, store: DataStore? = nil, access: Access = .editable,
        wholeCouncil: [Meeting]? = nil
    ) {
        context = Context(data: data, now: now, width: width, height: height, wholeCouncil: wholeCouncil)
        stack = [DashboardScreen()]
        reader = store
        switch access {
        case .editable:
            self.store = store
        case .readOnly(let reason):
            readOnlyReason = reason
        }
        if !data.loadErrors.isEmpty {
            message = .error("\(Format.count(data.loadErrors.count, "file")) could not be read: see the dashboard")
        }
        // Observers do not run inside an initialiser.
        context.banner = Self.banner(readOnlyReason)
    }

    /// A councillor's read-only view: only meetings covering their wards, no editing keys anywhere.
    public static func councillorView(
        of councillor: Person, data: DataSet, now: Date, width: Int, height: Int,
        reader: DataStore? = nil
    ) -> App {
        var limited = data
        limited.meetings = data.meetings.filter { !Set($0.wards).isDisjoint(with: councillor.wards) }
        var app = App(
            data: limited, now: now, width: width, height: height, store: reader,
            access: .readOnly("\(councillor.name)'s wards"), wholeCouncil: data.meetings)
        app.browseOnly = true
        app.context.browseOnly = true
        // What concerns their wards only: the topic to-dos of their areas, not the whole council's.
        app.context.viewerAreas = Set(
            data.directory.areas.filter { area in area.wards.contains { councillor.wards.contains($0.id) } }.map(\.id))
        app.context.refreshTopics()
        return app
    }

    /// The key map in force: the screen's own, without editing keys in the councillor view.
    func keyMap(of screen: any Screen) -> KeyMap<Command> {
        guard browseOnly else { return screen.keyMap }
        return KeyMap(
            screen.keyMap.groups.map { group in
                KeyMap.Group(group.title, group.bindings.filter { !Command.editing.contains($0.command) })
            }.filter { !$0.bindings.isEmpty })
    }

    var globalKeyMap: KeyMap<Command> {
        guard browseOnly else { return Keys.global }
        return KeyMap(
            Keys.global.groups.map {
                KeyMap.Group($0.title, $0.bindings.filter { !Command.editing.contains($0.command) })
            })
    }

    /// Whether editing is offered: not opened read-only (`--read-only`, an unwritable folder, the councillor view).
    /// Without a store (previews, tests) forms still open, and a save says there is no data folder.
    public var canEdit: Bool { readOnlyReason == nil && !browseOnly }

    /// The meetings open on this app's screens in a form or in live notes: its presence files name them, and
    /// files others change under them are not read again behind the form's back (the checked save finds a clash).
    public var meetingsOpenForEditing: Set<String> {
        guard canEdit else { return [] }
        return Set(stack.compactMap(\.editingMeetingID) + pending.compactMap(\.edit.meetingID))
    }

    /// Who else has each meeting open (from their presence files), earliest first.
    public mutating func showPresence(_ others: [String: [ProcessOwner]]) {
        context.othersEditing = others
    }

    /// Files changed on disk by someone else (another officer's ForumDesk, a command): the meetings they hold are
    /// read again, keeping each screen's selection. Returns true when a file other than a meeting's changed and
    /// the whole folder should be read again (`replaceData`).
    public mutating func filesChanged(_ paths: [String]) -> Bool {
        guard let reader, !paths.isEmpty else { return false }
        // Live notes save each entry at once, so they hold nothing unsaved: their meeting is read again like any
        // other (the note-taker sees a teammate's change at once). Forms keep theirs until their checked save.
        let heldByForms = Set(
            stack.filter { !($0 is LiveNotesScreen) }.compactMap(\.editingMeetingID)
                + pending.compactMap(\.edit.meetingID))
        let outcome = reader.refresh(changedPaths: paths, in: &context.data, keeping: heldByForms)
        for id in outcome.meetingIDs {
            context.refresh(meetingID: id)
            fileHoldsItemInProgress(of: id)
        }
        if !outcome.meetingIDs.isEmpty {
            let list = outcome.meetingIDs.sorted()
            if case .error? = message {
            } else {
                message = .info(
                    "Changed by someone else: \(list.prefix(2).joined(separator: ", "))\(list.count > 2 ? " and \(list.count - 2) more" : "")"
                )
            }
        }
        readShownMeetings()
        return outcome.needsFullReload
    }

    /// This program, run by git as the merge driver during a sync; nil where sync is not offered (tests).
    public var syncDriver: String?
    /// Set after a sync brought others' changes: the backend reads the whole folder again (`replaceData`).
    public var wantsReload = false

    /// Sync and send started from the screens, running off the key loop (`BackgroundWork`).
    var working: [BackgroundWork] = []

    /// `S` on the dashboard: `forumdesk sync` from inside the app (commit, fetch, merge, push), off the key loop; the
    /// footer says it runs, and others' changes are read in when it is done (`collectFinishedWork`).
    mutating func sync() {
        guard canEdit, let store else { return message = .error(readOnlyMessage) }
        guard let syncDriver else { return message = .error("Sync is not available here: run `forumdesk sync`") }
        let folder = store.folder
        if start(
            BackgroundWork("Syncing with the team") { .synced(Sync(folder: folder, driver: syncDriver).run()) },
            kind: "Syncing")
        {
            message = .info(
                "Syncing with the team… (keep working: a save waits only while the team's changes are merged in)")
        }
    }

    mutating func syncFinished(_ report: Sync.Report) {
        if let failure = report.failure { return message = .error("Sync: " + failure.message) }
        wantsReload = true
        let merged = Set(report.changedByOthers).count
        // A history rewrite (an erasure or purge, here or elsewhere) is what the officer most needs to hear of.
        let rewrite = report.lines.first { $0.hasPrefix("applied ") || $0.hasPrefix("rewrote the history") }
        message =
            report.conflicts > 0
            ? .error(
                "Synced: \(Format.count(report.conflicts, "conflict")) recorded: listed on the dashboard; t takes theirs, o keeps ours"
            )
            : .info(
                "Synced: "
                    + (rewrite
                        ?? (merged > 0
                            ? "\(Format.count(merged, "meeting")) changed by others read in"
                            : report.lines.last ?? "nothing to do"))
            )
    }

    /// A conflict of any file resolved from the dashboard: an ordinary checked save, then the folder read again.
    mutating func resolveConflict(file: String, number: Int, takeTheirs: Bool) {
        guard canEdit, let store else { return message = .error(readOnlyMessage) }
        do throws(SaveError) {
            let resolved = try store.resolveConflict(file: file, number: number, takeTheirs: takeTheirs)
            wantsReload = true
            message = .info(
                "\(file): \(resolved.place.isEmpty ? "conflict" : resolved.place): \(takeTheirs ? "took theirs" : "kept ours")"
            )
        } catch {
            message = .error("\(file): not resolved: \(error.description)")
        }
    }

    /// The whole folder read again (after `filesChanged` asked for it): screens keep their selection by position.
    public mutating func replaceData(_ data: DataSet) {
        context.data = data
        context.coldHistory = nil
        context.refresh()
        readShownMeetings()
    }

    /// The first screen from the start digest: `data` (from `DataStore.loadStart`) holds the live meetings, `cold`
    /// sums up the rest; the whole folder follows through `replaceData`.
    public mutating func startFromDigest(cold: ColdHistory) {
        context.coldHistory = cold
        context.refresh()
    }

    /// Makes the Meetings search's text of every meeting on another thread, so that the first letter of a search
    /// does not wait for it: once per load, when the Meetings screen is first shown (it reads every meeting's
    /// lists, which a session that never goes there does not hold).
    public func prepareSearchOnMeetings() {
        if top is MeetingsScreen { prepareSearch() }
    }

    /// `prepareSearchOnMeetings` whatever the screen (`forumdesk bench`).
    public func prepareSearch() {
        let c = context
        c.searchTexts.prepare(c.data.meetings) { MeetingsScreen.haystack($0, c) }
    }

    /// How many meetings' search texts are not made yet (`prepareSearch`; `forumdesk bench`).
    public var searchTextsMissing: Int {
        context.searchTexts.cached(context.data.meetings).lazy.filter { $0 == nil }.count
    }

    /// A note in the footer at start-up (e.g. that the sample data runs on its own day).
    public mutating func inform(_ text: String) {
        if message == nil { message = .info(text) }
    }

    /// Opens another screen on top, e.g. live notes straight from the command line.
    public mutating func open(meetingID: String, live: Bool) {
        stack.append(
            live
                ? LiveNotesScreen(meetingID: meetingID, context: context) as any Screen
                : MeetingScreen(meetingID: meetingID))
        readShownMeetings()
    }

    /// Reads in full the meetings the top screen shows in full that are loaded only as summaries.
    mutating func readShownMeetings() {
        readInFull(top.meetingsInFull(context))
    }

    /// Reads in full those of these meetings loaded only as summaries.
    mutating func readInFull(_ ids: [String]) {
        guard let reader else { return }
        guard ids.contains(where: { context.data.meeting($0)?.isSummary == true }) else { return }
        reader.hydrate(meetingIDs: ids, in: &context.data)
        for id in ids { context.refresh(meetingID: id) }
    }

    /// Reads in full every meeting the minutes (or agenda) of this one are made from: a summary's actions do not
    /// say at which meeting an update was reported, and minutes made from them would leave matters arising out.
    mutating func readInFull(documentSourcesOf meetingID: String) {
        guard let meeting = context.data.meeting(meetingID) else { return }
        readInFull(MeetingDocument.sources(for: meeting, in: context.data.meetings))
    }

    /// The clock moved on (live notes show it); the data's warnings are recomputed when the day changes.
    /// Says what the start-up repair of interrupted notices did (`DataStore.recoverNotices`), if anything.
    public mutating func tell(recovered: [String]) {
        guard let last = recovered.last else { return }
        message = .info(
            recovered.count == 1
                ? "Repaired: \(last)" : "Repaired \(recovered.count) outbox files of interrupted notices; last: \(last)"
        )
    }

    public mutating func tick(_ now: Date) {
        let day = LondonTime.date(now)
        context.now = now
        if day != context.today { context.refresh() }
    }

    /// Whether a clock is on screen, so the event loop knows to wake up every second.
    public var showsClock: Bool { top is LiveNotesScreen }

    /// Saves still waiting for a working disk: the caller should not quit silently while there are any.
    public var unsavedCount: Int { pending.count }

    var top: any Screen { stack[stack.count - 1] }

    public var screenTitle: String { top.title }

    var tooSmall: Bool { context.width < Self.minimumWidth || context.height < Self.minimumHeight }

    // MARK: events

    public mutating func handle(_ event: Event) {
        handleEvent(event)
        readShownMeetings()
    }

    mutating func handleEvent(_ event: Event) {
        // Esc and a key typed quickly after it arrive together and read as Alt-key. No Alt-key is bound
        // (but Alt-Backspace, word delete in fields), so take it as the two keys the user pressed.
        if case .key(.alt(let c)) = event, c != "\u{7F}", c != "\u{8}" {
            handle(.key(.escape))
            handle(.key(.char(c)))
            return
        }
        if case .resize(let w, let h) = event {
            context.width = w
            context.height = h
            apply(stack[stack.count - 1].handle(event, context))
            return
        }
        if tooSmall {
            // No question can be drawn this small: typed text keeps the app open until the terminal is larger.
            if event == .key(.ctrl("c")) || event == .key(.char("q")) {
                if unsavedText == nil {
                    isFinished = true
                } else {
                    message = .error("Enlarge the terminal: there is unsaved text")
                }
            }
            return
        }
        if overlay != nil { return handleOverlay(event) }
        message = nil
        if case .mouse(let mouse) = event, mouse.y == 0 {
            if mouse.kind == .press,
                let index = MainScreens.navigation.tab(
                    atX: mouse.x, in: Rect(x: 1, y: 0, width: context.width, height: 1))
            {
                perform(MainScreens.all[index].command)
            }
            return
        }
        if event == .key(.function(1)) { return perform(.help) }
        if case .paste = event, !top.capturesText {
            return message = .info("Pasted text is not run as commands: open a field first, then paste")
        }
        if top.capturesText, case .key(let key) = event {
            if let command = Keys.whileTyping.command(for: key) { return perform(command) }
            return apply(stack[stack.count - 1].handle(event, context))
        }
        // People press Esc repeatedly to go back: on the dashboard it stops there, and only q quits.
        if event == .key(.escape), stack.count == 1 { return message = .info("You are on the dashboard: q quits") }
        if case .key(let key) = event {
            if !canEdit, !browseOnly, let command = keyMap(of: top).command(for: key) ?? globalKeyMap.command(for: key),
                Command.editing.contains(command), command != .exportDocument
            {
                return message = .error(readOnlyMessage)
            }
            if let command = keyMap(of: top).command(for: key) {
                if command == .sync { return sync() }
                return apply(stack[stack.count - 1].perform(command, context))
            }
            if let command = globalKeyMap.command(for: key) { return perform(command) }
        }
        apply(stack[stack.count - 1].handle(event, context))
    }

    /// True while typed text goes into a field (of a screen, or the palette), not to commands.
    public var isTakingText: Bool {
        switch overlay {
        case .palette?: true
        case nil: top.capturesText
        default: false
        }
    }

    /// The keys of one read: pasted text among them (a terminal without bracketed paste) goes in as text.
    public mutating func handle(burst: [Event]) {
        var rest = burst[...]
        while let first = rest.first {
            let typing = isTakingText
            if let (text, count) = PasteShape.leadingPaste(rest, typing: typing),
                typing || !opensTextEntry(first)
            {
                handle(.paste(text))
                rest = rest.dropFirst(count)
            } else {
                handle(first)
                rest = rest.dropFirst()
            }
        }
    }

    /// Whether `key`, pressed now, would open a place to type (the palette, a search, an entry line, a form): worked
    /// out on a copy of the top screen, whose effects are only looked at, never run.
    func opensTextEntry(_ event: Event) -> Bool {
        guard overlay == nil, case .key(let key) = event else { return false }
        if globalKeyMap.command(for: key) == .palette { return true }
        guard let command = keyMap(of: top).command(for: key) ?? globalKeyMap.command(for: key) else { return false }
        var probe = stack[stack.count - 1]
        let effects = probe.perform(command, context)
        if probe.capturesText { return true }
        return effects.contains { effect in
            if case .push(let screen) = effect { return screen.capturesText }
            return false
        }
    }

    mutating func perform(_ command: Command) {
        if let main = MainScreens.row(for: command) { return show(main.make()) }
        switch command {
        case .quit: requestQuit()
        case .back:
            if stack.count > 1 { stack.removeLast() } else { requestQuit() }
        case .help: overlay = .help(offset: 0, over: nil)
        case .palette: overlay = .palette(Picker(title: "Command", items: paletteItems))
        case .redraw: wantsFullRedraw = true
        case .suspend: wantsSuspend = true
        case .undo: undo()
        case .redo: redo()
        case .retrySave:
            if let store { retryPendingSaves(store) }
            if pending.isEmpty, message == nil { message = .info("Everything is saved") }
        case .sync: sync()
        default:
            if keyMap(of: top).bindings.contains(where: { $0.command == command }) {
                apply(stack[stack.count - 1].perform(command, context))
            }
        }
    }

    /// The main screens are not stacked on each other: going to one replaces everything above the dashboard,
    /// or returns to it if it is already open.
    mutating func show(_ screen: any Screen) {
        if let index = stack.firstIndex(where: { type(of: $0) == type(of: screen) }) {
            stack.removeSubrange((index + 1)...)
        } else {
            stack = [stack[0]]
            if !MainScreens.home.recognises(screen) { stack.append(screen) }
        }
    }

    mutating func apply(_ effects: [Effect]) {
        // The screen that asked: an edit's outcome goes back to it, even if an earlier effect pushed another.
        let asker = stack.count - 1
        for effect in effects {
            switch effect {
            // In the councillor view no form opens, however it is reached (a key, a click, a double click):
            // no field there takes typing.
            case .push(let screen) where browseOnly && screen is FormScreen:
                message = .info("Read-only view: nothing can be changed here")
            // Read-only: no form or live notes opens, so nothing is typed that could not be saved.
            case .push(let screen) where !canEdit && (screen is FormScreen || screen is LiveNotesScreen):
                message = .error(readOnlyMessage)
            case .push(var history as MeetingHistoryScreen):
                if let reader { history.load(reader, data: context.data) }
                stack.append(history)
            case .push(let screen): stack.append(screen)
            case .pop: if stack.count > 1 { stack.removeLast() }
            case .quit: requestQuit()
            case .message(let m): message = m
            case .edit(let edit):
                let outcome = applyEdit(edit)
                if stack.indices.contains(asker) { stack[asker].editFinished(outcome, context) }
            case .ask(let title, let text, let choices):
                overlay = .question(Question(asked: title, text, choices: choices))
            case .replace(let screen):
                stack[stack.count - 1] = screen
            case .notify(let id):
                notify(id)
            case .sendMail(let id):
                sendMail(id)
            case .exportDocument(let id):
                exportDocument(id)
            case .erasePerson(let id):
                erasePerson(id)
            case .resolveConflict(let file, let number, let takeTheirs):
                resolveConflict(file: file, number: number, takeTheirs: takeTheirs)
            case .recordResidentContact(let contact):
                recordResidentContact(contact)
            }
        }
    }

    /// Text typed on any open screen and not saved yet (a form, a live-notes line).
    var unsavedText: String? { stack.reversed().lazy.compactMap(\.unsavedText).first }

    /// What the quit question's choices stand for.
    enum QuitAnswer: Sendable { case stay, quit, retrySaving }

    /// Quitting with changes that could not be saved, or with typed text, asks first: they exist only in memory.
    mutating func requestQuit() {
        let quitting: @Sendable (inout App, QuitAnswer?) -> Void = { app, answer in
            switch answer {
            case .quit?: app.isFinished = true
            case .retrySaving?: if let store = app.store { app.retryPendingSaves(store) }
            case .stay?, nil: break
            }
        }
        if pending.isEmpty, let typed = unsavedText {
            overlay = .question(
                Question(
                    "Quit without saving?", "Quitting loses \(typed).",
                    choices: [("Keep typing", QuitAnswer.stay), ("Quit anyway", .quit)], isQuit: true, then: quitting))
            return
        }
        guard !pending.isEmpty else { return isFinished = true }
        overlay = .question(
            Question(
                "Changes not saved",
                "\(Format.count(pending.count, "change")) could not be written to disk and exist only here. Quitting loses them.",
                choices: [("Retry saving", QuitAnswer.retrySaving), ("Quit anyway", .quit), ("Stay", .stay)],
                isQuit: true, then: quitting))
    }

    /// "Reload theirs" of the conflict question: the file on disk replaces the version in memory.
    mutating func reloadTheirs(_ id: String) {
        store?.reload(meetingID: id, in: &context.data)
        context.refresh()
        message = .info("Reloaded from disk; your change was not saved")
    }

    /// "Keep mine as a copy" of the conflict question: ours goes to a conflict copy beside the file, which is read again.
    mutating func keepCopy(_ mine: Meeting) {
        guard let store else { return }
        do {
            let path = try store.saveConflictCopy(mine, now: context.now)
            store.reload(meetingID: mine.id, in: &context.data)
            context.refresh()
            message = .info("Your version is kept in \(path); the meeting now shows the file on disk")
        } catch {
            message = .error(error.description)
        }
    }

    /// "Show both" of the conflict question: the two versions as a diff; closing it asks the question again.
    mutating func showBoth(_ mine: Meeting) {
        let theirs = store?.textOnDisk(meetingID: mine.id, in: context.data) ?? ""
        let ours = String(decoding: DataStore.encoded(mine), as: UTF8.self)
        let lines =
            [StyledLine("- on disk (theirs)   + in ForumDesk (yours)   any key: back to the choice", .bold), .empty]
            + Self.hunks(
                Self.diff(
                    theirs.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                    ours.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        overlay = .text(title: "Both versions of \(mine.id)", lines: lines, offset: 0) { app in
            _ = app.failedSave(
                .saveMeeting(mine, label: "your change"), .changedOnDisk(path: mine.id),
                store: app.store ?? DataStore(folder: DataFolder(".")))
        }
    }

    /// What works now, as help and the footer list it: over a question, the palette or read-only text, its
    /// keys; while a screen takes typed text, the keys of what takes it; else the screen's and the app's.
    func keyHelp(over: Overlay?) -> KeyHelp {
        let quit = KeyHelp(groups: [("Everywhere", [(Key.ctrl("c").label, "Quit (asks first)")])])
        switch over {
        case .question: return Dialog.keyHelp + quit
        case .palette: return Picker.keyHelp + quit
        case .text, .help: return HelpOverlay.keyHelp + quit
        case nil: break
        }
        if let typing = top.textKeys { return typing + Keys.whileTyping.keyHelp }
        return keyMap(of: top).keyHelp + globalKeyMap.keyHelp
    }

    var helpGroups: [KeyHelp.Group] {
        if case .help(_, let over) = overlay { return keyHelp(over: over).groups }
        return keyHelp(over: nil).groups
    }

    mutating func handleOverlay(_ event: Event) {
        switch overlay {
        case .help(let offset, let over):
            let total = HelpOverlay(title: "", groups: helpGroups).lines.count
            let maxOffset = max(0, total - (context.height - 6))
            switch event {
            case .key(.ctrl("c")): requestQuit()
            case .key(let key):
                switch HelpOverlay.keyMap.command(for: key) {
                case .up: overlay = .help(offset: max(0, offset - 1), over: over)
                case .down: overlay = .help(offset: min(maxOffset, offset + 1), over: over)
                case .pageDown: overlay = .help(offset: min(maxOffset, offset + 10), over: over)
                case .pageUp: overlay = .help(offset: max(0, offset - 10), over: over)
                case nil: overlay = over
                }
            case .mouse(let m) where m.kind == .wheelUp:
                overlay = .help(offset: max(0, offset - 1), over: over)
            case .mouse(let m) where m.kind == .wheelDown:
                overlay = .help(offset: min(maxOffset, offset + 1), over: over)
            default: break
            }
        case .palette(var picker):
            if event == .key(.ctrl("c")) { return requestQuit() }
            if event == .key(.function(1)) { return overlay = .help(offset: 0, over: overlay) }
            switch picker.handle(event: event) {
            case .pending: overlay = .palette(picker)
            case .cancelled: overlay = nil
            case .chosen(let item):
                overlay = nil
                let entries = paletteEntries
                if let i = Int(item.id), entries.indices.contains(i) { run(entries[i]) }
            }
        case .question(var question):
            if event == .key(.function(1)) { return overlay = .help(offset: 0, over: overlay) }
            // One key answers: the first letter of a choice (d for Discard, k for Keep typing).
            if case .key(.char(let letter)) = event, let choice = question.dialog.choice(forKey: letter) {
                overlay = nil
                return question.answer(choice, on: &self)
            }
            if event == .key(.ctrl("c")) {  // A second Ctrl-C answers the quit question; elsewhere Ctrl-C asks it.
                if question.isQuit { isFinished = true } else { requestQuit() }
                return
            }
            guard case .key(let key) = event else { return }
            switch Dialog.keyMap.command(for: key) {
            case .previous:
                question.dialog.selected = max(0, question.dialog.selected - 1)
                overlay = .question(question)
            case .next:
                question.dialog.selected = min(question.dialog.choices.count - 1, question.dialog.selected + 1)
                overlay = .question(question)
            case .choose:
                overlay = nil
                question.answer(question.dialog.selected, on: &self)
            case .cancel:
                overlay = nil
                question.answer(nil, on: &self)
            case nil: break
            }
        case .text(let title, let lines, let offset, let onClose):
            if event == .key(.function(1)) { return overlay = .help(offset: 0, over: overlay) }
            guard case .key(let key) = event else { break }
            func scrolled(_ to: Int) -> Overlay { .text(title: title, lines: lines, offset: to, onClose: onClose) }
            switch HelpOverlay.keyMap.command(for: key) {
            case .up: overlay = scrolled(max(0, offset - 1))
            case .down: overlay = scrolled(offset + 1)
            case .pageDown: overlay = scrolled(offset + 10)
            case .pageUp: overlay = scrolled(max(0, offset - 10))
            case nil where key == .ctrl("c"): requestQuit()
            case nil:
                overlay = nil
                onClose?(&self)
            }
        case nil: break
        }
    }

    // MARK: drawing

    public func render() -> Buffer {
        var buffer = Buffer(width: context.width, height: context.height)
        if tooSmall {
            let text =
                "Enlarge the terminal to at least \(Self.minimumWidth)×\(Self.minimumHeight) (it is \(context.width)×\(context.height)). q quits."
            for (i, line) in DisplayWidth.wrap(text, to: max(1, context.width - 2)).enumerated()
            where i + 1 < context.height {
                buffer.put(line, x: 1, y: i + 1, style: Theme.warning)
            }
            return buffer
        }
        drawTopBar(into: &buffer)
        var context = self.context
        var bannerStyle = Theme.error.with(.reverse)
        if context.banner == nil, !(top is MeetingHistoryScreen), let id = top.meetingsInFull(context).first,
            case .array(let conflicts)? = context.data.meeting(id)?.extra[MergeConflict.key], !conflicts.isEmpty
        {
            context.banner =
                "\(Format.count(conflicts.count, "merge conflict")) from a sync: H on the meeting shows and resolves them"
            bannerStyle = Theme.warning.with(.reverse)
        }
        if context.banner == nil, let id = top.meetingsInFull(context).first, let others = context.othersEditing[id],
            let first = others.first
        {
            context.banner = PresenceNote.text(first, more: others.count - 1, now: context.now)
            bannerStyle = Theme.warning.with(.reverse)
        }
        if let banner = context.banner {
            buffer.fill(Rect(x: 0, y: 1, width: context.width, height: 1), with: Cell(style: bannerStyle))
            buffer.put(" " + banner, x: 0, y: 1, maxWidth: context.width, style: bannerStyle)
        }
        top.view(context, into: &buffer, area: context.contentArea)
        // While a screen takes typed text, keys such as q and ? are text: only the hints of what takes it apply.
        let hints = keyHelp(over: nil).hints
        Footer(hints: hints, message: message ?? workingNote).render(
            in: Rect(x: 0, y: context.height - 1, width: context.width, height: 1),
            into: &buffer)
        draw(overlay, into: &buffer)
        return buffer
    }

    func draw(_ overlay: Overlay?, into buffer: inout Buffer) {
        switch overlay {
        case .help(let offset, let over):
            draw(over, into: &buffer)
            HelpOverlay(title: "Help: \(over.map(Self.overlayTitle) ?? top.title)", groups: helpGroups)
                .render(in: buffer.area, into: &buffer, offset: offset)
        case .palette(let picker):
            picker.render(in: buffer.area, into: &buffer)
        case .question(let question):
            question.dialog.render(in: buffer.area, into: &buffer)
        case .text(let title, let lines, let offset, _):
            let box = buffer.area.inset(by: 1)
            buffer.fill(box)
            buffer.box(box, title: title, style: Theme.title)
            TextView(lines: lines).render(in: box.inset(by: 1), into: &buffer, offset: offset)
        case nil: break
        }
    }

    static func overlayTitle(_ overlay: Overlay) -> String {
        switch overlay {
        case .help: "Help"
        case .palette(let picker): picker.title
        case .question(let question): question.dialog.title
        case .text(let title, _, _, _): title
        }
    }

    func drawTopBar(into buffer: inout Buffer) {
        let bar = Rect(x: 0, y: 0, width: context.width, height: 1)
        buffer.fill(bar, with: Cell(style: Theme.bar))
        let current = MainScreens.current(in: stack)
        var nav = MainScreens.navigation
        nav.selected = current
        for (i, span) in nav.spans(in: Rect(x: 1, y: 0, width: context.width, height: 1)).enumerated() {
            buffer.put(" \(nav.titles[i]) ", x: span.x, y: 0, style: i == current ? Theme.activeTab : Theme.bar)
        }
        let right =
            "\(context.data.settings.council) · \(LondonTime.weekday(context.today)) \(Format.day(context.today).trimmingCharacters(in: .whitespaces)) "
        let width = DisplayWidth.of(right)
        let navEnd = nav.spans(in: Rect(x: 1, y: 0, width: context.width, height: 1)).last?.maxX ?? 0
        if context.width - width > navEnd + 1 {
            buffer.put(right, x: context.width - width, y: 0, style: Theme.bar)
        }
    }
}
