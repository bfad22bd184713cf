import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Minuting a meeting as it happens. Every confirmed entry is saved at once (durably, before the footer
/// says "Saved"), so a crash or a closed lid loses nothing that was confirmed.
struct LiveNotesScreen: Screen {
    enum Pane: Int, Sendable, CaseIterable { case attendance, agenda, actions, arising, issues }

    /// What the one-line input at the bottom is for.
    enum Entry: Sendable {
        /// A new action; from an issue raised from the floor, it is linked to it in the same save.
        case action(fromIssue: String?)
        case issue
        case answer(issueID: String)
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
    var pane = Pane.attendance
    var selections: [Pane: SelectionState] = [:]
    /// The item number last moved to here: shown at once, and still shown if the folder is read-only and the
    /// move could not be saved to the meeting file.
    var movedTo: Int?
    var entry: Entry?
    var field = TextField()
    /// The text the entry line began with, so Esc asks only when something was typed.
    var entryStart = ""
    var entryError: String?
    /// Picking a person: a substitute for the selected row, or who declares an interest.
    var picker: (Picker, PickerJob)?

    enum PickerJob: Sendable { case substitute(for: String?), declaration, declarationItem(person: String) }

    init(meetingID: String, context: Context) {
        self.meetingID = meetingID
    }

    var title: String { "Live notes" }
    func meetingsInFull(_ c: Context) -> [String] { [meetingID] }
    var editingMeetingID: String? { meetingID }
    var capturesText: Bool { entry != nil || picker != nil }
    var unsavedText: String? { entry != nil && field.text != entryStart ? "the line you are typing" : nil }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init("Live notes", [
                Binding([.char("a")], "New action: text @owner #tag due:+14d (Tab completes @names); on Issues, an action for the issue",
                        .add, hint: "action"),
                Binding([.char("i")], "Issue raised from the floor: text #tag", .raiseIssue, hint: "issue"),
                Binding([.tab], "Next pane: attendance, agenda, actions, matters arising, issues", .nextTab, hint: "pane"),
                Binding([.backTab], "Previous pane", .previousTab),
                Binding([.char("n")], "Next agenda item: the item in progress (▶), kept in the meeting file", .moveDown, hint: "next item"),
                Binding([.char("b")], "Previous agenda item", .moveUp),
                Binding([.enter], "Agenda: the outcome of the item in progress (▶) · Matters arising: add an update · Actions: edit",
                        .open, hint: "outcome"),
                Binding([.char("m")], "Minute the discussion of the item in progress (▶)", .minuteDiscussion, hint: "discussion"),
                Binding([.char("d")], "Declaration of interest: who, then which item (the one in progress is offered)", .declareInterest),
                Binding([.char("r")], "Residents present (head count)", .residents),
                Binding([.char("E")], "Equality monitoring: counts for the settings' categories (no names)", .equalityCounts),
                Binding([.char("F")], "Finish: record the time the meeting ended, mark it held, then the minutes", .finishMeeting,
                        hint: "finish"),
                Binding([.char("e")], "Export the minutes (once held) to exports/ as Markdown, text and HTML", .exportDocument),
            ]),
            .init("Attendance", [
                Binding([.char("p")], "Present", .markPresent, hint: "present"),
                Binding([.char("o")], "Apologies (asks the reason)", .markApologies, hint: "apologies"),
                Binding([.char("x")], "Absent", .markAbsent),
                Binding([.char("s")], "Substitute: pick who stands in for the selected person", .markSubstitute),
                Binding([.char("w")], "Add someone present: name, organisation, role (a walk-in, the note-taker)", .addAttendee),
                Binding([.char("R")], "Role of the selected person: member → observer → support officer", .setRole),
            ]),
            .init("Matters arising", [
                Binding([.char("c")], "Mark the selected action done", .markDone),
                Binding([.char("f")], "Carry the selected action forward (asks the new due date)", .carryForward),
            ]),
            .init("Issues", [
                Binding([.char("t")], "Make the selected issue a topic request for a later meeting", .issueToTopic),
            ]),
            Keys.movement,
        ])
    }

    // MARK: rows

    struct Person: Sendable {
        var person: String?
        var name: String
        var organisation: String?
        var detail: String
        var entry: Int?
    }

    /// Who is expected: the wards' councillors, the invited partners' contacts, then anyone else recorded.
    func people(_ m: Meeting, _ c: Context) -> [Person] {
        var rows: [Person] = []
        var seen: Set<String> = []
        func entryIndex(_ id: String) -> Int? { m.attendance.lastIndex { $0.person == id } }
        for councillor in c.directory.councillors(ofWards: m.wards) where seen.insert(councillor.id).inserted {
            rows.append(Person(person: councillor.id, name: councillor.name, organisation: nil,
                               detail: councillor.wards.filter(m.wards.contains).map(c.wardName).joined(separator: ", "),
                               entry: entryIndex(councillor.id)))
        }
        for invitation in m.invitations {
            guard let id = invitation.person, seen.insert(id).inserted else { continue }
            rows.append(Person(person: id, name: c.directory.displayName(ofPerson: id), organisation: invitation.organisation,
                               detail: c.organisationName(invitation.organisation), entry: entryIndex(id)))
        }
        for (i, a) in m.attendance.enumerated() {
            if let id = a.person {
                guard seen.insert(id).inserted else { continue }
                rows.append(Person(person: id, name: c.directory.displayName(ofPerson: id), organisation: a.organisation,
                                   detail: c.organisationName(a.organisation ?? c.directory.person(id)?.organisation), entry: i))
            } else if let name = a.name {
                rows.append(Person(person: nil, name: name, organisation: a.organisation, detail: c.organisationName(a.organisation), entry: i))
            }
        }
        return rows
    }

    /// Asked several times a frame (tab title, counts, rows): found once per change of the data, as it scans
    /// every meeting of the area.
    func arising(_ m: Meeting, _ c: Context) -> [RaisedAction] {
        arisingMemo.get("\(c.memoKey)|\(m.id)") { ActionRules.mattersArising(for: m, in: c.data.meetings) }
    }

    func count(_ pane: Pane, _ m: Meeting, _ c: Context) -> Int {
        switch pane {
        case .attendance: people(m, c).count
        case .agenda: m.agenda.count
        case .actions: m.actions.count
        case .arising: arising(m, c).count
        case .issues: m.issues.count
        }
    }

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
        return Areas(heading: p[0].inset(horizontal: 1), current: p[1].inset(horizontal: 1), tabs: p[2].inset(horizontal: 1),
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
        switch command {
        case .nextTab: pane = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!
        case .previousTab: pane = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .moveDown: return moveItem(to: currentIndex(m) + 1, m)
        case .moveUp: return moveItem(to: currentIndex(m) - 1, m)
        case .down where pane == .agenda: return moveItem(to: currentIndex(m) + 1, m)
        case .up where pane == .agenda: return moveItem(to: currentIndex(m) - 1, m)
        case .top where pane == .agenda: return moveItem(to: 0, m)
        case .bottom where pane == .agenda: return moveItem(to: m.agenda.count - 1, m)
        case .minuteDiscussion:
            guard !m.agenda.isEmpty else { return [.message(.error("No agenda items to minute"))] }
            begin(.discussion(item: currentIndex(m)), m.agenda[currentIndex(m)].discussion ?? "")
        case .addAttendee:
            pane = .attendance
            begin(.attendee, "")
        case .setRole:
            let rows = people(m, c)
            guard pane == .attendance, rows.indices.contains(selection.selected) else { return [] }
            guard let index = rows[selection.selected].entry else {
                return [.message(.error("Record \(rows[selection.selected].name)'s attendance first (p, o, x)"))]
            }
            var updated = m
            let roles = AttendanceRole.allCases
            let role = roles[(roles.firstIndex(of: m.attendance[index].role)! + 1) % roles.count]
            updated.attendance[index].role = role
            return [.edit(.saveMeeting(updated, label: "\(rows[selection.selected].name): \(role.label)"))]
        case .equalityCounts:
            let settings = c.data.settings
            guard !settings.equalityCategories.isEmpty else {
                return [.message(.error("No equality-monitoring categories in forumdesk.json (\"equalityCategories\")"))]
            }
            return [.push(FormScreen.equality(m, settings, c))]
        case .finishMeeting:
            begin(.finish, LondonTime.hhmm(max(c.now, m.start)))
        case .exportDocument:
            guard m.status == .held else { return [.message(.error("Finish the meeting first (F): the minutes are of a held meeting"))] }
            return [.exportDocument(meetingID: m.id)]
        case .add:
            guard pane == .issues else {
                begin(.action(fromIssue: nil), "")
                break
            }
            guard m.issues.indices.contains(selection.selected) else { return [] }
            let issue = m.issues[selection.selected]
            if let refusal = IssueHome.alreadyHomed(issue) { return refusal }
            begin(.action(fromIssue: issue.id), ([issue.text] + issue.tags.map { "#" + $0 }).joined(separator: " ") + " ")
        case .raiseIssue: begin(.issue, "")
        case .issueToTopic:
            guard pane == .issues, m.issues.indices.contains(selection.selected) else { return [] }
            return IssueHome.toTopic(m.issues[selection.selected].id, in: m, c)
        case .residents: begin(.residents, m.residentsPresent.map(String.init) ?? "")
        case .open:
            switch pane {
            case .agenda:
                guard m.agenda.indices.contains(currentIndex(m)) else { return [] }
                begin(.outcome(item: currentIndex(m)), m.agenda[currentIndex(m)].outcome ?? "Resolved: That ")
            case .arising:
                let rows = arising(m, c)
                guard rows.indices.contains(selection.selected) else { return [] }
                begin(.update(meetingID: rows[selection.selected].meeting.id, actionID: rows[selection.selected].action.id), "")
            case .actions:
                guard m.actions.indices.contains(selection.selected) else { return [] }
                return [.push(FormScreen.action(m, m.actions[selection.selected], c))]
            case .issues:
                guard m.issues.indices.contains(selection.selected) else { return [] }
                let issue = m.issues[selection.selected]
                begin(.answer(issueID: issue.id), issue.answer ?? "")
            case .attendance:
                return mark(.present, m, c)
            }
        case .markPresent: return mark(.present, m, c)
        case .markAbsent: return mark(.absent, m, c)
        case .markApologies:
            let rows = people(m, c)
            guard pane == .attendance, rows.indices.contains(selection.selected) else { return [] }
            let person = rows[selection.selected].person
            // The reason a councillor gave with their calendar reply is offered; the note-taker may change it.
            begin(.apologies(person: person, name: rows[selection.selected].name),
                  person.flatMap { NotificationRules.apologyReason(ofCouncillor: $0, in: m) } ?? "")
        case .markSubstitute:
            let rows = people(m, c)
            guard pane == .attendance, rows.indices.contains(selection.selected) else { return [] }
            picker = (Picker(title: "Who stands in for \(rows[selection.selected].name)?", items: FormScreen.peopleItems(c).filter { !$0.id.isEmpty }),
                      .substitute(for: rows[selection.selected].person))
        case .declareInterest:
            guard !m.agenda.isEmpty else { return [.message(.error("Add agenda items first: a declaration names an item"))] }
            picker = (Picker(title: "Who declares an interest?", items: FormScreen.peopleItems(c).filter { !$0.id.isEmpty }), .declaration)
        case .markDone: return closeArising(.done, m, c)
        case .carryForward:
            let rows = arising(m, c)
            guard pane == .arising, rows.indices.contains(selection.selected) else { return [] }
            let next = c.data.meetings.first { $0.area == m.area && $0.start > m.start && $0.status != .cancelled }
            begin(.carryForward(meetingID: rows[selection.selected].meeting.id, actionID: rows[selection.selected].action.id),
                  next.map { LondonTime.date($0.start).description } ?? "+28d")
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
    }

    /// Records the selected person's attendance.
    func mark(_ status: AttendanceStatus, _ m: Meeting, _ c: Context, reason: String? = nil) -> [Effect] {
        let rows = people(m, c)
        guard pane == .attendance, rows.indices.contains(selection.selected) else { return [] }
        return record(status, for: rows[selection.selected], m, c, reason: reason)
    }

    func record(_ status: AttendanceStatus, for row: Person, _ m: Meeting, _ c: Context, reason: String? = nil) -> [Effect] {
        [.edit(.saveMeeting(recording(status, for: row, in: m, c, reason: reason), label: "\(row.name): \(status.label)"))]
    }

    /// The meeting with one person's attendance set (their existing entry updated, or a new one).
    func recording(_ status: AttendanceStatus, for row: Person, in m: Meeting, _ c: Context, reason: String? = nil,
                   substituteFor: String? = nil) -> Meeting {
        var updated = m
        let index = row.person.flatMap { id in m.attendance.lastIndex { $0.person == id } } ?? row.entry
        let councillor = row.person.flatMap { c.directory.person($0) }?.kind == .councillor
        var a = index.map { m.attendance[$0] }
            ?? Attendance(person: row.person, name: row.person == nil ? row.name : nil, organisation: councillor ? nil : row.organisation,
                          role: .member, status: status)
        a.status = status
        a.reason = status == .apologies ? reason : nil
        a.substituteFor = substituteFor
        if let index { updated.attendance[index] = a } else { updated.attendance.append(a) }
        return updated
    }

    func closeArising(_ status: ActionStatus, _ m: Meeting, _ c: Context) -> [Effect] {
        let rows = arising(m, c)
        guard pane == .arising, rows.indices.contains(selection.selected) else { return [] }
        let raised = rows[selection.selected]
        return update(raised.meeting.id, raised.action.id, text: status == .done ? "Done (reported at \(m.title))."
                      : "Carried forward at \(m.title).", status: status, at: m, c)
    }

    /// An update reported at meeting `at` (recorded with it, so that meeting's minutes say what was done).
    func update(_ meetingID: String, _ actionID: String, text: String, status: ActionStatus?, due: CalendarDate? = nil,
                at reported: Meeting, _ c: Context) -> [Effect] {
        guard var owner = c.data.meeting(meetingID), let i = owner.actions.firstIndex(where: { $0.id == actionID }) else { return [] }
        owner.actions[i].updates.append(ActionUpdate(at: c.now, text: text, status: status, meeting: reported.id))
        if let status { owner.actions[i].status = status }
        if let due { owner.actions[i].due = due }
        return [.edit(.saveMeeting(owner, label: "\(actionID) \(status?.label ?? "updated")"))]
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
                    let standingIn = Person(person: item.id, name: item.label, organisation: c.directory.person(item.id)?.organisation,
                                            detail: "", entry: nil)
                    updated = recording(.substitute, for: standingIn, in: updated, c, substituteFor: standIn)
                    return [.edit(.saveMeeting(updated, label: label))]
                case .declaration:
                    // Which item the interest concerns: usually a later one than "Disclosures of interest".
                    var items = Picker(title: "\(item.label): an interest in which item?",
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
            if case .mouse(let mouse) = event, mouse.kind == .wheelDown || mouse.kind == .wheelUp {
                return perform(mouse.kind == .wheelDown ? .down : .up, c)
            }
            return []
        }
        switch event {
        case .key(.escape):
            guard unsavedText != nil else {
                entry = nil
                return []
            }
            var discarded = self
            discarded.entry = nil
            return [.ask(title: "Discard the line?", message: "“\(field.text)” is not saved yet.",
                         choices: [Choice("Keep typing"), Choice("Discard", [.replace(discarded)])])]
        case .key(.tab):
            if case .action = kind { complete(c) }
        case .key(.enter):
            let text = field.text.trimmingCharacters(in: .whitespaces)
            do {
                let effects = try confirm(kind, text, m, c)
                entry = nil
                return effects
            } catch {
                entryError = error.message
            }
        case .key(let key):
            field.handle(key)
            entryError = nil
        case .paste(let text):
            field.paste(text)
        default: break
        }
        return []
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
            if let issueID, let (linked, action) = IssueHome.action(for: issueID, in: m, description: draft.description, owner: draft.owner,
                                                                     organisation: draft.organisation, due: draft.due, tags: draft.tags, c) {
                return [.edit(.saveMeeting(linked, label: "\(action.id) raised for \(issueID)"))]
            }
            let id = c.ids.nextActionID(year: c.today.year, in: c.data.meetings)
            let item = currentNumber(m)
            updated.actions.append(Action(id: id, item: item, description: draft.description, owner: draft.owner,
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
        case .outcome(let item):
            guard updated.agenda.indices.contains(item) else { return [] }
            updated.agenda[item].outcome = text.isEmpty || text == "Resolved: That" ? nil : text
            // The label names the text too: two outcomes in a row must not read as the same confirmation.
            return [.edit(.saveMeeting(updated, label: "outcome of item \(updated.agenda[item].number): \(text.isEmpty ? "cleared" : text)"))]
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
            guard due >= c.today else { throw EntryError(message: "\(due) has passed: the new due date is today or later") }
            return update(owner, actionID, text: "Carried forward at \(m.title) to \(MeetingDocument.shortDate(due)).",
                          status: .carriedForward, due: due, at: m, c)
        case .attendee:
            let (entry, name) = try Self.attendee(text, c)
            updated.attendance.append(entry)
            return [.edit(.saveMeeting(updated, label: "\(name) (\(entry.role.label)) present"))]
        case .finish:
            guard let time = Self.clockTime(text) else { throw EntryError(message: "the time it ended, e.g. 20:25 or 8.25pm") }
            let day = LondonTime.date(m.start)
            let ended = LondonTime.instant(date: day, hour: time.hour, minute: time.minute)
            guard ended > m.start else { throw EntryError(message: "the meeting started at \(LondonTime.hhmm(m.start))") }
            updated.ended = ended
            updated.status = .held
            return [.edit(.saveMeeting(updated, label: "meeting ended at \(LondonTime.hhmm(ended)), held")),
                    .ask(title: "Meeting held", message: "Ended at \(MeetingDocument.clock(ended)). " + Self.stillEmpty(updated),
                         choices: [Choice("Export the minutes", [.exportDocument(meetingID: m.id)]),
                                   Choice("Show the minutes", [.push(MeetingScreen(meetingID: m.id, tab: .minutes))]),
                                   Choice("Not now")])]
        case .apologies(let person, let name):
            let row = people(m, c).first { $0.person == person && $0.name == name }
            guard let row else { return [] }
            return record(.apologies, for: row, m, c, reason: text.isEmpty ? nil : text)
        case .residents:
            guard let n = Int(text), Limits.headCount.contains(n) else {
                throw EntryError(message: "a number of residents up to \(Limits.headCount.upperBound), e.g. 34")
            }
            updated.residentsPresent = n
            return [.edit(.saveMeeting(updated, label: "\(n) residents present"))]
        case .declaration(let person, let item):
            guard !text.isEmpty, text != "Personal interest:" else { throw EntryError(message: "say what the interest is") }
            updated.declarations.append(Declaration(person: person, item: item, nature: text))
            return [.edit(.saveMeeting(updated, label: "declaration by \(c.directory.displayName(ofPerson: person))"))]
        case .update(let owner, let actionID):
            guard !text.isEmpty else { throw EntryError(message: "type the update, or Esc") }
            return update(owner, actionID, text: text, status: nil, at: m, c)
        }
    }

    /// Tab after `@` completes the name from the directory (the first match; Tab again cycles is not needed:
    /// type more letters instead).
    mutating func complete(_ c: Context) {
        let chars = Array(field.text)
        guard let at = chars[..<field.cursor].lastIndex(of: "@") else { return }
        let typed = String(chars[(at + 1)..<field.cursor])
        let matches = QuickEntry.completions(of: typed, directory: c.directory)
        guard let first = matches.first else {
            entryError = "no name starts with “\(typed)”"
            return
        }
        let completed = String(chars[..<(at + 1)]) + first + " " + String(chars[field.cursor...])
        let cursor = at + 1 + first.count + 1
        field = TextField(completed)
        field.cursor = cursor
        entryError = matches.count > 1 ? "also: " + matches.dropFirst().prefix(4).joined(separator: ", ") : nil
    }

    // MARK: view

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let areas = layout(area)
        guard let m = c.data.meeting(meetingID) else {
            buffer.put("This meeting is no longer in the data (\(meetingID)).", x: areas.heading.x, y: areas.heading.y, style: Theme.error)
            return
        }
        let clock = LondonTime.hhmm(c.now) + " · " + Self.elapsed(from: m.start, to: c.now)
        buffer.put("LIVE  " + m.title, x: areas.heading.x, y: areas.heading.y, maxWidth: areas.heading.width - clock.count - 2, style: Theme.title)
        buffer.put(clock, x: areas.heading.maxX - DisplayWidth.of(clock), y: areas.heading.y, style: .bold)
        if m.agenda.indices.contains(currentIndex(m)) {
            let item = m.agenda[currentIndex(m)]
            buffer.put("▶ Item \(item.number) of \(m.agenda.count): \(item.title)" + (item.minutes.map { " (\($0) min)" } ?? ""),
                       x: areas.current.x, y: areas.current.y, maxWidth: areas.current.width, style: Theme.warning)
        } else {
            buffer.put("No agenda items", x: areas.current.x, y: areas.current.y, style: Theme.muted)
        }
        let present = m.attendance.filter { $0.status.isInRoom }.count
        let titles = ["Attendance (\(present) in)", "Agenda", "Actions (\(m.actions.count))", "Matters arising (\(arising(m, c).count))",
                      "Issues (\(m.issues.count))"]
        Tabs(titles: titles, selected: pane.rawValue).render(in: areas.tabs, into: &buffer)
        var state = selection
        if pane == .agenda { state.selected = currentIndex(m) }
        state.clamp(count: count(pane, m, c), visible: Table.visibleRows(in: areas.list))
        table(m, c).render(in: areas.list, into: &buffer, state: state, focused: entry == nil)

        if let entry {
            let prompt = switch entry {
            case .action(nil): "Action: "
            case .action(let issue?): "Action for \(issue): "
            case .issue: "Issue: "
            case .answer(let id): "Answer to \(id): "
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
            field.render(in: Rect(x: areas.input.x + used, y: areas.input.y, width: areas.input.width - used, height: 1), into: &buffer)
            let help: String = switch entry {
            // What is still empty comes first: at 80 columns the end of the line is cut.
            case .finish: Self.stillEmpty(m) + " · Enter marks the meeting held"
            case .attendee: "e.g. Dan Reed, Bedfordshire Police, observer (roles: member, observer, support officer)"
            case .carryForward: "Enter saves: 2027-01-12, 12 Jan, +28d, next tue · Esc cancels"
            default: "Enter saves · Esc cancels" + (prompt.hasPrefix("Action") ? " · Tab completes @names" : "")
            }
            buffer.put(entryError.map { "✗ " + $0 } ?? help,
                       x: areas.hint.x, y: areas.hint.y, maxWidth: areas.hint.width, style: entryError == nil ? Theme.muted : Theme.error)
        } else {
            let residents = m.residentsPresent.map { "\($0) residents" } ?? "residents not counted (r)"
            let state = m.status == .held ? "held" + (m.ended.map { ", ended " + LondonTime.hhmm($0) } ?? "") + " (e exports the minutes)"
                : "F finishes"
            buffer.put("\(residents) · \(m.declarations.count) declaration(s) · \(state) · every entry is saved as you confirm it",
                       x: areas.hint.x, y: areas.hint.y, maxWidth: areas.hint.width, style: Theme.muted)
        }
        picker?.0.render(in: area, into: &buffer)
    }

    func table(_ m: Meeting, _ c: Context) -> Table {
        switch pane {
        case .attendance:
            let rows = people(m, c)
            return Table(
                columns: [Column("Name", .min(18)), Column("For", .min(14)), Column("Role", .length(15)), Column("Status", .length(10)),
                          Column("Note", .min(10))],
                rows: rows.map { row in
                    let a = row.entry.map { m.attendance[$0] }
                    let note = a?.substituteFor.map { "for " + c.directory.displayName(ofPerson: $0) } ?? a?.reason ?? ""
                    let chair = row.person != nil && row.person == m.chair ? " (chair)" : ""
                    return [row.name, row.detail, (a?.role.label ?? "–") + chair, a?.status.label ?? "–", note]
                },
                rowStyles: rows.map { row in
                    guard let a = row.entry.map({ m.attendance[$0] }) else { return Theme.muted }
                    return a.status.isInRoom ? Theme.good : .plain
                })
        case .agenda:
            return Table(columns: [Column("", .length(1)), Column("No", .length(3), alignRight: true), Column("Item", .min(20)),
                                   Column("Outcome", .min(20))],
                         rows: m.agenda.enumerated().map { i, item in
                             [i == currentIndex(m) ? "▶" : "", String(item.number), item.title,
                              item.outcome ?? (item.discussion == nil ? "" : "(discussion minuted)")]
                         },
                         rowStyles: m.agenda.indices.map { $0 == currentIndex(m) ? Theme.warning : .plain },
                         emptyMessage: "No agenda items.")
        case .actions:
            return Table(columns: [Column("ID", .length(10)), Column("Action", .min(20)), Column("Owner", .min(12)), Column("Due", .length(11))],
                         rows: m.actions.map { a in
                             [a.id, a.description, c.directory.ownerName(person: a.owner, organisation: a.organisation),
                              a.due.map(Format.day) ?? ""]
                         },
                         emptyMessage: "No actions yet: press a to add one.")
        case .arising:
            let rows = arising(m, c)
            return Table(columns: [Column("ID", .length(10)), Column("Action", .min(20)), Column("Owner", .min(12)), Column("Status", .length(15))],
                         rows: rows.map { r in
                             [r.action.id, r.action.description, c.directory.ownerName(person: r.action.owner, organisation: r.action.organisation), r.action.status.label]
                         },
                         rowStyles: rows.map { ActionRules.isOverdue($0.action, today: c.today) ? Theme.warning : .plain },
                         emptyMessage: "No open actions from earlier meetings of this area.")
        case .issues:
            return Table(columns: [Column("ID", .length(10)), Column("Issue", .min(20)), Column("Status", .length(16)), Column("Home", .min(10))],
                         rows: m.issues.map { issue in
                             [issue.id, ([issue.text] + issue.tags.map { "#" + $0 }).joined(separator: " "), issue.status.label,
                              issue.action ?? issue.topic ?? issue.answer ?? ""]
                         },
                         rowStyles: m.issues.map { $0.status == .open ? Theme.warning : .plain },
                         emptyMessage: "No issues raised yet: press i to record one (Enter answers, a makes an action, t a topic).")
        }
    }
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
    /// What the minutes would still lack: items without an outcome, the residents' head count.
    static func stillEmpty(_ m: Meeting) -> String {
        var missing: [String] = []
        let open = m.agenda.filter { $0.outcome == nil }.map { String($0.number) }
        if !open.isEmpty { missing.append("no outcome for item\(open.count == 1 ? "" : "s") " + open.joined(separator: ", ")) }
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
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = parts.first, !name.isEmpty else { throw EntryError(message: "type a name, e.g. Dan Reed, Bedfordshire Police, observer") }
        guard parts.count <= 3 else { throw EntryError(message: "name, organisation, role: three parts at most") }
        var role = AttendanceRole.member
        if parts.count == 3, !parts[2].isEmpty {
            let word = parts[2].lowercased()
            let found = AttendanceRole.allCases.filter { $0.label.hasPrefix(word) || $0.rawValue.hasPrefix(word) || (word.hasPrefix("support") && $0 == .supportOfficer)
                || (word == "officer" && $0 == .supportOfficer) }
            guard found.count == 1 else { throw EntryError(message: "role: member, observer or support officer (not “\(parts[2])”)") }
            role = found[0]
        }
        var organisation: String?
        if parts.count >= 2, !parts[1].isEmpty {
            do {
                organisation = try NameMatch.resolve(parts[1], kind: "organisation", among: c.directory.organisations.map { (id: $0.id, name: $0.name) })
            } catch {
                throw EntryError(message: error.message.count > 120 ? "no organisation “\(parts[1])” in the directory" : error.message)
            }
        }
        let lowered = name.lowercased()
        let person = c.directory.people.first { $0.name.lowercased() == lowered || $0.name.lowercased() == "cllr " + lowered }
        let entry = Attendance(person: person?.id, name: person == nil ? name : nil,
                               organisation: organisation ?? (person?.kind == .councillor ? nil : person?.organisation),
                               role: role, status: .present)
        return (entry, person?.name ?? name)
    }
}
