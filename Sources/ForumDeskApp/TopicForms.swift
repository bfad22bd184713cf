import Foundation
import ForumDeskCore
import ForumDeskExport
import ForumDeskStore
import TerminalUI

/// Forms for topic requests and residents' issues, and the edits that give an issue a home.
extension FormScreen {
    static func topic(_ t: TopicRequest?, _ c: Context) -> FormScreen {
        let statusItems = [
            Picker.Item(id: "open", label: "Open (requested, scheduled as the agendas say)"),
            Picker.Item(id: TopicStatus.withdrawn.rawValue, label: "Withdrawn by the partner"),
            Picker.Item(id: TopicStatus.declined.rawValue, label: "Declined (say why)"),
        ]
        let fields: [Form.Field] = [
            .text("title", "Topic", t?.title ?? ""),
            .choice("organisation", "Requested by", organisationItems(c), selected: t?.organisation ?? ""),
            .choice("contact", "Presenter", peopleItems(c), selected: t?.contact ?? ""),
            .text("description", "Description", t?.description ?? ""),
            .text(
                "purpose", "For",
                t.map { $0.purpose.map(\.rawValue).joined(separator: ", ") } ?? "information, discussion"),
            .choice(
                "level", "Engagement", [Picker.Item(id: "", label: "(none)")] + enumItems(EngagementLevel.self),
                selected: t?.engagementLevel?.rawValue ?? EngagementLevel.consult.rawValue),
            .text(
                "areas", "Areas wanted",
                t.map { $0.areas.isEmpty ? "all" : $0.areas.map(c.areaName).joined(separator: "; ") } ?? "all"),
            .text("notBefore", "Not before", t?.notBefore?.description ?? ""),
            .text("notAfter", "Not after", t?.notAfter?.description ?? ""),
            .text("minutes", "Minutes needed", t.map { String($0.minutes) } ?? "20"),
            .text("tags", "Tags", t?.tags.joined(separator: ", ") ?? ""),
            .choice(
                "status", "Status", statusItems,
                selected: t.map { $0.status.isClosed ? $0.status.rawValue : "open" } ?? "open"),
            .text("reason", "Reason", t?.reason ?? ""),
        ]
        var screen = FormScreen(
            form: Form(title: t.map { "Topic: \($0.title)" } ?? "New topic request", fields: fields),
            purpose: .topic(id: t?.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func validateTopic(_ form: inout Form, _ id: String?, _ c: Context) -> Edit? {
        let existing = id.flatMap { c.data.topic($0) }
        let title = form.text("title")
        if title.isEmpty { form.note("title", "what is the topic?", error: true) }
        let purposes = purposes(&form)
        let understood = AreaInput.parse(form.text("areas"), areas: c.directory.areas)
        if !understood.unknown.isEmpty {
            form.note(
                "areas",
                "no such area: \(understood.unknown.joined(separator: ", ")) (names, “all”, separated by ; or ,)",
                error: true)
        } else {
            form.note(
                "areas",
                understood.areas.isEmpty
                    ? "all \(c.directory.areas.count) areas" : understood.areas.map(c.areaName).joined(separator: "; "))
        }
        func day(_ key: String) -> CalendarDate? {
            guard !form.text(key).isEmpty else { return nil }
            do {
                let d = try DateInput.parseDay(form.text(key), today: c.today)
                form.note(key, "\(LondonTime.weekday(d)) \(Format.day(d).trimmingCharacters(in: .whitespaces))")
                return d
            } catch {
                form.note(key, error.message, error: true)
                return nil
            }
        }
        let notBefore = day("notBefore"), notAfter = day("notAfter")
        if let notBefore, let notAfter, notAfter < notBefore {
            form.note("notAfter", "before the window opens", error: true)
        }
        let minutes = Int(form.text("minutes")).flatMap { Limits.topicMinutes.contains($0) ? $0 : nil }
        if minutes == nil {
            form.note(
                "minutes",
                "minutes on each agenda, \(Limits.topicMinutes.lowerBound)–\(Limits.topicMinutes.upperBound), e.g. 20",
                error: true)
        }
        let statusID = form.value("status")
        let reason = form.text("reason")
        if statusID == TopicStatus.declined.rawValue, reason.isEmpty {
            form.note("reason", "tell the partner why it was declined", error: true)
        }
        let contact = optional(form.value("contact"))
        var organisation = optional(form.value("organisation"))
        if organisation == nil, let contact, let org = c.directory.person(contact)?.organisation {
            organisation = org
            form.note("organisation", c.organisationName(org) + " (the presenter's)")
        }
        guard !form.hasErrors, let minutes else { return nil }
        let newID = existing?.id ?? slug(title, taken: Set(c.data.topics.map(\.id)))
        var t = existing ?? TopicRequest(id: newID, title: title, minutes: minutes)
        if existing == nil { t.received = c.today }
        t.title = title
        t.organisation = organisation
        t.contact = contact
        t.description = optional(form.text("description"))
        t.purpose = purposes
        t.engagementLevel = EngagementLevel(rawValue: form.value("level"))
        t.areas = understood.areas
        t.notBefore = notBefore
        t.notAfter = notAfter
        t.minutes = minutes
        t.tags = tagList(form.text("tags"))
        // Withdrawn and declined are decisions; otherwise the status follows the agendas.
        t.status = TopicStatus(rawValue: statusID).flatMap { $0.isClosed ? $0 : nil } ?? .requested
        if !t.status.isClosed {
            t.status = TopicRules.status(t, slots: c.slots(t.id), directory: c.directory, now: c.now)
        }
        t.reason = optional(reason)
        return .saveTopic(t, label: existing == nil ? "new topic request \(t.id)" : "topic request \(t.id)")
    }

    /// "budget, #Highways" → ["budget", "highways"].
    static func tagList(_ text: String) -> [String] {
        var tags: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let tag = part.trimmingCharacters(in: CharacterSet(charactersIn: "#")).lowercased()
            if !tag.isEmpty, !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    /// The "For" field: information, discussion, agreement (any beginning of the words).
    static func purposes(_ form: inout Form) -> [ForumDeskCore.Purpose] {
        var purposes: [ForumDeskCore.Purpose] = []
        for word in form.text("purpose").lowercased().split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" }) {
            guard let purpose = ForumDeskCore.Purpose.allCases.first(where: { $0.rawValue.hasPrefix(word) }) else {
                form.note("purpose", "information, discussion or agreement", error: true)
                return []
            }
            if !purposes.contains(purpose) { purposes.append(purpose) }
        }
        form.note("purpose", purposes.isEmpty ? "no purpose given" : MeetingDocument.purposeText(purposes))
        return purposes
    }

    // MARK: residents' issues

    static func issue(_ m: Meeting, _ issue: ResidentIssue?, item: Int?, _ c: Context) -> FormScreen {
        var fields: [Form.Field] = [
            .text("text", "Issue", issue.map { ([$0.text] + $0.tags.map { "#" + $0 }).joined(separator: " ") } ?? "")
        ]
        if issue != nil {
            fields.append(.text("answer", "Answer", issue?.answer ?? ""))
        }
        var screen = FormScreen(
            form: Form(title: issue.map { "Issue \($0.id)" } ?? "Issue raised by a resident", fields: fields),
            purpose: .issue(meetingID: m.id, issueID: issue?.id, item: item))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func validateIssue(_ form: inout Form, _ m: Meeting, _ issueID: String?, item: Int?, _ c: Context) -> Edit? {
        let parsed: (text: String, tags: [String])
        do {
            parsed = try QuickEntry.parseIssue(form.text("text"))
            form.note("text", parsed.tags.isEmpty ? "no #tags" : parsed.tags.map { "#" + $0 }.joined(separator: " "))
        } catch {
            form.note("text", error.message, error: true)
            return nil
        }
        var updated = m
        if let issueID, let index = m.issues.firstIndex(where: { $0.id == issueID }) {
            updated.issues[index].text = parsed.text
            updated.issues[index].tags = parsed.tags
            let answer = form.text("answer")
            updated.issues[index].answer = optional(answer)
            if !answer.isEmpty, updated.issues[index].status == .open { updated.issues[index].status = .answered }
            if answer.isEmpty, updated.issues[index].status == .answered { updated.issues[index].status = .open }
            return .saveMeeting(updated, label: "issue \(issueID)")
        }
        guard let (raised, issue) = try? IssueHome.raise(form.text("text"), in: m, item: item, c) else { return nil }
        return .saveMeeting(raised, label: "\(issue.id) \(issue.text)")
    }
}

/// Giving an issue raised from the floor a home: an action, or a topic request for a later meeting.
enum IssueHome {
    /// The meeting with a new issue, typed as one line `text #tag`, raised under `item`.
    static func raise(
        _ line: String, in m: Meeting, item: Int?, _ c: Context
    ) throws(QuickEntry.Failure) -> (Meeting, ResidentIssue) {
        let parsed = try QuickEntry.parseIssue(line)
        let issue = ResidentIssue(
            id: c.ids.nextIssueID(year: c.today.year, in: c.data.meetings), text: parsed.text,
            tags: parsed.tags, item: item)
        var updated = m
        updated.issues.append(issue)
        return (updated, issue)
    }

    /// A resident's words as an item made from them reads (an action's description, a topic's title): without the
    /// names and addresses in them, which would otherwise be published with the item (issue 36).
    static func wording(_ text: String, _ c: Context) -> String {
        let directory = c.data.directory
        let office = PrivateMentions.publicOffice(directory, chairs: Set(c.data.meetings.compactMap(\.chair)))
        return PrivateMentions.withoutMentions(text, directory: directory, publicOffice: office)
    }

    /// Nothing for an issue still open; else the message that it already has a home.
    static func alreadyHomed(_ issue: ResidentIssue) -> [Effect]? {
        issue.status == .open ? nil : [.message(.error("\(issue.id) is already \(issue.status.label)"))]
    }

    /// The meeting with an action raised for the issue and the issue pointing at it.
    /// `item`: the agenda item it is filed under (live notes: the item in progress); else the issue's.
    static func action(
        for issueID: String, in m: Meeting, item: Int?? = nil, description: String? = nil, owner: String? = nil,
        organisation: String? = nil, due: CalendarDate? = nil, tags: [String]? = nil, _ c: Context
    ) -> (Meeting, Action)? {
        guard let index = m.issues.firstIndex(where: { $0.id == issueID }) else { return nil }
        var updated = m
        let issue = m.issues[index]
        let action = Action(
            id: c.ids.nextActionID(year: c.today.year, in: c.data.meetings), item: item ?? issue.item,
            description: description ?? wording(issue.text, c), owner: owner, organisation: organisation, due: due,
            tags: tags ?? issue.tags)
        updated.actions.append(action)
        updated.issues[index].status = .action
        updated.issues[index].action = action.id
        return (updated, action)
    }

    /// Raises an action for the issue and opens it, so the owner and due date can be set.
    static func toAction(_ issueID: String, in m: Meeting, _ c: Context) -> [Effect] {
        guard let issue = m.issues.first(where: { $0.id == issueID }) else { return [] }
        if let refusal = alreadyHomed(issue) { return refusal }
        guard let (updated, action) = action(for: issueID, in: m, c) else { return [] }
        return [
            .edit(.saveMeeting(updated, label: "\(action.id) raised for \(issueID)")),
            .push(FormScreen.action(updated, action, c)),
        ]
    }

    /// Turns the issue into a topic request for this area (saved with the issue's link in one undoable step) and
    /// opens the request to say who presents it and when.
    static func toTopic(_ issueID: String, in m: Meeting, _ c: Context) -> [Effect] {
        guard let index = m.issues.firstIndex(where: { $0.id == issueID }) else { return [] }
        let issue = m.issues[index]
        if let refusal = alreadyHomed(issue) { return refusal }
        let title = wording(issue.text, c)
        var topic = TopicRequest(
            id: FormScreen.slug(title, taken: Set(c.data.topics.map(\.id))), title: title, minutes: 15,
            purpose: [.information, .discussion], engagementLevel: .consult, areas: [m.area], notBefore: c.today)
        topic.description =
            "Raised by a resident at \(m.title) on \(Format.day(m.start).trimmingCharacters(in: .whitespaces)) (\(issue.id))."
        topic.received = c.today
        topic.tags = issue.tags
        topic.raisedAt = m.id
        var updated = m
        updated.issues[index].status = .topic
        updated.issues[index].topic = topic.id
        return [
            .edit(
                .batch(
                    [
                        .saveTopic(topic, label: "topic \(topic.id)"),
                        .saveMeeting(updated, label: "\(issueID) became a topic"),
                    ],
                    label: "\(issueID) became topic request \(topic.id)")),
            .push(FormScreen.topic(topic, c)),
        ]
    }
}
