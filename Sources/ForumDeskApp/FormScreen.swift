import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// A form over a record. Validates after every key (notes say what was understood, or what is wrong) and,
/// on Ctrl-S, turns into an edit that the app saves at once.
struct FormScreen: Screen {
    enum Job: Sendable {
        case newMeeting
        case editMeeting(String)
        case postpone(String)
        case cancel(String)
        case agendaItem(meetingID: String, index: Int?)
        case action(meetingID: String, actionID: String)
        case person(id: String?, kind: PersonKind)
        case organisation(id: String?)
        case ward(areaID: String, wardID: String?)
        case coverageRule(index: Int?)
        case invitation(meetingID: String)
        case topic(id: String?)
        case issue(meetingID: String, issueID: String?, item: Int?)
        case equality(meetingID: String)
        case consultation(id: String?)
        case templateItem(kind: MeetingKind, index: Int?)
    }

    var form: Form
    let purpose: Job

    var title: String { form.title }
    func meetingsInFull(_ c: Context) -> [String] { editingMeetingID.map { [$0] } ?? [] }
    var editingMeetingID: String? {
        switch purpose {
        case .editMeeting(let id), .postpone(let id), .cancel(let id), .agendaItem(let id, _), .action(let id, _),
            .invitation(let id),
            .issue(let id, _, _), .equality(let id):
            id
        case .newMeeting, .person, .organisation, .ward, .coverageRule, .topic, .consultation, .templateItem:
            nil
        }
    }
    /// Every key goes to the form: its keys and its fields' come from their key maps.
    var textKeys: KeyHelp? { form.keyHelp }
    var unsavedText: String? { form.isModified ? "what you typed in \(form.title.lowercased())" : nil }

    /// No commands: a form takes every key as typing or as one of its own (`Form.keyMap`).
    var keyMap: KeyMap<Command> { KeyMap([]) }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] { [] }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let outcome = form.handle(event)
        let built = Self.validate(&form, purpose, c)
        switch outcome {
        case .pending: return []
        case .cancel:
            guard form.isModified else { return [.pop] }
            return [
                .ask(
                    title: "Discard changes?",
                    message: "What you typed in \(form.title.lowercased()) is not saved yet.",
                    choices: [Choice("Keep editing"), Choice("Discard", [.pop])])
            ]
        case .submit:
            guard let edit = built else {
                form.problem = "Fix the fields marked ✗ first"
                return []
            }
            return [.pop, .edit(edit)]
        }
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        form.render(in: area, into: &buffer, hints: form.keyHelp.hints + Keys.whileTyping.hints)
    }

    // MARK: building forms

    static func areaItems(_ c: Context) -> [Picker.Item] {
        c.directory.areas.map { Picker.Item(id: $0.id, label: $0.name) }
    }

    /// `area`: the meeting's: its ward councillors and the contacts of organisations serving it come first.
    static func peopleItems(_ c: Context, councillorsOnly: Bool = false, area: String? = nil) -> [Picker.Item] {
        let people = c.directory.people.filter { !councillorsOnly || $0.kind == .councillor }
        let wards = Set(area.flatMap { c.directory.area($0) }?.wards.map(\.id) ?? [])
        func local(_ p: Person) -> Bool {
            guard let area else { return false }
            if p.kind == .councillor { return !wards.isDisjoint(with: p.wards) }
            return p.organisation.flatMap { c.directory.organisation($0) }?.areas.contains(area) == true
        }
        let ordered = people.filter(local) + people.filter { !local($0) }
        return [Picker.Item(id: "", label: "(none)")]
            + ordered.map {
                Picker.Item(
                    id: $0.id, label: $0.name,
                    detail: $0.kind == .councillor
                        ? $0.wards.map(c.wardName).joined(separator: ", ") : c.organisationName($0.organisation))
            }
    }

    static func organisationItems(_ c: Context) -> [Picker.Item] {
        [Picker.Item(id: "", label: "(none)")]
            + c.directory.organisations.map { Picker.Item(id: $0.id, label: $0.name, detail: $0.sector.label) }
    }

    static func enumItems<E: ModelEnum>(_ type: E.Type) -> [Picker.Item] {
        E.allCases.map { Picker.Item(id: $0.rawValue, label: $0.label) }
    }

    static func dateText(_ instant: Date) -> String { "\(LondonTime.date(instant)) \(LondonTime.hhmm(instant))" }

    static func meeting(_ m: Meeting?, title: String, _ c: Context) -> FormScreen {
        let fields: [Form.Field] =
            [
                .choice("area", "Area", areaItems(c), selected: m?.area ?? ""),
                .choice(
                    "kind", "Type", enumItems(MeetingKind.self),
                    selected: m?.kind.rawValue ?? MeetingKind.letsTalkTogether.rawValue),
                .text("title", "Title", m?.title ?? ""),
                .text("wards", "Wards", m.map { $0.wards.map(c.wardName).joined(separator: ", ") } ?? ""),
                .text("start", "Date and time", m.map { dateText($0.start) } ?? ""),
                Self.endField(m.map { LondonTime.hhmm($0.end) } ?? ""),
                .text("venue", "Venue", m?.venue.name ?? ""),
                .text("address", "Address", m?.venue.address ?? ""),
                .text("accessibility", "Accessibility", m?.venue.accessibility ?? ""),
                .choice(
                    "chair", "Chair", peopleItems(c, councillorsOnly: true, area: m?.area), selected: m?.chair ?? ""),
                .text("languages", "Notice languages", (m?.languages ?? ["en"]).joined(separator: ", ")),
                .choice(
                    "status", "Status", enumItems(MeetingStatus.self),
                    selected: m?.status.rawValue ?? MeetingStatus.planned.rawValue),
                .text("cancellationReason", "Why cancelled", m?.cancellationReason ?? ""),
            ] + MeetingJoiningFields.fields(m?.online)
        var screen = FormScreen(
            form: Form(title: title, fields: fields), purpose: m.map { .editMeeting($0.id) } ?? .newMeeting)
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    /// `X`: cancelling asks why, as the meeting form's "Why cancelled" does; the cancellation notices carry it.
    static func cancel(_ m: Meeting, _ c: Context) -> FormScreen {
        var screen = FormScreen(
            form: Form(
                title: "Cancel \(m.title) on \(LondonTime.display(m.start))",
                fields: [
                    .text("cancellationReason", "Why cancelled", m.cancellationReason ?? "")
                ]), purpose: .cancel(m.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func validateCancel(_ form: inout Form, _ m: Meeting, _ c: Context) -> Edit? {
        let reason = form.text("cancellationReason").trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            form.note("cancellationReason", "why is it cancelled? (sent with the cancellation)", error: true)
            return nil
        }
        form.note(
            "cancellationReason",
            m.notifications.isEmpty ? "kept with the meeting" : "sent with the cancellation to the councillors notified"
        )
        var cancelled = m
        cancelled.status = .cancelled
        cancelled.cancellationReason = reason
        if !m.notifications.isEmpty { cancelled.sequence += 1 }
        return .saveMeeting(cancelled, label: "meeting cancelled: \(reason)")
    }

    static func postpone(_ m: Meeting, _ c: Context) -> FormScreen {
        var screen = FormScreen(
            form: Form(
                title: "Postpone \(m.title)",
                fields: [
                    .text("start", "New date", ""),
                    Self.endField(LondonTime.hhmm(m.end)),
                    .text("reason", "Reason (public)", ""),
                    .choice(
                        "outside", "Topic off window",
                        [
                            Picker.Item(id: "keep", label: "keep it on the agenda (warned)"),
                            Picker.Item(id: "unschedule", label: "unschedule it (back to the queue)"),
                        ],
                        selected: "keep"),
                ]), purpose: .postpone(m.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func agendaItem(_ m: Meeting, index: Int?, _ c: Context) -> FormScreen {
        let item = index.map { m.agenda[$0] }
        let fields: [Form.Field] = [
            .text("title", "Item", item?.title ?? ""),
            .choice("presenter", "Presenter", peopleItems(c, area: m.area), selected: item?.presenter ?? ""),
            .text("presenterName", "…or name", item?.presenterName ?? ""),
            .choice("organisation", "Organisation", organisationItems(c), selected: item?.organisation ?? ""),
            .text("purpose", "For", item.map { $0.purpose.map(\.rawValue).joined(separator: ", ") } ?? "information"),
            .choice(
                "level", "Engagement", [Picker.Item(id: "", label: "(none)")] + enumItems(EngagementLevel.self),
                selected: item?.engagementLevel?.rawValue ?? ""),
            .text("minutes", "Minutes allowed", item?.minutes.map(String.init) ?? ""),
            .text("notes", "Notes", item?.notes ?? ""),
            .text("outcome", "Outcome", item?.outcome ?? ""),
        ]
        var screen = FormScreen(
            form: Form(title: index == nil ? "New agenda item" : "Agenda item \(item!.number)", fields: fields),
            purpose: .agendaItem(meetingID: m.id, index: index))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func action(_ m: Meeting, _ a: Action, _ c: Context) -> FormScreen {
        let fields: [Form.Field] = [
            .text("description", "Action", a.description),
            .choice("status", "Status", enumItems(ActionStatus.self), selected: a.status.rawValue),
            .choice("owner", "Owner", peopleItems(c, area: m.area), selected: a.owner ?? ""),
            .choice("organisation", "Organisation", organisationItems(c), selected: a.organisation ?? ""),
            .text("due", "Due", a.due?.description ?? ""),
            .text("update", "Add an update", ""),
            .text("feedback", "You said, we did", a.feedback ?? ""),
        ]
        var screen = FormScreen(
            form: Form(title: "Action \(a.id)", fields: fields), purpose: .action(meetingID: m.id, actionID: a.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    // MARK: validation

    /// Checks every field, writes the notes, and returns the edit when the form is valid.
    static func validate(_ form: inout Form, _ purpose: Job, _ c: Context) -> Edit? {
        for i in form.fields.indices { form.fields[i].note = nil; form.fields[i].isError = false }
        form.problem = nil
        switch purpose {
        case .newMeeting: return validateMeeting(&form, nil, c)
        case .editMeeting(let id): return c.data.meeting(id).flatMap { validateMeeting(&form, $0, c) }
        case .postpone(let id): return c.data.meeting(id).flatMap { validatePostpone(&form, $0, c) }
        case .cancel(let id): return c.data.meeting(id).flatMap { validateCancel(&form, $0, c) }
        case .agendaItem(let id, let index):
            return c.data.meeting(id).flatMap { validateAgendaItem(&form, $0, index, c) }
        case .action(let id, let actionID): return c.data.meeting(id).flatMap { validateAction(&form, $0, actionID, c) }
        case .person(let id, let kind): return validatePerson(&form, id, kind, c)
        case .organisation(let id): return validateOrganisation(&form, id, c)
        case .ward(let areaID, let wardID): return validateWard(&form, areaID, wardID, c)
        case .coverageRule(let index): return validateCoverageRule(&form, index, c)
        case .invitation(let id): return c.data.meeting(id).flatMap { validateInvitation(&form, $0, c) }
        case .topic(let id): return validateTopic(&form, id, c)
        case .consultation(let id): return validateConsultation(&form, id, c)
        case .templateItem(let kind, let index): return validateTemplateItem(&form, kind, index, c)
        case .issue(let id, let issueID, let item):
            return c.data.meeting(id).flatMap { validateIssue(&form, $0, issueID, item: item, c) }
        case .equality(let id): return c.data.meeting(id).flatMap { validateEquality(&form, $0, c) }
        }
    }

    static func optional(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// Start from the date field; end from a time ("21:00", "9pm") on the same day, or two hours later. Both
    /// follow `DateInput`'s rule: a time the clocks skip is refused, one they repeat asks for BST or GMT.
    /// "Ends at", remembering (in its `value`) the time the form put there: while the text is still that, the end
    /// follows a changed start, keeping the meeting's length.
    static func endField(_ end: String) -> Form.Field {
        var field = Form.Field.text("end", "Ends at", end)
        field.value = end
        return field
    }

    /// `lasting`: the meeting's length, which an end time the officer has not touched keeps when the start moves.
    static func times(
        _ form: inout Form, _ c: Context, startKey: String = "start", lasting: TimeInterval? = nil
    ) -> (Date, Date)? {
        var start: Date?
        do {
            let understood = try DateInput.parse(form.text(startKey), today: c.today)
            start = try understood.instant()
            form.note(startKey, understood.description + (understood.time == nil ? " (19:00 assumed)" : ""))
        } catch {
            form.note(startKey, error.message, error: true)
        }
        guard let start else { return nil }
        if let lasting, let i = form.fields.firstIndex(where: { $0.key == "end" }), !form.fields[i].value.isEmpty,
            form.text("end") == form.fields[i].value
        {
            let follows = LondonTime.hhmm(start.addingTimeInterval(lasting))
            if follows != form.fields[i].value {
                form.setText("end", follows)
                form.fields[i].value = follows
            }
        }
        let endText = form.text("end")
        if endText.isEmpty {
            form.note("end", "\(LondonTime.hhmm(start.addingTimeInterval(7200))) (two hours)")
            return (start, start.addingTimeInterval(7200))
        }
        let end: Date
        do {
            let (time, zone) = try DateInput.parseTimeOfDay(endText)
            end = try DateInput.instant(LondonTime.date(start), time, zone: zone)
        } catch {
            form.note("end", error.message, error: true)
            return nil
        }
        guard end > start else {
            form.note("end", "ends before it starts", error: true)
            return nil
        }
        form.note("end", LondonTime.hhmm(end))
        return (start, end)
    }

    static func validateMeeting(_ form: inout Form, _ existing: Meeting?, _ c: Context) -> Edit? {
        let areaID = form.value("area")
        let area = c.directory.area(areaID)
        if area == nil { form.note("area", "choose the SNT area", error: true) }
        let kind = MeetingKind(rawValue: form.value("kind")) ?? .letsTalkTogether
        // Wards: names or ids, comma separated; empty means every ward of the area.
        var wards: [String] = []
        if let area {
            let typed = form.text("wards").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter
            { !$0.isEmpty }
            if typed.isEmpty {
                wards = area.wards.map(\.id)
                form.note("wards", "all \(wards.count) wards of \(area.name)")
            } else {
                var unknown: [String] = []
                for name in typed {
                    if let ward = area.wards.first(where: {
                        $0.id == name.lowercased() || $0.name.lowercased() == name.lowercased()
                    }) {
                        wards.append(ward.id)
                    } else {
                        unknown.append(name)
                    }
                }
                if unknown.isEmpty {
                    form.note("wards", wards.map(c.wardName).joined(separator: ", "))
                } else {
                    form.note("wards", "not a ward of \(area.name): \(unknown.joined(separator: ", "))", error: true)
                }
            }
        }
        let times = times(&form, c, lasting: existing.map { $0.end.timeIntervalSince($0.start) })
        let venue = form.text("venue")
        if venue.isEmpty { form.note("venue", "where is it held?", error: true) }
        let title = form.text("title").isEmpty ? "\(kind.label): \(area?.name ?? "")" : form.text("title")
        if form.text("title").isEmpty, area != nil { form.note("title", title) }
        let languages = form.text("languages").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty }
        let status = MeetingStatus(rawValue: form.value("status")) ?? .planned
        // A cancellation says why: the reason goes to everyone notified, in the e-mail and the calendar's COMMENT.
        let cancellationReason = optional(form.text("cancellationReason"))
        if status == .cancelled, cancellationReason == nil {
            form.note("cancellationReason", "why is it cancelled? (sent with the cancellation)", error: true)
        } else if status == .cancelled || cancellationReason == nil {
            form.note("cancellationReason", status == .cancelled ? "sent with the cancellation" : "only when cancelled")
        } else {
            form.note("cancellationReason", "only when cancelled: cleared on save")
        }
        let joining = MeetingJoiningFields.read(&form, existing: existing?.online)
        guard let area, let (start, end) = times, !venue.isEmpty, case .success(let online) = joining, !form.hasErrors
        else { return nil }

        let id = existing?.id ?? newMeetingID(day: LondonTime.date(start), area: area.id, kind: kind, c)
        var m =
            existing
            ?? Meeting(
                id: id, kind: kind, title: title, area: area.id, wards: wards, start: start, end: end,
                venue: Venue(name: venue), status: status)
        // A new or changed joining link is news to everyone notified, as a new venue is: the notices become stale.
        let moved =
            m.start != start || m.end != end || m.venue.name != venue || m.online?.link != online?.link
            || m.online?.dialIn != online?.dialIn
        m.kind = kind
        m.title = title
        m.area = area.id
        m.wards = wards
        m.start = start
        m.end = end
        m.venue.name = venue
        m.venue.address = optional(form.text("address"))
        m.venue.accessibility = optional(form.text("accessibility"))
        noteVenue(&form, &m.venue, c)
        m.chair = optional(form.value("chair"))
        m.online = online
        m.languages = languages.isEmpty ? ["en"] : languages
        m.status = status
        m.cancellationReason = status == .cancelled ? cancellationReason : nil
        if let existing, moved, existing.hasBeenAnnounced { m.sequence += 1 }
        if existing == nil { m = c.data.withTemplate(m, among: c.councilMeetings) }  // its kind's standing items
        let clashes = noteClashes(&form, m, c)
        return .saveMeeting(m, label: (existing == nil ? "new meeting \(id)" : "meeting details") + clashes)
    }

    static func newMeetingID(day: CalendarDate, area: String, kind: MeetingKind, _ c: Context) -> String {
        Identifier.meetingID(day: day, area: area, kind: kind) {
            c.data.meeting($0) != nil || c.data.path(ofMeeting: $0) != nil
        }
    }

    static func validatePostpone(_ form: inout Form, _ m: Meeting, _ c: Context) -> Edit? {
        guard let (start, end) = times(&form, c, lasting: m.end.timeIntervalSince(m.start)), !form.hasErrors else {
            return nil
        }
        var moved = m
        moved.start = start
        moved.end = end
        moved.status = .postponed
        if m.hasBeenAnnounced { moved.sequence += 1 }
        let reason = form.text("reason")
        let note = "Postponed from \(LondonTime.display(m.start))" + (reason.isEmpty ? "." : ": \(reason).")
        moved.publicNotes = [m.publicNotes, note].compactMap { $0 }.joined(separator: " ")
        let label = "postponed to \(LondonTime.display(start))" + noteClashes(&form, moved, c)
        // A topic the new date puts outside its requester's window: said here, and unscheduled if the officer chooses.
        let breaches = TopicRules.breaches(of: moved, topics: c.data.topics, now: c.now)
        guard !breaches.isEmpty else {
            form.note("outside", "none: every topic on the agenda stays inside its window")
            return .saveMeeting(moved, label: label)
        }
        form.note("outside", breaches.map(\.short).joined(separator: "; "), error: false)
        guard form.value("outside") == "unschedule" else {
            return .saveMeeting(moved, label: label + " (⚠ \(breaches.count) topic(s) outside their window)")
        }
        moved.agenda.removeAll { item in breaches.contains { $0.item == item.number } }
        AgendaRules.renumber(&moved)
        var edits: [Edit] = [.saveMeeting(moved, label: label)]
        // A topic left on no agenda goes back to the queue.
        for id in Set(breaches.map(\.topicID)).sorted() {
            guard var topic = c.data.topics.first(where: { $0.id == id }), topic.status == .scheduled,
                !c.councilMeetings.contains(where: {
                    $0.id != m.id && $0.status != .cancelled && $0.agenda.contains { $0.topic == id }
                })
            else { continue }
            topic.status = .requested
            edits.append(.saveTopic(topic, label: "\(id) back to the queue"))
        }
        let unscheduled = label + ", \(breaches.count) topic item(s) unscheduled"
        return edits.count == 1 ? .saveMeeting(moved, label: unscheduled) : .batch(edits, label: unscheduled)
    }

    static func validateAgendaItem(_ form: inout Form, _ m: Meeting, _ index: Int?, _ c: Context) -> Edit? {
        let title = form.text("title")
        if title.isEmpty { form.note("title", "what is the item?", error: true) }
        let purposes = purposes(&form)
        var minutes: Int?
        if !form.text("minutes").isEmpty {
            minutes = Int(form.text("minutes")).flatMap { Limits.itemMinutes.contains($0) ? $0 : nil }
            if minutes == nil {
                form.note(
                    "minutes", "a number of minutes, \(Limits.itemMinutes.lowerBound)–\(Limits.itemMinutes.upperBound)",
                    error: true)
            }
        }
        let presenter = optional(form.value("presenter"))
        var organisation = optional(form.value("organisation"))
        if organisation == nil, let presenter, let org = c.directory.person(presenter)?.organisation {
            organisation = org
            form.note("organisation", c.organisationName(org) + " (the presenter's)")
        }
        guard !form.hasErrors else { return nil }
        var updated = m
        var item = index.map { m.agenda[$0] } ?? AgendaItem(number: m.agenda.count + 1, title: title)
        item.title = title
        item.presenter = presenter
        item.presenterName = optional(form.text("presenterName"))
        item.organisation = organisation
        item.purpose = purposes
        item.engagementLevel = EngagementLevel(rawValue: form.value("level"))
        item.minutes = minutes
        item.notes = optional(form.text("notes"))
        item.outcome = optional(form.text("outcome"))
        if let index { updated.agenda[index] = item } else { updated.agenda.append(item) }
        return .saveMeeting(
            updated, label: index == nil ? "agenda item \(item.number) added" : "agenda item \(item.number)")
    }

    static func validateAction(_ form: inout Form, _ m: Meeting, _ actionID: String, _ c: Context) -> Edit? {
        guard let index = m.actions.firstIndex(where: { $0.id == actionID }) else { return nil }
        let description = form.text("description")
        if description.isEmpty { form.note("description", "what is to be done?", error: true) }
        var due: CalendarDate?
        if !form.text("due").isEmpty {
            do {
                due = try DateInput.parseDay(form.text("due"), today: c.today)
                form.note("due", "\(LondonTime.weekday(due!)) \(due!)")
            } catch {
                form.note("due", error.message, error: true)
            }
        }
        guard !form.hasErrors else { return nil }
        var updated = m
        var action = m.actions[index]
        let status = ActionStatus(rawValue: form.value("status")) ?? action.status
        let update = form.text("update")
        if !update.isEmpty || status != action.status {
            action.updates.append(
                ActionUpdate(
                    at: c.now, text: update.isEmpty ? "Status: \(status.label)." : update,
                    status: status != action.status ? status : nil))
        }
        action.description = description
        action.status = status
        action.owner = optional(form.value("owner"))
        action.organisation = optional(form.value("organisation"))
        action.due = due
        action.feedback = optional(form.text("feedback"))
        updated.actions[index] = action
        return .saveMeeting(updated, label: "action \(actionID)")
    }
}
