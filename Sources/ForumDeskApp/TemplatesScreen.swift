import Foundation
import ForumDeskCore
import ForumDeskStore
import TerminalUI

/// The agenda templates (`templates/<kind>.json`): every kind of meeting with its standing items in the order a
/// new meeting gets them (opening items, the meeting's own, closing items), kinds with no template too. Items are
/// added, edited, deleted and moved here; each change is one checked, durable save of the kind's file, undone with
/// `u`. A template file that could not be read is shown with its problem and never saved over. Opened from the
/// Meetings screen (`T`) or the palette.
struct TemplatesScreen: Screen {
    var title: String { "Agenda templates" }
    var browser = TableBrowser(sortColumn: 0)

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Agenda templates",
                [
                    Binding(
                        [.char("a")], "Add a standing item to the selected kind's template (opening or closing)",
                        .add, hint: "add"),
                    Binding(
                        [.char("e"), .enter], "Edit the selected item: title, place, purpose, minutes, notes", .edit,
                        hint: "edit"),
                    Binding([.char("d")], "Delete the selected item from the template", .deleteItem),
                    Binding([.char("K")], "Move the item up (among the opening or the closing items)", .moveUp),
                    Binding([.char("J")], "Move the item down (among the opening or the closing items)", .moveDown),
                ]),
            Keys.movement,
        ])
    }

    /// One line of the table: an item of a kind's template, or a kind with no item (no template, an empty one,
    /// or a file that cannot be read).
    struct Row: Equatable {
        var kind: MeetingKind
        var index: Int?
    }

    /// Opening items first, then closing ones, each in the order given: the order a new meeting gets them.
    static func ordered(_ items: [AgendaTemplate.Item]) -> [AgendaTemplate.Item] {
        items.filter { $0.place == .opening } + items.filter { $0.place == .closing }
    }

    func rows(_ c: Context) -> [Row] {
        MeetingKind.allCases.flatMap { kind -> [Row] in
            let items = c.data.templateProblem(kind) == nil ? c.data.templates[kind]?.items ?? [] : []
            return items.isEmpty ? [Row(kind: kind, index: nil)] : items.indices.map { Row(kind: kind, index: $0) }
        }
    }

    func item(_ row: Row, _ c: Context) -> AgendaTemplate.Item? {
        guard let index = row.index, let items = c.data.templates[row.kind]?.items, items.indices.contains(index)
        else { return nil }
        return items[index]
    }

    func table(_ list: [Row], _ c: Context) -> Table {
        let wide = c.contentArea.width - 2 >= 100
        var columns = [
            Column("Kind", .length(19)), Column("No", .length(2), alignRight: true), Column("Place", .length(7)),
            Column("Item", .min(20)), Column("For", .length(13)), Column("Mins", .length(4), alignRight: true),
        ]
        if wide { columns.append(Column("Notes", .min(16))) }
        var previous: MeetingKind?
        let rows = list.map { row -> [String] in
            defer { previous = row.kind }
            let kind = previous == row.kind ? "" : row.kind.label
            guard let item = item(row, c), let index = row.index else {
                let said =
                    c.data.templateProblem(row.kind).map { "⚠ cannot be read: \($0.message)" }
                    ?? (c.data.templates[row.kind] == nil
                        ? "no template yet: a adds one" : "no items: a adds one")
                return [kind, "", "", said, "", ""] + (wide ? [""] : [])
            }
            return [
                kind, String(index + 1), item.place.label, item.title,
                item.purpose.map(Format.purpose).joined(separator: "/"), item.minutes.map(String.init) ?? "",
            ] + (wide ? [item.notes ?? ""] : [])
        }
        return Table(
            columns: columns, rows: rows,
            rowStyles: list.map { row in
                c.data.templateProblem(row.kind) != nil ? Theme.error : (row.index == nil ? Theme.muted : .plain)
            })
    }

    func layout(_ area: Rect, rows: Int) -> ListDetailLayout { ListDetailLayout(area, rows: rows, detailLines: 6) }

    func selected(_ c: Context) -> Row? {
        let list = rows(c)
        var selection = browser.selection
        selection.clamp(count: list.count, visible: 1)
        return list.indices.contains(selection.selected) ? list[selection.selected] : nil
    }

    /// Moves the cursor onto a kind's item (after a move, so it stays on the item moved).
    mutating func select(_ kind: MeetingKind, _ index: Int, _ c: Context) {
        if let at = rows(c).firstIndex(of: Row(kind: kind, index: index)) {
            browser.selection = SelectionState(selected: at, offset: browser.selection.offset)
        }
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let list = rows(c)
        guard let row = selected(c) else { return [] }
        // The councillor view shows the templates and changes nothing (its key map has no editing keys; a click
        // does not open the form either).
        if c.browseOnly, Command.editing.contains(command) { return [] }
        if [.add, .edit, .open, .deleteItem, .moveUp, .moveDown].contains(command),
            let problem = c.data.templateProblem(row.kind)
        {
            return [.message(.error("\(problem.description): fix the file first; ForumDesk does not overwrite it"))]
        }
        switch command {
        case .add:
            return [.push(FormScreen.templateItem(row.kind, index: nil, place: item(row, c)?.place ?? .opening, c))]
        case .edit, .open:
            guard let index = row.index, item(row, c) != nil else {
                return [.message(.info("No item here: press a to add one"))]
            }
            return [.push(FormScreen.templateItem(row.kind, index: index, c))]
        case .deleteItem:
            guard let index = row.index, var template = c.data.templates[row.kind], let removed = item(row, c) else {
                return []
            }
            template.items.remove(at: index)
            return [
                .ask(
                    title: "Delete the standing item?",
                    message: "\(index + 1). \(removed.title) leaves the \(row.kind.label) template (u undoes it). "
                        + "Meetings already made keep it on their agendas.",
                    choices: [
                        Choice("Keep it"),
                        Choice(
                            "Delete",
                            [
                                .edit(
                                    .saveTemplate(
                                        row.kind, template,
                                        label: "\(row.kind.label) template item \(index + 1) deleted"))
                            ]),
                    ])
            ]
        case .moveUp, .moveDown:
            guard let index = row.index, var template = c.data.templates[row.kind] else { return [] }
            let j = command == .moveUp ? index - 1 : index + 1
            guard template.items.indices.contains(index), template.items.indices.contains(j) else { return [] }
            guard template.items[index].place == template.items[j].place else {
                return [
                    .message(
                        .info(
                            "Opening items stay before the meeting's own and closing ones after: e changes its place"))
                ]
            }
            template.items.swapAt(index, j)
            select(row.kind, j, c)
            return [
                .edit(.saveTemplate(row.kind, template, label: "\(row.kind.label) template item moved to \(j + 1)"))
            ]
        default:
            let visible = Table.visibleRows(in: layout(c.contentArea, rows: list.count).table)
            _ = browser.move(command, count: list.count, visible: visible)
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let list = rows(c)
        let areas = layout(c.contentArea, rows: list.count)
        if case .mouse(let mouse) = event, browser.mouse(mouse, table: table(list, c), in: areas.table) == .activated {
            return perform(.edit, c)
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let list = rows(c)
        let areas = layout(area, rows: list.count)
        let count = MeetingKind.allCases.reduce(0) { $0 + (c.data.templates[$1]?.items.count ?? 0) }
        let unreadable = MeetingKind.allCases.filter { c.data.templateProblem($0) != nil }.count
        var status = "\(Format.count(count, "standing item")) in templates/<kind>.json · put on every new meeting"
        if unreadable > 0 { status = "⚠ \(Format.count(unreadable, "template file")) cannot be read · " + status }
        buffer.put(
            status, x: areas.status.x, y: areas.status.y, maxWidth: areas.status.width,
            style: unreadable > 0 ? Theme.warning : Theme.muted)
        var selection = browser.selection
        selection.clamp(count: list.count, visible: Table.visibleRows(in: areas.table))
        table(list, c).render(in: areas.table, into: &buffer, state: selection)
        buffer.put(
            String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y, style: Theme.muted)
        if list.indices.contains(selection.selected) {
            TextView(lines: detail(list[selection.selected], c)).render(
                in: Rect(
                    x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width, height: areas.detail.height - 1
                ),
                into: &buffer, offset: 0)
        }
    }

    func detail(_ row: Row, _ c: Context) -> [StyledLine] {
        if let problem = c.data.templateProblem(row.kind) {
            return [
                StyledLine("\(row.kind.label): \(problem.description)", Theme.error, hangingIndent: 2),
                StyledLine(
                    "ForumDesk does not save over a file it cannot read: correct it (forumdesk validate says where), "
                        + "or move it away to start again.", Theme.muted, hangingIndent: 2),
            ]
        }
        guard let item = item(row, c), let index = row.index else {
            return [
                StyledLine(
                    "\(row.kind.label): new meetings of this kind start with no standing items. "
                        + "a adds the first; it is saved as templates/\(row.kind.rawValue).json.", Theme.muted,
                    hangingIndent: 2)
            ]
        }
        func field(_ name: String, _ value: String) -> StyledLine {
            StyledLine([Span(DisplayWidth.pad(name, to: 9), Theme.muted), Span(value)], hangingIndent: 9)
        }
        var facts = [item.place == .opening ? "opening" : "closing"]
        if !item.purpose.isEmpty { facts.append("for " + item.purpose.map(\.rawValue).joined(separator: ", ")) }
        if let minutes = item.minutes { facts.append("\(minutes) min") }
        var lines = [
            StyledLine(
                [Span("\(index + 1). \(item.title)", .bold), Span("  " + facts.joined(separator: " · "), Theme.muted)],
                hangingIndent: 2)
        ]
        if let notes = item.notes { lines.append(field("Notes", notes)) }
        if item.title.contains(AgendaTemplate.lastHeldToken) {
            lines.append(
                StyledLine(
                    "{lastHeld} becomes the date of the area's last held meeting, e.g. “24 November 2026”.",
                    Theme.muted, hangingIndent: 2))
        }
        return lines
    }
}
