import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The form of one standing item of a kind's agenda template: its title (`{lastHeld}` stands for the date of the
/// area's last held meeting), whether it opens or closes the agenda, what it is for, its minutes and notes.
extension FormScreen {
    static func templateItem(
        _ kind: MeetingKind, index: Int?, place: AgendaTemplate.Place = .opening, _ c: Context
    )
        -> FormScreen
    {
        let item = index.flatMap { i in
            c.data.templates[kind].flatMap { $0.items.indices.contains(i) ? $0.items[i] : nil }
        }
        let fields: [Form.Field] = [
            .text("title", "Item", item?.title ?? ""),
            .choice(
                "place", "Place",
                [
                    Picker.Item(
                        id: AgendaTemplate.Place.opening.rawValue, label: "opening (before the meeting's own items)"),
                    Picker.Item(id: AgendaTemplate.Place.closing.rawValue, label: "closing (after them)"),
                ], selected: (item?.place ?? place).rawValue),
            .text("purpose", "For", item.map { $0.purpose.map(\.rawValue).joined(separator: ", ") } ?? "information"),
            .text("minutes", "Minutes allowed", item?.minutes.map(String.init) ?? ""),
            .text("notes", "Notes", item?.notes ?? ""),
        ]
        var screen = FormScreen(
            form: Form(
                title: index.map { "\(kind.label) template: item \($0 + 1)" } ?? "New \(kind.label) template item",
                fields: fields),
            purpose: .templateItem(kind: kind, index: index))
        _ = validate(&screen.form, screen.purpose, c)
        return screen
    }

    static func validateTemplateItem(_ form: inout Form, _ kind: MeetingKind, _ index: Int?, _ c: Context) -> Edit? {
        if let problem = c.data.templateProblem(kind) {
            form.problem = "\(problem.description): fix the file first; it is not overwritten"
            return nil
        }
        let title = form.text("title")
        if title.isEmpty {
            form.note("title", "what is the item? ({lastHeld} stands for the last held meeting's date)", error: true)
        } else if title.contains(AgendaTemplate.lastHeldToken) {
            form.note("title", "{lastHeld} becomes e.g. “24 November 2026”, or “no earlier meeting”")
        }
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
        var template = c.data.templates[kind] ?? AgendaTemplate(kind: kind, items: [])
        if let index, !template.items.indices.contains(index) {
            form.problem = "That item is no longer in the template"
            return nil
        }
        let others = template.items.enumerated().filter { $0.offset != index }.map { $0.element.title.lowercased() }
        if others.contains(title.lowercased()) { form.note("title", "the template has this item already", error: true) }
        guard !form.hasErrors, let place = AgendaTemplate.Place(rawValue: form.value("place")) else { return nil }
        // Unknown fields of an item already there stay with it.
        var item = index.map { template.items[$0] } ?? AgendaTemplate.Item(title: title)
        item.title = title
        item.place = place
        item.purpose = purposes
        item.minutes = minutes
        item.notes = optional(form.text("notes"))
        if let index { template.items[index] = item } else { template.items.append(item) }
        template.items = TemplatesScreen.ordered(template.items)
        let number = (template.items.firstIndex(of: item) ?? 0) + 1
        return .saveTemplate(
            kind, template,
            label: "\(kind.label) template item \(number) " + (index == nil ? "added" : "changed"))
    }
}
