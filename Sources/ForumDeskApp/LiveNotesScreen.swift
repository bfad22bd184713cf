import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Minuting a meeting as it happens. Every confirmed entry is saved at once (durably, before the footer
/// says "Saved"), so a crash or a closed lid loses nothing that was confirmed.
struct LiveNotesScreen: Screen {
    /// What the one-line input at the bottom is for.
    enum Entry: Sendable {
        /// A new action; from an issue raised from the floor, it is linked to it in the same save.
        case action(fromIssue: String?)
        case issue
        case answer(issueID: String)
        /// The resident who raised the issue agreed to be told what happens: where to tell them.
        case tellResident(issueID: String)
        case outcome(item: Int)
        /// The discussion paragraph of an item (the minutes' text before "Resolved:").
        case discussion(item: Int)
        case apologies(person: String?, name: String)
        case residents
        case declaration(person: String, item: Int)
        case update(meetingID: String, actionID: String)
        /// Carrying an action forward: its new due date.
        case carryForward(meetingID: String, actionID: String)
        /// Someone not on the list: "name, organisation, role".
        case attendee
        /// The time the meeting ended.
        case finish
    }

    let meetingID: String
    let arisingMemo = Memo<[RaisedAction]>()
    var panes = TabBar(Pane.attendance)
    var pane: Pane {
        get { panes.selected }
        set { panes.selected = newValue }
    }
    var selections: [Pane: SelectionState] = [:]
    /// The item number last moved to here: shown at once, and still shown if the folder is read-only and the
    /// move could not be saved to the meeting file.
    var movedTo: Int?
    var entry: Entry?
    var field = TextField()
    /// The text the entry line began with, so Esc asks only when something was typed.
    var entryStart = ""
    var entryError: String?
    /// The entry line's save was handed to the app and its outcome (`editFinished`) has not come back yet.
    var awaitingSave = false
    /// Tab's candidates for the `@word` before the cursor, while Tab cycles through them.
    var completion: Completion?
    /// Picking a person: a substitute for the selected row, or who declares an interest.
    var picker: (Picker, PickerJob)?

    enum PickerJob: Sendable { case substitute(for: String?), declaration, declarationItem(person: String) }

    init(meetingID: String, context: Context) {
        self.meetingID = meetingID
    }

    var title: String { "Live notes" }
    /// The meeting, and the earlier ones whose actions are its matters arising.
    func meetingsInFull(_ c: Context) -> [String] {
        guard let m = c.data.meeting(meetingID) else { return [meetingID] }
        return MeetingDocument.sources(for: m, in: c.data.meetings)
    }
    var editingMeetingID: String? { meetingID }
    /// The picker's keys while one is open; the entry line's while one is typed.
    var textKeys: KeyHelp? {
        if picker != nil { return Picker.keyHelp }
        return entry.map { Self.entryKeys($0).keyHelp + TextField.keyHelp }
    }

    enum EntryAction: Sendable, Hashable { case save, cancel, complete }

    /// The entry line's keys; Tab completes names only in an action (`@owner`).
    static func entryKeys(_ entry: Entry) -> KeyMap<EntryAction> {
        var keys = [
            Binding<EntryAction>([.enter], "Save the line", .save, hint: "saves"),
            Binding<EntryAction>(
                [.escape], "Cancel the line (asks first if something was typed)", .cancel, hint: "cancels"),
        ]
        if case .action = entry {
            keys.append(
                Binding(
                    [.tab],
                    "Complete the @name, word of a name, id or initials before the cursor; Tab again: the next candidate",
                    .complete, hint: "completes @names"))
        }
        return KeyMap([.init("Entry line", keys)])
    }
    static let enterHint: [Pane: String] = [
        .agenda: "outcome", .arising: "update on action", .actions: "edit action",
        .issues: "answer issue", .attendance: "present",
    ]
    var unsavedText: String? { entry != nil && field.text != entryStart ? "the line you are typing" : nil }

    var keyMap: KeyMap<Command> {
        KeyMap(
            [
                .init(
                    "Live notes",
                    [
                        // On the Issues pane `a` acts on the selected issue: the footer says so, not just "action".
                        pane == .issues
                            ? Binding(
                                [.char("a")],
                                "Action for the selected issue, filed under the item in progress (▶; item:N files it elsewhere)",
                                .add, hint: "action for issue")
                            : Binding(
                                [.char("a")],
                                "New action under the item in progress (▶): text @owner #tag due:+14d item:N (Tab completes @names)",
                                .add, hint: "action"),
                        Binding([.char("i")], "Issue raised from the floor: text #tag", .raiseIssue, hint: "issue"),
                        Binding(
                            [.tab], "Next pane: attendance, agenda, actions, matters arising, issues", .nextTab,
                            hint: "pane"),
                        Binding([.backTab], "Previous pane", .previousTab),
                        Binding(
                            [.char("n")], "Next agenda item: the item in progress (▶), kept in the meeting file",
                            .moveDown, hint: "next item"),
                        Binding([.char("b")], "Previous agenda item", .moveUp),
                        // Enter acts on what the pane in view holds: the footer says which.
                        Binding(
                            [.enter],
                            "Agenda: the outcome of the item in progress (▶) · Matters arising: an update on the selected action · "
                                + "Actions: edit the selected one · Issues: the answer to the selected issue · Attendance: present",
                            .open, hint: Self.enterHint[pane] ?? "outcome"),
                        Binding(
                            [.char("m")], "Minute the discussion of the item in progress (▶)", .minuteDiscussion,
                            hint: "discussion"),
                        Binding(
                            [.char("d")],
                            "Declaration of interest: who, then which item (the one in progress is offered)",
                            .declareInterest),
                        Binding([.char("r")], "Residents present (head count)", .residents),
                        Binding(
                            [.char("E")], "Equality monitoring: counts for the settings' categories (no names)",
                            .equalityCounts),
                        Binding(
                            [.char("F")], "Finish: record the time the meeting ended, mark it held, then the minutes",
                            .finishMeeting,
                            hint: "finish"),
                        Binding(
                            [.char("e")], "Export the minutes (once held) to exports/ as Markdown, text and HTML",
                            .exportDocument),
                        Binding(
                            [.char("H")], "History: who changed this meeting, and merge conflicts to resolve", .history),
                    ])
            ] + Pane.allCases.compactMap(\.content.keys) + [Keys.movement])
    }

    func count(_ pane: Pane, _ m: Meeting, _ c: Context) -> Int { pane.content.count(m, self, c) }

    // MARK: layout

    struct Areas {
        var heading: Rect
        var current: Rect
        var tabs: Rect
        var list: Rect
        var input: Rect
        var hint: Rect
    }

    func layout(_ area: Rect) -> Areas {
        let p = Layout.split(area, .vertical, [.length(1), .length(1), .length(1), .fill, .length(1), .length(1)])
        return Areas(
            heading: p[0].inset(horizontal: 1), current: p[1].inset(horizontal: 1), tabs: p[2].inset(horizontal: 1),
            list: p[3].inset(horizontal: 1), input: p[4].inset(horizontal: 1), hint: p[5].inset(horizontal: 1))
    }

    /// The item in progress, as an index of the agenda: stored in the meeting file (`itemInProgress`), so
    /// reopening live notes, after a crash or on another machine, carries on where the minutes were.
    func currentIndex(_ m: Meeting) -> Int {
        (movedTo ?? m.itemInProgress).flatMap { n in m.agenda.firstIndex { $0.number == n } } ?? 0
    }

    func currentNumber(_ m: Meeting) -> Int? {
        m.agenda.indices.contains(currentIndex(m)) ? m.agenda[currentIndex(m)].number : nil
    }

    /// Moves the item in progress (and with it the Agenda pane's cursor: one cursor, one rule).
    mutating func moveItem(to index: Int, _ m: Meeting) -> [Effect] {
        guard m.agenda.indices.contains(index), index != currentIndex(m) else { return [] }
        movedTo = m.agenda[index].number
        var updated = m
        updated.itemInProgress = m.agenda[index].number
        return [.edit(.saveMeeting(updated, label: "item \(m.agenda[index].number) in progress"))]
    }

    var selection: SelectionState {
        get { selections[pane] ?? SelectionState() }
        set { selections[pane] = newValue }
    }

    // MARK: update

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        guard let m = c.data.meeting(meetingID) else { return [] }
        let visible = Table.visibleRows(in: layout(c.contentArea).list)
        // A pane's own keys go to it, whichever pane is in view; then the pane in view takes what it does
        // differently (Enter, moving on the agenda); then the screen's.
        if let owner = Pane.allCases.first(where: {
            $0.content.keys?.bindings.contains { $0.command == command } ?? false
        }),
            let effects = owner.content.perform(command, &self, m, c)
        {
            return effects
        }
        let inView = pane.content
        if command != .nextTab, command != .previousTab, let effects = inView.perform(command, &self, m, c) {
            return effects
        }
        switch command {
        case .nextTab: panes.next()
        case .previousTab: panes.previous()
        case .moveDown: return moveItem(to: currentIndex(m) + 1, m)
        case .moveUp: return moveItem(to: currentIndex(m) - 1, m)
        case .minuteDiscussion:
            guard !m.agenda.isEmpty else { return [.message(.error("No agenda items to minute"))] }
            begin(.discussion(item: currentIndex(m)), m.agenda[currentIndex(m)].discussion ?? "")
        case .equalityCounts:
            let settings = c.data.settings
            guard !settings.equalityCategories.isEmpty else {
                return [
                    .message(.error("No equality-monitoring categories in forumdesk.json (\"equalityCategories\")"))
                ]
            }
            return [.push(FormScreen.equality(m, settings, c))]
        case .finishMeeting:
            begin(.finish, LondonTime.hhmm(max(c.now, m.start)))
        case .history:
            return [.push(MeetingHistoryScreen(meetingID: m.id))]
        case .exportDocument:
            guard m.status == .held else {
                return [.message(.error("Finish the meeting first (F): the minutes are of a held meeting"))]
            }
            return [.exportDocument(meetingID: m.id)]
        case .add: begin(.action(fromIssue: nil), "")
        case .raiseIssue: begin(.issue, "")
        case .residents:
            begin(
                .residents,
                (m.residentsPresent.map(String.init) ?? "") + (m.residentsOnline.map { " \($0) online" } ?? ""))
        case .declareInterest:
            guard !m.agenda.isEmpty else {
                return [.message(.error("Add agenda items first: a declaration names an item"))]
            }
            picker = (
                Picker(
                    title: "Who declares an interest?",
                    items: FormScreen.peopleItems(c, area: m.area).filter { !$0.id.isEmpty }), .declaration
            )
        default:
            var browser = TableBrowser()
            browser.selection = selection
            _ = browser.move(command, count: count(pane, m, c), visible: visible)
            selection = browser.selection
        }
        return []
    }

    mutating func begin(_ kind: Entry, _ text: String) {
        entry = kind
        field = TextField(text)
        entryStart = text
        entryError = nil
        completion = nil
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        guard let m = c.data.meeting(meetingID) else { return [] }
        if let (open, job) = picker {
            var current = open
            switch current.handle(event: event) {
            case .pending: picker = (current, job)
            case .cancelled: picker = nil
            case .chosen(let item):
                picker = nil
                switch job {
                case .substitute(let standIn):
                    // One save: the absent person's apologies (unless already given) and the stand-in.
                    var updated = m
                    var label = "\(item.label) substitutes"
                    if let standIn, let absent = people(m, c).first(where: { $0.person == standIn }) {
                        label += " for \(absent.name)"
                        if absent.entry.map({ m.attendance[$0].status }) != .apologies {
                            updated = recording(.apologies, for: absent, in: updated, c)
                        }
                    }
                    let standingIn = Person(
                        person: item.id, name: item.label, organisation: c.directory.person(item.id)?.organisation,
                        detail: "", entry: nil)
                    updated = recording(.substitute, for: standingIn, in: updated, c, substituteFor: standIn)
                    return [.edit(.saveMeeting(updated, label: label))]
                case .declaration:
                    // Which item the interest concerns: usually a later one than "Disclosures of interest".
                    var items = Picker(
                        title: "\(item.label): an interest in which item?",
                        items: m.agenda.map { Picker.Item(id: String($0.number), label: "\($0.number)  \($0.title)") })
                    items.selection.selected = currentIndex(m)
                    picker = (items, .declarationItem(person: item.id))
                case .declarationItem(let person):
                    begin(.declaration(person: person, item: Int(item.id) ?? 0), "Personal interest: ")
                }
            }
            return []
        }
        guard let kind = entry else {
            guard case .mouse(let mouse) = event else { return [] }
            if mouse.kind == .wheelDown || mouse.kind == .wheelUp {
                return perform(mouse.kind == .wheelDown ? .down : .up, c)
            }
            // The panes' titles are tabs: a click opens the pane, as everywhere else.
            _ = panes.click(mouse, in: layout(c.contentArea).tabs, titles: paneTitles(m, c))
            return []
        }
        if case .key(let key) = event, let action = Self.entryKeys(kind).command(for: key) {
            return entryAction(action, kind, m, c)
        }
        switch event {
        case .key(let key):
            field.handle(key)
            entryError = nil
        case .paste(let text):
            field.paste(text)
        default: break
        }
        return []
    }

    mutating func entryAction(_ action: EntryAction, _ kind: Entry, _ m: Meeting, _ c: Context) -> [Effect] {
        switch action {
        case .cancel:
            guard unsavedText != nil else {
                entry = nil
                return []
            }
            var discarded = self
            discarded.entry = nil
            return [
                .ask(
                    title: "Discard the line?", message: "“\(field.text)” is not saved yet.",
                    choices: [Choice("Keep typing"), Choice("Discard", [.replace(discarded)])])
            ]
        case .complete:
            complete(c)
        case .save:
            let text = field.text.trimmingCharacters(in: .whitespaces)
            do {
                let effects = try confirm(kind, text, m, c)
                // The line stays until its save succeeded (`editFinished`): a save refused leaves it to retry.
                guard effects.contains(where: { if case .edit = $0 { true } else { false } }) else {
                    entryDone(kind, m, c)
                    return effects
                }
                awaitingSave = true
                return effects
            } catch {
                entryError = error.message
            }
        }
        return []
    }

    /// The line is recorded: it closes, and after apologies the next person is next.
    mutating func entryDone(_ kind: Entry, _ m: Meeting, _ c: Context) {
        entry = nil
        if case .apologies = kind, pane == .attendance { nextPerson(count: people(m, c).count) }
    }

    mutating func editFinished(_ outcome: EditOutcome, _ c: Context) {
        guard awaitingSave, let kind = entry else { return }
        awaitingSave = false
        switch outcome {
        // Kept in memory (the disk failed) counts as recorded: Ctrl-S writes it, and quitting warns until then.
        case .saved, .keptInMemory:
            if let m = c.data.meeting(meetingID) { entryDone(kind, m, c) } else { entry = nil }
        case .conflict:
            entryError = "not saved, your line is kept (Enter saves it again): the meeting changed on disk"
        case .refused(let why):
            entryError = "not saved, your line is kept (Enter tries again): \(why)"
        }
    }

    struct EntryError: Error { var message: String }

    func confirm(_ kind: Entry, _ text: String, _ m: Meeting, _ c: Context) throws(EntryError) -> [Effect] {
        var updated = m
        switch kind {
        case .action(let issueID):
            let draft: QuickEntry.Draft
            do {
                draft = try QuickEntry.parse(text, directory: c.directory, today: c.today)
            } catch {
                throw EntryError(message: error.message)
            }
            // Filed under the item in progress, whichever pane it was typed on, unless `item:N` says otherwise.
            let item = draft.item ?? currentNumber(m)
            if let n = draft.item, !m.agenda.contains(where: { $0.number == n }) {
                throw EntryError(message: "no item \(n) on the agenda: item:N files the action under item N")
            }
            if let issueID,
                let (linked, action) = IssueHome.action(
                    for: issueID, in: m, item: .some(item), description: draft.description,
                    owner: draft.owner, organisation: draft.organisation, due: draft.due,
                    tags: draft.tags, c)
            {
                return [
                    .edit(
                        .saveMeeting(
                            linked,
                            label:
                                "action \(action.id) for issue \(issueID), under item \(item.map(String.init) ?? "none")"
                        ))
                ]
            }
            let id = c.ids.nextActionID(year: c.today.year, in: c.data.meetings)
            updated.actions.append(
                Action(
                    id: id, item: item, description: draft.description, owner: draft.owner,
                    organisation: draft.organisation, due: draft.due, tags: draft.tags))
            return [.edit(.saveMeeting(updated, label: "\(id) \(draft.description)"))]
        case .issue:
            let item = currentNumber(m)
            do {
                let (raised, issue) = try IssueHome.raise(text, in: m, item: item, c)
                return [.edit(.saveMeeting(raised, label: "\(issue.id) \(issue.text)"))]
            } catch {
                throw EntryError(message: error.message)
            }
        case .answer(let issueID):
            guard let index = updated.issues.firstIndex(where: { $0.id == issueID }) else { return [] }
            guard !text.isEmpty else { throw EntryError(message: "type the answer given, or Esc") }
            updated.issues[index].answer = text
            if updated.issues[index].status == .open { updated.issues[index].status = .answered }
            return [.edit(.saveMeeting(updated, label: "\(issueID) answered"))]
        case .tellResident(let issueID):
            guard let issue = m.issues.first(where: { $0.id == issueID }) else { return [] }
            return [.recordResidentContact(try ResidentEntry.contact(text, issue: issue, meeting: m, now: c.now))]
        case .outcome(let item):
            guard updated.agenda.indices.contains(item) else { return [] }
            // "Resolved: That " and a typed "(i) That …" join as "Resolved: (i) That …".
            updated.agenda[item].outcome = text.isEmpty || text == "Resolved: That" ? nil : Outcome.joined(text)
            // The label names the text too: two outcomes in a row must not read as the same confirmation.
            return [
                .edit(
                    .saveMeeting(
                        updated,
                        label: "outcome of item \(updated.agenda[item].number): \(text.isEmpty ? "cleared" : text)"))
            ]
        case .discussion(let item):
            guard updated.agenda.indices.contains(item) else { return [] }
            updated.agenda[item].discussion = text.isEmpty ? nil : text
            return [.edit(.saveMeeting(updated, label: "discussion of item \(updated.agenda[item].number)"))]
        case .carryForward(let owner, let actionID):
            guard !text.isEmpty else { throw EntryError(message: "the new due date, e.g. 2027-01-12 or +28d") }
            let due: CalendarDate
            do {
                due = try DateInput.parseDay(text, today: c.today)
            } catch {
                throw EntryError(message: error.message)
            }
            guard due >= c.today else {
                throw EntryError(message: "\(due) has passed: the new due date is today or later")
            }
            return update(
                owner, actionID, text: "Carried forward at \(m.title) to \(MeetingDocument.shortDate(due)).",
                status: .carriedForward, due: due, at: m, c)
        case .attendee:
            let (entry, name) = try Self.attendee(text, c)
            updated.attendance.append(entry)
            return [.edit(.saveMeeting(updated, label: "\(name) (\(entry.role.label)) present"))]
        case .finish:
            guard let time = Self.clockTime(text) else {
                throw EntryError(message: "the time it ended, e.g. 20:25 or 8.25pm")
            }
            let day = LondonTime.date(m.start)
            let ended = LondonTime.instant(date: day, hour: time.hour, minute: time.minute)
            guard ended > m.start else {
                throw EntryError(message: "the meeting started at \(LondonTime.hhmm(m.start))")
            }
            updated.ended = ended
            updated.status = .held
            return [
                .edit(.saveMeeting(updated, label: "meeting ended at \(LondonTime.hhmm(ended)), held")),
                .ask(
                    title: "Meeting held",
                    message: "Ended at \(MeetingDocument.clock(ended)). " + Self.stillEmpty(updated, c.directory),
                    choices: [
                        Choice("Export the minutes", [.exportDocument(meetingID: m.id)]),
                        Choice("Show the minutes", [.push(MeetingScreen(meetingID: m.id, tab: .minutes))]),
                        Choice("Not now"),
                    ]),
            ]
        case .apologies(let person, let name):
            let row = people(m, c).first { $0.person == person && $0.name == name }
            guard let row else { return [] }
            return record(.apologies, for: row, m, c, reason: text.isEmpty ? nil : text)
        case .residents:
            // "34", or at a hybrid meeting "34 6 online": 34 in all, of whom 6 joined online.
            let words = text.split(separator: " ").map(String.init)
            let online = words.count == 3 && words[2].lowercased() == "online" ? Int(words[1]) : nil
            guard let n = Int(words.first ?? ""), Limits.headCount.contains(n),
                words.count == 1 || (online.map { $0 <= n } ?? false)
            else {
                throw EntryError(
                    message: "a number of residents up to \(Limits.headCount.upperBound), e.g. 34, or 34 6 online")
            }
            if online != nil, m.online == nil {
                throw EntryError(message: "this meeting has no joining link: add one in the meeting form (E)")
            }
            updated.residentsPresent = n
            updated.residentsOnline = online ?? (m.online == nil ? nil : m.residentsOnline.map { min($0, n) })
            return [
                .edit(.saveMeeting(updated, label: "\(n) residents present" + (online.map { ", \($0) online" } ?? "")))
            ]
        case .declaration(let person, let item):
            guard !text.isEmpty, text != "Personal interest:" else {
                throw EntryError(message: "say what the interest is")
            }
            updated.declarations.append(Declaration(person: person, item: item, nature: text))
            return [.edit(.saveMeeting(updated, label: "declaration by \(c.directory.displayName(ofPerson: person))"))]
        case .update(let owner, let actionID):
            guard !text.isEmpty else { throw EntryError(message: "type the update, or Esc") }
            return update(owner, actionID, text: text, status: nil, at: m, c)
        }
    }

    /// Tab after `@` completes the name from the directory (the first match; Tab again cycles is not needed:
    /// type more letters instead).
    /// Tab after `@word`: the first person or organisation it could be, then each next one on every Tab, with the
    /// candidates shown under the line.
    mutating func complete(_ c: Context) {
        if var cycle = completion, field.text == cycle.shown, !cycle.candidates.isEmpty {
            cycle.index = (cycle.index + 1) % cycle.candidates.count
            fill(&cycle)
            return
        }
        let chars = Array(field.text)
        guard let at = chars[..<field.cursor].lastIndex(of: "@") else { return }
        let typed = String(chars[(at + 1)..<field.cursor])
        let matches = QuickEntry.completions(of: typed, directory: c.directory)
        guard !matches.isEmpty else {
            entryError = "no name, word of a name, id or initials “\(typed)”"
            return
        }
        var cycle = Completion(
            before: String(chars[..<(at + 1)]), after: String(chars[field.cursor...]), candidates: matches)
        fill(&cycle)
    }

    /// Puts the cycle's current candidate in the line and says which of how many it is.
    mutating func fill(_ cycle: inout Completion) {
        let name = cycle.candidates[cycle.index]
        let text = cycle.before + name + " " + cycle.after.drop { $0 == " " }
        field = TextField(text)
        field.cursor = cycle.before.count + name.count + 1
        cycle.shown = text
        completion = cycle
        entryError = nil
    }

    struct Completion: Sendable {
        var before: String
        var after: String
        var candidates: [String]
        var index = 0
        /// The line as the last Tab left it: another Tab moves on only while nothing else was typed.
        var shown = ""

        /// "2 of 5: Name · Next · …" for the hint line.
        var hint: String {
            guard candidates.count > 1 else { return "Tab: the only match" }
            let rest = (candidates[index...] + candidates[..<index]).dropFirst().prefix(4)
            return "Tab \(index + 1) of \(candidates.count) · next: " + rest.joined(separator: " · ")
        }
    }

    // MARK: view

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(area)
        guard let m = c.data.meeting(meetingID) else {
            buffer.put(
                "This meeting is no longer in the data (\(meetingID)).", x: areas.heading.x, y: areas.heading.y,
                style: Theme.error)
            return
        }
        let clock = LondonTime.hhmm(c.now) + " · " + Self.elapsed(from: m.start, to: c.now)
        buffer.put(
            "LIVE  " + m.title, x: areas.heading.x, y: areas.heading.y, maxWidth: areas.heading.width - clock.count - 2,
            style: Theme.title)
        buffer.put(clock, x: areas.heading.maxX - DisplayWidth.of(clock), y: areas.heading.y, style: .bold)
        if m.agenda.indices.contains(currentIndex(m)) {
            let item = m.agenda[currentIndex(m)]
            buffer.put(
                "▶ Item \(item.number) of \(m.agenda.count): \(item.title)"
                    + (item.minutes.map { " (\($0) min)" } ?? ""),
                x: areas.current.x, y: areas.current.y, maxWidth: areas.current.width, style: Theme.warning)
        } else {
            buffer.put("No agenda items", x: areas.current.x, y: areas.current.y, style: Theme.muted)
        }
        panes.render(in: areas.tabs, into: &buffer, titles: paneTitles(m, c))
        let table = pane.content.table(m, self, c)
        var state = pane.content.shown(selection, m, self)
        state.clamp(count: table.rowCount, visible: Table.visibleRows(in: areas.list))
        table.render(in: areas.list, into: &buffer, state: state, focused: entry == nil)

        if let entry {
            let prompt =
                switch entry {
                case .action(nil): "Action" + (currentNumber(m).map { " (item \($0))" } ?? "") + ": "
                case .action(let issue?):
                    "Action for issue \(issue)" + (currentNumber(m).map { " (item \($0))" } ?? "") + ": "
                case .issue: "Issue: "
                case .answer(let id): "Answer to \(id): "
                case .tellResident(let id): "\(id): they agreed to be told; e-mail or postal address: "
                case .outcome(let i): "Item \(m.agenda.indices.contains(i) ? m.agenda[i].number : 0): "
                case .apologies(_, let name): "\(name): reason: "
                case .residents: "Residents present: "
                case .declaration(_, let item): "Interest in item \(item): "
                case .update(_, let id): "Update on \(id): "
                case .discussion(let i): "Item \(m.agenda.indices.contains(i) ? m.agenda[i].number : 0) discussion: "
                case .carryForward(_, let id): "\(id) carried forward, due: "
                case .attendee: "Present (name, organisation, role): "
                case .finish: "Ended at: "
                }
            let used = buffer.put(prompt, x: areas.input.x, y: areas.input.y, style: Theme.key)
            field.render(
                in: Rect(x: areas.input.x + used, y: areas.input.y, width: areas.input.width - used, height: 1),
                into: &buffer)
            let help: String =
                switch entry {
                // What is still empty comes first: at 80 columns the end of the line is cut.
                case .finish: Self.stillEmpty(m, c.directory) + " · Enter marks the meeting held"
                case .attendee:
                    "e.g. Dan Reed, Bedfordshire Police, observer (roles: member, observer, support officer)"
                case .carryForward: "Enter saves: 2027-01-12, 12 Jan, +28d, next tue · Esc cancels"
                default: Self.entryKeys(entry).hints.map { "\($0.keys) \($0.label)" }.joined(separator: " · ")
                }
            let shownHelp = completion.map { field.text == $0.shown ? $0.hint : help } ?? help
            buffer.put(
                entryError.map { "✗ " + $0 } ?? shownHelp,
                x: areas.hint.x, y: areas.hint.y, maxWidth: areas.hint.width,
                style: entryError == nil ? Theme.muted : Theme.error)
        } else {
            let residents = m.residentsPresent.map { "\($0) residents" } ?? "residents not counted (r)"
            let state =
                m.status == .held
                ? "held" + (m.ended.map { ", ended " + LondonTime.hhmm($0) } ?? "") + " (e exports the minutes)"
                : "F finishes"
            buffer.put(
                "\(residents) · \(m.declarations.count) declaration(s) · \(state) · every entry is saved as you confirm it",
                x: areas.hint.x, y: areas.hint.y, maxWidth: areas.hint.width, style: Theme.muted)
        }
        picker?.0.render(in: area, into: &buffer)
    }

    /// The panes' titles with their counts, as the bar draws them and clicks find them.
    func paneTitles(_ m: Meeting, _ c: Context) -> [String] { Pane.allCases.map { $0.content.title(m, self, c) } }
}

extension LiveNotesScreen {
    /// "0:42 in", "starts in 0:15", or in days when the meeting is not today.
    static func elapsed(from start: Date, to now: Date) -> String {
        let minutes = Int(now.timeIntervalSince(start) / 60)
        let size = abs(minutes)
        if size >= 24 * 60 {
            let days = size / (24 * 60)
            return minutes > 0 ? "started \(Format.count(days, "day")) ago" : "starts in \(Format.count(days, "day"))"
        }
        let clock = "\(size / 60):\(size % 60 < 10 ? "0" : "")\(size % 60)"
        return minutes >= 0 ? "\(clock) in" : "starts in \(clock)"
    }
}

extension LiveNotesScreen {
    /// What the minutes would still lack: items without an outcome, items without a discussion (but the standing
    /// ones: apologies, the last minutes, disclosures), a presenter who sent apologies and no one stood in for,
    /// the residents' head count.
    static func stillEmpty(_ m: Meeting, _ directory: Directory? = nil) -> String {
        var missing: [String] = []
        func list(_ items: [AgendaItem]) -> String {
            "item\(items.count == 1 ? "" : "s") " + items.map { String($0.number) }.joined(separator: ", ")
        }
        let open = m.agenda.filter { $0.outcome == nil }
        if !open.isEmpty { missing.append("no outcome for " + list(open)) }
        let standing = ["apolog", "minutes of", "disclosure", "declaration", "interests"]
        let undiscussed = m.agenda.filter { item in
            item.discussion == nil && !standing.contains { item.title.lowercased().contains($0) }
        }
        if !undiscussed.isEmpty { missing.append("no discussion for " + list(undiscussed)) }
        for item in m.agenda {
            guard let presenter = item.presenter,
                m.attendance.contains(where: { $0.person == presenter && $0.status == .apologies }),
                !m.attendance.contains(where: { $0.status == .substitute && $0.substituteFor == presenter })
            else { continue }
            let name = directory?.displayName(ofPerson: presenter) ?? presenter
            missing.append(
                "item \(item.number)'s presenter \(name) sent apologies: who presented? (s records a substitute)")
        }
        if m.residentsPresent == nil { missing.append("residents not counted (r)") }
        if !m.attendance.contains(where: { $0.status.isInRoom }) { missing.append("no one marked present") }
        return missing.isEmpty ? "Nothing is missing." : "Still empty: " + missing.joined(separator: "; ") + "."
    }

    /// "20:25", "2025", "8.25pm", "8pm".
    static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        var t = text.lowercased().replacingOccurrences(of: " ", with: "")
        var pm = false, am = false
        if t.hasSuffix("pm") { pm = true; t.removeLast(2) } else if t.hasSuffix("am") { am = true; t.removeLast(2) }
        let parts = t.split(whereSeparator: { $0 == ":" || $0 == "." }).map(String.init)
        var hour: Int?, minute = 0
        if parts.count == 2, parts[1].count == 2 {
            hour = Int(parts[0])
            guard let m = Int(parts[1]) else { return nil }
            minute = m
        } else if parts.count == 1, parts[0].count == 4, let n = Int(parts[0]) {
            hour = n / 100
            minute = n % 100
        } else if parts.count == 1, parts[0].count <= 2 {
            hour = Int(parts[0])
        }
        guard var h = hour, (0..<60).contains(minute) else { return nil }
        if pm || am {
            guard (1...12).contains(h) else { return nil }
            h = h % 12 + (pm ? 12 : 0)
        }
        return (0..<24).contains(h) ? (h, minute) : nil
    }

    /// "Dan Reed, Bedfordshire Police, observer": the name (someone in the directory is linked to them), an
    /// organisation from the directory (name or id, a prefix is enough) and a role, the last two optional.
    static func attendee(_ text: String, _ c: Context) throws(EntryError) -> (Attendance, String) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let name = parts.first, !name.isEmpty else {
            throw EntryError(message: "type a name, e.g. Dan Reed, Bedfordshire Police, observer")
        }
        guard parts.count <= 3 else { throw EntryError(message: "name, organisation, role: three parts at most") }
        var role = AttendanceRole.member
        if parts.count == 3, !parts[2].isEmpty {
            let word = parts[2].lowercased()
            let found = AttendanceRole.allCases.filter {
                $0.label.hasPrefix(word) || $0.rawValue.hasPrefix(word)
                    || (word.hasPrefix("support") && $0 == .supportOfficer)
                    || (word == "officer" && $0 == .supportOfficer)
            }
            guard found.count == 1 else {
                throw EntryError(message: "role: member, observer or support officer (not “\(parts[2])”)")
            }
            role = found[0]
        }
        var organisation: String?
        if parts.count >= 2, !parts[1].isEmpty {
            do {
                organisation = try NameMatch.resolve(
                    parts[1], kind: "organisation", among: c.directory.organisations.map { (id: $0.id, name: $0.name) })
            } catch {
                throw EntryError(
                    message: error.message.count > 120
                        ? "no organisation “\(parts[1])” in the directory" : error.message)
            }
        }
        let lowered = name.lowercased()
        let person = c.directory.people.first {
            $0.name.lowercased() == lowered || $0.name.lowercased() == "cllr " + lowered
        }
        let entry = Attendance(
            person: person?.id, name: person == nil ? name : nil,
            organisation: organisation ?? (person?.kind == .councillor ? nil : person?.organisation),
            role: role, status: .present)
        return (entry, person?.name ?? name)
    }
}
