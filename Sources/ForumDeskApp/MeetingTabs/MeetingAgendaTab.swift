import Foundation
import ForumDeskCore
import ForumDeskExport
import TerminalUI

/// The agenda: items in order, with the selected one in full and the time they take against the meeting's.
struct MeetingAgendaTab: MeetingTab {
    var title: String { "Agenda" }

    var keys: KeyMap<Command>.Group? {
        .init(
            "Agenda",
            [
                Binding([.char("a")], "Add an item", .add, hint: "add"),
                Binding([.char("e"), .enter], "Edit the selected item", .edit),
                Binding([.char("d")], "Delete the selected item", .deleteItem),
                Binding([.char("K")], "Move the item up", .moveUp),
                Binding([.char("J")], "Move the item down", .moveDown),
            ])
    }

    var hasDetail: Bool { true }

    func body(_ m: Meeting, _ c: Context) -> MeetingTabBody { .table(table(m, c)) }

    func table(_ m: Meeting, _ c: Context) -> Table {
        Table(
            columns: [
                Column("No", .length(3), alignRight: true), Column("Item", .min(22)), Column("Presenter", .min(14)),
                Column("For", .length(13)), Column("Level", .length(11)), Column("Mins", .length(4), alignRight: true),
            ],
            rows: m.agenda.map { item in
                [
                    String(item.number), item.title,
                    item.presenter.map { c.directory.displayName(ofPerson: $0) } ?? item.presenterName ?? "",
                    item.purpose.map(Format.purpose).joined(separator: "/"), item.engagementLevel?.label ?? "",
                    item.minutes.map(String.init) ?? "",
                ]
            },
            emptyMessage: "No agenda items yet.")
    }

    func detail(_ m: Meeting, _ c: Context, selected: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        guard m.agenda.indices.contains(selected) else { return lines }
        let item = m.agenda[selected]
        let org = item.organisation.map { " (" + c.organisationName($0) + ")" } ?? ""
        let presenter = item.presenter.map { c.directory.displayName(ofPerson: $0) } ?? item.presenterName
        lines.append(
            StyledLine([Span("\(item.number). \(item.title)", .bold), Span(presenter.map { "  " + $0 + org } ?? "")]))
        if let notes = item.notes { lines.append(StyledLine(notes)) }
        lines.append(
            StyledLine(
                item.outcome ?? (m.status == .held ? "No outcome recorded." : ""),
                item.outcome == nil ? Theme.muted : Theme.good))
        if let topic = item.topic {
            lines.append(
                StyledLine(
                    "Topic request: " + (c.data.topic(topic)?.title ?? "\(topic) (not found in topics/)"), Theme.muted))
        }
        let over = AgendaRules.overrun(m)
        lines.append(
            over > 0
                ? StyledLine(
                    "⚠ Agenda time: \(m.agendaMinutes) minutes; the meeting runs \(m.lengthMinutes): \(over) over. Trim or move an item.",
                    Theme.warning)
                : StyledLine(
                    "Agenda time: \(m.agendaMinutes) minutes; the meeting runs \(m.lengthMinutes) (\(m.lengthMinutes - m.agendaMinutes) free).",
                    Theme.muted))
        return lines
    }

    func perform(_ command: Command, _ m: Meeting, _ c: Context, selection: inout SelectionState) -> [Effect]? {
        let i = selection.selected
        switch command {
        case .add:
            return [.push(FormScreen.agendaItem(m, index: nil, c))]
        case .edit:
            guard m.agenda.indices.contains(i) else { return [] }
            return [.push(FormScreen.agendaItem(m, index: i, c))]
        case .deleteItem:
            var m = m
            guard m.agenda.indices.contains(i) else { return [] }
            let removed = m.agenda.remove(at: i)
            AgendaRules.renumber(&m)
            return [
                .ask(
                    title: "Delete agenda item?", message: "\(removed.number). \(removed.title)",
                    choices: [
                        Choice("Keep it"),
                        Choice("Delete", [.edit(.saveMeeting(m, label: "agenda item \(removed.number) deleted"))]),
                    ])
            ]
        case .moveUp, .moveDown:
            var m = m
            let j = command == .moveUp ? i - 1 : i + 1
            guard m.agenda.indices.contains(i), m.agenda.indices.contains(j) else { return [] }
            m.agenda.swapAt(i, j)
            AgendaRules.renumber(&m)
            selection = SelectionState(selected: j, offset: selection.offset)
            return [.edit(.saveMeeting(m, label: "agenda item moved to \(j + 1)"))]
        default:
            return nil
        }
    }
}
