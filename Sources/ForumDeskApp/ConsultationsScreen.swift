import Foundation
import ForumDeskCore
import TerminalUI

/// The joint consultation record (strategy item 30): every consultation with where it stands today (coming,
/// open now, results due, reported), the selected one's details below; Enter shows it in full, `n` adds one,
/// `e` edits it (results and "what we did" once it closes). Opened from the Topics screen (`C`) or the palette.
struct ConsultationsScreen: Screen {
    var title: String { "Consultations" }
    var browser = TableBrowser(sortColumn: 2)

    var textKeys: KeyHelp? { browser.searching ? TableBrowser.searchHelp : nil }

    var keyMap: KeyMap<Command> {
        KeyMap([
            .init(
                "Consultations",
                [
                    Binding([.enter], "Show the selected consultation in full", .open, hint: "open"),
                    Binding(
                        [.char("e")], "Edit it: dates, methods, links, and once closed the results and what changed",
                        .edit, hint: "edit"),
                    Binding([.char("n")], "New consultation", .add, hint: "new"),
                    Keys.search, Keys.sortNext, Keys.sortReverse,
                ]),
            Keys.movement,
        ])
    }

    func rows(_ c: Context) -> [Consultation] {
        let today = c.today
        let matching = c.data.consultations.filter { k in
            browser.matches(
                [
                    k.title, k.id, k.summary ?? "", c.organisationName(k.organisation), k.engagementLevel.rawValue,
                    k.stage(on: today).label,
                ].joined(separator: " "))
        }
        return browser.sorted(
            matching,
            keys: [
                { $0.title.lowercased() }, { Self.order($0.stage(on: today)) }, { $0.opens.description },
                { $0.closes.description },
                { $0.engagementLevel.rawValue }, { c.organisationName($0.organisation).lowercased() },
            ])
    }

    /// Results due first, then open, coming, reported: what needs doing leads.
    static func order(_ stage: ConsultationStage) -> String {
        switch stage {
        case .awaitingResults: "0"
        case .open: "1"
        case .coming: "2"
        case .reported: "3"
        }
    }

    /// Short enough for the table's column.
    static func stageText(_ stage: ConsultationStage) -> String {
        switch stage {
        case .coming: "coming"
        case .open: "open now"
        case .awaitingResults: "results due"
        case .reported: "reported"
        }
    }

    func table(_ list: [Consultation], _ c: Context) -> Table {
        let wide = c.contentArea.width - 2 >= 100
        var columns = [
            Column("Consultation", .min(20)), Column("Stage", .length(12)), Column("Opens", .length(10)),
            Column("Closes", .length(10)),
        ]
        if wide { columns += [Column("Level", .length(11)), Column("Lead", .min(12))] }
        return Table(
            columns: columns,
            rows: list.map { k in
                [k.title, Self.stageText(k.stage(on: c.today)), k.opens.description, k.closes.description]
                    + (wide ? [k.engagementLevel.label, c.organisationName(k.organisation)] : [])
            },
            rowStyles: list.map { k in
                switch k.stage(on: c.today) {
                case .awaitingResults: Theme.warning
                case .reported: Theme.muted
                default: .plain
                }
            }, sort: browser.sort,
            emptyMessage: c.data.consultations.isEmpty
                ? "No consultations yet: press n to add one."
                : "No consultation matches the search.")
    }

    func layout(_ area: Rect, rows: Int) -> ListDetailLayout { ListDetailLayout(area, rows: rows, detailLines: 8) }

    func selected(_ c: Context) -> Consultation? {
        let list = rows(c)
        return list.indices.contains(browser.selection.selected) ? list[browser.selection.selected] : nil
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        let list = rows(c)
        switch command {
        case .add:
            return [.push(FormScreen.consultation(nil, c))]
        case .edit:
            guard let k = selected(c) else { return [] }
            return [.push(FormScreen.consultation(k, c))]
        case .open:
            guard let k = selected(c) else { return [] }
            return [.push(ConsultationDetailScreen(consultationID: k.id))]
        default:
            let visible = Table.visibleRows(in: layout(c.contentArea, rows: list.count).table)
            _ = browser.move(command, count: list.count, visible: visible, columns: table(list, c).columns.count)
        }
        return []
    }

    mutating func handle(_ event: Event, _ c: Context) -> [Effect] {
        let list = rows(c)
        let areas = layout(c.contentArea, rows: list.count)
        if browser.handleTyping(event, count: list.count, visible: Table.visibleRows(in: areas.table)) { return [] }
        if case .mouse(let mouse) = event, browser.mouse(mouse, table: table(list, c), in: areas.table) == .activated {
            return perform(.open, c)
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let list = rows(c)
        let areas = layout(area, rows: list.count)
        let due = ConsultationRules.awaitingResults(c.data.consultations, today: c.today).count
        browser.renderStatus(
            filters: [], count: list.count, total: c.data.consultations.count, in: areas.status, into: &buffer,
            note: due > 0 ? "⚠ \(Format.count(due, "consultation")) closed with no results recorded" : nil)
        var selection = browser.selection
        selection.clamp(count: list.count, visible: Table.visibleRows(in: areas.table))
        table(list, c).render(in: areas.table, into: &buffer, state: selection)
        buffer.put(
            String(repeating: "─", count: areas.detail.width), x: areas.detail.x, y: areas.detail.y, style: Theme.muted)
        if list.indices.contains(selection.selected) {
            TextView(lines: Self.detail(list[selection.selected], c)).render(
                in: Rect(
                    x: areas.detail.x, y: areas.detail.y + 1, width: areas.detail.width, height: areas.detail.height - 1
                ),
                into: &buffer, offset: 0)
        }
    }

    /// Every field as lines: the summary, who leads, where, when, how, what it is linked to, and the outcome.
    static func detail(_ k: Consultation, _ c: Context) -> [StyledLine] {
        func field(_ name: String, _ value: String, _ style: Style = .plain) -> StyledLine {
            StyledLine([Span(DisplayWidth.pad(name, to: 14), Theme.muted), Span(value, style)], hangingIndent: 14)
        }
        let stage = k.stage(on: c.today)
        var lines = [
            StyledLine(
                [
                    Span(k.title, .bold),
                    Span("  " + [k.engagementLevel.label, stage.label].joined(separator: " · "), Theme.muted),
                ],
                hangingIndent: 2)
        ]
        if stage == .awaitingResults {
            lines.append(
                StyledLine("⚠ " + ConsultationRules.reminder(k, today: c.today), Theme.warning, hangingIndent: 2))
        }
        if let summary = k.summary { lines.append(field("Summary", summary)) }
        lines.append(
            field(
                "Lead",
                [c.organisationName(k.organisation), k.contact.map { c.directory.displayName(ofPerson: $0) }]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")))
        let place =
            k.areas.isEmpty && k.wards.isEmpty
            ? "every area"
            : (k.areas.map(c.areaName) + k.wards.map(c.wardName)).joined(separator: "; ")
        lines.append(field("Where", place))
        lines.append(
            field(
                "When",
                "\(Format.day(k.opens).trimmingCharacters(in: .whitespaces)) to \(Format.day(k.closes).trimmingCharacters(in: .whitespaces)) (\(k.lengthInDays) days)"
            ))
        if !k.methods.isEmpty { lines.append(field("How", k.methods.map(\.label).joined(separator: ", "))) }
        if let link = k.link { lines.append(field("Web link", link)) }
        if !k.topics.isEmpty {
            lines.append(field("Topics", k.topics.map { c.data.topic($0)?.title ?? $0 }.joined(separator: "; ")))
        }
        for item in k.items {
            let m = c.data.meeting(item.meeting)
            let title = m?.agenda.first { $0.number == item.item }?.title ?? "item \(item.item)"
            lines.append(
                field(
                    "Meeting item",
                    m.map {
                        "\(Format.day($0.start).trimmingCharacters(in: .whitespaces)) \(c.areaName($0.area)): \(item.item). \(title)"
                    }
                        ?? "\(item.meeting) #\(item.item)"))
        }
        if let responses = k.responses { lines.append(field("Responses", String(responses))) }
        for (category, counts) in k.equality.sorted(by: { $0.key < $1.key }) {
            lines.append(
                field(
                    "  " + category,
                    counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        if let results = k.results { lines.append(field("Results", results)) }
        if let changes = k.changes { lines.append(field("What we did", changes)) }
        return lines
    }
}

/// One consultation in full (Enter on the list): every field, nothing to type; `e` edits it, `q` goes back.
struct ConsultationDetailScreen: Screen {
    let consultationID: String
    var offset = 0

    var title: String { "Consultation" }
    var keyMap: KeyMap<Command> {
        KeyMap([
            .init("Consultation", [Binding([.char("e")], "Edit the consultation", .edit, hint: "edit")]),
            Keys.movement,
        ])
    }

    mutating func perform(_ command: Command, _ c: Context) -> [Effect] {
        switch command {
        case .edit:
            guard let k = c.data.consultation(consultationID) else { return [] }
            return [.pop, .push(FormScreen.consultation(k, c))]
        case .down, .pageDown: offset += command == .down ? 1 : 10
        case .up, .pageUp: offset = max(0, offset - (command == .up ? 1 : 10))
        case .top: offset = 0
        default: break
        }
        return []
    }

    func view(_ c: Context, into buffer: inout Buffer, area: Rect) {
        let inner = area.inset(horizontal: 1)
        guard let k = c.data.consultation(consultationID) else {
            buffer.put("This consultation is no longer in the data.", x: inner.x, y: inner.y, maxWidth: inner.width)
            return
        }
        let lines = ConsultationsScreen.detail(k, c)
        let shown = TextView(lines: lines).wrapped(width: inner.width).count
        TextView(lines: lines).render(in: inner, into: &buffer, offset: min(offset, max(0, shown - inner.height)))
    }
}
