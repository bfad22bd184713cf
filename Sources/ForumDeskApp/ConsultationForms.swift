import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The consultation form: what is asked, by whom, where, when and how; afterwards the responses, the results
/// and what changed. Topics that carry it are named by id or title; agenda items as `meeting-id#item`.
extension FormScreen {
    static func consultation(_ k: Consultation?, _ c: Context) -> FormScreen {
        let fields: [Form.Field] = [
            .text("title", "Consultation", k?.title ?? ""),
            .choice("organisation", "Lead partner", organisationItems(c), selected: k?.organisation ?? ""),
            .choice("contact", "Contact", peopleItems(c), selected: k?.contact ?? ""),
            .choice(
                "level", "Engagement", enumItems(EngagementLevel.self),
                selected: k?.engagementLevel.rawValue ?? EngagementLevel.consult.rawValue),
            .text(
                "areas", "Areas",
                k.map { $0.areas.isEmpty ? "all" : $0.areas.map(c.areaName).joined(separator: "; ") } ?? "all"),
            .text("wards", "Wards", k?.wards.map(c.wardName).joined(separator: ", ") ?? ""),
            .text("opens", "Opens", k?.opens.description ?? ""),
            .text("closes", "Closes", k?.closes.description ?? ""),
            .text("methods", "Methods", k?.methods.map(\.rawValue).joined(separator: ", ") ?? "survey"),
            .text("link", "Web link", k?.link ?? ""),
            .text("topics", "Topics", k?.topics.joined(separator: ", ") ?? ""),
            .text("items", "Agenda items", k?.items.map { "\($0.meeting)#\($0.item)" }.joined(separator: ", ") ?? ""),
            .text("summary", "Public summary", k?.summary ?? ""),
            .text("responses", "Responses", k?.responses.map(String.init) ?? ""),
            .text("results", "Results", k?.results ?? ""),
            .text("changes", "What we did", k?.changes ?? ""),
        ]
        var screen = FormScreen(
            form: Form(title: k.map { "Consultation: \($0.title)" } ?? "New consultation", fields: fields),
            purpose: .consultation(id: k?.id))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func validateConsultation(_ form: inout Form, _ id: String?, _ c: Context) -> Edit? {
        let existing = id.flatMap { c.data.consultation($0) }
        let title = form.text("title")
        if title.isEmpty { form.note("title", "what is being consulted on?", error: true) }
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
        var wards: [String] = []
        var unknownWards: [String] = []
        for name in form.text("wards").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !name.isEmpty {
            let ward = c.directory.areas.flatMap(\.wards).first {
                $0.id == name.lowercased() || $0.name.lowercased() == name.lowercased()
            }
            if let ward { wards.append(ward.id) } else { unknownWards.append(name) }
        }
        if !unknownWards.isEmpty {
            form.note("wards", "no such ward: \(unknownWards.joined(separator: ", "))", error: true)
        }
        func day(_ key: String) -> CalendarDate? {
            guard !form.text(key).isEmpty else {
                form.note(key, "a day, e.g. 2026-12-01 or 1 Dec", error: true)
                return nil
            }
            do {
                let d = try DateInput.parseDay(form.text(key), today: c.today)
                form.note(key, "\(LondonTime.weekday(d)) \(Format.day(d).trimmingCharacters(in: .whitespaces))")
                return d
            } catch {
                form.note(key, error.message, error: true)
                return nil
            }
        }
        let opens = day("opens"), closes = day("closes")
        if let opens, let closes, closes < opens { form.note("closes", "before it opens", error: true) }
        var methods: [ConsultationMethod] = []
        var unknownMethods: [String] = []
        for word in form.text("methods").split(separator: ",").map({
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }) where !word.isEmpty {
            if let m = ConsultationMethod(rawValue: word)
                ?? ConsultationMethod.allCases.first(where: { $0.label == word })
            {
                methods.append(m)
            } else {
                unknownMethods.append(word)
            }
        }
        if !unknownMethods.isEmpty {
            form.note(
                "methods",
                "one of \(ConsultationMethod.allRawValues.joined(separator: ", ")); not \(unknownMethods.joined(separator: ", "))",
                error: true)
        }
        let link = optional(form.text("link"))
        if let link, let problem = OnlineJoining.linkProblem(link) { form.note("link", problem, error: true) }
        var topics: [String] = []
        for word in form.text("topics").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !word.isEmpty {
            if let t = c.data.topics.first(where: { $0.id == word || $0.title.lowercased() == word.lowercased() }) {
                topics.append(t.id)
            } else {
                form.note("topics", "no topic request `\(word)`", error: true)
            }
        }
        if !topics.isEmpty, !form.hasErrors {
            form.note("topics", topics.compactMap { c.data.topic($0)?.title }.joined(separator: "; "))
        }
        var items: [ConsultationItem] = []
        for word in form.text("items").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
        where !word.isEmpty {
            let parts = word.split(separator: "#")
            guard parts.count == 2, let number = Int(parts[1]), let meeting = c.data.meeting(String(parts[0])),
                meeting.agenda.contains(where: { $0.number == number })
            else {
                form.note("items", "no agenda item `\(word)` (meeting-id#number)", error: true)
                continue
            }
            items.append(ConsultationItem(meeting: meeting.id, item: number))
        }
        let responses = optional(form.text("responses")).map {
            Int($0).flatMap { Limits.headCount.contains($0) ? $0 : nil }
        }
        if case .some(nil) = responses { form.note("responses", "a count of responses, e.g. 187", error: true) }
        let results = optional(form.text("results")), changes = optional(form.text("changes"))
        if changes != nil, results == nil { form.note("changes", "record the results first", error: true) }
        if let closes, closes < c.today, results == nil {
            form.note("results", "closed on \(closes): residents wait for the results")
        }
        guard !form.hasErrors, let opens, let closes, let level = EngagementLevel(rawValue: form.value("level")) else {
            return nil
        }
        let newID = existing?.id ?? slug(title, taken: Set(c.data.consultations.map(\.id)))
        var k = existing ?? Consultation(id: newID, title: title, engagementLevel: level, opens: opens, closes: closes)
        k.title = title
        k.organisation = optional(form.value("organisation"))
        k.contact = optional(form.value("contact"))
        k.engagementLevel = level
        k.areas = understood.areas
        k.wards = wards
        k.opens = opens
        k.closes = closes
        k.methods = methods
        k.link = link
        k.topics = topics
        // Unknown fields of an item already linked stay with it.
        k.items = items.map { item in
            existing?.items.first { $0.meeting == item.meeting && $0.item == item.item } ?? item
        }
        k.summary = optional(form.text("summary"))
        k.responses = responses ?? nil
        k.results = results
        k.changes = changes
        return .saveConsultation(k, label: existing == nil ? "new consultation \(k.id)" : "consultation \(k.id)")
    }
}
